// The chunked name table under every directory: a map by name that copies little on write, keeps
// earlier versions intact, and has one shape per set of names.
import { describe, expect, it } from 'vitest';
import { tableDelete, tableGet, tablePairs, tableSet, tableSize, tableWeight, type NameTable } from './name-table.ts';

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

function fill(names: readonly string[]): NameTable<number> | undefined {
  let t: NameTable<number> | undefined;
  names.forEach((n, i) => (t = tableSet(t, n, i)));
  return t;
}

/** A fixed shuffle (no Math.random in the engine's tests either). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('name table', () => {
  const names = Array.from({ length: 5000 }, (_, i) => `f-${i}`);

  it('finds every name it holds and no other, big or small', () => {
    for (const n of [3, 33, 500, 5000]) {
      const t = fill(names.slice(0, n));
      expect(tableSize(t)).toBe(n);
      for (let i = 0; i < n; i += 7) expect(tableGet(t, `f-${i}`)).toBe(i);
      expect(tableGet(t, `f-${n}`)).toBeUndefined();
      expect(tableGet(t, 'constructor')).toBeUndefined();
    }
  });

  it('lists its pairs sorted as Array.prototype.sort sorts strings', () => {
    const t = fill(names);
    expect(tablePairs(t).map((p) => p[0])).toEqual([...names].sort());
  });

  it('has one shape per set of names, whatever the order of writes and deletes', () => {
    const value = new Map(names.map((n, i) => [n, i]));
    const byName = (order: readonly string[]) => order.reduce<NameTable<number> | undefined>((t, n) => tableSet(t, n, value.get(n)!), undefined);
    const a = byName(names);
    const b = byName(shuffled(names, 7));
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // Grown past a split and shrunk back: the same as built small.
    let c = fill(names);
    for (const n of names.slice(40)) c = tableDelete(c, n);
    expect(c).toEqual(fill(names.slice(0, 40)));
    for (const n of names.slice(0, 40)) c = tableDelete(c, n);
    expect(c).toBeUndefined();
  });

  it('never changes an earlier table', () => {
    const before = fill(names.slice(0, 2000));
    const json = JSON.stringify(before);
    let t = before;
    for (const n of names) t = tableSet(t, n, -1);
    for (const n of names.slice(0, 1500)) t = tableDelete(t, n);
    expect(JSON.stringify(before)).toBe(json);
    expect(tableGet(before, 'f-10')).toBe(10);
  });

  it('a write copies a path of small tables, not the whole directory', () => {
    const t = fill(names)!;
    const next = tableSet(t, 'f-new', 1);
    const seen = new Set<unknown>();
    const mark = (x: unknown): void => {
      if (typeof x !== 'object' || x === null || seen.has(x)) return;
      seen.add(x);
      for (const v of Object.values(x)) mark(v);
    };
    mark(t);
    let fresh = 0;
    const count = (x: unknown): void => {
      if (typeof x !== 'object' || x === null || seen.has(x)) return;
      seen.add(x);
      fresh += Array.isArray(x) ? x.length : Object.keys(x).length;
      for (const v of Object.values(x)) count(v);
    };
    count(next);
    // Three levels of at most 32 slots or pairs each, not 5,000 names.
    expect(fresh).toBeLessThan(150);
  });

  it('keeps the total weight of what it holds through sets, overwrites and deletes', () => {
    let t: NameTable<string> | undefined;
    const order = shuffled(names, 3);
    order.forEach((n, i) => (t = tableSet(t, n, n, i % 17)));
    for (const n of order.slice(0, 1000)) t = tableSet(t, n, n, 1000);
    for (const n of order.slice(2000, 4500)) t = tableDelete(t, n);
    const sum = tablePairs(t).reduce((s, p) => s + p[2], 0);
    expect(tableWeight(t)).toBe(sum);
    expect(sum).toBeGreaterThan(1000 * 1000);
    // Same names and weights in another order: the same table, weights included.
    const again = tablePairs(t).reverse().reduce<NameTable<string> | undefined>((x, p) => tableSet(x, p[0], p[1], p[2]), undefined);
    expect(again).toEqual(t);
  });

  it('treats prototype-like names as names, and survives a JSON round trip', () => {
    const t = fill([...PROTO_NAMES, ...names.slice(0, 100)]);
    for (const [i, n] of PROTO_NAMES.entries()) expect(tableGet(t, n)).toBe(i);
    const copy = JSON.parse(JSON.stringify(t)) as NameTable<number>;
    expect(copy).toEqual(t);
    for (const [i, n] of PROTO_NAMES.entries()) expect(tableGet(copy, n)).toBe(i);
    expect(tableGet(structuredClone(t), '__proto__')).toBe(0);
    const without = tableDelete(copy, '__proto__');
    expect(tableGet(without, '__proto__')).toBeUndefined();
    expect(tableGet(without, 'constructor')).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
