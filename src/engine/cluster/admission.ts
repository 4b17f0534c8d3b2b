// Admission on create: the mutating plugins a storage learner meets (DefaultStorageClass,
// StorageObjectInUseProtection) and the NamespaceLifecycle check.
import { KINDS } from '../api/kinds.ts';
import type { AnyStored, Stored } from '../api/objects.ts';
import {
  FINALIZER_PV_PROTECTION,
  FINALIZER_PVC_PROTECTION,
  claimHasNoClass,
  pickDefaultClass,
} from '../api/storage.ts';
import { completeNode } from './nodes.ts';
import { notFoundError, type ApiError } from './errors.ts';
import type { Txn } from './store.ts';

export function admitCreate(txn: Txn, obj: AnyStored): { ok: true; object: AnyStored } | { ok: false; error: ApiError } {
  if (KINDS[obj.kind].namespaced) {
    const ns = obj.metadata.namespace ?? 'default';
    if (!txn.get('Namespace', ns)) return { ok: false, error: notFoundError('namespaces', ns) };
  }
  switch (obj.kind) {
    case 'PersistentVolumeClaim':
      return { ok: true, object: withFinalizer(defaultStorageClass(txn, obj), FINALIZER_PVC_PROTECTION) };
    case 'PersistentVolume':
      return { ok: true, object: withFinalizer(obj, FINALIZER_PV_PROTECTION) };
    case 'Node':
      return { ok: true, object: completeNode(obj) };
    default:
      return { ok: true, object: obj };
  }
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
