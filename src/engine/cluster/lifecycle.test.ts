// The API server's write path and object lifecycles: apply/update, immutability, namespaces,
// admission, deletion with finalizers, reclaim and protection.
import { describe, expect, it } from 'vitest';
import { act, deleteObject, patchObject } from '../index.ts';
import { pod, pv, pvc, storageClass } from '../testing/builders.ts';
import { TestCluster } from '../testing/harness.ts';

function del(tc: TestCluster, kind: 'PersistentVolumeClaim' | 'PersistentVolume' | 'Pod' | 'StorageClass', key: string) {
  const r = act(tc.state, 'delete', (txn) => deleteObject(txn, kind, key));
  tc.state = r.state;
  return r.result;
}

function patch(tc: TestCluster, kind: 'PersistentVolume', key: string, body: unknown) {
  const r = act(tc.state, 'patch', (txn) => patchObject(txn, kind, key, body));
  tc.state = r.state;
  return r.result;
}

describe('apply: create, configure, unchanged', () => {
  it('creates, then reports unchanged for the same manifest and configured for a change', () => {
    const tc = TestCluster.of('bare');
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } };
    expect(tc.apply(cm)[0]!.outcome).toBe('created');
    const rv = tc.get('ConfigMap', 'default/cfg')!.metadata.resourceVersion;
    expect(tc.apply(cm)[0]!.outcome).toBe('unchanged');
    expect(tc.get('ConfigMap', 'default/cfg')!.metadata.resourceVersion).toBe(rv);
    expect(tc.apply({ ...cm, data: { a: '2' } })[0]!.outcome).toBe('configured');
    expect(tc.get('ConfigMap', 'default/cfg')!.data).toEqual({ a: '2' });
  });

  it('removes a field that the previous apply set and the new one drops (three-way merge)', () => {
    const tc = TestCluster.of('bare');
    tc.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { a: '1', b: '2' } } });
    tc.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { a: '1' } } });
    expect(tc.get('ConfigMap', 'default/cfg')!.metadata.labels).toEqual({ a: '1' });
  });

  it('fills uid, resourceVersion, creationTimestamp, defaults and the last-applied annotation', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('v', { className: '' }), storageClass('s'));
    const volume = tc.get('PersistentVolume', 'v')!;
    expect(volume.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(volume.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(volume.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
    expect(volume.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    expect(volume.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain('"name":"v"');
    expect(tc.get('StorageClass', 's')).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
  });

  it('a namespace must exist', () => {
    const tc = TestCluster.of('bare');
    const [res] = tc.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'team-a' } });
    expect(res!.error?.api).toMatchObject({ reason: 'NotFound', message: 'namespaces "team-a" not found' });
    tc.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'team-a' } });
    expect(tc.get('ConfigMap', 'team-a/cfg')).toBeDefined();
  });
});

describe('immutability (§9, §3.4)', () => {
  it('a claim\'s spec cannot change after creation while Pending, not even its size', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pvc('c1', { className: '' }));
    const [res] = tc.apply(pvc('c1', { className: '', request: '5Gi' }));
    expect(res!.error?.message).toBe(
      'The PersistentVolumeClaim "c1" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
  });

  it('a bound claim cannot shrink below its capacity', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('v', { capacity: '5Gi', className: '' }), pvc('c1', { request: '2Gi', className: '' }));
    const [res] = tc.apply(pvc('c1', { className: '', request: '1Gi' }));
    expect(res!.error?.message).toContain('spec.resources.requests.storage: Forbidden: field can not be less than status.capacity');
  });

  it('a class\'s provisioner, parameters and reclaim policy are fixed', () => {
    const tc = TestCluster.of('bare');
    tc.apply(storageClass('s', { provisioner: 'a.io/x' }));
    const [res] = tc.apply(storageClass('s', { provisioner: 'b.io/y', policy: 'Retain' }));
    expect(res!.error?.api?.details?.causes).toEqual([
      'provisioner: Forbidden: updates to provisioner are forbidden.',
      'reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.',
    ]);
  });

  it('a volume\'s source is fixed', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('v', { className: '', hostPath: '/a' }));
    const [res] = tc.apply(pv('v', { className: '', hostPath: '/b' }));
    expect(res!.error?.message).toContain('spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation');
  });
});

