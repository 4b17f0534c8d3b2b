// A directory's children by name, as plain JSON that is cheap to copy on write. Up to LEAF_SIZE
// children sit in one array of [name, value] pairs sorted by name; a bigger directory is split
// into up to 32 slots by five bits of a hash of the name, and each slot again by the next five
// bits when it is big (a hash array mapped trie). A change copies one table per level, so a write
// into a directory of 10,000 files copies about a hundred references instead of 10,000.
//
// The shape depends only on the names held, never on the order they came in (a table is a leaf
// exactly when it holds LEAF_SIZE names or fewer), so two trees with the same files are equal
// for toEqual and for JSON however they were made. Names are only ever compared as strings,
// never used as object keys, so `__proto__`, `constructor` or `toString` are names like any other.
//
// Each value comes with a weight (the bytes below a directory entry) and every table knows its
// total, so the bytes of a whole directory are known without visiting its files.

export type NamePair<T> = readonly [name: string, value: T, weight: number];

/** Slots of a split table, by the hash digit of the names they hold (keys 0–31, never user text). */
export interface NameBranch<T> {
  /** How many names the whole branch holds. */
  readonly count: number;
  /** The sum of their weights. */
  readonly weight: number;
  readonly slots: Readonly<Record<number, NameTable<T>>>;
}

export type NameTable<T> = readonly NamePair<T>[] | NameBranch<T>;

const LEAF_SIZE = 32;
const BITS = 5;
/** Below this depth the hash has no bits left: tables there stay leaves whatever their size. */
const MAX_DEPTH = 6;

/** FNV-1a over UTF-16 units with murmur3's finaliser, so that similar names spread evenly. */
function hashOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const digit = (hash: number, depth: number) => (hash >>> (depth * BITS)) & 31;

const isLeaf = <T>(t: NameTable<T>): t is readonly NamePair<T>[] => Array.isArray(t);

/**
 * Where a name is in a sorted leaf (its index), or where it would go (`-1 - index`): a number, not
 * an object, because every step of every path lookup searches a leaf.
 */
function search<T>(leaf: readonly NamePair<T>[], name: string): number {
  let lo = 0;
  let hi = leaf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = leaf[mid]![0];
    if (at === name) return mid;
    if (at < name) lo = mid + 1;
    else hi = mid;
  }
  return -1 - lo;
}

export function tableSize<T>(t: NameTable<T> | undefined): number {
  return !t ? 0 : isLeaf(t) ? t.length : t.count;
}

/** The sum of the weights of every value held. */
export function tableWeight<T>(t: NameTable<T> | undefined): number {
  if (!t) return 0;
  if (!isLeaf(t)) return t.weight;
  let sum = 0;
  for (const pair of t) sum += pair[2];
  return sum;
}

export function tableGet<T>(t: NameTable<T> | undefined, name: string): T | undefined {
  if (!t) return undefined;
  const hash = isLeaf(t) ? 0 : hashOf(name);
  for (let depth = 0; ; depth++) {
    if (isLeaf(t)) {
      const at = search(t, name);
      return at >= 0 ? t[at]![1] : undefined;
    }
    const slot: NameTable<T> | undefined = t.slots[digit(hash, depth)];
    if (!slot) return undefined;
    t = slot;
  }
}

/** The table with `name` set to `value` of `weight` (the same table when it already held exactly that). */
export function tableSet<T>(t: NameTable<T> | undefined, name: string, value: T, weight = 0): NameTable<T> {
  return setAt(t ?? [], [name, value, weight], hashOf(name), 0);
}

function setAt<T>(t: NameTable<T>, pair: NamePair<T>, hash: number, depth: number): NameTable<T> {
  if (isLeaf(t)) {
    const at = search(t, pair[0]);
    const old = at >= 0 ? t[at]! : undefined;
    if (old && old[1] === pair[1] && old[2] === pair[2]) return t;
    const leaf = t.slice();
    leaf.splice(at >= 0 ? at : -1 - at, old ? 1 : 0, pair);
    return leaf.length > LEAF_SIZE && depth < MAX_DEPTH ? build(leaf, depth) : leaf;
  }
  const d = digit(hash, depth);
  const slot = t.slots[d];
  const next = setAt(slot ?? [], pair, hash, depth + 1);
  if (next === slot) return t;
  return { count: t.count + tableSize(next) - tableSize(slot), weight: t.weight + tableWeight(next) - tableWeight(slot), slots: { ...t.slots, [d]: next } };
}

/** The table without `name` (the same table when it did not hold it; undefined once empty). */
export function tableDelete<T>(t: NameTable<T> | undefined, name: string): NameTable<T> | undefined {
  if (!t) return undefined;
  const next = deleteAt(t, name, hashOf(name), 0);
  return tableSize(next) === 0 ? undefined : next;
}

function deleteAt<T>(t: NameTable<T>, name: string, hash: number, depth: number): NameTable<T> {
  if (isLeaf(t)) {
    const at = search(t, name);
    if (at < 0) return t;
    const leaf = t.slice();
    leaf.splice(at, 1);
    return leaf;
  }
  const d = digit(hash, depth);
  const slot = t.slots[d];
  if (!slot) return t;
  const next = deleteAt(slot, name, hash, depth + 1);
  if (next === slot) return t;
  const count = t.count - 1;
  const weight = t.weight + tableWeight(next) - tableWeight(slot);
  // Back to one leaf once small enough, so the shape stays the one these names always have.
  if (count <= LEAF_SIZE) return tablePairs({ count, weight, slots: { ...t.slots, [d]: next } });
  const slots = { ...t.slots, [d]: next };
  if (tableSize(next) === 0) delete slots[d];
  return { count, weight, slots };
}

/** A table for pairs already sorted by name. */
function build<T>(pairs: readonly NamePair<T>[], depth: number): NameTable<T> {
  if (pairs.length <= LEAF_SIZE || depth >= MAX_DEPTH) return pairs;
  const groups: Record<number, NamePair<T>[]> = {};
  for (const pair of pairs) (groups[digit(hashOf(pair[0]), depth)] ??= []).push(pair);
  const slots: Record<number, NameTable<T>> = {};
  for (const d of Object.keys(groups)) slots[Number(d)] = build(groups[Number(d)]!, depth + 1);
  return { count: pairs.length, weight: tableWeight(pairs), slots };
}

/** Every [name, value], sorted by name (UTF-16 order, as `ls` and Array.prototype.sort give). */
export function tablePairs<T>(t: NameTable<T> | undefined): NamePair<T>[] {
  if (!t) return [];
  if (isLeaf(t)) return t.slice();
  const out: NamePair<T>[] = [];
  const collect = (x: NameTable<T>): void => {
    if (isLeaf(x)) out.push(...x);
    else for (const slot of Object.values(x.slots)) collect(slot);
  };
  collect(t);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
