// Skipping whole cycles of a cluster that repeats itself on the clock, so a long `sleep` over a
// pod restarting every hour (`… && sleep 3600`, restartPolicy Always) or a crash loop at its
// 5-minute back-off returns at once instead of simulating every restart.
//
// Why it is exact: a cycle is the same resyncs doing the same things, shifted by the period P.
// What a cycle changes in the state is then affine: times move by P (`exitAt`, RFC 3339
// timestamps), counters by a constant (`restartCount`, event `count`, resourceVersions), and
// everything else stays. The state after the resyncs that act is remembered; when four of them,
// one cycle apart, line up (the fourth predicted exactly from the first three), n more cycles are
// one extrapolation. Anything that is not affine (a random draw, a new object, a log line that
// differs) makes the prediction fail, and the cycles are simulated one by one as before. A
// clock-driven wake that is not part of the cycle (another container's exit, a toleration running
// out) bounds n: those times do not move with the cycle, so the extrapolated state still shows them.
import type { ClusterState } from '../cluster/state.ts';
import { beginTxn } from '../cluster/store.ts';
import { rfc3339 } from './clock.ts';
import type { Controller } from './controller.ts';

/** The state right after a resync that changed something, at that resync's instant. */
export interface ActingResync {
  at: number;
  state: ClusterState;
}

/**
 * The longest cycle looked for, in acting resyncs: a crash loop acts once per 5-minute back-off,
 * so beside a pod restarting hourly the cycle is 13 + 2 resyncs long.
 */
export const MAX_CYCLE = 32;
/** A jump that ends at another wake is only worth losing the history for when it skips this many cycles. */
const MIN_CUT_CYCLES = 3 * MAX_CYCLE + 1;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const FAIL = Symbol('not affine');

/**
 * `c` moved on by n more cycles, given three states a, b, c one cycle apart; FAIL when the change
 * from a to b to c is not the same affine step.
 */
function extrapolate(a: unknown, b: unknown, c: unknown, n: number): unknown {
  if (a === b && b === c) return c;
  if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number') {
    const d = c - b;
    return b - a === d && Number.isSafeInteger(c + n * d) ? c + n * d : FAIL;
  }
  if (typeof a === 'string' && typeof b === 'string' && typeof c === 'string') {
    if (/^\d+$/.test(a) && /^\d+$/.test(b) && /^\d+$/.test(c)) {
      const r = extrapolate(Number(a), Number(b), Number(c), n);
      return r === FAIL ? FAIL : String(r);
    }
    if (TIMESTAMP.test(a) && TIMESTAMP.test(b) && TIMESTAMP.test(c)) {
      const r = extrapolate(Date.parse(a), Date.parse(b), Date.parse(c), n);
      return r === FAIL ? FAIL : rfc3339(r as number);
    }
    return FAIL;
  }
  if (Array.isArray(a) && Array.isArray(b) && Array.isArray(c)) {
    if (a.length !== b.length || b.length !== c.length) return FAIL;
    const out: unknown[] = [];
    for (let i = 0; i < c.length; i++) {
      const r = extrapolate(a[i], b[i], c[i], n);
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
      const r = extrapolate(a[k], b[k], c[k], n);
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
function equal(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (!sameKeys(kx, ky)) return false;
  return kx.every((k) => equal((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
}

/**
 * If the last acting resyncs repeat with a period, the state `cycles` periods after the last one,
 * for the largest number of cycles that ends no later than `latest` and misses no other wake.
 */
export function skipCycles(history: readonly ActingResync[], latest: number, interval: number, controllers: readonly Controller[]): ActingResync | undefined {
  const i = history.length - 1;
  for (let m = 1; m <= MAX_CYCLE && 3 * m <= i; m++) {
    const period = history[i]!.at - history[i - m]!.at;
    if (period <= 0 || period % interval !== 0) continue;
    let regular = true;
    for (let j = 0; j < 2 * m && regular; j++) regular = history[i - j]!.at - history[i - j - m]!.at === period;
    if (!regular) continue;
    const [s0, s1, s2, s3] = [history[i - 3 * m]!.state, history[i - 2 * m]!.state, history[i - m]!.state, history[i]!.state];
    // The fourth state, predicted from the three before it, must be exactly what happened.
    if (!equal(extrapolate(s0, s1, s2, 1), s3)) continue;
    const now = history[i]!.at;
    // A wake that moves with the cycle was one period earlier a cycle ago (the states have the
    // same shape, so each controller lists its wakes in the same order); any other future wake
    // is not part of the cycle, and the skip must end before it.
    const before = wakeLists(s2, controllers);
    const other = wakeLists(s3, controllers).flatMap((list, c) => list.filter((w, j) => w !== undefined && w > now && w - period !== before[c]![j]));
    const end = Math.min(latest, ...other.map((w) => w! - 1));
    const cycles = Math.floor((end - now) / period);
    // A short cycle cut short by a wake that may belong to a longer one (a crash loop between a
    // pod's hourly restarts): a jump would forget the history that finds the longer cycle.
    if (cycles < 1 || (end < latest && cycles < MIN_CUT_CYCLES)) continue;
    const next = extrapolate(s1, s2, s3, cycles) as ClusterState | typeof FAIL;
    if (next === FAIL) continue;
    // The PRNG state advances by a constant per draw, modulo 2^32 (mulberry32): wrap it as it would have.
    next.rng = Number(BigInt.asIntN(32, BigInt(next.rng)));
    return { at: now + cycles * period, state: next };
  }
  return undefined;
}

function wakeLists(state: ClusterState, controllers: readonly Controller[]): (number | undefined)[][] {
  const view = beginTxn(state);
  return controllers.map((c) => c.wakeTimes?.(view) ?? []);
}
