// The lesson pane beside the canvas: the step's prose, its goals ticking as the learner works
// (checked by the lesson store after every action), hints earned by attempts that made no
// progress, the solution on request, "Do it for me" (run through the terminal's path, so it is on
// the timeline), "Reset step", the commands used, and Next step once every goal is met.
// A CKA practice drill has its countdown on top, "Give up" and "New drill", no goal ghost (the
// picture of the end state would give the cause away) and no lecture mode; once it ends, "What
// was wrong".
import { useState } from "react";
import { findDrill, findLesson } from "../../store/lesson-catalog.ts";
import { allMet, revealedHints } from "../../store/lesson-store.ts";
import { useAppStore } from "../../store/index.ts";
import { Icon } from "../components/Icon.tsx";
import { showLessonBrowser } from "./lesson-entry.ts";
import { isEmbedSearch } from "../../store/page-storage.ts";
import { lessonShareFragment } from "./lesson-file-link.ts";
import { lessonStore, useLessons } from "./lesson-instance.ts";
import { Markdown } from "./Markdown.tsx";
import { GoalGhost } from "./GoalGhost.tsx";
import { DrillTimer } from "./DrillTimer.tsx";
import { DrillDebrief } from "./DrillDebrief.tsx";
import { giveUp, helped, newDrillId, useDrillAttempts } from "./drill-attempts.ts";
import { latestAttempt } from "./drill-timer.ts";

const button =
  "inline-flex h-7 items-center gap-1 rounded-md border border-slate-300 bg-white px-2 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700";

