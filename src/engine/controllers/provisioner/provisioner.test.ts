// external-provisioner: table cases, each citing its rule, each run as one sync and settled.
import { describe, expect, it } from 'vitest';
import { pod, pvc, storageClass } from '../../testing/builders.ts';
import type { TestCluster } from '../../testing/harness.ts';
import { runCase, type ControllerCase } from '../../testing/table.ts';
import { externalProvisioner } from './index.ts';

const csiDriver = (name: string) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name } });
const cls = (name: string, provisioner: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name },
  provisioner,
  volumeBindingMode: 'WaitForFirstConsumer',
  ...extra,
});

function volumeOf(tc: TestCluster, claim: string) {
  const c = tc.get('PersistentVolumeClaim', `default/${claim}`)!;
  return tc.get('PersistentVolume', `pvc-${c.metadata.uid}`);
}

const cases: ControllerCase[] = [
  {
    name: 'local-path provisions a hostPath directory pinned to the selected node',
    rule: '§4.5: hostPath DirectoryOrCreate under /var/local-path-provisioner, node affinity to the node',
    preset: 'kind',
    given: [pvc('c', { request: '2Gi' })],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => {
      const v = volumeOf(tc, 'c')!;
      expect(v.spec?.hostPath).toEqual({ path: `/var/local-path-provisioner/${v.metadata.name}_default_c`, type: 'DirectoryOrCreate' });
      expect(v.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]!.matchExpressions).toEqual([{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-control-plane'] }]);
      expect(v.metadata.annotations?.['local.path.provisioner/selected-node']).toBe('kind-control-plane');
    },
  },
  {
    name: 'the PV is named pvc-<claim uid> with claimRef, class, reclaim policy and provisioned-by',
    rule: '§4.3/§4.4: getProvisionedVolumeNameForClaim, provisioned-by annotation, policy from the class',
    preset: 'kind',
    given: [pvc('c')],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => {
      const c = tc.get('PersistentVolumeClaim', 'default/c')!;
      const v = volumeOf(tc, 'c')!;
      expect(v.spec).toMatchObject({ claimRef: { name: 'c', namespace: 'default', uid: c.metadata.uid }, storageClassName: 'standard', persistentVolumeReclaimPolicy: 'Delete', accessModes: ['ReadWriteOnce'] });
      expect(v.metadata.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('rancher.io/local-path');
      expect(v.metadata.finalizers).toContain('kubernetes.io/pv-protection');
    },
  },
  {
    name: 'local-path capacity equals the request',
    rule: '§4.5: capacity equal to the request, not enforced',
    preset: 'kind',
    given: [pvc('c', { request: '750Mi' })],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => expect(volumeOf(tc, 'c')!.spec?.capacity).toEqual({ storage: '750Mi' }),
  },
  {
    name: 'local-path refuses ReadWriteMany',
    rule: '§4.5: NodePath only supports ReadWriteOnce and ReadWriteOncePod',
    preset: 'kind',
    given: [pvc('c', { modes: ['ReadWriteMany'] })],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => {
      expect(volumeOf(tc, 'c')).toBeUndefined();
      expect(tc.events('PersistentVolumeClaim', 'c')).toContain(
        'Warning ProvisioningFailed failed to provision volume with StorageClass "standard": NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes',
      );
    },
  },
  {
    name: 'local-path refuses a claim with a selector',
    rule: '§4.4: claim.Spec.Selector is not supported',
    preset: 'kind',
    given: [pvc('c', { selector: { tier: 'gold' } })],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => expect(tc.events('PersistentVolumeClaim', 'c').some((e) => e.endsWith('claim.Spec.Selector is not supported'))).toBe(true),
  },
  {
    name: 'local-path with Immediate binding has no node to use',
    rule: '§4.5: configuration error, no node was specified',
    preset: 'kind',
    objects: [cls('local-now', 'rancher.io/local-path', { volumeBindingMode: 'Immediate' }), pvc('c', { className: 'local-now' })],
    check: (tc) =>
      expect(tc.events('PersistentVolumeClaim', 'c')).toContain('Warning ProvisioningFailed failed to provision volume with StorageClass "local-now": configuration error, no node was specified'),
  },
  {
    name: 'the provisioner signs Provisioning and ProvisioningSucceeded',
    rule: '§4.4: provisioner-side events on the claim',
    preset: 'kind',
    given: [pvc('c')],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => {
      const events = tc.events('PersistentVolumeClaim', 'c');
      expect(events).toContain('Normal Provisioning External provisioner is provisioning volume for claim "default/c"');
      expect(events.some((e) => /^Normal ProvisioningSucceeded Successfully provisioned volume pvc-[0-9a-f-]{36}$/.test(e))).toBe(true);
    },
  },
  {
    name: 'EBS provisions a zonal CSI volume in the selected node\'s zone',
    rule: '§5.4 step 5: the PV lands in the zone of the node chosen for the pod',
    preset: 'multi-az',
    given: [pvc('c')],
    objects: [pod('p', { claims: ['c'], nodeSelector: { 'topology.kubernetes.io/zone': 'us-east-1c' } })],
    check: (tc) => {
      const v = volumeOf(tc, 'c')!;
      expect(v.spec?.csi).toMatchObject({ driver: 'ebs.csi.aws.com', fsType: 'ext4' });
      expect(v.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]!.matchExpressions![0]!.values).toEqual(['us-east-1c']);
      expect(v.metadata.finalizers).toEqual(['external-provisioner.volume.kubernetes.io/finalizer', 'kubernetes.io/pv-protection']);
    },
  },
  {
    name: 'GCE PD provisions once its CSIDriver is installed',
    rule: 'architecture.md: a CSIDriver object installs a known driver',
    preset: 'multi-az',
    given: [csiDriver('pd.csi.storage.gke.io'), cls('pd', 'pd.csi.storage.gke.io', { parameters: { type: 'pd-balanced' } }), pvc('c', { className: 'pd' })],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => expect(volumeOf(tc, 'c')!.spec?.csi?.volumeHandle).toMatch(/^projects\/playground\/zones\/us-east-1[abc]\/disks\/pvc-/),
  },
  {
    name: 'Azure Disk refuses ReadWriteMany with the driver\'s message',
    rule: 'issue 3: zonal block drivers are RWO/RWOP only',
    preset: 'multi-az',
    given: [csiDriver('disk.csi.azure.com'), cls('azure', 'disk.csi.azure.com'), pvc('c', { className: 'azure', modes: ['ReadWriteMany'] })],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) =>
      expect(tc.events('PersistentVolumeClaim', 'c')).toContain(
        'Warning ProvisioningFailed failed to provision volume with StorageClass "azure": rpc error: code = InvalidArgument desc = Volume capabilities ReadWriteMany not supported. Only AccessModes [ReadWriteOnce ReadWriteOncePod] supported.',
      ),
  },
  {
    name: 'EFS serves ReadWriteMany with no node affinity',
    rule: 'issue 3: shared file drivers are RWX and reachable from every zone',
    preset: 'multi-az',
    given: [csiDriver('efs.csi.aws.com'), cls('efs', 'efs.csi.aws.com', { volumeBindingMode: 'Immediate' })],
    objects: [pvc('c', { className: 'efs', modes: ['ReadWriteMany'] })],
    check: (tc) => {
      const v = volumeOf(tc, 'c')!;
      expect(v.spec?.accessModes).toEqual(['ReadWriteMany']);
      expect(v.spec?.nodeAffinity).toBeUndefined();
      expect(v.spec?.csi?.volumeHandle).toMatch(/^fs-[0-9a-f]{17}::fsap-/);
    },
  },
  {
    name: 'a class whose driver is not installed provisions nothing',
    rule: '§4.4: no such provisioner running: the claim stays Pending',
    preset: 'bare',
    objects: [cls('nfs', 'nfs.csi.k8s.io', { volumeBindingMode: 'Immediate' }), pvc('c', { className: 'nfs' })],
    check: (tc) => {
      expect(volumeOf(tc, 'c')).toBeUndefined();
      expect(tc.get('PersistentVolumeClaim', 'default/c')!.metadata.annotations?.['volume.kubernetes.io/storage-provisioner']).toBe('nfs.csi.k8s.io');
    },
  },
  {
    name: 'the reclaim policy and mount options come from the class',
    rule: '§4.3: reclaim policy from the class (default Delete) and its mountOptions',
    preset: 'kind',
    given: [{ ...storageClass('keep', { policy: 'Retain', mode: 'WaitForFirstConsumer' }), mountOptions: ['noatime'] }, pvc('c', { className: 'keep' })],
    objects: [pod('p', { claims: ['c'] })],
    check: (tc) => expect(volumeOf(tc, 'c')!.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', mountOptions: ['noatime'] }),
  },
];

describe.each(cases)('external-provisioner: $name ($rule)', (c) => {
  it('single sync', () => void runCase(externalProvisioner, c, 'single'));
  it('settled', () => void runCase(externalProvisioner, c, 'settled'));
});
