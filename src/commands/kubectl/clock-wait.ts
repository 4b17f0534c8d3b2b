// Waiting on the simulated clock, for the kubectl verbs that watch until something holds
// (`wait`, `rollout status`). A real kubectl sits on a watch; here nothing changes unless the
// clock moves, so waiting is advancing the clock the way `sleep` does, a little at a time, and
// looking again after each advance. It never spins: every look is after the clock has moved.
import { advanceClock, type ClusterState, type Step } from '../../engine/index.ts';

export interface ClockWait {
  state: ClusterState;
  steps: Step[];
  /** Whether `done` held before the time ran out. */
  met: boolean;
}

/**
 * Advances `state` until `done` holds or `timeoutMs` has passed, looking after each advance. The
 * first minute is watched second by second, so a pod that becomes ready after 7 s is seen at
 * 7 s; later each advance is a twentieth of the time waited so far (a week's wait is a few
 * hundred advances), and it never goes past the deadline.
 */
export function waitOnClock(state: ClusterState, timeoutMs: number, done: (state: ClusterState) => boolean, onLook?: (state: ClusterState) => void): ClockWait {
  const steps: Step[] = [];
  let elapsed = 0;
  let current = state;
  while (!done(current)) {
    if (elapsed >= timeoutMs) return { state: current, steps, met: false };
    const stride = elapsed < 60_000 ? 1000 : Math.max(1000, Math.floor(elapsed / 20 / 1000) * 1000);
    const advance = Math.min(stride, timeoutMs - elapsed);
    const r = advanceClock(current, advance / 1000);
    current = r.state;
    for (const s of r.steps) steps.push(s);
    elapsed += advance;
    onLook?.(current);
  }
  return { state: current, steps, met: true };
}

/** kubectl's `--timeout` for wait: negative means a week (168h). */
export const A_WEEK_MS = 168 * 3_600_000;
