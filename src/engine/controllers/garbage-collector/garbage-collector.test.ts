// Foreground cascading deletion: the owner stays (deletionTimestamp, `foregroundDeletion`) until
// every dependent that blocks its deletion is gone, its ReplicaSets deleted in the foreground in
// turn, so the Deployment goes only after its pods have.
import { describe, expect, it } from 'vitest';
import { act, advanceClock, deleteObject, updateObject } from '../../index.ts';
import { TestCluster } from '../../testing/harness.ts';
import { FOREGROUND_DELETION } from './index.ts';

const web = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } } },
};

/** What a DELETE with propagationPolicy=Foreground does: the finalizer, then the delete. */
function deleteInForeground(tc: TestCluster, kind: 'Deployment', key: string): void {
  tc.state = act(tc.state, 'delete in the foreground', (txn) => {
    const live = txn.get(kind, key)!;
    updateObject(txn, live, { ...live, metadata: { ...live.metadata, finalizers: [FOREGROUND_DELETION] } });
    deleteObject(txn, kind, key);
  }).state;
}

describe('garbage collector: foreground deletion', () => {
  it('keeps the owner until its pods are gone, then takes the finalizer off and it goes', () => {
    const tc = TestCluster.of('kind');
    tc.apply(web);
    expect(tc.list('Pod').filter((p) => p.metadata.labels?.['app'] === 'web')).toHaveLength(2);
    deleteInForeground(tc, 'Deployment', 'default/web');
    // sleep ignores SIGTERM: its pods take the 30 s grace period, and everything above them waits.
    const deploy = tc.get('Deployment', 'default/web');
    expect(deploy?.metadata.deletionTimestamp).toBeDefined();
    expect(deploy?.metadata.finalizers).toEqual([FOREGROUND_DELETION]);
    const rs = tc.list('ReplicaSet');
    expect(rs).toHaveLength(1);
    expect(rs[0]!.metadata.finalizers).toEqual([FOREGROUND_DELETION]);
    expect(rs[0]!.metadata.deletionTimestamp).toBeDefined();
    const pods = tc.list('Pod').filter((p) => p.metadata.labels?.['app'] === 'web');
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.metadata.deletionTimestamp)).toBe(true);
    tc.state = advanceClock(tc.state, 40).state;
    expect(tc.list('Pod').filter((p) => p.metadata.labels?.['app'] === 'web')).toEqual([]);
    expect(tc.list('ReplicaSet')).toEqual([]);
    expect(tc.get('Deployment', 'default/web')).toBeUndefined();
  });

  it('leaves background deletion as it was: the owner goes at once, the dependents after', () => {
    const tc = TestCluster.of('kind');
    tc.apply(web);
    tc.state = act(tc.state, 'delete', (txn) => void deleteObject(txn, 'Deployment', 'default/web')).state;
    expect(tc.get('Deployment', 'default/web')).toBeUndefined();
    expect(tc.list('ReplicaSet')).toEqual([]);
    expect(tc.list('Pod').filter((p) => p.metadata.labels?.['app'] === 'web').every((p) => p.metadata.deletionTimestamp)).toBe(true);
  });
});
