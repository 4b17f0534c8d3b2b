// Reclaim, protection and expansion: table cases citing their rule, each run as one sync of the
// controller under test (everything else settled) and until settled.
import { describe, expect, it } from 'vitest';
import { deleteObject, patchObject } from '../../index.ts';
import { pod, pv, pvc } from '../../testing/builders.ts';
import type { TestCluster } from '../../testing/harness.ts';
import { runCase, type ControllerCase } from '../../testing/table.ts';
import { expander } from '../expander/index.ts';
import { pvProtection, pvcProtection } from '../protection/index.ts';
import { reclaimer } from './index.ts';

const released = (name: string, policy: string, extra: Parameters<typeof pv>[1] = {}) =>
  pv(name, { className: '', policy, claimRef: { name: 'gone' }, ...extra });
// A claimRef with a uid whose claim no longer exists: the volume is Released (§2.3 volume side).
const withUid = (v: ReturnType<typeof pv>) => ({ ...v, spec: { ...v.spec, claimRef: { ...v.spec!.claimRef!, uid: '00000000-0000-4000-8000-000000000000' } } });

const reclaimCases: ControllerCase[] = [
  {
    name: 'Retain keeps a Released volume and its claimRef',
    rule: '§7 Retain',
    objects: [withUid(released('v', 'Retain'))],
    check: (tc) => {
      expect(tc.phase('PersistentVolume', 'v')).toBe('Released');
      expect(tc.get('PersistentVolume', 'v')!.spec?.claimRef?.name).toBe('gone');
    },
  },
  {
    name: 'Delete on a static hostPath outside /tmp fails',
    rule: '§7 Delete: host_path deleter only supports /tmp/.+',
    objects: [withUid(released('v', 'Delete', { hostPath: '/mnt/data' }))],
    check: (tc) => {
      expect(tc.phase('PersistentVolume', 'v')).toBe('Failed');
      expect(tc.events('PersistentVolume', 'v')).toEqual(['Warning VolumeFailedDelete host_path deleter only supports /tmp/.+ but received provided /mnt/data']);
    },
  },
  {
    name: 'Delete on a static hostPath under /tmp deletes the volume',
    rule: '§7 Delete: the hostPath deleter accepts /tmp/.+',
    objects: [withUid(released('v', 'Delete', { hostPath: '/tmp/scratch' }))],
    check: (tc) => expect(tc.get('PersistentVolume', 'v')).toBeUndefined(),
  },
  {
    name: 'Delete on a volume whose provisioner is not running waits',
    rule: '§7 Delete with an external provisioner: it deletes the volume; none runs here',
    objects: [{ ...withUid(released('v', 'Delete')), metadata: { name: 'v', annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com' } } }],
    check: (tc) => expect(tc.phase('PersistentVolume', 'v')).toBe('Released'),
  },
  {
    name: 'Recycle scrubs the volume and makes it Available',
    rule: '§7 Recycle: VolumeRecycled, claimRef cleared when the controller bound it',
    objects: [{ ...withUid(released('v', 'Recycle')), metadata: { name: 'v', annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' } } }],
    check: (tc) => {
      expect(tc.phase('PersistentVolume', 'v')).toBe('Available');
      expect(tc.get('PersistentVolume', 'v')!.spec?.claimRef).toBeUndefined();
      expect(tc.events('PersistentVolume', 'v')).toEqual(['Normal VolumeRecycled Volume recycled']);
    },
  },
  {
    name: 'Recycle of a user pre-bound volume keeps the reservation, without the uid',
    rule: '§7 Recycle: only claimRef.uid is cleared when the user pre-bound it',
    objects: [withUid(released('v', 'Recycle'))],
    check: (tc) => {
      expect(tc.phase('PersistentVolume', 'v')).toBe('Available');
      expect(tc.get('PersistentVolume', 'v')!.spec?.claimRef).toMatchObject({ name: 'gone', namespace: 'default' });
      expect(tc.get('PersistentVolume', 'v')!.spec?.claimRef?.uid).toBeUndefined();
    },
  },
  {
    name: 'Recycle of a volume type with no recycler fails',
    rule: '§7 Recycle: No recycler plugin found for the volume!',
    objects: [{ ...withUid(released('v', 'Recycle')), spec: { ...withUid(released('v', 'Recycle')).spec, hostPath: undefined, csi: { driver: 'x.io', volumeHandle: 'h' } } }],
    check: (tc) => {
      expect(tc.phase('PersistentVolume', 'v')).toBe('Failed');
      expect(tc.events('PersistentVolume', 'v')).toEqual(['Warning VolumeFailedRecycle No recycler plugin found for the volume!']);
    },
  },
  {
    name: 'a provisioned Delete volume goes with its claim',
    rule: '§7 Delete: the external provisioner deletes the backing storage and the PV',
    preset: 'kind',
    given: [pvc('c'), pod('p', { claims: ['c'] })],
    prepare: (txn) => {
      txn.remove('Pod', 'default/p');
      deleteObject(txn, 'PersistentVolumeClaim', 'default/c');
    },
    objects: [],
    // One reclaimer sync after the claim is gone deletes the volume.
    check: (tc) => expect(tc.state.objects.PersistentVolume ?? {}).toEqual({}),
  },
];

const protectionCases: ControllerCase[] = [
  {
    name: 'a claim used by a scheduled pod stays Terminating',
    rule: '§8: finalizer kept while a pod with spec.nodeName uses the claim',
    given: [pv('v', { className: '' }), pvc('c', { className: '' }), pod('p', { claims: ['c'] })],
    prepare: (txn) => void deleteObject(txn, 'PersistentVolumeClaim', 'default/c'),
    objects: [],
    check: (tc) => expect(tc.get('PersistentVolumeClaim', 'default/c')!.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']),
  },
  {
    name: 'an unscheduled pod does not hold a claim',
    rule: '§8: unscheduled pods do not block deletion',
    preset: 'empty',
    given: [pvc('c', { className: '' }), pod('p', { claims: ['c'] })],
    prepare: (txn) => void deleteObject(txn, 'PersistentVolumeClaim', 'default/c'),
    objects: [],
    check: (tc) => expect(tc.get('PersistentVolumeClaim', 'default/c')).toBeUndefined(),
  },
  {
    name: 'a claim no pod uses goes at once',
    rule: '§8: the finalizer is removed when no pod uses the claim',
    given: [pvc('c', { className: '' })],
    prepare: (txn) => void deleteObject(txn, 'PersistentVolumeClaim', 'default/c'),
    objects: [],
    check: (tc) => expect(tc.get('PersistentVolumeClaim', 'default/c')).toBeUndefined(),
  },
];

const pvProtectionCases: ControllerCase[] = [
  {
    name: 'a Bound volume being deleted stays Terminating',
    rule: '§8: pv-protection keeps a Bound volume',
    given: [pv('v', { className: '' }), pvc('c', { className: '' })],
    prepare: (txn) => void deleteObject(txn, 'PersistentVolume', 'v'),
    objects: [],
    check: (tc) => {
      const v = tc.get('PersistentVolume', 'v')!;
      expect(v.metadata.deletionTimestamp).toBeDefined();
      expect(v.status?.phase).toBe('Bound');
    },
  },
  {
    name: 'an Available volume is deleted at once',
    rule: '§8: the finalizer goes once the phase is not Bound',
    given: [pv('v', { className: '' })],
    prepare: (txn) => void deleteObject(txn, 'PersistentVolume', 'v'),
    objects: [],
    check: (tc) => expect(tc.get('PersistentVolume', 'v')).toBeUndefined(),
  },
  {
    name: 'a Retain volume deleted while bound goes once its claim is deleted, whatever the policy',
    rule: '§8: the PV vanishes regardless of reclaim policy once not Bound',
    given: [pv('v', { className: '', policy: 'Retain' }), pvc('c', { className: '' })],
    prepare: (txn) => {
      deleteObject(txn, 'PersistentVolume', 'v');
      deleteObject(txn, 'PersistentVolumeClaim', 'default/c');
    },
    objects: [],
    check: (tc, mode) => {
      if (mode === 'settled') expect(tc.get('PersistentVolume', 'v')).toBeUndefined();
      else expect(tc.get('PersistentVolumeClaim', 'default/c')).toBeUndefined();
    },
  },
];

const expandable = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'gp3-x' },
  provisioner: 'ebs.csi.aws.com',
  volumeBindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
};
const resize = (size: string) => (txn: Parameters<NonNullable<ControllerCase['prepare']>>[0]) => {
  const r = patchObject(txn, 'PersistentVolumeClaim', 'default/c', { spec: { resources: { requests: { storage: size } } } });
  if (!r.ok) throw new Error(r.error.message);
};
const claimCapacity = (tc: TestCluster) => tc.get('PersistentVolumeClaim', 'default/c')!.status?.capacity?.['storage'];

const expansionCases: ControllerCase[] = [
  {
    name: 'a CSI volume grows, then the filesystem of the mounted claim',
    rule: '§9.4: external-resizer, then the kubelet',
    preset: 'multi-az',
    given: [expandable, pvc('c', { className: 'gp3-x', request: '10Gi' }), pod('p', { claims: ['c'] })],
    prepare: resize('20Gi'),
    objects: [],
    check: (tc, mode) => {
      const volume = tc.get('PersistentVolume', tc.get('PersistentVolumeClaim', 'default/c')!.spec!.volumeName!)!;
      expect(volume.spec?.capacity).toEqual({ storage: '20Gi' });
      expect(claimCapacity(tc)).toBe(mode === 'settled' ? '20Gi' : '10Gi');
    },
  },
  {
    name: 'the claim reports FileSystemResizePending after the volume grew',
    rule: '§9.4: conditions such as FileSystemResizePending',
    preset: 'multi-az',
    given: [expandable, pvc('c', { className: 'gp3-x', request: '10Gi' }), pod('p', { claims: ['c'] })],
    prepare: (txn) => {
      resize('12Gi')(txn);
      txn.remove('Pod', 'default/p');
    },
    objects: [],
    check: (tc) => expect(tc.get('PersistentVolumeClaim', 'default/c')!.status?.conditions?.map((c) => c.type)).toEqual(['FileSystemResizePending']),
  },
  {
    name: 'cloud disks grow in whole GiB',
    rule: 'EBS sizes are whole GiB',
    preset: 'multi-az',
    given: [expandable, pvc('c', { className: 'gp3-x', request: '10Gi' }), pod('p', { claims: ['c'] })],
    prepare: resize('10500Mi'),
    objects: [],
    check: (tc) => expect(tc.get('PersistentVolume', tc.get('PersistentVolumeClaim', 'default/c')!.spec!.volumeName!)!.spec?.capacity).toEqual({ storage: '11Gi' }),
  },
  {
    name: 'a volume with no resizer keeps its size',
    rule: '§9.4: no resizer (local-path): status.capacity stays',
    preset: 'kind',
    given: [{ ...expandable, metadata: { name: 'lp-x' }, provisioner: 'rancher.io/local-path' }, pvc('c', { className: 'lp-x', request: '1Gi' }), pod('p', { claims: ['c'] })],
    prepare: resize('2Gi'),
    objects: [],
    check: (tc) => expect(claimCapacity(tc)).toBe('1Gi'),
  },
  {
    name: 'a shared-file CSI volume has no size to grow',
    rule: '§9.4: only drivers with a resizer expand (EFS is elastic)',
    preset: 'multi-az',
    given: [
      { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'efs.csi.aws.com' } },
      { ...expandable, metadata: { name: 'efs-x' }, provisioner: 'efs.csi.aws.com' },
      pvc('c', { className: 'efs-x', request: '5Gi', modes: ['ReadWriteMany'] }),
      pod('p', { claims: ['c'] }),
    ],
    prepare: resize('8Gi'),
    objects: [],
    check: (tc) => expect(claimCapacity(tc)).toBe('5Gi'),
  },
];

describe.each(reclaimCases)('persistentvolume-reclaimer: $name ($rule)', (c) => {
  it('single sync', () => void runCase(reclaimer, c, 'single'));
  it('settled', () => void runCase(reclaimer, c, 'settled'));
});
describe.each(protectionCases)('pvc-protection: $name ($rule)', (c) => {
  it('single sync', () => void runCase(pvcProtection, c, 'single'));
  it('settled', () => void runCase(pvcProtection, c, 'settled'));
});
describe.each(pvProtectionCases)('pv-protection: $name ($rule)', (c) => {
  it('single sync', () => void runCase(pvProtection, c, 'single'));
  it('settled', () => void runCase(pvProtection, c, 'settled'));
});
describe.each(expansionCases)('volume-expander: $name ($rule)', (c) => {
  it('single sync', () => void runCase(expander, c, 'single'));
  it('settled', () => void runCase(expander, c, 'settled'));
});
