// "What was wrong": shown once a drill's attempt has ended (every goal met, or given up), never
// before, so the cause is the learner's to find. The drill's own explanation and the time taken.
import { useEffect, useRef } from "react";
import type { Drill } from "../../lessons/drills/index.ts";
import type { DrillAttempt } from "../../store/lesson-persistence.ts";
import { attemptSummary, drillClock, formatClock } from "./drill-timer.ts";
import { Markdown } from "./Markdown.tsx";

export function DrillDebrief({ drill, attempt }: { drill: Drill; attempt: DrillAttempt }) {
  const box = useRef<HTMLElement>(null);
  // It appears at the top of a pane that may be scrolled down to the goals: bring it into view.
  useEffect(() => {
    box.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <section
      ref={box}
      aria-label="What was wrong"
      className="space-y-1 rounded-lg border border-indigo-200 bg-indigo-50 p-2.5 text-indigo-950 dark:border-indigo-400/30 dark:bg-indigo-950/50 dark:text-indigo-50"
    >
      <h4 className="text-xs font-semibold uppercase">What was wrong</h4>
      <Markdown text={drill.explanation} />
      <p className="text-xs font-medium" data-drill-result={attempt.outcome}>
        {attemptSummary(attempt, attempt.endedAt ?? Date.now())}
        {/* Over the limit, the summary already names it. */}
        {drillClock(attempt, attempt.endedAt ?? Date.now()).remaining >= 0 &&
          ` · the limit was ${formatClock(attempt.limitSeconds)}`}
      </p>
    </section>
  );
}
