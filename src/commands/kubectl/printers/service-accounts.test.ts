import type { ServiceAccount } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { describeObject, printTable } from './index.ts';
import { NOW, ago } from './fixtures.ts';
import { describeServiceAccount } from './service-accounts.ts';

const lines = (...l: string[]): string => l.map((x) => x + '\n').join('');
const sa = (name: string, extra: Partial<ServiceAccount> = {}): ServiceAccount & { kind: string } => ({
  kind: 'ServiceAccount',
  metadata: { name, namespace: 'default', creationTimestamp: ago(90) },
  ...extra,
});

describe('kubectl get serviceaccounts', () => {
  it('prints NAME SECRETS AGE, SECRETS counting the secrets references', () => {
    expect(printTable('ServiceAccount', [sa('default'), sa('builder', { secrets: [{ name: 'a' }, { name: 'b' }] })], { now: NOW })).toBe(
      lines('NAME      SECRETS   AGE', 'default   0         90s', 'builder   2         90s'),
    );
  });

  it('gets a NAMESPACE column with -A', () => {
    expect(printTable('ServiceAccount', [sa('default')], { now: NOW, allNamespaces: true })).toBe(lines('NAMESPACE   NAME      SECRETS   AGE', 'default     default   0         90s'));
  });
});

describe('kubectl describe serviceaccount', () => {
  it('prints the three secret lists, sorted by header, <none> when empty, and the events', () => {
    expect(describeObject(sa('default'), { now: NOW })).toBe(
      lines(
        'Name:                default',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  <none>',
        'Mountable secrets:   <none>',
        'Tokens:              <none>',
        'Events:              <none>',
      ),
    );
  });

  it('lists several names under one header and marks the ones that do not exist', () => {
    const robot = sa('robot', { imagePullSecrets: [{ name: 'regcred' }, { name: 'other' }], secrets: [{ name: 'gone' }] });
    expect(describeServiceAccount(robot, NOW, [], ['regcred', 'other'])).toBe(
      lines(
        'Name:                robot',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  regcred',
        '                     other',
        'Mountable secrets:   gone (not found)',
        'Tokens:              <none>',
        'Events:              <none>',
      ),
    );
  });
});
