// VolumeRestrictions (pkg/scheduler/framework/plugins/volumerestrictions): a ReadWriteOncePod
// claim may be used by one scheduled pod only. The rejection is Unschedulable (not
// Unresolvable): preemption is tried, in case the other pod could be evicted.
import { SUCCESS, unschedulable, type FilterPlugin } from '../framework.ts';
import { podVolumeClaimName } from '../../../api/storage.ts';

export const REASON_RWOP_CONFLICT = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';

export const volumeRestrictions: FilterPlugin = {
  name: 'VolumeRestrictions',
  filter(view, pod, _node, cycle) {
    for (const claim of cycle.claims) {
      if (!claim.spec?.accessModes?.includes('ReadWriteOncePod')) continue;
      const inUse = view
        .list('Pod', pod.metadata.namespace)
        .some(
          (other) =>
            other.metadata.uid !== pod.metadata.uid &&
            !!other.spec?.nodeName &&
            other.status?.phase !== 'Succeeded' &&
            other.status?.phase !== 'Failed' &&
            (other.spec.volumes ?? []).some((v) => podVolumeClaimName(other, v) === claim.metadata.name),
        );
      if (inUse) return unschedulable(REASON_RWOP_CONFLICT);
    }
    return SUCCESS;
  },
};
