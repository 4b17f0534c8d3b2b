// The lesson browser: every built-in lesson by topic, with its summary and the learner's progress
// (not started, step k of n, done). Picking one starts it (a fresh cluster of its preset); that
// throws the current cluster and timeline away, so with work to lose it asks first, as Reset does,
// and Undo is offered afterwards (the reset's ResetUndoToast).
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useAppStore } from "../../store/index.ts";
import { lessonsByTopic } from "../../store/lesson-catalog.ts";
import type { LessonProgress } from "../../store/lesson-persistence.ts";
import { Icon } from "../components/Icon.tsx";
import { lessonStore, useLessons } from "./lesson-instance.ts";

const ConfirmDialog = lazy(() =>
  import("../app/ConfirmDialog.tsx").then((m) => ({
    default: m.ConfirmDialog,
  })),
);

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
  const actions = useAppStore((s) => s.timeline.actions.length);
  const branches = useAppStore((s) => s.timeline.branches?.length ?? 0);
  // The lesson waiting for "Start" in the confirmation, with the step it would open at.
  const [asking, setAsking] = useState<{ id: string; title: string; step: number } | null>(null);
  const askingRef = useRef(asking);
  askingRef.current = asking;
  const start = (id: string, step: number) =>
    void lessonStore.getState().start(id, step);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLButtonElement>("[data-lesson]")?.focus();
    const onKey = (e: KeyboardEvent) => {
      // Escape in the confirmation cancels it (the dialog's own handling), not the browser.
      if (e.key === "Escape" && !askingRef.current) {
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
                        onClick={() => {
                          const step = done ? 0 : (progress[l.id]?.step ?? 0);
                          if (actions > 0 || branches > 0)
                            setAsking({ id: l.id, title: l.title, step });
                          else start(l.id, step);
                        }}
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
      {asking && (
        <Suspense fallback={null}>
          <ConfirmDialog
            title="Start the lesson?"
            confirmLabel="Start"
            focusConfirm
            onConfirm={() => {
              setAsking(null);
              start(asking.id, asking.step);
            }}
            onCancel={() => setAsking(null)}
          >
            <p>
              “{asking.title}” starts on a cluster of its own:{" "}
              {actions === 1 ? "the action" : `all ${actions} actions`} on the
              timeline
              {branches > 0
                ? ` and ${branches === 1 ? "its what-if branch" : `its ${branches} what-if branches`}`
                : ""}{" "}
              go.
            </p>
            <p>You can undo this right after.</p>
          </ConfirmDialog>
        </Suspense>
      )}
    </div>
  );
}
