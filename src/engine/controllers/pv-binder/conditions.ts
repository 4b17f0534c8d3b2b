// The binding conditions one at a time, in FindMatchingVolume's order (semantics reference
// §2.1 step 2), as reasons a person can read. The binder's index answers "which volume?";
// this answers "why not this one?", for explanations.
import type { Stored } from '../../api/objects.ts';
import { compareQuantities, formatQuantity } from '../../api/quantity.ts';
import { selectorMatches } from '../../api/labels.ts';
import { accessModesString, claimClass, volumeClass } from '../../api/storage.ts';
import { isVolumeBoundToClaim } from './bind.ts';
import { capacityOf, requestOf } from './match.ts';

type PV = Stored<'PersistentVolume'>;
type PVC = Stored<'PersistentVolumeClaim'>;

export type BindingVerdict =
  | { ok: true; preBound: boolean }
  | { ok: false; condition: BindingCondition; reason: string };

export type BindingCondition = 'claimRef' | 'capacity' | 'volumeMode' | 'deleting' | 'phase' | 'selector' | 'storageClass' | 'accessModes';

/** Whether the binder could bind this volume to this claim, and if not, the first condition it fails. */
export function checkBinding(pv: PV, claim: PVC): BindingVerdict {
  const ref = pv.spec?.claimRef;
  const fail = (condition: BindingCondition, reason: string): BindingVerdict => ({ ok: false, condition, reason });
  const preBound = !!ref && isVolumeBoundToClaim(pv, claim);
  if (ref && !preBound) {
    return fail('claimRef', pv.status?.phase === 'Released'
      ? `it is Released and still remembers its old claim ${ref.namespace}/${ref.name}; an admin must clear spec.claimRef before it can be bound again`
      : `it is ${pv.status?.phase === 'Bound' ? 'bound' : 'reserved'} for claim ${ref.namespace}/${ref.name}`);
  }
  const size = capacityOf(pv);
  const request = requestOf(claim);
  if (compareQuantities(size, request) < 0) {
    return fail('capacity', `too small: ${formatQuantity(size)} < ${formatQuantity(request)} requested`);
  }
  const pvMode = pv.spec?.volumeMode ?? 'Filesystem';
  const claimMode = claim.spec?.volumeMode ?? 'Filesystem';
  if (pvMode !== claimMode) return fail('volumeMode', `volumeMode ${pvMode}, but the claim wants ${claimMode}`);
  if (pv.metadata.deletionTimestamp) return fail('deleting', 'it is being deleted');
  if (preBound) return { ok: true, preBound: true };
  if (pv.status?.phase !== 'Available') return fail('phase', `it is ${pv.status?.phase ?? 'Pending'}, not Available`);
  if (!selectorMatches(claim.spec?.selector, pv.metadata.labels)) return fail('selector', "its labels do not match the claim's selector");
  const pvClass = volumeClass(pv);
  const wanted = claimClass(claim);
  if (pvClass !== wanted) {
    return fail('storageClass', `storage class ${pvClass ? `"${pvClass}"` : 'none ("")'}, but the claim wants ${wanted ? `"${wanted}"` : 'none ("")'}`);
  }
  const modes = claim.spec?.accessModes ?? [];
  if (!modes.every((m) => pv.spec?.accessModes?.includes(m))) {
    return fail('accessModes', `access modes ${accessModesString(pv.spec?.accessModes) || 'none'} do not include ${accessModesString(modes)}`);
  }
  return { ok: true, preBound: false };
}
