// Items of configMap, secret, downwardAPI and projected volumes: each names a file inside the
// volume, and the API server refuses one without a path or reaching outside it.
import { describe, expect, it } from 'vitest';
import { applyManifest } from '../../write.ts';
import { createCluster } from '../../index.ts';

const pod = (volume: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: a, image: busybox}]\n  volumes:\n  - name: v\n${volume}`;
const error = (volume: string) => applyManifest(createCluster({ preset: 'kind' }), pod(volume), { mode: 'apply' }).result[0]!.error?.message;

describe('volume items', () => {
  it.each([
    ['a configMap item without a path', '    configMap: {name: c, items: [{key: k}]}\n', 'The Pod "p" is invalid: spec.volumes[0].configMap.items[0].path: Required value'],
    ['a secret item without a key', '    secret: {secretName: s, items: [{path: f}]}\n', 'The Pod "p" is invalid: spec.volumes[0].secret.items[0].key: Required value'],
    ['an absolute item path', '    configMap: {name: c, items: [{key: k, path: /etc/x}]}\n', 'The Pod "p" is invalid: spec.volumes[0].configMap.items[0].path: Invalid value: "/etc/x": must be a relative path'],
    [
      'a path that climbs out',
      '    configMap: {name: c, items: [{key: k, path: ../x}]}\n',
      'The Pod "p" is invalid: [spec.volumes[0].configMap.items[0].path: Invalid value: "../x": must not contain \'..\', spec.volumes[0].configMap.items[0].path: Invalid value: "../x": must not start with \'..\']',
    ],
    ['a downwardAPI item without a path', '    downwardAPI: {items: [{fieldRef: {fieldPath: metadata.name}}]}\n', 'The Pod "p" is invalid: spec.volumes[0].downwardAPI.items[0].path: Required value'],
    ['a downwardAPI item without a source', '    downwardAPI: {items: [{path: name}]}\n', 'The Pod "p" is invalid: spec.volumes[0].downwardAPI.items[0]: Required value: one of fieldRef and resourceFieldRef is required'],
    ['a projected token without a path', '    projected: {sources: [{serviceAccountToken: {expirationSeconds: 3600}}]}\n', 'The Pod "p" is invalid: spec.volumes[0].projected.sources[0].serviceAccountToken.path: Required value'],
  ])('%s', (_name, volume, message) => {
    expect(error(volume)).toBe(message);
  });

  it('accepts well-formed items', () => {
    expect(error('    configMap: {name: c, items: [{key: k, path: conf/app.ini}]}\n')).toBeUndefined();
  });
});
