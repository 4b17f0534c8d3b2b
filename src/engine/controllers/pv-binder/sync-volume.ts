// syncVolume (pv_controller.go): a volume's phase follows its claimRef.
//   no claimRef                     → Available
//   claimRef without uid (reserved) → Available until its claim binds it
//   claimRef to a live claim        → Bound
//   claimRef to a claim that is gone (or has a new uid) → Released, then the reclaimer acts
import type { Stored } from '../../api/objects.ts';
import { ANN_BOUND_BY_CONTROLLER } from '../../api/storage.ts';
import { updateResource, updateStatus } from '../../cluster/controller-writes.ts';
import type { ControllerContext } from '../../runtime/controller.ts';

type PV = Stored<'PersistentVolume'>;

export function syncVolume(ctx: ControllerContext, pv: PV): void {
  const ref = pv.spec?.claimRef;
  const phase = pv.status?.phase;
  if (!ref) {
    if (phase !== 'Available' && phase !== 'Failed') {
      setPhase(ctx, pv, 'Available');
      ctx.step(`persistentvolume-binder marked volume ${pv.metadata.name} Available`);
    }
    return;
  }
  if (!ref.uid) {
    // OBSERVATION: reserved for a claim by name; it stays Available until that claim binds it.
    if (phase !== 'Available' && phase !== 'Failed') {
      setPhase(ctx, pv, 'Available');
      ctx.step(`persistentvolume-binder marked volume ${pv.metadata.name} Available, reserved for claim ${ref.namespace}/${ref.name}`);
    }
    return;
  }
  const claim = ctx.txn.get('PersistentVolumeClaim', `${ref.namespace}/${ref.name}`);
  if (!claim || claim.metadata.uid !== ref.uid) {
    if (phase !== 'Released' && phase !== 'Failed') {
      setPhase(ctx, pv, 'Released');
      ctx.step(`persistentvolume-binder marked volume ${pv.metadata.name} Released: its claim ${ref.namespace}/${ref.name} is gone`);
    }
    return;
  }
  if (claim.spec?.volumeName === pv.metadata.name) {
    if (phase !== 'Bound') {
      setPhase(ctx, pv, 'Bound');
      ctx.step(`persistentvolume-binder marked volume ${pv.metadata.name} Bound to claim ${ref.namespace}/${ref.name}`);
    }
    return;
  }
  if (claim.spec?.volumeName && pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    // OBSERVATION: we bound this volume, but the claim went to another one (a race): release it.
    // unbindVolume: the claimRef goes in an update of the volume, the phase in one of its status.
    const { claimRef: _gone, ...spec } = pv.spec ?? {};
    const r = updateResource(ctx.txn, { ...pv, spec });
    if (r.ok && r.object) setPhase(ctx, r.object, 'Available');
    ctx.step(`persistentvolume-binder unbound volume ${pv.metadata.name}: claim ${ref.namespace}/${ref.name} bound another volume`);
  }
  // Otherwise the claim has not caught up yet; syncClaim finishes the binding.
}

function setPhase(ctx: ControllerContext, pv: PV, phase: string): void {
  updateStatus(ctx.txn, { ...pv, status: { ...pv.status, phase } });
}
