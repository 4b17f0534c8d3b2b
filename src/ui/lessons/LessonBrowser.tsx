// The lesson browser: every built-in lesson by topic, with its summary and the learner's progress
// (not started, step k of n, done). Picking one starts it (a fresh cluster of its preset).
import { useEffect, useRef } from "react";
import { lessonsByTopic } from "../../store/lesson-catalog.ts";
import type { LessonProgress } from "../../store/lesson-persistence.ts";
import { Icon } from "../components/Icon.tsx";
import { lessonStore, useLessons } from "./lesson-instance.ts";

export function progressLabel(
  p: LessonProgress | undefined,
  steps: number,
): string {
  if (!p) return "Not started";
  if (p.done) return "Done";
  return `Step ${p.step + 1} of ${steps}`;
}

export function LessonBrowser() {
  const progress = useLessons((s) => s.progress);
  const activeId = useLessons((s) => s.active?.id);
  const close = () => lessonStore.getState().openBrowser(false);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLButtonElement>("[data-lesson]")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
  return (
    <div
      className="fixed inset-0 z-50 grid place-items-center bg-slate-900/40 p-4"
      onMouseDown={(e) => e.target === e.currentTarget && close()}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="lesson-browser-title"
        className="flex max-h-full w-[40rem] max-w-full flex-col rounded-xl border border-slate-200 bg-white shadow-2xl dark:border-slate-700 dark:bg-slate-900"
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-700">
          <h2
            id="lesson-browser-title"
            className="text-base font-semibold text-slate-900 dark:text-white"
          >
            Lessons
          </h2>
          <button
            type="button"
            aria-label="Close"
            onClick={close}
            className="grid size-7 place-items-center rounded text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
          >
            <Icon name="close" className="size-4" />
          </button>
        </div>
        <div className="min-h-0 overflow-y-auto px-4 py-3">
          {lessonsByTopic().map((group) => (
            <section key={group.topic} className="mb-4 last:mb-0">
              <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
                {group.topic}
              </h3>
              <ul className="space-y-1.5">
                {group.lessons.map((l) => {
                  const label = progressLabel(progress[l.id], l.steps.length);
                  const done = progress[l.id]?.done;
                  return (
                    <li key={l.id}>
                      <button
                        type="button"
                        data-lesson={l.id}
                        onClick={() =>
                          void lessonStore
                            .getState()
                            .start(l.id, done ? 0 : (progress[l.id]?.step ?? 0))
                        }
                        className="flex w-full items-start gap-3 rounded-lg border border-slate-200 px-3 py-2 text-left hover:border-indigo-400 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:hover:border-indigo-400 dark:hover:bg-indigo-950/40"
                      >
                        <span className="min-w-0 flex-1">
                          <span className="block text-sm font-medium text-slate-900 dark:text-white">
                            {l.title}
                            {activeId === l.id && (
                              <span className="ml-2 text-xs font-normal text-indigo-600 dark:text-indigo-400">
                                (open)
                              </span>
                            )}
                          </span>
                          <span className="block text-xs text-slate-600 dark:text-slate-400">
                            {l.summary}
                          </span>
                        </span>
                        <span
                          className={`shrink-0 rounded-full px-2 py-0.5 text-xs whitespace-nowrap ${done ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200" : progress[l.id] ? "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200" : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"}`}
                        >
                          {label}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
