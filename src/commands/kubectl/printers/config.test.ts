import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { describeObject, printTable } from './index.ts';
import { NOW, ago, dbSecret, frontendCM } from './fixtures.ts';
import { base64ByteLength } from './config.ts';

const lines = (...l: string[]): string => l.map((x) => x + '\n').join('');

describe('kubectl get configmaps / secrets', () => {
  it('counts data plus binaryData keys', () => {
    const withBinary: ConfigMap = { ...frontendCM, metadata: { ...frontendCM.metadata, name: 'kube-root-ca.crt' }, binaryData: { logo: 'iVBORw0K' } };
    expect(printTable('ConfigMap', [frontendCM, withBinary], { now: NOW })).toBe(
      lines('NAME               DATA   AGE', 'frontend-cm        2      3m', 'kube-root-ca.crt   3      3m'),
    );
  });

  it('prints the Secret type', () => {
    const tls: Secret = { metadata: { name: 'web-tls', creationTimestamp: ago(40) }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==', 'tls.key': 'eQ==' } };
    expect(printTable('Secret', [dbSecret, tls], { now: NOW })).toBe(
      lines('NAME        TYPE                DATA   AGE', 'db-secret   Opaque              2      2m', 'web-tls     kubernetes.io/tls   2      40s'),
    );
  });
});

describe('kubectl describe configmap', () => {
  it('prints each key under a ---- separator, sorted', () => {
    expect(describeObject(frontendCM, { now: NOW })).toBe(
      lines(
        'Name:         frontend-cm',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'APP:',
        '----',
        'frontend',
        '',
        'ENVIRONMENT:',
        '----',
        'production',
        '',
        '',
        'BinaryData',
        '====',
        '',
        'Events:  <none>',
      ),
    );
  });

  it('keeps multi-line values and lists binary sizes', () => {
    const cm: ConfigMap = {
      kind: 'ConfigMap',
      metadata: { name: 'nginx-conf', namespace: 'web' },
      data: { 'nginx.conf': 'server {\n  listen 80;\n}\n' },
      binaryData: { 'favicon.ico': 'AAABAAEAEBA=' },
    };
    expect(describeObject(cm, { now: NOW })).toBe(
      lines(
        'Name:         nginx-conf',
        'Namespace:    web',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'nginx.conf:',
        '----',
        'server {',
        '  listen 80;',
        '}',
        '',
        '',
        '',
        'BinaryData',
        '====',
        'favicon.ico: 8 bytes',
        '',
        'Events:  <none>',
      ),
    );
  });
});

describe('kubectl describe secret', () => {
  it('prints sizes, never values, and no events', () => {
    expect(describeObject(dbSecret, { now: NOW })).toBe(
      lines(
        'Name:         db-secret',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Type:  Opaque',
        '',
        'Data',
        '====',
        'password:  11 bytes',
        'username:  5 bytes',
      ),
    );
  });

  it('measures base64 data in bytes', () => {
    expect(base64ByteLength('')).toBe(0);
    expect(base64ByteLength('YQ==')).toBe(1);
    expect(base64ByteLength('YWI=')).toBe(2);
    expect(base64ByteLength('YWJj')).toBe(3);
  });
});
