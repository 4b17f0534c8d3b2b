// Structural helpers for plain JSON values. Keys are data (any label key or ConfigMap key may be
// `__proto__` or `constructor`), so merges read and write own properties only.
import { getOwn, hasOwn, setOwn } from './own.ts';

/** JSON with object keys sorted, so equal values always give equal strings. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return stableStringify(a ?? null) === stableStringify(b ?? null);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A three-way merge like client-side `kubectl apply`: fields the desired manifest sets win;
 * fields the last applied manifest had but the desired one dropped are removed from the live
 * object; fields only the live object has (set by controllers or defaulting) are kept.
 * Lists are replaced as a whole.
 */
export function threeWayMerge(live: unknown, lastApplied: unknown, desired: unknown): unknown {
  if (!isPlainObject(desired) || !isPlainObject(live)) return desired;
  const last = isPlainObject(lastApplied) ? lastApplied : {};
  const out: Record<string, unknown> = { ...live };
  for (const key of Object.keys(last)) {
    if (!hasOwn(desired, key)) delete out[key];
  }
  for (const [key, value] of Object.entries(desired)) {
    setOwn(out, key, threeWayMerge(getOwn(live, key), getOwn(last, key), value));
  }
  return out;
}

/** RFC 7386 JSON merge patch (`kubectl patch --type merge`): null deletes, objects merge, the rest replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else setOwn(out, key, mergePatch(getOwn(out, key), value));
  }
  return out;
}

/** A deep copy of plain JSON data (several times faster than structuredClone for it). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
