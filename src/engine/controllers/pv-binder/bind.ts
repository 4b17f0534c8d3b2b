// The two-way bind (PVC bind()): the volume first (claimRef, then phase Bound), then the claim
// (volumeName and annotations, then status from the volume). If a write is missing, the next
// sync finishes it, so every function here is safe to run again.
import type { Stored } from '../../api/objects.ts';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, claimRefTo } from '../../api/storage.ts';
import { updateResource, updateStatus, writtenOr } from '../../cluster/controller-writes.ts';
import type { Txn } from '../../cluster/store.ts';
import { isVolumeBoundToClaim } from '../../api/volume-binding.ts';

type PV = Stored<'PersistentVolume'>;
type PVC = Stored<'PersistentVolumeClaim'>;

export { isVolumeBoundToClaim } from '../../api/volume-binding.ts';

export function bindVolumeToClaim(txn: Txn, pv: PV, claim: PVC): PV {
  const preBound = isVolumeBoundToClaim(pv, claim);
  const needsRef = !preBound || !pv.spec?.claimRef?.uid;
  let volume = pv;
  if (needsRef) {
    const annotations = preBound ? pv.metadata.annotations : { ...pv.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    const r = updateResource(txn, {
      ...pv,
      metadata: { ...pv.metadata, ...(annotations ? { annotations } : {}) },
      spec: {
        ...pv.spec,
        claimRef: claimRefTo(claim),
      },
    });
    // Refused (a stale read): the volume is left as it was and the next sync tries again.
    if (!r.ok || !r.object) return pv;
    volume = r.object;
  }
  if (volume.status?.phase !== 'Bound') {
    volume = writtenOr(updateStatus(txn, { ...volume, status: { ...volume.status, phase: 'Bound' } }), volume);
  }
  return volume;
}

export function bindClaimToVolume(txn: Txn, claim: PVC, pv: PV): PVC {
  let c = claim;
  const setByController = !claim.spec?.volumeName;
  const annotations = {
    ...claim.metadata.annotations,
    [ANN_BIND_COMPLETED]: 'yes',
    ...(setByController || claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] ? { [ANN_BOUND_BY_CONTROLLER]: 'yes' } : {}),
  };
  if (claim.spec?.volumeName !== pv.metadata.name || claim.metadata.annotations?.[ANN_BIND_COMPLETED] !== 'yes') {
    const r = updateResource(txn, { ...c, metadata: { ...c.metadata, annotations }, spec: { ...c.spec, volumeName: pv.metadata.name } });
    if (!r.ok || !r.object) return c;
    c = r.object;
  }
  // The capacity is copied when the claim becomes Bound, never afterwards: during an expansion the
  // volume grows first and the claim's capacity follows only once the filesystem has (updateClaimStatus).
  const becomingBound = c.status?.phase !== 'Bound';
  const status = { ...c.status, phase: 'Bound', accessModes: pv.spec?.accessModes, capacity: becomingBound || !c.status?.capacity ? pv.spec?.capacity : c.status.capacity };
  if (JSON.stringify(status) !== JSON.stringify(c.status)) {
    c = writtenOr(updateStatus(txn, { ...c, status }), c);
  }
  return c;
}
