// The scheduler's placement and its FailedScheduling messages (§5), on the presets.
import { describe, expect, it } from 'vitest';
import { pod, pv, pvc } from '../../testing/builders.ts';
import { TestCluster } from '../../testing/harness.ts';

const NOT_HELPFUL = (n: number) => `preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`;

describe('scheduler', () => {
  it('never places pods on the tainted control plane of kind-multinode, and spreads them over the workers', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(pod('a'), pod('b'));
    const nodes = ['a', 'b'].map((p) => tc.get('Pod', `default/${p}`)!.spec?.nodeName).sort();
    expect(nodes).toEqual(['kind-worker', 'kind-worker2']);
    expect(tc.events('Pod', 'a')[0]).toBe('Normal Scheduled Successfully assigned default/a to kind-worker');
  });

  it('reports every node\'s reason, counted and sorted, like FitError (§5.1)', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(pod('p', { nodeSelector: { disk: 'ssd' } }));
    expect(tc.phase('Pod', 'default/p')).toBe('Pending');
    expect(tc.events('Pod', 'p')).toEqual([
      `Warning FailedScheduling 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. ${NOT_HELPFUL(3)}`,
    ]);
    const pending = tc.state.scheduling['default/p']!;
    expect(pending.nodes['kind-worker']).toEqual({ plugin: 'NodeAffinity', reason: "node(s) didn't match Pod's node affinity/selector" });
    expect(pending.nodes['kind-control-plane']!.plugin).toBe('TaintToleration');
  });

  it('rejects a pod whose claim does not exist, before looking at nodes (§5.2)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pod('p', { claims: ['missing'] }));
    expect(tc.events('Pod', 'p')).toEqual([`Warning FailedScheduling 0/1 nodes are available: persistentvolumeclaim "missing" not found. ${NOT_HELPFUL(1)}`]);
  });

  it('waits for an unbound Immediate claim (§5.2)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pvc('c', { className: '' }), pod('p', { claims: ['c'] }));
    expect(tc.events('Pod', 'p')).toEqual([`Warning FailedScheduling 0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. ${NOT_HELPFUL(1)}`]);
    // A matching volume appears: the claim binds and the pod is scheduled and started.
    tc.apply(pv('v', { className: '' }));
    expect(tc.phase('Pod', 'default/p')).toBe('Running');
  });

  it('keeps a pod away from nodes its bound volume cannot reach, with v1.34\'s wording (§5.3, §14)', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(pv('local', { className: '', nodeAffinityHost: 'kind-worker' }), pvc('c', { className: '' }), pod('p', { claims: ['c'], nodeSelector: { 'kubernetes.io/hostname': 'kind-worker2' } }));
    expect(tc.events('Pod', 'p')).toEqual([
      `Warning FailedScheduling 0/3 nodes are available: 1 node(s) didn't match PersistentVolume's node affinity, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. ${NOT_HELPFUL(3)}`,
    ]);
  });

  it('with WaitForFirstConsumer the volume is provisioned on the node the pod was given (§5.4)', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(pvc('c'), pod('p', { claims: ['c'], nodeSelector: { 'kubernetes.io/hostname': 'kind-worker2' } }));
    const claim = tc.get('PersistentVolumeClaim', 'default/c')!;
    expect(claim.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe('kind-worker2');
    const volume = tc.get('PersistentVolume', claim.spec!.volumeName!)!;
    expect(volume.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]!.matchExpressions![0]!.values).toEqual(['kind-worker2']);
    expect(volume.spec?.hostPath?.path).toBe(`/var/local-path-provisioner/${volume.metadata.name}_default_c`);
    expect(tc.get('Pod', 'default/p')!.spec?.nodeName).toBe('kind-worker2');
  });

  it('a ReadWriteOncePod claim admits one scheduled pod; the next gets the VolumeRestrictions reason (§6)', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(pvc('solo', { modes: ['ReadWriteOncePod'] }), pod('first', { claims: ['solo'] }));
    expect(tc.phase('Pod', 'default/first')).toBe('Running');
    tc.apply(pod('second', { claims: ['solo'] }));
    expect(tc.events('Pod', 'second')).toEqual([
      'Warning FailedScheduling 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ]);
  });

  it('static local volumes with kubernetes.io/no-provisioner and WaitForFirstConsumer: the pod goes where the volume is (§5.4 step 2)', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-storage' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' },
      { ...pv('disk-w2', { className: 'local-storage', nodeAffinityHost: 'kind-worker2' }), spec: { ...pv('x', { className: 'local-storage', nodeAffinityHost: 'kind-worker2' }).spec, hostPath: undefined, local: { path: '/mnt/disks/ssd1' } } },
      pvc('c', { className: 'local-storage' }),
      pod('p', { claims: ['c'] }),
    );
    expect(tc.get('Pod', 'default/p')!.spec?.nodeName).toBe('kind-worker2');
    expect(tc.get('PersistentVolumeClaim', 'default/c')!.spec?.volumeName).toBe('disk-w2');
  });

  it('no static volume and no provisioner: the WaitForFirstConsumer claim cannot be satisfied anywhere (§5.3)', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-storage' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' },
      pvc('c', { className: 'local-storage' }),
      pod('p', { claims: ['c'] }),
    );
    expect(tc.events('Pod', 'p')).toEqual([
      `Warning FailedScheduling 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't find available persistent volumes to bind. ${NOT_HELPFUL(3)}`,
    ]);
  });

  it('allowedTopologies keeps provisioning to the listed zones (§5.5)', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'zone-c-only' },
        provisioner: 'ebs.csi.aws.com',
        volumeBindingMode: 'WaitForFirstConsumer',
        allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['us-east-1c'] }] }],
      },
      pvc('c', { className: 'zone-c-only' }),
      pod('p', { claims: ['c'] }),
    );
    expect(tc.get('Pod', 'default/p')!.spec?.nodeName).toMatch(/^worker-c/);
  });

  it('says so when there are no nodes at all', () => {
    const tc = TestCluster.of('empty');
    tc.apply(pod('p'));
    expect(tc.events('Pod', 'p')).toEqual(['Warning FailedScheduling no nodes available to schedule pods']);
  });

  it('a cordoned node takes no new pods', () => {
    const tc = TestCluster.of('bare');
    const node = tc.get('Node', 'node-1')!;
    tc.apply({ ...node, metadata: { name: 'node-1', labels: node.metadata.labels }, spec: { unschedulable: true }, status: undefined });
    tc.apply(pod('p'));
    expect(tc.events('Pod', 'p')[0]).toBe(`Warning FailedScheduling 0/1 nodes are available: 1 node(s) were unschedulable. ${NOT_HELPFUL(1)}`);
  });
});
