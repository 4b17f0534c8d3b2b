// The CSI lifecycle as steps (CreateVolume → ControllerPublish → NodeStage/NodePublish and back)
// and read-write-once enforcement at attach time (semantics reference §6).
import { describe, expect, it } from 'vitest';
import { act, advanceClock, deleteObject, viewOf } from '../../index.ts';
import { applyManifest } from '../../write.ts';
import { pod, pvc, yaml } from '../../testing/builders.ts';
import { TestCluster } from '../../testing/harness.ts';

describe('CSI attach and detach', () => {
  it('walks CreateVolume → VolumeAttachment → ControllerPublish → NodeStage/NodePublish, then back', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pvc('data'), pod('db', { claims: ['data'], nodeSelector: { 'kubernetes.io/hostname': 'worker-b1' } }));
    const view = viewOf(tc.state);
    const [va] = view.list('VolumeAttachment');
    const claim = view.get('PersistentVolumeClaim', 'default/data')!;
    expect(va).toMatchObject({ spec: { attacher: 'ebs.csi.aws.com', nodeName: 'worker-b1', source: { persistentVolumeName: claim.spec!.volumeName } }, status: { attached: true } });
    expect(va!.metadata.name).toMatch(/^csi-[0-9a-f]{64}$/);
    expect(va!.metadata.finalizers).toEqual(['external-attacher/ebs-csi-aws-com']);
    expect(tc.events('Pod', 'db')).toContain(`Normal SuccessfulAttachVolume AttachVolume.Attach succeeded for volume "${claim.spec!.volumeName}" `);
    expect(tc.phase('Pod', 'default/db')).toBe('Running');

    const teardown = act(tc.state, 'user deleted pod db', (txn) => deleteObject(txn, 'Pod', 'default/db'));
    tc.state = teardown.state;
    expect(teardown.steps.map((s) => s.summary)).toEqual([
      'user deleted pod db',
      'kubelet on worker-b1 stopped pod default/db, unmounted its volumes (NodeUnpublishVolume, NodeUnstageVolume) and removed it',
      `attachdetach-controller asked to detach volume ${claim.spec!.volumeName} from node worker-b1: no pod there uses it`,
      `external-attacher ebs.csi.aws.com detached volume ${claim.spec!.volumeName} from node worker-b1 (ControllerUnpublishVolume)`,
    ]);
    expect(viewOf(tc.state).list('VolumeAttachment')).toEqual([]);
  });

  it('the stages appear as steps in order when the pod starts', () => {
    const tc = TestCluster.of('multi-az');
    const run = applyManifest(tc.state, yaml(pvc('data'), pod('db', { claims: ['data'] })), { mode: 'apply' });
    const order = run.steps.map((s) => s.summary).filter((s) => /CreateVolume|VolumeAttachment|ControllerPublishVolume|NodeStageVolume/.test(s));
    expect(order).toHaveLength(4);
    expect(order[0]).toContain('(CreateVolume)');
    expect(order[1]).toContain('created VolumeAttachment');
    expect(order[2]).toContain('(ControllerPublishVolume)');
    expect(order[3]).toContain('(NodeStageVolume, NodePublishVolume)');
  });

  it('a read-write-once volume attached to one node cannot be attached to a second: Multi-Attach error', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pvc('data'), pod('first', { claims: ['data'], nodeSelector: { 'kubernetes.io/hostname': 'worker-a1' } }));
    tc.apply(pod('second', { claims: ['data'], nodeSelector: { 'kubernetes.io/hostname': 'worker-a2' } }));
    const volume = tc.get('PersistentVolumeClaim', 'default/data')!.spec!.volumeName!;
    expect(tc.get('Pod', 'default/second')!.spec?.nodeName).toBe('worker-a2');
    expect(tc.get('Pod', 'default/second')!.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(tc.events('Pod', 'second')).toContain(`Warning FailedAttachVolume Multi-Attach error for volume "${volume}" Volume is already used by pod(s) first`);
    // The kubelet reports the mount timeout only after two minutes.
    expect(tc.events('Pod', 'second').some((e) => e.includes('FailedMount'))).toBe(false);
    tc.state = advanceClock(tc.state, 150).state;
    expect(tc.events('Pod', 'second')).toContain(
      'Warning FailedMount Unable to attach or mount volumes: unmounted volumes=[data-0], unattached volumes=[data-0], failed to process volumes=[]: timed out waiting for the condition',
    );
  });

  it('RWO is not enforced for non-attachable volumes: two pods on two nodes share a hostPath PV (§6)', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'shared-dir' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: '', hostPath: { path: '/mnt/data' } } },
      pvc('data', { className: '' }),
      pod('a', { claims: ['data'], nodeSelector: { 'kubernetes.io/hostname': 'kind-worker' } }),
      pod('b', { claims: ['data'], nodeSelector: { 'kubernetes.io/hostname': 'kind-worker2' } }),
    );
    expect(tc.phase('Pod', 'default/a')).toBe('Running');
    expect(tc.phase('Pod', 'default/b')).toBe('Running');
    expect(viewOf(tc.state).list('VolumeAttachment')).toEqual([]);
  });
});
