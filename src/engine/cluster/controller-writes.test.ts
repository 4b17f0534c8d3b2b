// The controllers' door: a status write keeps the spec, a controller's update passes the same
// rules as a learner's, the pods/binding subresource, and refusals that come back as API errors.
import { describe, expect, it } from 'vitest';
import type { Stored } from '../api/objects.ts';
import { bindVolumeToClaim } from '../controllers/pv-binder/bind.ts';
import { pod, pv, pvc } from '../testing/builders.ts';
import { TestCluster } from '../testing/harness.ts';
import { bindPod, updateResource, updateStatus } from './controller-writes.ts';
import { beginTxn } from './store.ts';

/** A bare cluster with a 5Gi volume `v` bound to the 2Gi claim `c`. */
function cluster(): TestCluster {
  const tc = TestCluster.of('bare');
  tc.apply(pv('v', { className: '' }), pvc('c', { className: '', request: '2Gi' }));
  return tc;
}

describe('a status write (…/status)', () => {
  it('takes only the status: a changed spec is dropped, the resourceVersion moves, the generation does not', () => {
    const txn = beginTxn(cluster().state);
    const live = txn.get('PersistentVolumeClaim', 'default/c')!;
    const r = updateStatus(txn, { ...live, spec: { ...live.spec, volumeName: 'other' }, status: { ...live.status, phase: 'Lost' } });
    expect(r.ok).toBe(true);
    const stored = txn.get('PersistentVolumeClaim', 'default/c')!;
    expect(stored.status?.phase).toBe('Lost');
    expect(stored.spec).toBe(live.spec);
    expect(Number(stored.metadata.resourceVersion)).toBeGreaterThan(Number(live.metadata.resourceVersion));
    expect(stored.metadata.generation).toBe(live.metadata.generation);
  });

  it('keeps the stored metadata (labels, finalizers) whatever the write carries', () => {
    const txn = beginTxn(cluster().state);
    const live = txn.get('PersistentVolume', 'v')!;
    updateStatus(txn, { ...live, metadata: { ...live.metadata, labels: { sneaky: 'yes' }, finalizers: [] }, status: { phase: 'Failed' } });
    const stored = txn.get('PersistentVolume', 'v')!;
    expect(stored.metadata.labels).toBeUndefined();
    expect(stored.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
  });

  it('writes nothing when the status is unchanged', () => {
    const txn = beginTxn(cluster().state);
    const live = txn.get('PersistentVolume', 'v')!;
    const r = updateStatus(txn, { ...live, status: { ...live.status } });
    expect(r).toEqual({ ok: true, object: live });
    expect(txn.changes).toEqual([]);
  });

  it('refuses a claim capacity below zero with the API server\'s Invalid error, and stores nothing', () => {
    const txn = beginTxn(cluster().state);
    const live = txn.get('PersistentVolumeClaim', 'default/c')!;
    const r = updateStatus(txn, { ...live, status: { ...live.status, capacity: { storage: '-1Gi' } } });
    expect(r).toMatchObject({
      ok: false,
      error: { reason: 'Invalid', message: 'The PersistentVolumeClaim "c" is invalid: status.capacity[storage]: Invalid value: -1073741824: must be a valid resource quantity' },
    });
    expect(txn.get('PersistentVolumeClaim', 'default/c')).toBe(live);
  });

  it('never deletes: a pod being stopped by its kubelet (grace period running) stays', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('p'));
    const txn = beginTxn(tc.state);
    expect(txn.delete('Pod', 'default/p')).toBe('terminating');
    const live = txn.get('Pod', 'default/p')!;
    const r = updateStatus(txn, { ...live, status: { ...live.status, conditions: [] } });
    expect(r.ok && r.object?.metadata.deletionTimestamp).toBeTruthy();
    expect(txn.get('Pod', 'default/p')).toBeDefined();
  });
});

