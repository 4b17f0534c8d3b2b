// Affine extrapolation of plain JSON values: what a state that repeats itself with a period
// looks like n periods later. Times move by a constant (milliseconds, RFC 3339 timestamps, the
// times `date` printed into a log: text-times.ts),
// counters by a constant (restartCount, event `count`, digit strings), and everything else
// stays. Shared by the whole-cluster cycle skip (`periodic-skip.ts`) and the per-actor one
// (`actor-skip.ts`).
import { rfc3339 } from './clock.ts';
import { extrapolateTextTimes } from './text-times.ts';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

export const FAIL = Symbol('not affine');

/**
 * With `ignoreResourceVersion`, an object's `metadata.resourceVersion` is taken from `c` as it
 * is: its value counts the writes of the whole cluster, which is not affine in one actor's period.
 */
export interface AffineOptions {
  ignoreResourceVersion?: boolean;
}

/**
 * `c` moved on by n more cycles, given three states a, b, c one cycle apart; FAIL when the change
 * from a to b to c is not the same affine step.
 */
export function extrapolate(a: unknown, b: unknown, c: unknown, n: number, opts: AffineOptions = {}): unknown {
  return step(a, b, c, n, opts.ignoreResourceVersion === true, false);
}

function step(a: unknown, b: unknown, c: unknown, n: number, ignoreRv: boolean, inMetadata: boolean): unknown {
  if (a === b && b === c) return c;
  if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number') {
    const d = c - b;
    return b - a === d && Number.isSafeInteger(c + n * d) ? c + n * d : FAIL;
  }
  if (typeof a === 'string' && typeof b === 'string' && typeof c === 'string') {
    if (/^\d+$/.test(a) && /^\d+$/.test(b) && /^\d+$/.test(c)) {
      const r = step(Number(a), Number(b), Number(c), n, false, false);
      return r === FAIL ? FAIL : String(r);
    }
    if (TIMESTAMP.test(a) && TIMESTAMP.test(b) && TIMESTAMP.test(c)) {
      const r = step(Date.parse(a), Date.parse(b), Date.parse(c), n, false, false);
      return r === FAIL ? FAIL : rfc3339(r as number);
    }
    return extrapolateTextTimes(a, b, c, n) ?? FAIL;
  }
  if (Array.isArray(a) && Array.isArray(b) && Array.isArray(c)) {
    if (a.length !== b.length || b.length !== c.length) return FAIL;
    const out: unknown[] = [];
    for (let i = 0; i < c.length; i++) {
      const r = step(a[i], b[i], c[i], n, ignoreRv, false);
      if (r === FAIL) return FAIL;
      out.push(r);
    }
    return out;
  }
  if (isObject(a) && isObject(b) && isObject(c)) {
    const keys = Object.keys(c);
    if (!sameKeys(keys, Object.keys(a)) || !sameKeys(keys, Object.keys(b))) return FAIL;
    // Null-prototype tables stay null-prototype: user-chosen names may be `__proto__`.
    const out: Record<string, unknown> = Object.getPrototypeOf(c) === null ? Object.create(null) : {};
    for (const k of keys) {
      if (ignoreRv && inMetadata && k === 'resourceVersion') {
        out[k] = c[k];
        continue;
      }
      const r = step(a[k], b[k], c[k], n, ignoreRv, ignoreRv && k === 'metadata');
      if (r === FAIL) return FAIL;
      out[k] = r;
    }
    return out;
  }
  return FAIL;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameKeys(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

/** Deep equality that stops at shared references: tables no resync wrote are the same object. */
export function equal(x: unknown, y: unknown, opts: AffineOptions = {}): boolean {
  return same(x, y, opts.ignoreResourceVersion === true, false);
}

function same(x: unknown, y: unknown, ignoreRv: boolean, inMetadata: boolean): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (!sameKeys(kx, ky)) return false;
  return kx.every((k) => (ignoreRv && inMetadata && k === 'resourceVersion') || same((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], ignoreRv, ignoreRv && k === 'metadata'));
}

/**
 * Whether d is what a, b, c predict (`equal(extrapolate(a, b, c, 1), d)`), without building the
 * prediction: the cycle search asks this of every unit of an actor after each of its changes.
 */
export function continues(a: unknown, b: unknown, c: unknown, d: unknown, opts: AffineOptions = {}): boolean {
  return follows(a, b, c, d, opts.ignoreResourceVersion === true, false);
}

function follows(a: unknown, b: unknown, c: unknown, d: unknown, ignoreRv: boolean, inMetadata: boolean): boolean {
  if (a === b && b === c) return same(c, d, false, false);
  if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number') return typeof d === 'number' && b - a === c - b && d - c === c - b;
  if (typeof a === 'string' && typeof b === 'string' && typeof c === 'string') {
    if (typeof d !== 'string') return false;
    if (/^\d+$/.test(a) && /^\d+$/.test(b) && /^\d+$/.test(c)) return /^\d+$/.test(d) && follows(Number(a), Number(b), Number(c), Number(d), false, false);
    if (TIMESTAMP.test(a) && TIMESTAMP.test(b) && TIMESTAMP.test(c)) return TIMESTAMP.test(d) && follows(Date.parse(a), Date.parse(b), Date.parse(c), Date.parse(d), false, false);
    return false;
  }
  if (Array.isArray(a) && Array.isArray(b) && Array.isArray(c)) {
    if (!Array.isArray(d) || a.length !== b.length || b.length !== c.length || c.length !== d.length) return false;
    for (let i = 0; i < c.length; i++) if (!follows(a[i], b[i], c[i], d[i], ignoreRv, false)) return false;
    return true;
  }
  if (isObject(a) && isObject(b) && isObject(c) && isObject(d)) {
    const keys = Object.keys(c);
    if (!sameKeys(keys, Object.keys(a)) || !sameKeys(keys, Object.keys(b)) || !sameKeys(keys, Object.keys(d))) return false;
    for (const k of keys) {
      if (ignoreRv && inMetadata && k === 'resourceVersion') continue;
      if (!follows(a[k], b[k], c[k], d[k], ignoreRv, ignoreRv && k === 'metadata')) return false;
    }
    return true;
  }
  return false;
}
