// "Where this step ends": beside the goals, a small ghost of the cluster the step asks for (as
// Learn Git Branching shows the goal tree), so the learner sees where they are going. The
// picture comes from the ghost worker (the engine solves the lesson there); which cards the
// learner already has is read from the cluster the page shows. Collapsible (remembered), and a
// click enlarges it in a dialog (Escape closes).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Lesson } from "../../lessons/types.ts";
import { useAppStore } from "../../store/index.ts";
import { Icon } from "../components/Icon.tsx";
import { ghostClient } from "./ghost-client.ts";
import { fitGhost } from "./ghost-layout.ts";
import type { GhostPicture } from "./ghost-picture.ts";
import { presenceMap } from "./ghost-presence.ts";
import { GoalGhostDrawing } from "./GoalGhostDrawing.tsx";

const OPEN_KEY = "kubesim.goalGhost.open";
/** The box the small picture fits in, in rem (≈ 300 × 180 px at the default text size). */
const SMALL_MAX_H_REM = 11.25;
/** Card sizes in world units: the pane's picture leaves the facts to the tooltip, the enlarged one shows them. */
const SMALL_CARDS = [116, 136, 176, 224].map((w) => ({ w, h: 46 }));
const LARGE_CARDS = [208, 260].map((w) => ({ w, h: 56 }));

function readOpen(): boolean {
  try {
    return window.localStorage.getItem(OPEN_KEY) !== "false";
  } catch {
    return true;
  }
}

function rootPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** The width of an element, kept current (the pane resizes with the window and the text size). */
function useWidth(el: HTMLElement | null): number {
  const [w, setW] = useState(0);
  useLayoutEffect(() => {
    if (!el) return;
    setW(el.clientWidth);
    const ro = new ResizeObserver(() => setW(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return w;
}

export function GoalGhost({ lesson, step }: { lesson: Lesson; step: number }) {
  const [answer, setAnswer] = useState<{ key: string; picture?: GhostPicture; error?: string } | null>(null);
  const [open, setOpen] = useState(readOpen);
  const [enlarged, setEnlarged] = useState(false);
  const key = `${lesson.id}/${step}`;
  useEffect(() => {
    let live = true;
    ghostClient.picture(lesson, step).then(
      (picture) => live && setAnswer({ key, picture }),
      (e: unknown) => live && setAnswer({ key, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [lesson, step, key]);
  const cluster = useAppStore((s) => s.cluster);
  // Until the new step's picture arrives, the last one stays, faded, so the pane does not jump.
  const current = answer?.key === key ? answer : answer?.picture ? answer : null;
  const stale = current !== null && answer?.key !== key;
  const picture = current?.picture;
  const presence = useMemo(() => (picture ? presenceMap(picture.cards, cluster) : {}), [picture, cluster]);
  const have = picture ? picture.cards.filter((c) => presence[c.id]?.state === "have").length : 0;
  // A callback ref: the box comes and goes as the section is collapsed and opened.
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const width = useWidth(box);
  const toggle = () => {
    setOpen(!open);
    try {
      window.localStorage.setItem(OPEN_KEY, String(!open));
    } catch {
      /* private mode: not remembered */
    }
  };
  const caption = `Where step ${(picture?.step ?? step) + 1} ends`;
  // The frame's padding and border take 14 px of the box.
  const fit = useMemo(
    () => (picture && width > 0 ? fitGhost(picture.cards, picture.lines, SMALL_CARDS, { w: width - 14, h: SMALL_MAX_H_REM * rootPx() }, 1.15) : null),
    [picture, width],
  );

  return (
    <section aria-label="Where this step ends" data-goal-ghost={key}>
      <div className="mb-1 flex items-center gap-2">
        <button
          type="button"
          aria-expanded={open}
          onClick={toggle}
          className="flex items-center gap-1 text-xs font-semibold text-slate-500 uppercase hover:text-slate-700 dark:text-slate-400 dark:hover:text-slate-200"
        >
          <svg aria-hidden viewBox="0 0 16 16" className={`size-3 transition-transform ${open ? "rotate-90" : ""}`}>
            <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Where this step ends
        </button>
        {picture && picture.cards.length > 0 && (
          <span className="ml-auto text-[11px] text-slate-500 tabular-nums dark:text-slate-400" data-ghost-have={have}>
            {have} of {picture.cards.length} there
          </span>
        )}
      </div>
      {open && (
        <div ref={setBox} aria-busy={stale || !current} className={`w-full transition-opacity ${stale ? "opacity-40" : ""}`}>
          {!current ? (
            <div className="grid h-16 place-items-center rounded-lg border border-dashed border-slate-300 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
              Drawing the goal…
            </div>
          ) : current.error ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
              The goal could not be drawn: {current.error}
            </p>
          ) : picture && picture.cards.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
              Nothing new to see here: this step's goals are about what you run and read.
            </p>
          ) : (
            picture && (
              <figure className="m-0">
                <div
                  role="button"
                  tabIndex={0}
                  title={`${caption}: click to enlarge`}
                  aria-label={`${caption}: enlarge the picture`}
                  onClick={() => setEnlarged(true)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      setEnlarged(true);
                    }
                  }}
                  className="group relative flex cursor-zoom-in justify-center overflow-hidden rounded-lg border border-slate-200 bg-slate-50 bg-[radial-gradient(circle,rgb(148_163_184/0.35)_1px,transparent_1px)] [background-size:12px_12px] p-1.5 hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-950 dark:bg-[radial-gradient(circle,rgb(71_85_105/0.45)_1px,transparent_1px)] dark:hover:border-indigo-500/60"
                >
                  {fit && <GoalGhostDrawing picture={picture} layout={fit.layout} presence={presence} scale={Math.max(0.3, fit.scale)} detail={false} label={caption} />}
                  <span aria-hidden className="absolute top-1 right-1 grid size-5 place-items-center rounded bg-white/80 text-slate-500 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100 dark:bg-slate-800/80 dark:text-slate-300">
                    <Icon name="expand" className="size-3.5" />
                  </span>
                </div>
                <figcaption className="mt-1 flex flex-wrap items-center gap-x-3 text-[11px] text-slate-500 dark:text-slate-400">
                  <span className="flex items-center gap-1">
                    <span aria-hidden className="grid size-3 place-items-center rounded-full bg-emerald-500 text-[8px] font-bold text-white">✓</span>
                    you have it
                  </span>
                  <span className="flex items-center gap-1">
                    <span aria-hidden className="inline-block h-2.5 w-4 rounded-sm border-[1.5px] border-dashed border-slate-400" />
                    not yet
                  </span>
                </figcaption>
              </figure>
            )
          )}
        </div>
      )}
      {enlarged && picture && (
        <GhostDialog picture={picture} presence={presence} caption={`${caption}: ${lesson.steps[picture.step]?.title ?? ""}`} onClose={() => setEnlarged(false)} />
      )}
    </section>
  );
}

function GhostDialog({ picture, presence, caption, onClose }: { picture: GhostPicture; presence: ReturnType<typeof presenceMap>; caption: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  // As large as the window allows, up to 1.6 times the card size.
  const fit = useMemo(() => fitGhost(picture.cards, picture.lines, LARGE_CARDS, { w: window.innerWidth * 0.9 - 80, h: window.innerHeight * 0.85 - 150 }, 1.6), [picture]);
  return (
    <dialog
      ref={ref}
      aria-label={caption}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // Escape closes this, and only this (not presentation mode behind it).
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      className="m-auto max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-2xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:backdrop:bg-black/60"
    >
      <div className="mb-3 flex items-center gap-3">
        <h2 className="text-base font-semibold text-slate-900 dark:text-white">{caption}</h2>
        <button
          type="button"
          autoFocus
          onClick={onClose}
          className="ml-auto grid size-7 place-items-center rounded text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
        >
          <Icon name="close" className="size-4" />
          <span className="sr-only">Close</span>
        </button>
      </div>
      <div className="grid place-items-center rounded-lg bg-slate-50 bg-[radial-gradient(circle,rgb(148_163_184/0.35)_1px,transparent_1px)] [background-size:16px_16px] p-4 dark:bg-slate-950 dark:bg-[radial-gradient(circle,rgb(71_85_105/0.45)_1px,transparent_1px)]">
        <GoalGhostDrawing picture={picture} layout={fit.layout} presence={presence} scale={Math.max(0.4, fit.scale)} detail label={caption} />
      </div>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        Solid with a tick: you have it as the goal has it. Dashed: not there yet. Lines are drawn as on the canvas: uses, bound, class, config.
      </p>
    </dialog>
  );
}
