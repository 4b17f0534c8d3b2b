// Admission on create: the mutating plugins a storage learner meets (DefaultStorageClass,
// StorageObjectInUseProtection, ServiceAccount) and the NamespaceLifecycle check.
import { KINDS } from '../api/kinds.ts';
import type { AnyStored, Kind, Stored } from '../api/objects.ts';
import { compareQuantities, mustParseQuantity } from '../api/quantity.ts';
import {
  FINALIZER_PV_PROTECTION,
  claimClass,
  FINALIZER_PVC_PROTECTION,
  claimHasNoClass,
  pickDefaultClass,
} from '../api/storage.ts';
import { completeNode } from './nodes.ts';
import { admitPodServiceAccount } from './service-account-admission.ts';
import { notFoundError, type ApiError } from './errors.ts';
import type { Txn } from './store.ts';

export type Admitted<K extends Kind> = { ok: true; object: Stored<K> } | { ok: false; error: ApiError };

/** NamespaceLifecycle: a namespaced object needs its namespace to exist. */
export function admitNamespaceLifecycle(txn: Txn, obj: AnyStored): ApiError | undefined {
  if (!KINDS[obj.kind].namespaced) return undefined;
  const ns = obj.metadata.namespace ?? 'default';
  return txn.get('Namespace', ns) ? undefined : notFoundError('namespaces', ns);
}

// One function per kind (the registry maps each kind to its own): the mutating admission plugins
// that act on a create of that kind.

/** DefaultStorageClass and StorageObjectInUseProtection. */
export function admitPersistentVolumeClaim(txn: Txn, pvc: Stored<'PersistentVolumeClaim'>): Admitted<'PersistentVolumeClaim'> {
  return { ok: true, object: withFinalizer(defaultStorageClass(txn, pvc), FINALIZER_PVC_PROTECTION) };
}

/** StorageObjectInUseProtection. */
export function admitPersistentVolume(_txn: Txn, pv: Stored<'PersistentVolume'>): Admitted<'PersistentVolume'> {
  return { ok: true, object: withFinalizer(pv, FINALIZER_PV_PROTECTION) };
}

/** A Node object registered by hand gets what its kubelet would report. */
export function admitNode(_txn: Txn, node: Stored<'Node'>): Admitted<'Node'> {
  return { ok: true, object: completeNode(node) };
}

export function admitAsIs<K extends Kind>(_txn: Txn, obj: Stored<K>): Admitted<K> {
  return { ok: true, object: obj };
}

/** DefaultStorageClass: a claim that names no class (nil, not "") gets the effective default, if any. */
function defaultStorageClass(txn: Txn, pvc: Stored<'PersistentVolumeClaim'>): Stored<'PersistentVolumeClaim'> {
  if (!claimHasNoClass(pvc)) return pvc;
  const def = pickDefaultClass(txn.list('StorageClass'));
  if (!def) return pvc;
  return { ...pvc, spec: { ...pvc.spec, storageClassName: def.metadata.name } };
}

function withFinalizer<T extends AnyStored>(obj: T, finalizer: string): T {
  const finalizers = obj.metadata.finalizers ?? [];
  if (finalizers.includes(finalizer)) return obj;
  return { ...obj, metadata: { ...obj.metadata, finalizers: [...finalizers, finalizer] } };
}

/**
 * PersistentVolumeClaimResize admission (semantics reference §9.3): a claim may only grow when it
 * was dynamically provisioned by a class that allows expansion.
 */
export function admitUpdate(txn: Txn, old: AnyStored, next: AnyStored): ApiError | undefined {
  if (old.kind !== 'PersistentVolumeClaim' || next.kind !== 'PersistentVolumeClaim') return undefined;
  const before = old.spec?.resources?.requests?.['storage'];
  const after = next.spec?.resources?.requests?.['storage'];
  if (!before || !after || before === after || compareQuantities(mustParseQuantity(after), mustParseQuantity(before)) <= 0) return undefined;
  const cls = claimClass(next);
  const sc = cls ? txn.get('StorageClass', cls) : undefined;
  if (cls && sc && claimClass(old) === cls && sc.allowVolumeExpansion === true) return undefined;
  return {
    reason: 'Forbidden',
    message: `persistentvolumeclaims "${next.metadata.name}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`,
  };
}
