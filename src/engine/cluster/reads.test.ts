// The read door: NotFound named as the API server names resources, lists filtered by label and
// field selectors with the server's refusals, and the change feed in resourceVersion order.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import { applyManifest } from '../write.ts';
import { changesSince, countObjects, getObject, listObjects, readerOf } from './reads.ts';

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  labels: {app: web, tier: front}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
  labels: {app: db}
---
apiVersion: v1
kind: Namespace
metadata:
  name: other
`;

function cluster() {
  return applyManifest(createCluster({ preset: 'kind' }), MANIFEST, { mode: 'apply' });
}

describe('getObject', () => {
  it('finds an object, and words NotFound with the qualified resource', () => {
    const api = readerOf(cluster().state);
    expect(getObject(api, 'ConfigMap', 'default', 'a')).toMatchObject({ ok: true, value: { metadata: { name: 'a' } } });
    expect(getObject(api, 'ConfigMap', 'default', 'zz')).toEqual({ ok: false, error: { reason: 'NotFound', message: 'configmaps "zz" not found' } });
    expect(getObject(api, 'StorageClass', undefined, 'fast')).toMatchObject({ error: { message: 'storageclasses.storage.k8s.io "fast" not found' } });
    expect(getObject(api, 'Deployment', 'default', 'web')).toMatchObject({ error: { message: 'deployments.apps "web" not found' } });
  });

  it('treats prototype-like names as names', () => {
    const api = readerOf(cluster().state);
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(getObject(api, 'ConfigMap', 'default', name).ok).toBe(false);
      expect(getObject(api, 'Namespace', undefined, name).ok).toBe(false);
    }
  });
});

describe('listObjects', () => {
  const names = (r: ReturnType<typeof listObjects>) => (r.ok ? r.value.map((o) => o.metadata.name) : r.error.message);

  it('filters by namespace, label selector and field selector', () => {
    const api = readerOf(cluster().state);
    expect(names(listObjects(api, 'ConfigMap', { namespace: 'default', labelSelector: 'app in (web,db)' }))).toEqual(['a', 'b']);
    expect(names(listObjects(api, 'ConfigMap', { namespace: 'default', labelSelector: 'app=web,tier' }))).toEqual(['a']);
    expect(names(listObjects(api, 'ConfigMap', { namespace: 'default', fieldSelector: 'metadata.name!=a', labelSelector: 'app' }))).toEqual(['b']);
    expect(names(listObjects(api, 'Namespace', { fieldSelector: 'status.phase=Active,metadata.name=other' }))).toEqual(['other']);
  });

  it('refuses field labels a kind does not support, in the server words of its conversion', () => {
    const api = readerOf(cluster().state);
    expect(listObjects(api, 'PersistentVolumeClaim', { fieldSelector: 'status.phase!=Bound' })).toEqual({
      ok: false,
      error: { reason: 'BadRequest', message: '"status.phase" is not a known field selector: only "metadata.name", "metadata.namespace"' },
    });
    expect(listObjects(api, 'Pod', { fieldSelector: 'foo=bar' })).toMatchObject({ error: { message: 'field label not supported: foo' } });
    expect(listObjects(api, 'Node', { fieldSelector: 'metadata.namespace=x' })).toMatchObject({ error: { message: 'field label not supported: metadata.namespace' } });
  });

  it('refuses a bad label selector as a BadRequest', () => {
    const api = readerOf(cluster().state);
    expect(listObjects(api, 'ConfigMap', { labelSelector: 'a in (b' })).toMatchObject({ ok: false, error: { reason: 'BadRequest' } });
  });
});

describe('changesSince', () => {
  it('gives every write after a resourceVersion, in order, with the object before and after', () => {
    const first = cluster();
    const rv = first.state.resourceVersion;
    const next = applyManifest(first.state, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {app: api}\n', { mode: 'apply' });
    const deleted = applyManifest(next.state, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n', { mode: 'delete' });
    const feed = changesSince([...next.steps, ...deleted.steps].flatMap((s) => s.changes), rv, 'ConfigMap');
    expect(feed.map((c) => `${c.type} ${c.ref.name}`)).toEqual(['updated a', 'deleted b']);
    expect(feed[0]!.before?.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(feed[0]!.object?.metadata.labels?.['app']).toBe('api');
    expect(feed[1]!.before?.metadata.name).toBe('b');
    expect(feed[1]!.resourceVersion).toBeGreaterThan(feed[0]!.resourceVersion);
    expect(changesSince(feed, feed[1]!.resourceVersion)).toEqual([]);
  });
});

describe('countObjects', () => {
  it('counts the objects of every kind, and follows what is applied', () => {
    const base = createCluster({ preset: 'kind' });
    const before = countObjects(base);
    const byKind = Object.keys(base.objects).reduce((n, k) => n + Object.keys(base.objects[k as keyof typeof base.objects] ?? {}).length, 0);
    expect(before).toBe(byKind);
    const after = applyManifest(base, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n', { mode: 'apply' }).state;
    expect(countObjects(after)).toBe(before + 2);
  });
});
