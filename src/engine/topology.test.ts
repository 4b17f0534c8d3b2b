// Topology the Kubernetes way: Node manifests add simulated nodes, CSIDriver objects install the
// drivers the engine knows, and the presets are what architecture.md lists.
import { describe, expect, it } from 'vitest';
import { pod, pvc, storageClass } from './testing/builders.ts';
import { TestCluster } from './testing/harness.ts';
import { viewOf } from './index.ts';

const node = (name: string, zone: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'topology.kubernetes.io/zone': zone } } });
const ebs = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'ebs.csi.aws.com' }, spec: { attachRequired: true } };

describe('presets', () => {
  it.each([
    ['kind', ['kind-control-plane'], ['standard']],
    ['kind-multinode', ['kind-control-plane', 'kind-worker', 'kind-worker2'], ['standard']],
    ['bare', ['node-1'], []],
    ['multi-az', ['worker-a1', 'worker-a2', 'worker-b1', 'worker-b2', 'worker-c1', 'worker-c2'], ['gp3']],
    ['empty', [], []],
  ] as const)('%s has nodes %j and classes %j', (preset, nodes, classes) => {
    const view = viewOf(TestCluster.of(preset).state);
    expect(view.list('Node').map((n) => n.metadata.name)).toEqual(nodes);
    expect(view.list('StorageClass').map((s) => s.metadata.name)).toEqual(classes);
    expect(view.list('Namespace').map((n) => n.metadata.name)).toEqual(expect.arrayContaining(['default', 'kube-system']));
  });

  it('kind: the control plane is schedulable; kind-multinode: it is tainted', () => {
    expect(TestCluster.of('kind').get('Node', 'kind-control-plane')!.spec?.taints).toBeUndefined();
    expect(TestCluster.of('kind-multinode').get('Node', 'kind-control-plane')!.spec?.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  });

  it('multi-az: zones, the EBS driver and a default gp3 class with WaitForFirstConsumer', () => {
    const tc = TestCluster.of('multi-az');
    expect(tc.get('Node', 'worker-b1')!.metadata.labels?.['topology.kubernetes.io/zone']).toBe('us-east-1b');
    expect(tc.get('CSIDriver', 'ebs.csi.aws.com')).toBeDefined();
    expect(tc.get('StorageClass', 'gp3')).toMatchObject({ provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'WaitForFirstConsumer' });
  });
});

describe('Node and CSIDriver manifests', () => {
  it('a Node manifest adds a Ready, schedulable node with its labels', () => {
    const tc = TestCluster.of('empty');
    tc.apply(node('edge-1', 'lab-a'), pod('p'));
    const n = tc.get('Node', 'edge-1')!;
    expect(n.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'edge-1', 'topology.kubernetes.io/zone': 'lab-a' });
    expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(tc.get('Pod', 'default/p')!.spec?.nodeName).toBe('edge-1');
  });

  it('a class whose CSI driver is not installed leaves claims Pending; applying its CSIDriver installs it', () => {
    const tc = TestCluster.of('empty');
    tc.apply(node('n-a', 'us-east-1a'), node('n-b', 'us-east-1b'), storageClass('gp3', { provisioner: 'ebs.csi.aws.com', mode: 'WaitForFirstConsumer' }));
    tc.apply(pvc('data', { className: 'gp3' }), pod('p', { claims: ['data'], nodeSelector: { 'topology.kubernetes.io/zone': 'us-east-1b' } }));
    expect(tc.phase('PersistentVolumeClaim', 'default/data')).toBe('Pending');
    expect(tc.events('PersistentVolumeClaim', 'data').at(-1)).toContain("Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com'");
    tc.apply(ebs);
    expect(tc.phase('PersistentVolumeClaim', 'default/data')).toBe('Bound');
    const volume = tc.get('PersistentVolume', tc.get('PersistentVolumeClaim', 'default/data')!.spec!.volumeName!)!;
    expect(volume.spec?.csi?.driver).toBe('ebs.csi.aws.com');
    expect(volume.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]!.matchExpressions![0]).toMatchObject({ key: 'topology.kubernetes.io/zone', values: ['us-east-1b'] });
    expect(tc.phase('Pod', 'default/p')).toBe('Running');
  });

  it('on multi-az a WaitForFirstConsumer volume lands in the zone of the node its pod was given', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pvc('data'), pod('p', { claims: ['data'], nodeSelector: { 'topology.kubernetes.io/zone': 'us-east-1c' } }));
    const claim = tc.get('PersistentVolumeClaim', 'default/data')!;
    expect(claim.spec?.storageClassName).toBe('gp3');
    const volume = tc.get('PersistentVolume', claim.spec!.volumeName!)!;
    expect(volume.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]!.matchExpressions![0]!.values).toEqual(['us-east-1c']);
    expect(tc.get('Pod', 'default/p')!.spec?.nodeName).toMatch(/^worker-c[12]$/);
  });

  it('a ReadWriteMany claim on a block driver fails to provision with the driver\'s message', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pvc('shared', { modes: ['ReadWriteMany'] }), pod('p', { claims: ['shared'] }));
    expect(tc.phase('PersistentVolumeClaim', 'default/shared')).toBe('Pending');
    expect(tc.events('PersistentVolumeClaim', 'shared').some((e) => e.startsWith('Warning ProvisioningFailed failed to provision volume with StorageClass "gp3": rpc error: code = InvalidArgument'))).toBe(true);
  });
});

