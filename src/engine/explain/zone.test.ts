// §5.5: a volume bound with no node in mind (Immediate, or an admin's volume) in one zone, and a
// pod that can only run elsewhere. The explanation names both places, says the volume's node
// affinity excludes the pod's nodes, and offers only the fixes that work.
import { describe, expect, it } from 'vitest';
import { act, patchObject, viewOf } from '../index.ts';
import { explainObject, zoneConflict, type Explanation } from './index.ts';
import { pod, pv, pvc } from '../testing/builders.ts';
import { TestCluster } from '../testing/harness.ts';

const ZONE = 'topology.kubernetes.io/zone';

/** An EBS class that provisions at once, only in `zone` (allowedTopologies), so the volume's zone is known. */
const immediateClass = (zone: string) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'gp3-now' },
  provisioner: 'ebs.csi.aws.com',
  volumeBindingMode: 'Immediate',
  allowedTopologies: [{ matchLabelExpressions: [{ key: ZONE, values: [zone] }] }],
});

function explain(tc: TestCluster, target: string): Explanation {
  const r = explainObject(viewOf(tc.state), target);
  if (!r.ok) throw new Error(r.error);
  return r.explanation;
}

/** Every fix, to check none is about something that would not help. */
const UNRELATED = /create a PersistentVolume|kubesim explain pvc|label a node|relax the selector/;

describe('a pod held by its volume’s zone', () => {
  it('Immediate in us-east-1a, the pod pinned to us-east-1c: both zones, the affinity, and the three fixes', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(immediateClass('us-east-1a'), pvc('db', { className: 'gp3-now' }), pod('app', { claims: ['db'], nodeSelector: { [ZONE]: 'us-east-1c' } }));
    const volume = tc.get('PersistentVolumeClaim', 'default/db')!.spec!.volumeName!;
    const e = explain(tc, 'pod/app');
    expect(e.status).toBe('Pending');
    expect(e.headline).toContain("0/6 nodes are available: 2 node(s) didn't match PersistentVolume's node affinity, 4 node(s) didn't match Pod's node affinity/selector.");
    expect(e.headline).toContain(`Its volume ${volume} (claim db) is in zone us-east-1a, but the nodes the pod can run on are in zone us-east-1c: the volume's node affinity excludes every node the pod can use`);
    expect(e.sections[1]).toEqual({ title: 'Volumes (where each can be used)', rows: [{ name: volume, verdict: 'zone us-east-1a (claim db, class gp3-now, Immediate)' }] });
    expect(e.fixes).toEqual([
      `run the pod in zone us-east-1a, where its volume is: set its nodeSelector (or node affinity) to ${ZONE}: us-east-1a`,
      `use a StorageClass with volumeBindingMode: WaitForFirstConsumer and recreate claim db with it (delete the pod and the claim, apply both again): the volume is then provisioned in the zone the pod is scheduled to (us-east-1c); the data on ${volume} is lost (reclaim policy Delete)`,
    ]);
    expect(e.needs).toBe('zone us-east-1a');
  });

  it('the volume’s zone cordoned, the pod free to go anywhere: uncordon those nodes, not a selector change', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(immediateClass('us-east-1b'));
    for (const node of ['worker-b1', 'worker-b2']) tc.state = act(tc.state, 'cordon', (txn) => patchObject(txn, 'Node', node, { spec: { unschedulable: true } })).state;
    tc.apply(pvc('db', { className: 'gp3-now' }), pod('app', { claims: ['db'] }));
    const e = explain(tc, 'pod/app');
    expect(e.headline).toContain('is in zone us-east-1b, but the nodes the pod can run on are in zones us-east-1a, us-east-1c');
    expect(e.fixes[0]).toBe('uncordon worker-b1, worker-b2 in zone us-east-1b, where the volume is (kubectl uncordon NODE)');
    expect(e.fixes[1]).toContain('use a StorageClass with volumeBindingMode: WaitForFirstConsumer and recreate claim db');
    expect(e.fixes.join('\n')).not.toMatch(UNRELATED);
    expect(e.needs).toBe('zone us-east-1b');
  });

  it('an admin’s volume tied to one node, the pod kept off it: the node, and a claim that binds a reachable volume', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(pv('local', { className: '', nodeAffinityHost: 'kind-worker' }), pvc('data', { className: '' }), pod('app', { claims: ['data'], nodeSelector: { 'kubernetes.io/hostname': 'kind-worker2' } }));
    const e = explain(tc, 'pod/app');
    expect(e.headline).toContain('Its volume local (claim data) is on node kind-worker, but the only node the pod can run on is kind-worker2: the volume\'s node affinity excludes every node the pod can use');
    expect(e.fixes).toEqual([
      'run the pod on node kind-worker, where its volume is: set its nodeSelector (or node affinity) to kubernetes.io/hostname: kind-worker',
      'recreate claim data so that it binds a volume the pod\'s nodes can reach: a PersistentVolume whose nodeAffinity allows them, or a StorageClass with volumeBindingMode: WaitForFirstConsumer',
    ]);
    expect(e.needs).toBe('node kind-worker');
  });

  it('a pod kept off nodes for its own reasons only has no zone conflict, and no “needs”', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pod('app', { nodeSelector: { disk: 'ssd' } }));
    expect(zoneConflict(viewOf(tc.state), tc.get('Pod', 'default/app')!)).toBeUndefined();
    const e = explain(tc, 'pod/app');
    expect(e.needs).toBeUndefined();
    expect(e.fixes).toEqual(["NodeAffinity: label a node to match the pod's nodeSelector/affinity, or relax the selector"]);
  });

  it('once the pod runs in the volume’s zone, the conflict is gone', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(immediateClass('us-east-1a'), pvc('db', { className: 'gp3-now' }), pod('app', { claims: ['db'], nodeSelector: { [ZONE]: 'us-east-1c' } }));
    tc.state = act(tc.state, 'delete', (txn) => txn.remove('Pod', 'default/app')).state;
    tc.apply(pod('app', { claims: ['db'], nodeSelector: { [ZONE]: 'us-east-1a' } }));
    expect(tc.phase('Pod', 'default/app')).toBe('Running');
    expect(explain(tc, 'pod/app').needs).toBeUndefined();
  });
});
