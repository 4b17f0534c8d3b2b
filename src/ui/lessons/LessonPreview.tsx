// The preview of a teacher's own lesson, before any of it runs: what it is (title, topic,
// summary, preset, each step with its goals, what its setup runs), or every problem the parser
// found with its line, column and field, so the teacher can fix the YAML from the list alone.
// A lesson from a link is a stranger's: the preview says so. Start registers and starts it; Copy
// share link puts the whole lesson in a `#lessonfile=` link.
import { useEffect, useId, useRef, useState } from "react";
import { useAppStore } from "../../store/index.ts";
import { Icon } from "../components/Icon.tsx";
import { lessonFileLink } from "./lesson-entry.ts";
import { problemText, type LessonProblem } from "./lesson-file.ts";
import { LONG_LINK_CHARS, lessonFileFragment } from "./lesson-file-link.ts";
import {
  closePreview,
  previewLink,
  startPreviewed,
  useLessonFilePreview,
  type PreviewRequest,
} from "./lesson-file-state.ts";

const secondary =
  "inline-flex h-8 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700";

let linkOpened = false;

/** Mounted with the lesson layer: opens `#lessonfile=` links (on arrival and on hashchange), shows the preview. */
export function LessonFileLayer() {
  const request = useLessonFilePreview((s) => s.request);
  useEffect(() => {
    const open = () => {
      const link = lessonFileLink(window.location.hash);
      if (!link) return;
      // Dropped at once: a reload then resumes the saved lesson instead of asking again.
      history.replaceState(null, "", window.location.pathname + window.location.search);
      void previewLink(link.payload, link.step);
    };
    if (!linkOpened) {
      linkOpened = true;
      open();
    }
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, []);
  return request ? <LessonPreview request={request} /> : null;
}

function originLine(r: PreviewRequest): string {
  if (r.origin === "editor") return "From the editor's text";
  if (r.origin === "link")
    return "From a link: someone else's lesson. Look through it before you start it.";
  return `From the file ${r.source}`;
}

export function LessonPreview({ request }: { request: PreviewRequest }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const actions = useAppStore((s) => s.timeline.actions.length);
  const starting = useLessonFilePreview((s) => s.starting);
  const startError = useLessonFilePreview((s) => s.startError);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const read = request.read;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLButtonElement>("[data-autofocus]")?.focus();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    setUrl(null);
    setCopied(false);
    if (!read.ok) return;
    let live = true;
    void lessonFileFragment(read.text, request.step).then((fragment) => {
      if (live) setUrl(`${location.origin}${location.pathname}${fragment}`);
    });
    return () => {
      live = false;
    };
  }, [read, request.step]);

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      window.prompt("Lesson link", url);
    }
  };

  const lesson = read.ok ? read.lesson : undefined;
  const step = lesson
    ? Math.min(request.step, lesson.steps.length - 1)
    : request.step;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-lesson-preview
      onCancel={(e) => {
        e.preventDefault(); // Escape: closed by unmounting, React owns the state
        closePreview();
      }}
      className="m-auto max-h-[calc(100vh-2rem)] w-[38rem] max-w-[calc(100vw-2rem)] flex-col rounded-xl border border-slate-200 bg-white p-0 text-sm text-slate-700 shadow-2xl backdrop:bg-slate-900/50 open:flex dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300 dark:backdrop:bg-black/60"
    >
      <div className="border-b border-slate-200 px-5 py-3 dark:border-slate-700">
        <p
          className={`text-xs ${request.origin === "link" ? "font-medium text-amber-700 dark:text-amber-300" : "text-slate-500 dark:text-slate-400"}`}
        >
          {originLine(request)}
        </p>
        <h2
          id={titleId}
          className="text-base font-semibold text-slate-900 dark:text-white"
        >
          {lesson ? lesson.title : "This lesson cannot be opened"}
        </h2>
        {lesson && (
          <div className="mt-1 flex flex-wrap gap-1.5 text-xs">
            <span className="rounded-full bg-indigo-100 px-2 py-0.5 font-medium text-indigo-800 dark:bg-indigo-900/50 dark:text-indigo-200">
              Your lesson
            </span>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">
              {lesson.topic}
            </span>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">
              cluster <span className="font-mono">{lesson.preset}</span>, seed{" "}
              {lesson.seed}
            </span>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">
              {lesson.steps.length === 1 ? "1 step" : `${lesson.steps.length} steps`}
            </span>
          </div>
        )}
      </div>

      <div className="min-h-0 flex-1 space-y-3 overflow-y-auto px-5 py-3">
        {lesson ? (
          <>
            <p>{lesson.summary}</p>
            {lesson.setup && (
              <details className="rounded-lg border border-slate-200 px-3 py-1.5 dark:border-slate-700">
                <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-400">
                  What its setup runs first
                </summary>
                <pre className="mt-1 max-h-40 overflow-auto font-mono text-xs whitespace-pre-wrap text-slate-800 dark:text-slate-200">
                  {lesson.setup}
                </pre>
              </details>
            )}
            <ol aria-label="Steps" className="space-y-2">
              {lesson.steps.map((s, i) => (
                <li
                  key={i}
                  data-step={i + 1}
                  className={`rounded-lg border px-3 py-2 ${i === step && step > 0 ? "border-indigo-400 bg-indigo-50/60 dark:border-indigo-500 dark:bg-indigo-950/40" : "border-slate-200 dark:border-slate-700"}`}
                >
                  <p className="font-medium text-slate-900 dark:text-white">
                    <span className="mr-1.5 text-slate-500 dark:text-slate-400">
                      {i + 1}.
                    </span>
                    {s.title}
                    {i === step && step > 0 && (
                      <span className="ml-2 text-xs font-normal text-indigo-700 dark:text-indigo-300">
                        opens here
                      </span>
                    )}
                  </p>
                  <ul aria-label="Goals" className="mt-1 space-y-0.5 text-xs">
                    {s.goals.map((g) => (
                      <li key={g.id} className="flex gap-1.5">
                        {/* A goal to reach, not one met: an empty ring, as the pane shows unmet goals. */}
                        <span
                          aria-hidden="true"
                          className="mt-0.5 size-3 shrink-0 rounded-full border border-slate-400 dark:border-slate-500"
                        />
                        <span>{g.title}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <Problems
            source={request.source}
            problems={read.ok ? [] : read.problems}
          />
        )}
      </div>

      <div className="space-y-2 border-t border-slate-200 px-5 py-3 dark:border-slate-700">
        {startError && (
          <p role="alert" className="text-xs font-medium text-red-700 dark:text-red-300">
            {startError}
          </p>
        )}
        {lesson && actions > 0 && (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            It starts on a cluster of its own:{" "}
            {actions === 1 ? "the action" : `the ${actions} actions`} on the
            timeline go (you can undo this right after).
          </p>
        )}
        {url && url.length > LONG_LINK_CHARS && (
          <p
            role="note"
            className="text-xs text-amber-800 dark:text-amber-300"
          >
            Its link is long ({url.length.toLocaleString("en")} characters):
            some chat apps cut links this long. Sending the file is safer.
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            disabled={starting}
            onClick={closePreview}
            className={secondary}
          >
            Cancel
          </button>
          {lesson && (
            <button
              type="button"
              disabled={!url}
              onClick={() => void copy()}
              className={secondary}
            >
              <Icon name={copied ? "check" : "share"} className="size-4" />
              {copied ? "Link copied" : "Copy share link"}
            </button>
          )}
          {lesson && (
            <button
              type="button"
              data-autofocus
              disabled={starting}
              aria-busy={starting}
              onClick={() => void startPreviewed()}
              className="h-8 rounded-lg bg-indigo-600 px-3 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
            >
              {starting
                ? "Starting…"
                : step > 0
                  ? `Start at step ${step + 1}`
                  : "Start"}
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}

function Problems({
  source,
  problems,
}: {
  source: string;
  problems: readonly LessonProblem[];
}) {
  return (
    <div>
      <p className="mb-2 flex items-center gap-1.5 font-medium text-red-700 dark:text-red-300">
        <Icon name="alert" className="size-4" />
        {problems.length === 1
          ? `A problem in ${source}:`
          : `${problems.length} problems in ${source}:`}
      </p>
      <ul aria-label="Problems" className="space-y-1.5">
        {problems.map((p, i) => (
          <li
            key={i}
            data-problem
            title={problemText(p)}
            className="rounded-lg border border-red-200 bg-red-50 px-3 py-1.5 dark:border-red-900/70 dark:bg-red-950/40"
          >
            {p.line !== undefined && (
              <span className="mr-2 font-mono text-xs font-semibold text-red-800 dark:text-red-200">
                line {p.line}, column {p.column ?? 1}
              </span>
            )}
            {p.path && (
              <code className="mr-1.5 rounded bg-white/70 px-1 font-mono text-xs text-slate-800 dark:bg-slate-900/60 dark:text-slate-200">
                {p.path}
              </code>
            )}
            <span className="text-slate-800 dark:text-slate-200">
              {p.message}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
