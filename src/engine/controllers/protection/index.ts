// pvc-protection and pv-protection: a claim in use by a scheduled pod, or a volume that is
// still Bound, keeps its finalizer, so deleting it leaves it Terminating until it is free.
import { FINALIZER_PV_PROTECTION, FINALIZER_PVC_PROTECTION } from '../../api/storage.ts';
import { updateResource } from '../../cluster/controller-writes.ts';
import type { Controller } from '../../runtime/controller.ts';
import { podsUsingClaim } from '../queries.ts';

export const pvcProtection: Controller = {
  name: 'pvc-protection-controller',
  source: 'pvc-protection-controller',
  sync(ctx) {
    for (const claim of ctx.txn.list('PersistentVolumeClaim')) {
      if (!claim.metadata.deletionTimestamp || !claim.metadata.finalizers?.includes(FINALIZER_PVC_PROTECTION)) continue;
      // Any pod placed on a node that names the claim blocks it, even a completed one; unscheduled pods do not.
      const users = podsUsingClaim(ctx.txn, claim).filter((p) => p.spec?.nodeName);
      if (users.length > 0) continue;
      updateResource(ctx.txn, { ...claim, metadata: { ...claim.metadata, finalizers: claim.metadata.finalizers.filter((f) => f !== FINALIZER_PVC_PROTECTION) } });
      ctx.step(`pvc-protection-controller released claim ${claim.metadata.namespace}/${claim.metadata.name}: no pod uses it`);
    }
  },
};

export const pvProtection: Controller = {
  name: 'pv-protection-controller',
  source: 'pv-protection-controller',
  sync(ctx) {
    for (const pv of ctx.txn.list('PersistentVolume')) {
      if (!pv.metadata.deletionTimestamp || !pv.metadata.finalizers?.includes(FINALIZER_PV_PROTECTION)) continue;
      if (pv.status?.phase === 'Bound') continue;
      updateResource(ctx.txn, { ...pv, metadata: { ...pv.metadata, finalizers: pv.metadata.finalizers.filter((f) => f !== FINALIZER_PV_PROTECTION) } });
      ctx.step(`pv-protection-controller released volume ${pv.metadata.name}: it is no longer Bound`);
    }
  },
};
