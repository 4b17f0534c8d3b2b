// persistentvolume-binder: the PV controller's binding loop (kube-controller-manager).
import type { Controller } from '../../runtime/controller.ts';
import { buildVolumeIndex } from './match.ts';
import { forgetGoneClaims } from './record.ts';
import { syncClaim } from './sync-claim.ts';
import { syncVolume } from './sync-volume.ts';

export const pvBinder: Controller = {
  name: 'persistentvolume-binder',
  source: 'persistentvolume-controller',
  sync(ctx) {
    for (const pv of ctx.txn.list('PersistentVolume')) {
      syncVolume(ctx, ctx.txn.get('PersistentVolume', pv.metadata.name) ?? pv);
    }
    forgetGoneClaims(ctx.txn);
    const index = buildVolumeIndex(ctx.txn.list('PersistentVolume'));
    for (const claim of ctx.txn.list('PersistentVolumeClaim')) {
      const latest = ctx.txn.get('PersistentVolumeClaim', `${claim.metadata.namespace}/${claim.metadata.name}`);
      if (latest) syncClaim(ctx, index, latest);
    }
  },
};
