// garbage-collector: dependents whose controlling owner is gone are deleted (background cascade).
import { ALL_KINDS, KINDS } from '../../api/kinds.ts';
import type { Kind } from '../../api/objects.ts';
import { GC_DEPENDENT_KINDS } from '../../registry/index.ts';
import type { Controller } from '../../runtime/controller.ts';


export const garbageCollector: Controller = {
  name: 'garbage-collector',
  source: 'garbage-collector-controller',
  sync(ctx) {
    for (const kind of GC_DEPENDENT_KINDS) {
      for (const obj of ctx.txn.list(kind)) {
        const owner = obj.metadata.ownerReferences?.find((r) => r.controller);
        if (!owner || obj.metadata.deletionTimestamp) continue;
        // An owner of a kind the cluster does not serve cannot be looked up: leave the dependent be.
        const ownerKind = ALL_KINDS.find((k) => k === owner.kind);
        if (!ownerKind) continue;
        // A cluster-scoped owner (a Node owning its static pods' mirrors) is looked up cluster-wide.
        const alive = ctx.txn.list(ownerKind, KINDS[ownerKind].namespaced ? obj.metadata.namespace : undefined).some((o) => o.metadata.uid === owner.uid && !o.metadata.deletionTimestamp);
        if (alive) continue;
        ctx.txn.delete(kind, `${obj.metadata.namespace}/${obj.metadata.name}`);
        ctx.step(`garbage-collector deleted ${kind.toLowerCase()} ${obj.metadata.namespace}/${obj.metadata.name}: its owner ${owner.kind.toLowerCase()} ${owner.name} is gone`);
      }
    }
  },
};