describe('default StorageClass (§3)', () => {
  it('is written into a claim that names no class, but not into one that says ""', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pvc('none', { className: null }), pvc('opt-out', { className: '' }));
    expect(tc.get('PersistentVolumeClaim', 'default/none')!.spec?.storageClassName).toBe('standard');
    expect(tc.get('PersistentVolumeClaim', 'default/opt-out')!.spec?.storageClassName).toBe('');
  });

  it('with several defaults, the newest wins (§3.1, KK PR #110559)', () => {
    const tc = TestCluster.of('kind');
    tc.state = { ...tc.state, now: tc.state.now + 60_000 };
    tc.apply(storageClass('zz-newer', { provisioner: 'example.com/nas', isDefault: true }), pvc('c1', { className: null }));
    expect(tc.get('PersistentVolumeClaim', 'default/c1')!.spec?.storageClassName).toBe('zz-newer');
  });

  it('is assigned retroactively when a default class appears later (§3.3)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pvc('c1', { className: null }));
    expect(tc.get('PersistentVolumeClaim', 'default/c1')!.spec?.storageClassName).toBeUndefined();
    tc.apply(storageClass('fast', { provisioner: 'example.com/nas', isDefault: true }));
    expect(tc.get('PersistentVolumeClaim', 'default/c1')!.spec?.storageClassName).toBe('fast');
  });
});

describe('deletion with finalizers and protection (§8)', () => {
  it('a claim used by a running pod stays Terminating until the pod is gone, then its Retain volume is Released', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('v', { className: '' }), pvc('c1', { className: '' }), pod('p1', { claims: ['c1'] }));
    expect(tc.phase('Pod', 'default/p1')).toBe('Running');
    expect(del(tc, 'PersistentVolumeClaim', 'default/c1')).toMatchObject({ ok: true, outcome: 'terminating' });
    const claim = tc.get('PersistentVolumeClaim', 'default/c1')!;
    expect(claim.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(claim.status?.phase).toBe('Bound');
    del(tc, 'Pod', 'default/p1');
    expect(tc.get('Pod', 'default/p1')).toBeUndefined();
    expect(tc.get('PersistentVolumeClaim', 'default/c1')).toBeUndefined();
    expect(tc.phase('PersistentVolume', 'v')).toBe('Released');
  });

  it('a Released Retain volume binds no new claim until an admin clears claimRef (§7)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('v', { className: '' }), pvc('c1', { className: '' }));
    del(tc, 'PersistentVolumeClaim', 'default/c1');
    tc.apply(pvc('c1', { className: '' }));
    expect(tc.phase('PersistentVolume', 'v')).toBe('Released');
    expect(tc.phase('PersistentVolumeClaim', 'default/c1')).toBe('Pending');
    patch(tc, 'PersistentVolume', 'v', { spec: { claimRef: null } });
    expect(tc.phase('PersistentVolume', 'v')).toBe('Bound');
    expect(tc.get('PersistentVolumeClaim', 'default/c1')!.spec?.volumeName).toBe('v');
  });

  it('a bound volume being deleted stays Terminating while its claim exists (pv-protection)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('v', { className: '' }), pvc('c1', { className: '' }));
    expect(del(tc, 'PersistentVolume', 'v')).toMatchObject({ outcome: 'terminating' });
    expect(tc.get('PersistentVolume', 'v')!.metadata.deletionTimestamp).toBeDefined();
    del(tc, 'PersistentVolumeClaim', 'default/c1');
    expect(tc.get('PersistentVolume', 'v')).toBeUndefined();
  });

  it('a static hostPath volume with Delete fails to delete outside /tmp (§7)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('v', { className: '', policy: 'Delete', hostPath: '/mnt/data' }), pvc('c1', { className: '' }));
    del(tc, 'PersistentVolumeClaim', 'default/c1');
    expect(tc.phase('PersistentVolume', 'v')).toBe('Failed');
    expect(tc.events('PersistentVolume', 'v')).toEqual(['Warning VolumeFailedDelete host_path deleter only supports /tmp/.+ but received provided /mnt/data']);
  });

  it('a provisioned volume with Delete goes away with its claim', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pvc('c1'), pod('p1', { claims: ['c1'] }));
    const volumeName = tc.get('PersistentVolumeClaim', 'default/c1')!.spec!.volumeName!;
    expect(volumeName).toMatch(/^pvc-/);
    del(tc, 'Pod', 'default/p1');
    del(tc, 'PersistentVolumeClaim', 'default/c1');
    expect(tc.get('PersistentVolume', volumeName)).toBeUndefined();
  });

  it('deleting what does not exist is NotFound', () => {
    const tc = TestCluster.of('bare');
    expect(del(tc, 'PersistentVolumeClaim', 'default/nope')).toMatchObject({ ok: false, error: { reason: 'NotFound', message: 'persistentvolumeclaims "nope" not found' } });
  });
});