export function LessonPane() {
  const active = useLessons((s) => s.active);
  const results = useLessons((s) => s.results);
  const progress = useLessons((s) =>
    s.active ? s.progress[s.active.id] : undefined,
  );
  const working = useLessons((s) => s.working);
  const error = useLessons((s) => s.error);
  const busy = useAppStore((s) => s.busy !== null);
  const [solutionFor, setSolutionFor] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const attempt = useDrillAttempts((d) =>
    active ? latestAttempt(d.list, active.id) : undefined,
  );
  const lesson = active ? findLesson(active.id) : undefined;
  if (!active || !lesson) return null;
  const drill = findDrill(active.id);
  const drillOpen = drill !== undefined && attempt !== undefined && !attempt.outcome;
  const drillEnded = drill !== undefined && attempt?.outcome !== undefined;
  const step = lesson.steps[active.step]!;
  const stepKey = `${lesson.id}/${active.step}`;
  const met = allMet(results);
  const last = active.step === lesson.steps.length - 1;
  const hints = revealedHints(lesson, active);
  const used = active.history.length - active.stepHistory;
  const s = lessonStore.getState();
  const embedded = isEmbedSearch(location.search);
  const copyLink = async () => {
    // A built-in lesson by id; the teacher's own carries its whole text (lesson-file-link.ts).
    const url = `${location.origin}${location.pathname}${await lessonShareFragment(lesson.id, active.step)}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      window.prompt("Lesson link", url);
    }
  };
  return (
    <aside
      aria-label="Lesson"
      className="flex w-[22rem] shrink-0 flex-col border-l border-slate-200 bg-white text-sm leading-relaxed text-slate-700 min-[1700px]:w-[26rem] dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
    >
      <div className="flex items-start gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <div className="min-w-0 flex-1">
          {/* An embed has no lesson browser to go back to: the topic is only a label there. */}
          {embedded ? (
            <span className="text-xs text-indigo-600 dark:text-indigo-400">{lesson.topic}</span>
          ) : (
            <button
              type="button"
              onClick={showLessonBrowser}
              className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
            >
              {lesson.topic}
            </button>
          )}
          {active.id.startsWith("custom:") && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-px text-[10px] font-semibold uppercase tracking-wide text-amber-800 dark:bg-amber-900/50 dark:text-amber-200">
              Your lesson
            </span>
          )}
          <h2 className="text-sm font-semibold text-slate-900 dark:text-white">
            {lesson.title}
          </h2>
          {!drill && (
            <p
              className="text-xs text-slate-500 dark:text-slate-400"
              aria-live="polite"
            >
              Step {active.step + 1} of {lesson.steps.length}
              {progress?.done ? " · lesson complete" : ""}
            </p>
          )}
        </div>
        {/* Lecture mode is for the full playground on a projector, not a frame in a docs page;
            nor for a drill, whose lecture would run the fix and give the cause away. */}
        {!embedded && !drill && (
          <button
            type="button"
            title="Teach this lesson: lecture mode for the projector (→ next, ← previous, Esc leaves)"
            onClick={() => s.setLecture(true)}
            className="grid size-7 place-items-center rounded text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
          >
            <Icon name="presentation" className="size-4" />
            <span className="sr-only">Lecture</span>
          </button>
        )}
        <button
          type="button"
          title="Copy a link to this lesson at this step"
          onClick={() => void copyLink()}
          className="grid size-7 place-items-center rounded text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
        >
          <Icon name={copied ? "check" : "share"} className="size-4" />
          <span className="sr-only">Copy lesson link</span>
        </button>
        <button
          type="button"
          title="Leave the lesson (your editor text comes back)"
          onClick={() => s.leave()}
          className="grid size-7 place-items-center rounded text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
        >
          <Icon name="close" className="size-4" />
          <span className="sr-only">Leave lesson</span>
        </button>
      </div>

      <div className="min-h-0 flex-1 space-y-3 overflow-y-auto px-3 py-3">
        {drill && attempt && <DrillTimer attempt={attempt} />}
        {drill && drillEnded && attempt && (
          <DrillDebrief key={attempt.startedAt} drill={drill} attempt={attempt} />
        )}
        <h3 className="font-semibold text-slate-900 dark:text-white">
          {step.title}
        </h3>
        <Markdown text={step.prose} />
        {step.commands && step.commands.length > 0 && (
          <div>
            <h4 className="mb-1 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">
              Try
            </h4>
            <ul className="space-y-1">
              {step.commands.map((c) => (
                <li key={c}>
                  <code className="block rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all text-slate-800 dark:bg-slate-800 dark:text-slate-200">
                    {c}
                  </code>
                </li>
              ))}
            </ul>
          </div>
        )}

        <div>
          <h4 className="mb-1 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">
            Goals
          </h4>
          <ul aria-label="Goals" className="space-y-1">
            {results.map((r) => (
              <li
                key={r.goal.id}
                data-goal={r.goal.id}
                data-met={r.met ? "true" : "false"}
                className="flex items-start gap-2"
              >
                <span
                  aria-hidden
                  className={`mt-0.5 grid size-4 shrink-0 place-items-center rounded-full border ${r.met ? "border-emerald-600 bg-emerald-600 text-white dark:border-emerald-500 dark:bg-emerald-500" : "border-slate-400 dark:border-slate-500"}`}
                >
                  {r.met && <Icon name="check" className="size-3" />}
                </span>
                <span
                  className={
                    r.met ? "text-emerald-800 dark:text-emerald-300" : ""
                  }
                >
                  {r.goal.title}
                  <span className="sr-only">
                    {r.met ? " (met)" : " (not met yet)"}
                  </span>
                  {!r.met && active.failedAttempts > 0 && r.detail && (
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {r.detail}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </div>
        {!drill && <GoalGhost lesson={lesson} step={active.step} />}

        {hints.length > 0 && (
          <div
            role="status"
            className="space-y-1 rounded-lg border border-amber-200 bg-amber-50 p-2 text-amber-950 dark:border-amber-400/30 dark:bg-amber-950/40 dark:text-amber-100"
          >
            <h4 className="text-xs font-semibold uppercase">
              Hint{hints.length > 1 ? "s" : ""}
            </h4>
            {hints.map((h, i) => (
              <div key={i} data-hint={i}>
                <Markdown text={h} />
              </div>
            ))}
          </div>
        )}

        {solutionFor === stepKey && (
          <div>
            <h4 className="mb-1 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">
              Solution
            </h4>
            <pre className="overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">
              {step.solution}
            </pre>
          </div>
        )}
        {error && (
          <p
            role="alert"
            className="rounded border border-rose-200 bg-rose-50 p-2 text-xs text-rose-900 dark:border-rose-400/30 dark:bg-rose-950 dark:text-rose-100"
          >
            {error}
          </p>
        )}
      </div>

      <div className="space-y-2 border-t border-slate-200 px-3 py-2 dark:border-slate-800">
        <div className="flex flex-wrap gap-1.5">
          <button
            type="button"
            className={button}
            disabled={busy || working}
            onClick={() => s.check()}
          >
            Check
          </button>
          <button
            type="button"
            className={button}
            aria-pressed={solutionFor === stepKey}
            onClick={() => {
              if (drillOpen && solutionFor !== stepKey) helped(active.id);
              setSolutionFor(solutionFor === stepKey ? null : stepKey);
            }}
          >
            {solutionFor === stepKey ? "Hide solution" : "Show solution"}
          </button>
          <button
            type="button"
            className={button}
            disabled={busy || working || met}
            onClick={() => {
              if (drillOpen) helped(active.id);
              void s.doItForMe();
            }}
          >
            Do it for me
          </button>
          <button
            type="button"
            className={button}
            disabled={busy || working}
            onClick={() => void s.resetStep()}
          >
            <Icon name="reset" className="size-3.5" />
            Reset step
          </button>
          {drillOpen && (
            <button
              type="button"
              className={`${button} border-rose-300 text-rose-800 hover:bg-rose-50 dark:border-rose-500/50 dark:text-rose-200 dark:hover:bg-rose-950/50`}
              onClick={() => giveUp(active.id)}
            >
              Give up — show what was wrong
            </button>
          )}
        </div>
        <div className="flex items-center justify-between gap-2">
          <span
            className="text-xs text-slate-500 dark:text-slate-400"
            data-commands-used={used}
          >
            {used === 1 ? "1 command" : `${used} commands`} this step
          </span>
          {drill ? (
            <button
              type="button"
              disabled={working}
              onClick={() => void s.start(newDrillId())}
              className={`inline-flex h-7 items-center rounded-md px-3 text-xs font-semibold disabled:opacity-50 ${drillEnded ? "bg-indigo-600 text-white hover:bg-indigo-500" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"}`}
            >
              New drill
            </button>
          ) : last && met ? (
            <span
              role="status"
              className="inline-flex items-center gap-1 rounded-full bg-emerald-100 px-2.5 py-1 text-xs font-semibold text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200"
            >
              <Icon name="check" className="size-3.5" />
              Lesson complete
            </span>
          ) : (
            <button
              type="button"
              disabled={!met || last}
              onClick={() => s.nextStep()}
              className="inline-flex h-7 items-center rounded-md bg-indigo-600 px-3 text-xs font-semibold text-white hover:bg-indigo-500 disabled:bg-slate-300 disabled:text-slate-600 dark:disabled:bg-slate-700 dark:disabled:text-slate-400"
            >
              Next step
            </button>
          )}
        </div>
      </div>
    </aside>
  );
}
