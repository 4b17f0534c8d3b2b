// Storage vocabulary shared by validation, controllers and printers: access modes, PV sources,
// the annotations and finalizers the real controllers write.
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from './objects.ts';

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

const SHORT: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
const PRINT_ORDER = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

/** `RWO,ROX,RWX,RWOP` in kubectl's fixed order, de-duplicated (`GetAccessModesAsString`). */
export function accessModesString(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  return PRINT_ORDER.filter((m) => set.has(m))
    .map((m) => SHORT[m])
    .join(',');
}

/** The volume-source fields of a PersistentVolumeSpec; exactly one must be set. */
export const PV_SOURCE_FIELDS = [
  'hostPath', 'local', 'nfs', 'csi', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'azureFile',
  'iscsi', 'fc', 'cephfs', 'rbd', 'cinder', 'flexVolume', 'glusterfs', 'portworxVolume', 'quobyte',
  'scaleIO', 'storageos', 'vsphereVolume', 'photonPersistentDisk', 'flocker',
] as const;

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
export const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const ANN_BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';
export const FINALIZER_PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const FINALIZER_PV_PROTECTION = 'kubernetes.io/pv-protection';
export const FINALIZER_PV_CONTROLLER = 'kubernetes.io/pv-controller';
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

/** The claim's class: the beta annotation first, then the field; nil reads as "" (GetPersistentVolumeClaimClass). */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] ?? pvc.spec?.storageClassName ?? '';
}

/** Whether the claim names no class at all (nil and no annotation), which is what default-class assignment looks for. */
export function claimHasNoClass(pvc: PersistentVolumeClaim): boolean {
  return pvc.spec?.storageClassName === undefined && pvc.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] === undefined;
}

export function volumeClass(pv: PersistentVolume): string {
  return pv.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] ?? pv.spec?.storageClassName ?? '';
}

export function isDefaultClass(sc: StorageClass): boolean {
  const a = sc.metadata?.annotations ?? {};
  return a[ANN_DEFAULT_CLASS] === 'true' || a[ANN_BETA_DEFAULT_CLASS] === 'true';
}

/** The effective default class: the newest default wins, ties by name ascending (KK PR #110559). */
export function pickDefaultClass<T extends StorageClass>(classes: readonly T[]): T | undefined {
  const defaults = classes.filter(isDefaultClass);
  defaults.sort((a, b) => {
    const ta = a.metadata?.creationTimestamp ?? '';
    const tb = b.metadata?.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? 1 : -1;
    return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
  });
  return defaults[0];
}

/** The `spec.claimRef` a volume gets when it is bound (or reserved) for a claim, uid included. */
export function claimRefTo(claim: PersistentVolumeClaim): ObjectReference {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: claim.metadata?.namespace,
    name: claim.metadata?.name,
    uid: claim.metadata?.uid,
    apiVersion: 'v1',
    resourceVersion: claim.metadata?.resourceVersion,
  };
}

/**
 * The claim a pod volume uses: the one it names (`persistentVolumeClaim.claimName`), or for a
 * generic ephemeral volume the one its controller makes for the pod, `<pod>-<volume>`.
 */
export function podVolumeClaimName(pod: { metadata?: { name?: string } }, volume: { name: string; persistentVolumeClaim?: { claimName: string }; ephemeral?: unknown }): string | undefined {
  if (volume.persistentVolumeClaim?.claimName) return volume.persistentVolumeClaim.claimName;
  return volume.ephemeral ? `${pod.metadata?.name ?? ''}-${volume.name}` : undefined;
}
