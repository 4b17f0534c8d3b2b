// Volume expansion (semantics reference §9): who may resize, and the two-stage flow.
import { describe, expect, it } from 'vitest';
import { act, patchObject } from '../../index.ts';
import { pod, pv, pvc } from '../../testing/builders.ts';
import { TestCluster } from '../../testing/harness.ts';

const resizable = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'gp3-expand' },
  provisioner: 'ebs.csi.aws.com',
  parameters: { type: 'gp3' },
  volumeBindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
};

function grow(tc: TestCluster, claim: string, size: string) {
  const r = act(tc.state, 'patch', (txn) => patchObject(txn, 'PersistentVolumeClaim', `default/${claim}`, { spec: { resources: { requests: { storage: size } } } }));
  tc.state = r.state;
  return r.result;
}

const FORBIDDEN = 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';

describe('volume expansion', () => {
  it('grows a CSI volume, then its filesystem through the kubelet of the pod using it (§9.4)', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(resizable, pvc('data', { className: 'gp3-expand', request: '10Gi' }), pod('db', { claims: ['data'] }));
    expect(grow(tc, 'data', '20Gi')).toMatchObject({ ok: true, outcome: 'configured' });
    const claim = tc.get('PersistentVolumeClaim', 'default/data')!;
    expect(claim.status?.capacity).toEqual({ storage: '20Gi' });
    expect(claim.status?.conditions ?? []).toEqual([]);
    expect(tc.get('PersistentVolume', claim.spec!.volumeName!)!.spec?.capacity).toEqual({ storage: '20Gi' });
    expect(tc.events('PersistentVolumeClaim', 'data').slice(-3)).toEqual([
      `Normal Resizing External resizer is resizing volume ${claim.spec!.volumeName}`,
      'Normal FileSystemResizeRequired Require file system resize of volume on node',
      expect.stringMatching(new RegExp(`^Normal FileSystemResizeSuccessful MountVolume.NodeExpandVolume succeeded for volume "${claim.spec!.volumeName}" worker-`)),
    ]);
  });

  it('without a pod, the claim waits with FileSystemResizePending and keeps its old capacity (§9.4)', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(resizable, pvc('data', { className: 'gp3-expand', request: '10Gi' }), pod('db', { claims: ['data'] }));
    tc.state = act(tc.state, 'delete', (txn) => txn.delete('Pod', 'default/db')).state;
    grow(tc, 'data', '15Gi');
    const claim = tc.get('PersistentVolumeClaim', 'default/data')!;
    expect(claim.status?.capacity).toEqual({ storage: '10Gi' });
    expect(claim.status?.conditions).toEqual([
      expect.objectContaining({ type: 'FileSystemResizePending', status: 'True', message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' }),
    ]);
    tc.apply(pod('db2', { claims: ['data'] }));
    expect(tc.get('PersistentVolumeClaim', 'default/data')!.status?.capacity).toEqual({ storage: '15Gi' });
  });

  it('refuses to grow a claim whose class does not allow expansion (§9.3)', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pvc('data', { request: '1Gi' }), pod('p', { claims: ['data'] }));
    expect(grow(tc, 'data', '2Gi')).toMatchObject({ ok: false, error: { reason: 'Forbidden', message: `persistentvolumeclaims "data" is forbidden: ${FORBIDDEN}` } });
  });

  it('refuses to grow a statically bound claim with class "" (§9.3)', () => {
    const tc = TestCluster.of('bare');
    tc.apply(pv('v', { className: '', capacity: '5Gi' }), pvc('data', { className: '', request: '5Gi' }));
    expect(grow(tc, 'data', '6Gi')).toMatchObject({ ok: false, error: { reason: 'Forbidden' } });
  });

  it('refuses to shrink below the capacity, with the validation message first (§9.1-9.2)', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(resizable, pvc('data', { className: 'gp3-expand', request: '10Gi' }), pod('db', { claims: ['data'] }));
    expect(grow(tc, 'data', '5Gi')).toMatchObject({
      ok: false,
      error: { reason: 'Invalid', message: 'The PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity' },
    });
  });

  it('a volume with no resizer keeps its size: spec says more than status (§9.4)', () => {
    const tc = TestCluster.of('kind');
    tc.apply({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-expand' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true });
    tc.apply(pvc('data', { className: 'local-expand', request: '1Gi' }), pod('p', { claims: ['data'] }));
    expect(grow(tc, 'data', '3Gi')).toMatchObject({ ok: true });
    const claim = tc.get('PersistentVolumeClaim', 'default/data')!;
    expect(claim.spec?.resources?.requests).toEqual({ storage: '3Gi' });
    expect(claim.status?.capacity).toEqual({ storage: '1Gi' });
  });
});

describe('explaining a resize', () => {
  it('says why a claim asks for more than it has', async () => {
    const { viewOf } = await import('../../index.ts');
    const { explainObject } = await import('../../explain/index.ts');
    const tc = TestCluster.of('kind');
    tc.apply({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-expand' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true });
    tc.apply(pvc('data', { className: 'local-expand', request: '1Gi' }), pod('p', { claims: ['data'] }));
    grow(tc, 'data', '3Gi');
    const r = explainObject(viewOf(tc.state), 'pvc/data');
    expect(r).toMatchObject({ ok: true, explanation: { status: 'Bound', headline: 'It asks for 3Gi but has 1Gi: its volume (a hostPath directory) has no resizer, so it never grows. Kubernetes never creates a new volume to satisfy a resize.' } });
  });
});
