// garbage-collector: dependents whose controlling owner is gone (or going) are deleted. An owner
// deleted in the foreground (the `foregroundDeletion` finalizer, set by a delete with
// propagationPolicy=Foreground) stays, with its deletionTimestamp, until no dependent that blocks
// its deletion (`blockOwnerDeletion: true`) is left; then the collector takes the finalizer off
// and the owner goes. Dependents of such an owner that own things themselves are deleted in the
// foreground too, as the real collector does, so a Deployment waits for its pods, not just its
// ReplicaSets.
import { ALL_KINDS, KINDS } from '../../api/kinds.ts';
import type { AnyStored, Kind } from '../../api/objects.ts';
import { GC_DEPENDENT_KINDS } from '../../registry/index.ts';
import type { Controller } from '../../runtime/controller.ts';
import { updateResource } from '../../cluster/controller-writes.ts';
import type { Txn } from '../../cluster/store.ts';

export const FOREGROUND_DELETION = 'foregroundDeletion';

/** Kinds that own collected dependents (workloads, pods, services, nodes): where foreground owners are looked for. */
const OWNER_KINDS: readonly Kind[] = ALL_KINDS.filter((k) => ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'Node'].includes(k));

export const garbageCollector: Controller = {
  name: 'garbage-collector',
  source: 'garbage-collector-controller',
  sync(ctx) {
    // Owners being deleted in the foreground; only when there are any (rarely) is it worth
    // knowing who owns anything and whose deletion is still blocked, as the dependents stand now.
    const waiting = OWNER_KINDS.flatMap((k) => ctx.txn.list(k).filter((o) => o.metadata.deletionTimestamp && o.metadata.finalizers?.includes(FOREGROUND_DELETION)));
    const owning = new Set<string>();
    const blocked = new Set<string>();
    if (waiting.length > 0) {
      for (const kind of GC_DEPENDENT_KINDS) {
        for (const obj of ctx.txn.list(kind)) {
          for (const ref of obj.metadata.ownerReferences ?? []) {
            owning.add(ref.uid);
            if (ref.blockOwnerDeletion) blocked.add(ref.uid);
          }
        }
      }
    }
    for (const kind of GC_DEPENDENT_KINDS) {
      for (const obj of ctx.txn.list(kind)) {
        const owner = obj.metadata.ownerReferences?.find((r) => r.controller);
        if (!owner || obj.metadata.deletionTimestamp) continue;
        // An owner of a kind the cluster does not serve cannot be looked up: leave the dependent be.
        const ownerKind = ALL_KINDS.find((k) => k === owner.kind);
        if (!ownerKind) continue;
        // A cluster-scoped owner (a Node owning its static pods' mirrors) is looked up cluster-wide.
        const found = ctx.txn.list(ownerKind, KINDS[ownerKind].namespaced ? obj.metadata.namespace : undefined).find((o) => o.metadata.uid === owner.uid);
        if (found && !found.metadata.deletionTimestamp) continue;
        const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
        const ownerInForeground = !!found?.metadata.finalizers?.includes(FOREGROUND_DELETION);
        const foreground = ownerInForeground && owning.has(obj.metadata.uid!);
        if (foreground) updateResource(ctx.txn, { ...obj, metadata: { ...obj.metadata, finalizers: [...(obj.metadata.finalizers ?? []), FOREGROUND_DELETION] } });
        ctx.txn.delete(kind, key);
        ctx.step(
          ownerInForeground
            ? `garbage-collector deleted ${kind.toLowerCase()} ${key}${foreground ? ' in the foreground' : ''}: its owner ${owner.kind.toLowerCase()} ${owner.name} is being deleted in the foreground`
            : `garbage-collector deleted ${kind.toLowerCase()} ${key}: its owner ${owner.kind.toLowerCase()} ${owner.name} is gone`,
        );
      }
    }
    // The blocked set is from before this pass's deletions: an owner is let go a pass later, never early.
    releaseForegroundOwners(ctx.txn, waiting, blocked, (s) => ctx.step(s));
  },
};

/** Takes `foregroundDeletion` off each waiting owner that no dependent blocks any more. */
function releaseForegroundOwners(txn: Txn, waiting: readonly AnyStored[], blocked: ReadonlySet<string>, step: (summary: string) => void): void {
  for (const obj of waiting) {
    if (blocked.has(obj.metadata.uid!)) continue;
    updateResource(txn, { ...obj, metadata: { ...obj.metadata, finalizers: (obj.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_DELETION) } } as AnyStored);
    step(`garbage-collector removed the ${FOREGROUND_DELETION} finalizer from ${obj.kind.toLowerCase()} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata.name}: no dependent blocks its deletion`);
  }
}
