// The lesson browser's "CKA practice" section: what a drill is, "New drill" (a fresh random seed
// each time; the drill made from it is deterministic, so its link reproduces it), and the last
// few attempts with how they went; picking one tries that drill again.
import { findDrill } from "../../store/lesson-catalog.ts";
import { attemptSummary } from "./drill-timer.ts";
import { newDrillId, useDrillAttempts } from "./drill-attempts.ts";

const SHOWN = 5;

export function DrillPractice({ onStart }: { onStart: (id: string, title: string) => void }) {
  const recent = useDrillAttempts((s) => s.list).slice(0, SHOWN);
  const start = (id: string) => onStart(id, findDrill(id)?.lesson.title ?? id);
  return (
    <section
      aria-label="CKA practice"
      className="mb-4 rounded-lg border border-indigo-200 bg-indigo-50/60 px-3 py-2.5 dark:border-indigo-400/30 dark:bg-indigo-950/30"
    >
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <h3 className="text-xs font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">
            CKA practice
          </h3>
          <p className="text-xs text-slate-700 dark:text-slate-300">
            A drill is a freshly broken cluster: a pod or its claim is stuck, for one of many
            reasons. Find the cause and fix it against the clock, as in the exam; afterwards you
            see what was wrong.
          </p>
        </div>
        <button
          type="button"
          onClick={() => start(newDrillId())}
          className="inline-flex h-8 shrink-0 items-center rounded-lg bg-indigo-600 px-3 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          New drill
        </button>
      </div>
      {recent.length > 0 && (
        <ul aria-label="Recent drills" className="mt-2 space-y-1">
          {recent.map((a) => (
            <li key={`${a.id}@${a.startedAt}`}>
              <button
                type="button"
                data-drill-attempt={a.id}
                title="Try this drill again (the same cluster, a new attempt)"
                onClick={() => start(a.id)}
                className="flex w-full items-center gap-2 rounded-md px-2 py-1 text-left text-xs hover:bg-white focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
              >
                <span className="min-w-0 flex-1 truncate text-slate-800 dark:text-slate-200">
                  {findDrill(a.id)?.lesson.title ?? a.id}
                </span>
                <span
                  className={`shrink-0 rounded-full px-2 py-px whitespace-nowrap ${a.outcome === "solved" ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200" : a.outcome ? "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200" : "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"}`}
                >
                  {attemptSummary(a, a.endedAt ?? Date.now())}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