describe('a controller\'s update of the object', () => {
  it('passes immutability like any client: changing a volume\'s volumeMode is Invalid, and the store keeps the old object', () => {
    const txn = beginTxn(cluster().state);
    const live = txn.get('PersistentVolume', 'v')!;
    const r = updateResource(txn, { ...live, spec: { ...live.spec, volumeMode: 'Block' } });
    expect(r).toMatchObject({ ok: false, error: { reason: 'Invalid', message: 'The PersistentVolume "v" is invalid: spec.volumeMode: Invalid value: "Block": field is immutable' } });
    expect(txn.get('PersistentVolume', 'v')).toBe(live);
    expect(txn.changes).toEqual([]);
  });

  it('keeps the stored status (status goes through …/status)', () => {
    const txn = beginTxn(cluster().state);
    const live = txn.get('PersistentVolume', 'v')!;
    const r = updateResource(txn, { ...live, metadata: { ...live.metadata, labels: { tier: 'gold' } }, status: { phase: 'Failed' } });
    expect(r.ok && r.object?.metadata.labels).toEqual({ tier: 'gold' });
    expect(txn.get('PersistentVolume', 'v')!.status?.phase).toBe('Bound');
  });

  it('answers a stale resourceVersion with a Conflict', () => {
    const txn = beginTxn(cluster().state);
    const stale = txn.get('PersistentVolume', 'v')!;
    updateResource(txn, { ...stale, metadata: { ...stale.metadata, labels: { a: '1' } } });
    expect(updateResource(txn, { ...stale, metadata: { ...stale.metadata, labels: { b: '2' } } })).toEqual({
      ok: false,
      error: {
        reason: 'Conflict',
        message: 'Operation cannot be fulfilled on persistentvolumes "v": the object has been modified; please apply your changes to the latest version and try again',
      },
    });
    expect(txn.get('PersistentVolume', 'v')!.metadata.labels).toEqual({ a: '1' });
  });

  it('deletes an object being deleted when it drops the last finalizer', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pvc('gone', { className: '' }));
    const t2 = beginTxn(tc.state);
    expect(t2.delete('PersistentVolumeClaim', 'default/gone')).toBe('terminating');
    const live = t2.get('PersistentVolumeClaim', 'default/gone')!;
    expect(updateResource(t2, { ...live, metadata: { ...live.metadata, finalizers: [] } })).toEqual({ ok: true, object: undefined });
    expect(t2.get('PersistentVolumeClaim', 'default/gone')).toBeUndefined();
  });

  it('moves the generation when the spec changes', () => {
    const tc = TestCluster.of('bare');
    tc.apply({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { replicas: 0, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
    const txn = beginTxn(tc.state);
    const live = txn.get('ReplicaSet', 'default/rs')!;
    const r = updateResource(txn, { ...live, spec: { ...live.spec!, replicas: 2 } });
    expect(r.ok && r.object?.metadata.generation).toBe((live.metadata.generation ?? 1) + 1);
  });

  it('a refused write does not break the binder: a stale volume is left for its next pass', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('free', { className: '' }));
    const t2 = beginTxn(tc.state);
    const stale = t2.get('PersistentVolume', 'free')!;
    updateResource(t2, { ...stale, metadata: { ...stale.metadata, labels: { touched: 'yes' } } });
    const claim = { ...pvc('someone', { className: '' }), metadata: { name: 'someone', namespace: 'default', uid: 'u-1' } } as Stored<'PersistentVolumeClaim'>;
    expect(bindVolumeToClaim(t2, stale, claim)).toBe(stale);
    expect(t2.get('PersistentVolume', 'free')!.spec?.claimRef).toBeUndefined();
  });
});

describe('pods/binding', () => {
  function unscheduled(): TestCluster {
    const tc = TestCluster.of('empty');
    tc.apply(pod('p'));
    return tc;
  }

  it('sets spec.nodeName and replaces the PodScheduled condition, without a new generation', () => {
    const txn = beginTxn(unscheduled().state);
    const live = txn.get('Pod', 'default/p')!;
    expect(live.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    const r = bindPod(txn, live, 'node-9');
    expect(r.ok).toBe(true);
    const bound = txn.get('Pod', 'default/p')!;
    expect(bound.spec?.nodeName).toBe('node-9');
    expect(bound.status?.conditions?.find((c) => c.type === 'PodScheduled')).toEqual({ type: 'PodScheduled', status: 'True', lastTransitionTime: expect.any(String) });
    expect(bound.metadata.generation).toBe(live.metadata.generation);
  });

  it('refuses a pod that already has a node, or is being deleted, as the API server does', () => {
    const txn = beginTxn(unscheduled().state);
    const live = txn.get('Pod', 'default/p')!;
    bindPod(txn, live, 'node-9');
    expect(bindPod(txn, live, 'node-8')).toEqual({
      ok: false,
      error: { reason: 'Conflict', message: 'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "node-9"' },
    });
    const held = TestCluster.of('empty');
    held.apply({ ...pod('q'), metadata: { name: 'q', finalizers: ['example.com/hold'] } });
    const t2 = beginTxn(held.state);
    // An unscheduled pod is deleted at once; the finalizer keeps this one Terminating.
    expect(t2.delete('Pod', 'default/q')).toBe('terminating');
    expect(bindPod(t2, t2.get('Pod', 'default/q')!, 'node-9')).toEqual({
      ok: false,
      error: { reason: 'Conflict', message: 'Operation cannot be fulfilled on pods/binding "q": pod q is being deleted, cannot be assigned to a host' },
    });
    t2.remove('Pod', 'default/q');
    expect(bindPod(t2, live, 'node-9')).toMatchObject({ ok: false, error: { reason: 'NotFound' } });
  });
});
