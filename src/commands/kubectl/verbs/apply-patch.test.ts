// The patch kubectl apply prints when the server refuses it.
import { describe, expect, it } from 'vitest';
import { goJson, infoString, modifiedConfiguration, threeWayPatch } from './apply-patch.ts';

describe('three-way patch', () => {
  it('sends changes from the live object and nulls what the last apply had and the manifest dropped', () => {
    const original = { metadata: { labels: { a: '1', gone: 'x' } }, spec: { size: 1 } };
    const modified = { metadata: { labels: { a: '2' } }, spec: { size: 1, list: [1, 2] } };
    const current = { metadata: { labels: { a: '1', gone: 'x', server: 'y' }, uid: 'u' }, spec: { size: 1, list: [1] }, status: {} };
    expect(threeWayPatch(original, modified, current)).toEqual({ metadata: { labels: { a: '2', gone: null } }, spec: { list: [1, 2] } });
  });

  it('records the manifest in its own annotation, as kubectl does', () => {
    const m = modifiedConfiguration({ kind: 'ConfigMap', metadata: { name: 'x' } });
    expect(m).toEqual({ kind: 'ConfigMap', metadata: { name: 'x', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"ConfigMap","metadata":{"annotations":{},"name":"x"}}\n' } } });
  });

  it('escapes as Go does and names the object as resource.Info prints it', () => {
    expect(goJson({ b: '<&>', a: 1 })).toBe('{"a":1,"b":"\\u003c\\u0026\\u003e"}');
    expect(infoString('Deployment', 'web', 'dev')).toBe('Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "web", Namespace: "dev"');
    expect(infoString('StorageClass', 'fast', '')).toBe('Resource: "storage.k8s.io/v1, Resource=storageclasses", GroupVersionKind: "storage.k8s.io/v1, Kind=StorageClass"\nName: "fast", Namespace: ""');
  });
});
