// The one rule for "can this PersistentVolume serve this claim, and if not, the first condition it
// fails" (semantics reference §2.1). The binder, the scheduler's VolumeBinding plugin and the
// explanations all ask it; only the order of the checks differs between the two real code paths
// it follows:
//   - FindMatchingVolume (a claim looking for any volume; the scheduler adds a node), and
//   - checkVolumeSatisfyClaim (a claim that names its volume in spec.volumeName), whose failures
//     become the VolumeMismatch event, worded as the controller words them.
import type { Stored } from './objects.ts';
import { nodeSelectorMatches } from './node-affinity.ts';
import { compareQuantities, formatQuantity, mustParseQuantity, parseQuantity, type Quantity } from './quantity.ts';
import { selectorMatches } from './labels.ts';
import { accessModesString, claimClass, volumeClass } from './storage.ts';

type PV = Stored<'PersistentVolume'>;
type PVC = Stored<'PersistentVolumeClaim'>;
type Node = Stored<'Node'>;

export type BindingCondition = 'claimRef' | 'capacity' | 'volumeMode' | 'deleting' | 'phase' | 'selector' | 'storageClass' | 'accessModes' | 'nodeAffinity';

export type BindingVerdict =
  | { ok: true; preBound: boolean }
  /** `reason` says it to a person (explanations); `message` is the controller's own text, where it has one. */
  | { ok: false; condition: BindingCondition; reason: string; message?: string };

/** A volume's capacity (0 when unreadable, which no claim fits). */
export function capacityOf(pv: PV): Quantity {
  const r = parseQuantity(pv.spec?.capacity?.['storage'] ?? '0');
  return r.ok ? r.quantity : mustParseQuantity('0');
}

/** What a claim asks for. */
export function requestOf(claim: PVC): Quantity {
  const r = parseQuantity(claim.spec?.resources?.requests?.['storage'] ?? '0');
  return r.ok ? r.quantity : mustParseQuantity('0');
}

/** The volume's claimRef points at this claim (by namespace and name, and uid once it has one). */
export function isVolumeBoundToClaim(pv: PV, claim: PVC): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== claim.metadata.name || (ref.namespace ?? '') !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** One condition, checked on its own. Each exists once; the two orders below reuse them. */
const CHECKS: Record<BindingCondition, (pv: PV, claim: PVC, node?: Node) => Omit<Extract<BindingVerdict, { ok: false }>, 'ok' | 'condition'> | undefined> = {
  claimRef: (pv) => {
    const ref = pv.spec?.claimRef;
    if (!ref) return undefined;
    return {
      reason:
        pv.status?.phase === 'Released'
          ? `it is Released and still remembers its old claim ${ref.namespace}/${ref.name}; an admin must clear spec.claimRef before it can be bound again`
          : `it is ${pv.status?.phase === 'Bound' ? 'bound' : 'reserved'} for claim ${ref.namespace}/${ref.name}`,
    };
  },
  capacity: (pv, claim) => {
    const size = capacityOf(pv);
    const request = requestOf(claim);
    if (compareQuantities(size, request) >= 0) return undefined;
    return { reason: `too small: ${formatQuantity(size)} < ${formatQuantity(request)} requested`, message: 'requested PV is too small' };
  },
  volumeMode: (pv, claim) => {
    const pvMode = pv.spec?.volumeMode ?? 'Filesystem';
    const claimMode = claim.spec?.volumeMode ?? 'Filesystem';
    return pvMode === claimMode ? undefined : { reason: `volumeMode ${pvMode}, but the claim wants ${claimMode}`, message: 'incompatible volumeMode' };
  },
  deleting: (pv) => (pv.metadata.deletionTimestamp ? { reason: 'it is being deleted', message: `the volume is marked for deletion "${pv.metadata.name}"` } : undefined),
  phase: (pv) => (pv.status?.phase === 'Available' ? undefined : { reason: `it is ${pv.status?.phase ?? 'Pending'}, not Available` }),
  selector: (pv, claim) => (selectorMatches(claim.spec?.selector, pv.metadata.labels) ? undefined : { reason: "its labels do not match the claim's selector" }),
  storageClass: (pv, claim) => {
    const have = volumeClass(pv);
    const want = claimClass(claim);
    if (have === want) return undefined;
    const name = (c: string) => (c ? `"${c}"` : 'none ("")');
    return { reason: `storage class ${name(have)}, but the claim wants ${name(want)}`, message: 'storageClassName does not match' };
  },
  accessModes: (pv, claim) => {
    const modes = claim.spec?.accessModes ?? [];
    if (modes.every((m) => pv.spec?.accessModes?.includes(m))) return undefined;
    return { reason: `access modes ${accessModesString(pv.spec?.accessModes) || 'none'} do not include ${accessModesString(modes)}`, message: 'incompatible accessMode' };
  },
  nodeAffinity: (pv, _claim, node) =>
    !node || nodeSelectorMatches(pv.spec?.nodeAffinity?.required, node) ? undefined : { reason: `its node affinity does not admit node ${node.metadata.name}` },
};

function run(order: readonly BindingCondition[], pv: PV, claim: PVC, node?: Node): BindingVerdict | undefined {
  for (const condition of order) {
    const failed = CHECKS[condition](pv, claim, node);
    if (failed) return { ok: false, condition, ...failed };
  }
  return undefined;
}

/**
 * FindMatchingVolume's order: a volume reserved for another claim is out; then size, volume mode,
 * deletion and (with a node, for the scheduler) node affinity; a volume pre-bound to this claim
 * then wins; any other must be Available, match the selector, the class and the access modes.
 * Without a node (the binder's path) a pre-bound volume must also offer the claim's access modes:
 * the binder only ever looks in the index groups whose modes contain the claim's.
 */
export function checkBinding(pv: PV, claim: PVC, node?: Node): BindingVerdict {
  const preBound = !!pv.spec?.claimRef && isVolumeBoundToClaim(pv, claim);
  if (preBound) {
    const failed = run(['capacity', 'volumeMode', 'deleting', node ? 'nodeAffinity' : 'accessModes'], pv, claim, node);
    return failed ?? { ok: true, preBound: true };
  }
  return run(['claimRef', 'capacity', 'volumeMode', 'deleting', 'phase', 'selector', 'storageClass', 'accessModes', 'nodeAffinity'], pv, claim, node) ?? { ok: true, preBound: false };
}

/** checkVolumeSatisfyClaim's order, for the volume a claim names: its failures are the VolumeMismatch messages. */
export function checkNamedVolume(pv: PV, claim: PVC): BindingVerdict {
  return run(['deleting', 'capacity', 'storageClass', 'volumeMode', 'accessModes'], pv, claim) ?? { ok: true, preBound: false };
}
