// Finding the best volume for a claim (IDX findByClaim + PVH FindMatchingVolume, controller path).
//
// Volumes are indexed once per sync by (storage class, access-mode set) and sorted by capacity.
// A claim searches the groups whose modes contain all the modes it asks for, fewest modes
// first, and takes the smallest volume that fits: so within a group the first fitting volume
// wins. Volumes taken earlier in the same sync are skipped through a "next free" chain, which
// keeps matching n claims against n volumes near n·log n instead of n².
import type { Stored } from '../../api/objects.ts';
import { compareQuantities, type Quantity } from '../../api/quantity.ts';
import { claimClass, volumeClass } from '../../api/storage.ts';
import { capacityOf, checkBinding, requestOf } from '../../api/volume-binding.ts';

export { capacityOf, requestOf } from '../../api/volume-binding.ts';

type PV = Stored<'PersistentVolume'>;
type PVC = Stored<'PersistentVolumeClaim'>;

const MODE_ORDER = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

interface Group {
  modes: ReadonlySet<string>;
  volumes: PV[];
  sizes: Quantity[];
  /** Union-find "next untaken index" chain. */
  next: number[];
}

export interface VolumeIndex {
  /** Groups by class, then by normalised mode list. */
  byClass: Map<string, Group[]>;
  /** Volumes pre-bound (claimRef) to a claim, by `namespace/name`. */
  preBound: Map<string, PV[]>;
}

export function buildVolumeIndex(volumes: readonly PV[]): VolumeIndex {
  const byKey = new Map<string, { cls: string; modes: string[]; volumes: PV[] }>();
  const preBound = new Map<string, PV[]>();
  for (const pv of volumes) {
    const ref = pv.spec?.claimRef;
    if (ref?.name) {
      const k = `${ref.namespace ?? ''}/${ref.name}`;
      preBound.set(k, [...(preBound.get(k) ?? []), pv]);
      continue; // reserved or bound: never a candidate for another claim (rule 2.1.1)
    }
    const modes = normaliseModes(pv.spec?.accessModes);
    const cls = volumeClass(pv);
    const key = `${cls}|${modes.join(',')}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { cls, modes, volumes: [] }));
    entry.volumes.push(pv);
  }
  const byClass = new Map<string, Group[]>();
  for (const { cls, modes, volumes: vs } of byKey.values()) {
    const withSize = vs.map((pv) => ({ pv, size: capacityOf(pv) }));
    withSize.sort((a, b) => compareQuantities(a.size, b.size) || a.pv.metadata.name.localeCompare(b.pv.metadata.name));
    const group: Group = {
      modes: new Set(modes),
      volumes: withSize.map((x) => x.pv),
      sizes: withSize.map((x) => x.size),
      next: withSize.map((_, i) => i),
    };
    byClass.set(cls, [...(byClass.get(cls) ?? []), group]);
  }
  for (const groups of byClass.values()) groups.sort((a, b) => a.modes.size - b.modes.size);
  return { byClass, preBound };
}

/**
 * The volume a claim binds to, or undefined. `delayBinding` (WaitForFirstConsumer) allows only
 * volumes pre-bound to the claim; the scheduler binds the others.
 */
export function findBestMatch(index: VolumeIndex, claim: PVC, delayBinding: boolean): PV | undefined {
  const request = requestOf(claim);
  const claimKey = `${claim.metadata.namespace}/${claim.metadata.name}`;
  const claimModes = claim.spec?.accessModes ?? [];
  // Rule 7: a volume pre-bound to this claim wins, whatever its class, phase or labels.
  for (const pv of index.preBound.get(claimKey) ?? []) {
    const verdict = checkBinding(pv, claim);
    if (verdict.ok && verdict.preBound) return pv;
  }
  if (delayBinding) return undefined; // rule 8
  const groups = index.byClass.get(claimClass(claim)) ?? [];
  for (const group of groups) {
    if (!claimModes.every((m) => group.modes.has(m))) continue;
    let i = find(group, lowerBound(group.sizes, request));
    while (i < group.volumes.length) {
      const pv = group.volumes[i]!;
      // The index narrowed the search by class, modes and size; the rule itself decides.
      if (checkBinding(pv, claim).ok) {
        group.next[i] = i + 1; // taken for the rest of this sync
        return pv;
      }
      i = find(group, i + 1);
    }
  }
  return undefined;
}

function normaliseModes(modes: readonly string[] | undefined): string[] {
  const set = new Set(modes ?? []);
  return MODE_ORDER.filter((m) => set.has(m));
}

function lowerBound(sizes: readonly Quantity[], request: Quantity): number {
  let lo = 0;
  let hi = sizes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareQuantities(sizes[mid]!, request) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function find(group: Group, i: number): number {
  let root = i;
  while (root < group.next.length && group.next[root] !== root) root = group.next[root]!;
  // Path compression keeps later searches short.
  let cur = i;
  while (cur < group.next.length && group.next[cur] !== cur) {
    const nxt = group.next[cur]!;
    group.next[cur] = root;
    cur = nxt;
  }
  return root;
}
