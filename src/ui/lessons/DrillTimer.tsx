// The drill's countdown, at the top of the pane: mm:ss left, amber in the last minute, red and
// counting on past the limit, and once every goal is met (or the learner gave up) the time taken.
// It only ticks the page's clock; the arithmetic is drill-timer.ts's.
import { useEffect, useState } from "react";
import type { DrillAttempt } from "../../store/lesson-persistence.ts";
import { drillClock, formatClock } from "./drill-timer.ts";

// Once ended the big figure is the time taken; the debrief below says the rest.
const ENDED = { solved: "time taken · solved", "gave-up": "time taken · gave up", left: "time taken · left" } as const;

const tone = {
  running: "border-slate-200 bg-slate-50 text-slate-900 dark:border-slate-700 dark:bg-slate-800/60 dark:text-white",
  "last-minute": "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-500/50 dark:bg-amber-950/50 dark:text-amber-100",
  over: "border-rose-300 bg-rose-50 text-rose-800 dark:border-rose-500/50 dark:bg-rose-950/50 dark:text-rose-100",
  ended: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-500/40 dark:bg-emerald-950/40 dark:text-emerald-100",
} as const;

/** Re-renders once a second while `on`. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    setNow(Date.now());
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [on]);
  return now;
}

export function DrillTimer({ attempt }: { attempt: DrillAttempt }) {
  const now = useNow(!attempt.outcome);
  const clock = drillClock(attempt, now);
  const limit = formatClock(attempt.limitSeconds);
  const caption =
    clock.state === "ended"
      ? ENDED[attempt.outcome!]
      : clock.state === "over"
        ? `over the ${limit} limit, still counting`
        : `left of ${limit}`;
  return (
    <div
      data-drill-timer={clock.state}
      className={`flex items-baseline gap-2 rounded-lg border px-3 py-1.5 ${tone[clock.state]}`}
    >
      <span
        role="timer"
        aria-label={clock.state === "ended" ? "Time taken" : "Time left"}
        className="font-mono text-2xl font-semibold tabular-nums"
      >
        {clock.label}
      </span>
      <span className="text-xs">{caption}</span>
    </div>
  );
}