describe('driver parameters', () => {
  const cls = (name: string, provisioner: string, parameters: Record<string, string>) => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner,
    parameters,
    volumeBindingMode: 'WaitForFirstConsumer',
  });

  it.each([
    ['ebs.csi.aws.com', { type: 'gp4' }, 'invalid AWS VolumeType "gp4"'],
    ['pd.csi.storage.gke.io', { type: 'pd-fast' }, 'invalid disk type "pd-fast"'],
    ['disk.csi.azure.com', { skuName: 'Gold_LRS' }, 'azureDisk - Gold_LRS is not supported sku/storageaccounttype'],
  ])('%s rejects %j with a ProvisioningFailed event', (provisioner, parameters, message) => {
    const tc = TestCluster.of('multi-az');
    tc.apply({ apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: provisioner } }, cls('bad', provisioner, parameters), pvc('c', { className: 'bad' }), pod('p', { claims: ['c'] }));
    expect(tc.phase('PersistentVolumeClaim', 'default/c')).toBe('Pending');
    const failed = tc.events('PersistentVolumeClaim', 'c').find((e) => e.startsWith('Warning ProvisioningFailed'));
    expect(failed).toContain('failed to provision volume with StorageClass "bad": rpc error: code = InvalidArgument desc = ');
    expect(failed).toContain(message);
  });

  it('the course\'s two EBS classes (gp3, io1) both provision, and cloud disks round up to whole GiB', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(cls('ebs-sc-gp3', 'ebs.csi.aws.com', { type: 'gp3' }), cls('ebs-sc-io1', 'ebs.csi.aws.com', { type: 'io1' }));
    tc.apply(pvc('a', { className: 'ebs-sc-gp3', request: '10Gi' }), pvc('b', { className: 'ebs-sc-io1', request: '500Mi' }), pod('p', { claims: ['a', 'b'] }));
    expect(tc.phase('PersistentVolumeClaim', 'default/a')).toBe('Bound');
    const b = tc.get('PersistentVolumeClaim', 'default/b')!;
    expect(b.status?.capacity).toEqual({ storage: '1Gi' });
    expect(tc.get('PersistentVolume', b.spec!.volumeName!)!.spec?.csi?.volumeHandle).toMatch(/^vol-0[0-9a-f]{16}$/);
  });
});
