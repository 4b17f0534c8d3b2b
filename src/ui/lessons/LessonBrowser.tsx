// The lesson browser: the teacher's own lessons ("Your lessons": opened from a file, dropped on the
// dialog, or taken from the editor's text, each previewed first), then every built-in lesson by
// topic, with its summary and the learner's progress (not started, step k of n, done). Picking one
// starts it (a fresh cluster of its preset); that throws the current cluster and timeline away,
// so with work to lose it asks first, as Reset does, and Undo is offered afterwards (the reset's
// ResetUndoToast). On top, "CKA practice": generated drills against the clock (DrillPractice).
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { appStore, useAppStore } from "../../store/index.ts";
import {
  customLessons,
  lessonsByTopic,
  removeCustomLesson,
} from "../../store/lesson-catalog.ts";
import type { LessonProgress } from "../../store/lesson-persistence.ts";
import type { Lesson } from "../../lessons/types.ts";
import { Icon } from "../components/Icon.tsx";
import {
  lessonFilePreview,
  previewFile,
  previewText,
} from "./lesson-file-state.ts";
import { lessonStore, useLessons } from "./lesson-instance.ts";
import { DrillPractice } from "./DrillPractice.tsx";

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
      // Escape in the confirmation or the preview closes that (its own handling), not the browser.
      if (
        e.key === "Escape" &&
        !askingRef.current &&
        !lessonFilePreview.getState().request
      ) {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
  const pick = (l: Lesson) => {
    const done = progress[l.id]?.done;
    const step = done ? 0 : (progress[l.id]?.step ?? 0);
    startAsking(l.id, l.title, step);
  };
  const startAsking = (id: string, title: string, step: number) => {
    if (actions > 0 || branches > 0) setAsking({ id, title, step });
    else start(id, step);
  };
  const [mine, setMine] = useState(customLessons);
  const remove = (l: Lesson) => {
    if (activeId === l.id) lessonStore.getState().leave();
    removeCustomLesson(l.id);
    const rest = { ...lessonStore.getState().progress };
    delete rest[l.id];
    lessonStore.setState({ progress: rest });
    setMine(customLessons());
  };
  const fileInput = useRef<HTMLInputElement>(null);
  const [dropping, setDropping] = useState(false);
  const row = (l: Lesson, custom: boolean) => (
    <LessonRow
      key={l.id}
      lesson={l}
      progress={progress[l.id]}
      open={activeId === l.id}
      custom={custom}
      onPick={() => pick(l)}
      onRemove={() => remove(l)}
    />
  );
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
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes("Files")) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setDropping(true);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null))
            setDropping(false);
        }}
        onDrop={(e) => {
          const file = e.dataTransfer.files[0];
          if (!file) return;
          e.preventDefault();
          setDropping(false);
          void previewFile(file);
        }}
        className={`relative flex max-h-full w-[40rem] max-w-full flex-col rounded-xl border bg-white shadow-2xl dark:bg-slate-900 ${dropping ? "border-indigo-500 ring-4 ring-indigo-300/60 dark:ring-indigo-700/60" : "border-slate-200 dark:border-slate-700"}`}
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
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-700">
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,application/yaml,application/x-yaml,text/yaml"
            aria-label="Lesson file"
            className="hidden"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = ""; // the same file again is a new choice (it may have been fixed)
              if (file) void previewFile(file);
            }}
          />
          <button
            type="button"
            onClick={() => fileInput.current?.click()}
            className={toolButton}
          >
            <Icon name="file" className="size-4" />
            Open lesson file…
          </button>
          <button
            type="button"
            onClick={() =>
              previewText(appStore.getState().editorText, "manifest.yaml", "editor")
            }
            className={toolButton}
          >
            <Icon name="book" className="size-4" />
            Use the editor's text as a lesson
          </button>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            or drop a .yaml file here
          </span>
        </div>
        <div className="min-h-0 overflow-y-auto px-4 py-3">
          <DrillPractice onStart={(id, title) => startAsking(id, title, 0)} />
          {mine.length > 0 && (
            <section aria-label="Your lessons" className="mb-4">
              <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">
                Your lessons
              </h3>
              <ul className="space-y-1.5">{mine.map((l) => row(l, true))}</ul>
            </section>
          )}
          {lessonsByTopic().map((group) => (
            <section key={group.topic} className="mb-4 last:mb-0">
              <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
                {group.topic}
              </h3>
              <ul className="space-y-1.5">
                {group.lessons.map((l) => row(l, false))}
              </ul>
            </section>
          ))}
        </div>
        {dropping && (
          <div className="pointer-events-none absolute inset-0 grid place-items-center rounded-xl bg-indigo-50/90 text-base font-semibold text-indigo-800 dark:bg-indigo-950/90 dark:text-indigo-200">
            Drop the lesson file to preview it
          </div>
        )}
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

const toolButton =
  "inline-flex h-8 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700";

function LessonRow({
  lesson: l,
  progress,
  open,
  custom,
  onPick,
  onRemove,
}: {
  lesson: Lesson;
  progress: LessonProgress | undefined;
  open: boolean;
  custom: boolean;
  onPick: () => void;
  onRemove: () => void;
}) {
  const label = progressLabel(progress, l.steps.length);
  const done = progress?.done;
  return (
    <li className="flex items-stretch gap-1.5">
      <button
        type="button"
        data-lesson={l.id}
        onClick={onPick}
        className="flex min-w-0 flex-1 items-start gap-3 rounded-lg border border-slate-200 px-3 py-2 text-left hover:border-indigo-400 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:hover:border-indigo-400 dark:hover:bg-indigo-950/40"
      >
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-medium text-slate-900 dark:text-white">
            {l.title}
            {custom && (
              <span className="ml-2 rounded-full bg-indigo-100 px-1.5 py-px align-middle text-[0.7rem] font-medium text-indigo-800 dark:bg-indigo-900/60 dark:text-indigo-200">
                Your lesson
              </span>
            )}
            {open && (
              <span className="ml-2 text-xs font-normal text-indigo-600 dark:text-indigo-400">
                (open)
              </span>
            )}
          </span>
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {custom ? `${l.topic} · ` : ""}
            {l.summary}
          </span>
        </span>
        <span
          className={`shrink-0 rounded-full px-2 py-0.5 text-xs whitespace-nowrap ${done ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200" : progress ? "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200" : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"}`}
        >
          {label}
        </span>
      </button>
      {custom && (
        <button
          type="button"
          title={`Remove “${l.title}” and its progress from this browser`}
          aria-label={`Remove “${l.title}”`}
          onClick={onRemove}
          className="grid w-8 shrink-0 place-items-center rounded-lg border border-slate-200 text-slate-500 hover:border-red-300 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:text-slate-400 dark:hover:border-red-800 dark:hover:bg-red-950/40 dark:hover:text-red-300"
        >
          <Icon name="close" className="size-4" />
        </button>
      )}
    </li>
  );
}
