// The CKA drill's clock and the life of an attempt, pure (the time is passed in): the pane ticks
// it once a second, the store keeps the attempts. Time is counted from the attempt's start, never
// by a counter, so a reload (or a tab left open) shows the real time taken.
import type {
  DrillAttempt,
  DrillOutcome,
} from "../../store/lesson-persistence.ts";

/**
 * running: more than a minute left; last-minute: a minute or less; over: past the limit, still
 * counting (a CKA candidate wants to know by how much); ended: solved, given up or left.
 */
export type DrillTimerState = "running" | "last-minute" | "over" | "ended";

export interface DrillClock {
  state: DrillTimerState;
  /** Whole seconds since the start (to the end, once ended). */
  elapsed: number;
  /** Whole seconds left; negative past the limit. */
  remaining: number;
  /** What the countdown shows: `04:59` left, `+00:42` over; once ended, the time taken. */
  label: string;
}

/** `mm:ss`; minutes go past 59 rather than into hours (`75:00`). */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

export function drillClock(a: DrillAttempt, now: number): DrillClock {
  const end = a.endedAt ?? now;
  const elapsed = Math.max(0, Math.floor((end - a.startedAt) / 1000));
  const remaining = a.limitSeconds - elapsed;
  if (a.outcome) return { state: "ended", elapsed, remaining, label: formatClock(elapsed) };
  if (remaining < 0)
    return { state: "over", elapsed, remaining, label: `+${formatClock(-remaining)}` };
  return {
    state: remaining <= 60 ? "last-minute" : "running",
    elapsed,
    remaining,
    label: formatClock(remaining),
  };
}

/** How an attempt went, for the list of recent attempts and the debrief. */
export function attemptSummary(a: DrillAttempt, now: number): string {
  const { elapsed } = drillClock(a, now);
  const took = formatClock(elapsed);
  const limit = formatClock(a.limitSeconds);
  switch (a.outcome) {
    case "solved":
      return `Solved in ${took}${elapsed > a.limitSeconds ? ` (over the ${limit} limit)` : ""}${a.helped ? " with help" : ""}`;
    case "gave-up":
      return `Gave up after ${took}`;
    case "left":
      return `Left after ${took}`;
    default:
      return "In progress";
  }
}

/** The attempt that is open (not ended) for this drill, if any. */
export function openAttempt(
  list: readonly DrillAttempt[],
  id: string,
): DrillAttempt | undefined {
  const a = list.find((x) => x.id === id);
  return a && !a.outcome ? a : undefined;
}

/** The newest attempt at this drill, open or ended. */
export function latestAttempt(
  list: readonly DrillAttempt[],
  id: string,
): DrillAttempt | undefined {
  return list.find((x) => x.id === id);
}

/** A new attempt first; any attempt still open (another drill, or this one started again) is left. */
export function beginAttempt(
  list: readonly DrillAttempt[],
  id: string,
  limitSeconds: number,
  now: number,
): DrillAttempt[] {
  return [
    { id, startedAt: now, limitSeconds },
    ...endOpen(list, () => true, "left", now),
  ];
}

/** Ends the open attempts that `which` picks (its first end counts: a solved one stays solved). */
export function endOpen(
  list: readonly DrillAttempt[],
  which: (a: DrillAttempt) => boolean,
  outcome: DrillOutcome,
  now: number,
): DrillAttempt[] {
  return list.map((a) =>
    !a.outcome && which(a) ? { ...a, outcome, endedAt: now } : a,
  );
}

/** The open attempt at this drill had help (the solution shown, "Do it for me"). */
export function markHelped(
  list: readonly DrillAttempt[],
  id: string,
): DrillAttempt[] {
  const open = openAttempt(list, id);
  return open ? list.map((a) => (a === open ? { ...a, helped: true } : a)) : [...list];
}
