// What the API server does to a DELETE's propagationPolicy before the object itself is deleted
// (shared by `kubesim serve`'s DELETE and `kubesim run`'s `kubectl delete --cascade`):
// Foreground puts the `foregroundDeletion` finalizer on the owner, so it stays (with its
// deletionTimestamp) until the garbage collector has deleted the dependents that block it;
// Orphan takes the owner's reference off each dependent, which then stays, owned by nobody.
// Background (the default) needs nothing: the collector deletes dependents after the owner.
import { KINDS } from '../../api/kinds.ts';
import type { AnyStored, Kind } from '../../api/objects.ts';
import { getObject, listObjects } from '../../cluster/reads.ts';
import { updateObject } from '../../cluster/apply.ts';
import type { Txn } from '../../cluster/store.ts';
import { FOREGROUND_DELETION } from './index.ts';

export function markForeground(txn: Txn, kind: Kind, key: string): void {
  const live = txn.get(kind, key);
  if (!live || live.metadata.finalizers?.includes(FOREGROUND_DELETION)) return;
  updateObject(txn, live, { ...live, metadata: { ...live.metadata, finalizers: [...(live.metadata.finalizers ?? []), FOREGROUND_DELETION] } } as AnyStored);
}

export function orphanDependents(txn: Txn, kind: Kind, namespace: string | undefined, name: string): void {
  const owner = getObject(txn, kind, namespace, name);
  if (!owner.ok) return;
  const uid = owner.value.metadata.uid;
  for (const dependentKind of Object.keys(KINDS) as Kind[]) {
    const info = KINDS[dependentKind];
    if (info.namespaced && namespace === undefined) continue;
    const listed = listObjects(txn, dependentKind, info.namespaced ? { namespace: namespace! } : {});
    if (!listed.ok) continue;
    for (const o of listed.value) {
      const refs = o.metadata.ownerReferences ?? [];
      if (!refs.some((r) => r.uid === uid)) continue;
      const rest = refs.filter((r) => r.uid !== uid);
      updateObject(txn, o, { ...o, metadata: { ...o.metadata, ownerReferences: rest.length > 0 ? rest : undefined } } as AnyStored);
    }
  }
}
