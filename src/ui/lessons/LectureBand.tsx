// The lecture band: the lesson pane redrawn for a projector, beside the canvas. Large type (it is
// zoomed with presentation mode's chrome, so A−/A+ size it too), and only what a class reads: the
// lesson, "Step k of n", the step's prose, its goals ticking, the controllers' own captions of
// the action being played out, and what the next press of the clicker will do. Every decision is
// the lesson store's (lectureMove, actionNarration); this draws it.
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useAppStore } from "../../store/index.ts";
import { findLesson } from "../../store/lesson-catalog.ts";
import {
  actionNarration,
  lectureMove,
  type LectureMove,
} from "../../store/lesson-store.ts";
import { isLive } from "../../store/timeline.ts";
import { usePresentationZoom } from "../app/presentation.ts";
import { Icon } from "../components/Icon.tsx";
import { lessonStore, useLessons } from "./lesson-instance.ts";
import { Markdown } from "./Markdown.tsx";

/** The share of the window the band takes: the canvas keeps the rest, most of the screen. */
const SHARE = 0.34;

/** The band's width in its own (zoomed) CSS pixels: about a third of the window, within reason. */
export function bandWidth(windowWidth: number, zoom: number): number {
  const screen = Math.min(640, Math.max(280, windowWidth * SHARE));
  return Math.round(screen / zoom);
}

const NEXT_LABEL: Record<LectureMove, string> = {
  solve: "Next: run the solution",
  advance: "Next step",
  live: "Next: back to live",
  playing: "Playing out…",
  wait: "Working…",
  done: "Lesson complete",
};

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
  }));
  useEffect(() => {
    const onResize = () =>
      setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return size;
}

/** How much smaller than presentation mode's zoom the band may draw a long step to fit it whole. */
const FIT_FLOOR = 0.8;
/** Never smaller than this: at 150 % browser zoom the page is already large, yet short. */
const FIT_MIN = 0.85;
/** Below this window height (CSS px: 150 % zoom on a 720p projector is 480) the band keeps to essentials. */
const SHORT = 560;
const FIT_STEP = 0.05;

/**
 * The band's zoom: presentation mode's, made smaller (as slides autofit their text) while the
 * step's prose would have to scroll, down to FIT_FLOOR of it or FIT_MIN (past that, on a short
 * window, the prose scrolls). Worked out again for each step and window size; within one it only
 * shrinks, so the text never jumps back and forth.
 */
function useFittedZoom(
  key: string,
  base: number,
  scroller: React.RefObject<HTMLElement | null>,
): number {
  const [fit, setFit] = useState({ key: "", zoom: base });
  const zoom = fit.key === key ? fit.zoom : base;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const over = el.scrollHeight > el.clientHeight + 1;
    const floor = Math.max(FIT_MIN, base * FIT_FLOOR);
    const smaller = Math.round((zoom - FIT_STEP) * 100) / 100;
    if (over && smaller >= floor) setFit({ key, zoom: smaller });
    else if (fit.key !== key) setFit({ key, zoom });
  });
  return zoom;
}

