// The embed's slim bar, one line: what is open (the lesson's title, else the host's `title`, else
// the playground's name), Apply, Reset, a compact playback (step, play, the scrubber, live), and
// "Open in full playground ↗" (the same session in a new tab, without `embed`). It gives the frame
// every pixel it can: the scrubber shows from 60rem of its own width, Reset's label from 40rem, and
// the link's long label from 34rem, so the title keeps the room.
import { useSyncExternalStore } from 'react';
import { appStore, useAppStore } from '../../store/index.ts';
import type { LessonState } from '../../store/lesson-store.ts';
import { Icon, type IconName } from '../components/Icon.tsx';
import type { LessonDeps } from './embed-bridge.ts';
import { useFullPlaygroundHref } from './useFullPlaygroundHref.ts';

const BUTTON =
  'inline-flex h-7 shrink-0 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700';

const noLesson = () => () => {};

/** The lesson in progress' title, once the lesson layer is there. */
function useLessonTitle(lessons: LessonDeps | null): string | null {
  const active = useSyncExternalStore(
    lessons ? lessons.store.subscribe : noLesson,
    () => (lessons ? (lessons.store.getState() as LessonState).active : null),
  );
  return active ? (lessons?.find(active.id)?.title ?? null) : null;
}

export function EmbedBar({ lessons, title }: { lessons: LessonDeps | null; title: string | undefined }) {
  const lessonTitle = useLessonTitle(lessons);
  const busy = useAppStore((s) => s.busy !== null);
  const href = useFullPlaygroundHref(lessons);
  const inLesson = lessonTitle !== null;
  const shown = lessonTitle ?? title ?? 'Kubernetes Storage Playground';
  const reset = () => {
    // In a lesson, Reset goes back to the start of the step (the lesson's own cluster), not to an empty preset.
    const store = lessons?.store.getState();
    if (store?.active) void store.resetStep();
    else appStore.getState().resetCluster();
  };
  return (
    <div className="@container shrink-0">
      <header className="flex h-11 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-2.5 dark:border-slate-800 dark:bg-slate-900">
        <img src="/favicon.svg" alt="" className="size-5 shrink-0" />
        <h1 className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900 dark:text-white" title={shown}>
          {inLesson && <span className="sr-only">Lesson: </span>}
          {shown}
        </h1>
        <button type="button" className={BUTTON} disabled={busy} onClick={() => void appStore.getState().applyEditor()} title="Apply the editor's text to the cluster (Ctrl/Cmd+Enter)">
          <Icon name="play" filled className="size-3.5 text-indigo-600 dark:text-indigo-300" />
          Apply
        </button>
        <button type="button" className={BUTTON} disabled={busy} onClick={reset} aria-label={inLesson ? 'Reset step' : 'Reset cluster'} title={inLesson ? 'Back to the start of this step' : 'Start the cluster again from the preset (the editor text is kept)'}>
          <Icon name="reset" className="size-3.5" />
          <span className="hidden @min-[40rem]:inline">{inLesson ? 'Reset step' : 'Reset'}</span>
        </button>
        <span aria-hidden className="h-5 w-px shrink-0 bg-slate-200 dark:bg-slate-700" />
        <CompactPlayback />
        <span aria-hidden className="h-5 w-px shrink-0 bg-slate-200 dark:bg-slate-700" />
        <a
          href={href}
          target="_blank"
          rel="noopener"
          title="Open this session in the full playground, in a new tab"
          className="inline-flex h-7 shrink-0 items-center gap-1 rounded-md px-2 text-xs font-semibold text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300 dark:hover:bg-indigo-400/10"
        >
          <span className="hidden @min-[34rem]:inline">Open in full playground</span>
          <span className="@min-[34rem]:hidden">Full playground</span>
          <span aria-hidden>↗</span>
        </a>
      </header>
    </div>
  );
}

/** Step back, play/pause, step forward, the scrubber and the live badge: the header's playback without speed and play-out. */
function CompactPlayback() {
  const cursor = useAppStore((s) => s.timeline.cursor);
  const frames = useAppStore((s) => s.timeline.frames.length);
  const playing = useAppStore((s) => s.playing);
  const live = cursor === frames - 1;
  const { stepBack, stepForward, play, pause, goLive, seekTo } = appStore.getState();
  return (
    <div role="group" aria-label="Timeline playback" className="flex shrink-0 items-center gap-0.5">
      <Round icon="stepBack" label="Step back" disabled={cursor === 0} onClick={stepBack} />
      <button
        type="button"
        onClick={playing ? pause : play}
        disabled={frames < 2}
        aria-label={playing ? 'Pause' : live ? 'Replay the last action' : 'Play'}
        title={playing ? 'Pause' : live ? 'Replay the last action step by step' : 'Play from here'}
        className="grid size-7 place-items-center rounded-full bg-indigo-600 text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:bg-slate-300 dark:disabled:bg-slate-700"
      >
        <Icon name={playing ? 'pause' : 'play'} className="size-3.5" filled={!playing} />
      </button>
      <Round icon="stepForward" label="Step forward" disabled={live} onClick={stepForward} />
      <input
        type="range"
        aria-label="Timeline position"
        aria-valuetext={`frame ${cursor} of ${frames - 1}${live ? ', live' : ''}`}
        min={0}
        max={Math.max(0, frames - 1)}
        value={cursor}
        disabled={frames < 2}
        onChange={(e) => seekTo(Number(e.target.value))}
        className="mx-1 hidden h-1.5 w-20 cursor-pointer accent-indigo-600 disabled:cursor-default @min-[60rem]:block"
      />
      {live ? (
        <span className="ml-0.5 hidden h-6 items-center gap-1 rounded-full bg-emerald-50 px-2 text-[11px] font-semibold text-emerald-700 @min-[30rem]:inline-flex dark:bg-emerald-400/10 dark:text-emerald-300" title="Showing the cluster as it is now">
          <span className="size-1.5 rounded-full bg-emerald-500" aria-hidden />
          Live
        </span>
      ) : (
        <button
          type="button"
          onClick={goLive}
          title="Back to the present"
          className="ml-0.5 inline-flex h-6 items-center gap-1 rounded-full bg-amber-100 px-2 text-[11px] font-semibold text-amber-900 hover:bg-amber-200 dark:bg-amber-400/15 dark:text-amber-200 dark:hover:bg-amber-400/25"
        >
          <Icon name="live" className="size-3" />
          Go live
        </button>
      )}
    </div>
  );
}

function Round({ icon, label, disabled, onClick }: { icon: IconName; label: string; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="grid size-7 place-items-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:text-slate-300 disabled:hover:bg-transparent dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:disabled:text-slate-600"
    >
      <Icon name={icon} className="size-4" />
    </button>
  );
}
