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
import { equal, extrapolate, FAIL } from './affine.ts';
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

/** Each controller's clock-driven instants in `state`, in the order it lists them. */
export function wakeLists(state: ClusterState, controllers: readonly Controller[]): (number | undefined)[][] {
  const view = beginTxn(state);
  return controllers.map((c) => c.wakeTimes?.(view) ?? []);
}