export function LectureBand() {
  const active = useLessons((s) => s.active);
  const results = useLessons((s) => s.results);
  const lecture = useLessons((s) => s.lecture);
  const working = useLessons((s) => s.working);
  const error = useLessons((s) => s.error);
  const busy = useAppStore((s) => s.busy !== null);
  const playingOut = useAppStore((s) => s.playingOut);
  const timeline = useAppStore((s) => s.timeline);
  const base = usePresentationZoom().chrome;
  const win = useWindowSize();
  const scroller = useRef<HTMLDivElement>(null);
  const zoom = useFittedZoom(
    `${active?.id}/${active?.step}/${win.width}x${win.height}/${base}`,
    base,
    scroller,
  );
  const width = bandWidth(win.width, zoom);
  const lesson = active ? findLesson(active.id) : undefined;
  if (!active || !lesson || !lecture) return null;
  const step = lesson.steps[active.step]!;
  const live = isLive(timeline);
  const move = lectureMove({
    steps: lesson.steps.length,
    step: active.step,
    furthest: lecture.furthest,
    results,
    working,
    busy,
    playingOut,
    live,
  });
  const reviewing = active.step < lecture.furthest;
  const story = actionNarration(timeline);
  const short = win.height < SHORT;
  const narration = story.shown
    .map((n, i) => ({ ...n, index: i + 1, of: story.total }))
    .slice(short ? -1 : -3);
  const s = lessonStore.getState();
  const solution = (step.solution ?? "").trim().split("\n").filter(Boolean);
  return (
    <aside
      aria-label="Lecture"
      data-testid="lecture-band"
      data-move={move}
      style={{ width, zoom }}
      className="flex shrink-0 flex-col border-l border-slate-200 bg-white text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200"
    >
      <header className="flex items-start gap-2 border-b border-slate-200 px-4 pt-2 pb-1.5 dark:border-slate-800">
        <div className="min-w-0 flex-1">
          <p className="truncate text-[13px] font-medium text-indigo-700 dark:text-indigo-300">
            {lesson.title}
          </p>
          <div className="mt-0.5 flex items-center gap-2">
            <span
              className="text-[13px] font-semibold whitespace-nowrap text-slate-600 dark:text-slate-300"
              aria-live="polite"
            >
              Step {active.step + 1} of {lesson.steps.length}
            </span>
            {/* One segment per step: done, current, to come. */}
            <span aria-hidden className="flex flex-1 gap-1">
              {lesson.steps.map((_, i) => (
                <span
                  key={i}
                  className={`h-1.5 flex-1 rounded-full ${i < active.step ? "bg-indigo-400 dark:bg-indigo-500" : i === active.step ? "bg-indigo-600 dark:bg-indigo-300" : "bg-slate-200 dark:bg-slate-700"}`}
                />
              ))}
            </span>
          </div>
        </div>
        <button
          type="button"
          title="Leave lecture mode (Esc)"
          onClick={() => s.setLecture(false)}
          className="-mr-1 grid size-7 shrink-0 place-items-center rounded text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
        >
          <Icon name="close" className="size-4" />
          <span className="sr-only">Leave lecture mode</span>
        </button>
      </header>

      {/* On a short window the prose may scroll: it fades out at the bottom edge instead of being cut. */}
      <div
        ref={scroller}
        data-testid="lecture-scroller"
        className={`min-h-0 flex-1 space-y-2 overflow-y-auto px-4 pt-2.5 text-[15px] leading-snug ${short ? "pb-6 [mask-image:linear-gradient(to_bottom,black_calc(100%-1.5rem),transparent)]" : "pb-2.5"}`}
      >
        <h2 className="text-xl leading-tight font-bold text-slate-900 dark:text-white">
          {step.title}
        </h2>
        {reviewing && (
          <p
            role="status"
            className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-[13px] text-amber-950 dark:border-amber-400/40 dark:bg-amber-950/40 dark:text-amber-100"
          >
            Looking back: the cluster stays as it is after step{" "}
            {lecture.furthest + 1}.
          </p>
        )}
        <div data-testid="lecture-prose">
          <Markdown text={step.prose} />
        </div>
      </div>

      <div className="space-y-2 border-t border-slate-200 px-4 py-2 dark:border-slate-800">
        <ul
          aria-label="Goals"
          className={`space-y-1 leading-snug ${short ? "text-[13px]" : "text-[15px]"}`}
        >
          {results.map((r) => (
            <li
              key={r.goal.id}
              data-goal={r.goal.id}
              data-met={r.met ? "true" : "false"}
              className="flex items-start gap-2"
            >
              <span
                aria-hidden
                className={`mt-px grid size-5 shrink-0 place-items-center rounded-full border-2 transition-colors ${r.met ? "border-emerald-600 bg-emerald-600 text-white dark:border-emerald-500 dark:bg-emerald-500" : "border-slate-400 dark:border-slate-500"}`}
              >
                {r.met && <Icon name="check" className="size-3.5" />}
              </span>
              <span
                className={
                  r.met
                    ? "font-medium text-emerald-800 dark:text-emerald-300"
                    : ""
                }
              >
                {r.goal.title}
                <span className="sr-only">
                  {r.met ? " (met)" : " (not met yet)"}
                </span>
              </span>
            </li>
          ))}
        </ul>

        {/* Three lines kept for it from the start, so the play-out never pushes the prose about. */}
        <div>
          <h3 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
            {narration.length === 0
              ? "Controller steps"
              : playingOut
                ? `Controller steps · ${narration.at(-1)!.index} of ${narration.at(-1)!.of}`
                : "What the last action did"}
          </h3>
          {/* One line each (the full sentence is the caption over the canvas, and the title here). */}
          <ol
            data-testid="lecture-narration"
            className={`${short ? "min-h-[1.375em]" : "min-h-[4.125em]"} text-[13px] leading-snug`}
          >
            {narration.length === 0 && (
              <li className="truncate text-slate-500 italic dark:text-slate-400">
                Each controller&apos;s step shows here as the action plays out.
              </li>
            )}
            {narration.map((n) => (
              <li
                key={n.frame}
                title={n.step.summary}
                className={`flex items-center gap-1.5 ${n.current && playingOut ? "font-semibold text-slate-900 dark:text-white" : "text-slate-600 dark:text-slate-400"}`}
              >
                <span
                  aria-hidden
                  className={`size-1.5 shrink-0 rounded-full ${n.current && playingOut ? "animate-pulse bg-indigo-500" : "bg-slate-300 dark:bg-slate-600"}`}
                />
                <span className="min-w-0 truncate">
                  <span className="text-indigo-700 dark:text-indigo-300">
                    {n.step.actor}
                  </span>{" "}
                  {n.step.summary.startsWith(`${n.step.actor} `)
                    ? n.step.summary.slice(n.step.actor.length + 1)
                    : n.step.summary}
                </span>
              </li>
            ))}
          </ol>
        </div>

        {move === "solve" && solution.length > 0 && (
          <p
            aria-label="What the next press runs"
            title={solution.join("\n")}
            className="truncate rounded-md bg-slate-100 px-2 py-0.5 font-mono text-[12px] text-slate-700 dark:bg-slate-800 dark:text-slate-300"
          >
            $ {solution[0]}
            {solution.length > 1 && (
              <span className="text-slate-500 dark:text-slate-400">
                {"  "}+{solution.length - 1} more
              </span>
            )}
          </p>
        )}

        {error && (
          <p
            role="alert"
            className="rounded border border-rose-200 bg-rose-50 p-2 text-[13px] text-rose-900 dark:border-rose-400/30 dark:bg-rose-950 dark:text-rose-100"
          >
            {error}
          </p>
        )}

        <div className="flex items-stretch gap-2">
          <button
            type="button"
            title="Previous step (← or PageUp): the text only, the cluster stays"
            disabled={active.step === 0 || working}
            onClick={() => s.lecturePrev()}
            className="grid w-10 shrink-0 place-items-center rounded-lg border border-slate-300 text-lg text-slate-700 hover:bg-slate-50 disabled:opacity-40 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            <span aria-hidden>◂</span>
            <span className="sr-only">Previous step</span>
          </button>
          <button
            type="button"
            data-testid="lecture-next"
            disabled={move === "wait" || move === "playing" || move === "done"}
            onClick={() => void s.lectureNext()}
            className={`flex min-h-11 flex-1 items-center justify-between gap-2 rounded-lg px-3 py-1.5 text-left text-base font-semibold ${move === "done" ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100" : move === "wait" || move === "playing" ? "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300" : "bg-indigo-600 text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"}`}
          >
            <span>{NEXT_LABEL[move]}</span>
            <span
              aria-hidden
              className="text-sm font-normal whitespace-nowrap opacity-80"
            >
              {move === "done"
                ? "✓"
                : move === "playing"
                  ? short
                    ? ""
                    : "End skips"
                  : "→ ▸"}
            </span>
          </button>
        </div>
        {!short && (
          <p className="text-center text-[11px] leading-none text-slate-500 dark:text-slate-400">
            → / Space next · ← previous · Esc leaves
          </p>
        )}
      </div>
    </aside>
  );
}
