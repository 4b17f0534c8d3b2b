// Playback of the timeline in the header: step back, play/pause, step forward, back to live,
// speed, and a scrubber over every frame. Paused in the past, a "what-if" badge says that acting
// now forks the timeline; while playing, a "replaying" one (watching forks nothing). Keys (outside editors and the terminal): , and . step, K plays/pauses,
// End goes live, like a video player's frame keys; P turns "play out each action" on or off.
import { useEffect } from 'react';
import { SPEEDS, appStore, useAppStore, type Speed } from '../../store/index.ts';
import { Icon, type IconName } from '../components/Icon.tsx';
import { PlayOutToggle } from './PlayOutToggle.tsx';
import { typingInto } from './typing-into.ts';

export function PlaybackControls() {
  const cursor = useAppStore((s) => s.timeline.cursor);
  const frames = useAppStore((s) => s.timeline.frames.length);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const live = cursor === frames - 1;
  const empty = frames < 2;
  usePlaybackKeys();

  const { stepBack, stepForward, play, pause, goLive, seekTo, setSpeed } = appStore.getState();
  return (
    <div role="group" aria-label="Timeline playback" className="flex items-center gap-1">
      <IconButton icon="stepBack" label="Step back" keys="," disabled={cursor === 0} onClick={stepBack} />
      <button
        type="button"
        onClick={playing ? pause : play}
        disabled={empty}
        aria-label={playing ? 'Pause' : live ? 'Replay the last action' : 'Play'}
        title={`${playing ? 'Pause' : live ? 'Replay the last action step by step' : 'Play from here'} (K)`}
        className="grid size-8 place-items-center rounded-full bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:bg-slate-300 disabled:shadow-none dark:disabled:bg-slate-700"
      >
        <Icon name={playing ? 'pause' : 'play'} className="size-4" filled={!playing} />
      </button>
      <IconButton icon="stepForward" label="Step forward" keys="." disabled={live} onClick={stepForward} />
      <input
        type="range"
        aria-label="Timeline position"
        aria-valuetext={`frame ${cursor} of ${frames - 1}${live ? ', live' : ''}`}
        min={0}
        max={Math.max(0, frames - 1)}
        value={cursor}
        disabled={empty}
        onChange={(e) => seekTo(Number(e.target.value))}
        className="mx-1 h-1.5 w-20 cursor-pointer accent-indigo-600 @min-[70rem]:w-28 @min-[86rem]:w-40 disabled:cursor-default"
      />
      <span className="hidden w-14 text-right font-mono text-[11px] text-slate-500 tabular-nums @min-[70rem]:inline dark:text-slate-400" aria-hidden>
        {cursor}/{Math.max(0, frames - 1)}
      </span>
      <select
        aria-label="Playback speed"
        value={speed}
        onChange={(e) => setSpeed(Number(e.target.value) as Speed)}
        className="h-7 rounded-md border border-slate-300 bg-white px-1 text-xs font-medium text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200"
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <PlayOutToggle />
      {playing && !live ? (
        // Playback walks through frames that happened: nothing is forked by watching them, so no what-if.
        <button
          type="button"
          onClick={goLive}
          title="Replaying the timeline step by step. Back to the present (End)."
          className="ml-1 inline-flex h-6 items-center gap-1 rounded-full bg-indigo-50 px-2 text-[11px] font-semibold text-indigo-800 hover:bg-indigo-100 dark:bg-indigo-400/15 dark:text-indigo-200 dark:hover:bg-indigo-400/25"
        >
          <Icon name="live" className="size-3" />
          Replaying · go live
        </button>
      ) : live ? (
        <span className="ml-1 inline-flex h-6 items-center gap-1 rounded-full bg-emerald-50 px-2 text-[11px] font-semibold text-emerald-700 dark:bg-emerald-400/10 dark:text-emerald-300" title="Showing the cluster as it is now">
          <span className="size-1.5 rounded-full bg-emerald-500" aria-hidden />
          Live
        </span>
      ) : (
        <button
          type="button"
          onClick={goLive}
          title="Back to the present (End). Applying or running a command here forks a what-if timeline instead."
          className="ml-1 inline-flex h-6 items-center gap-1 rounded-full bg-amber-100 px-2 text-[11px] font-semibold text-amber-900 hover:bg-amber-200 dark:bg-amber-400/15 dark:text-amber-200 dark:hover:bg-amber-400/25"
        >
          <Icon name="live" className="size-3" />
          What-if · go live
        </button>
      )}
    </div>
  );
}

function IconButton({ icon, label, keys, disabled, onClick }: { icon: IconName; label: string; keys: string; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={`${label} (${keys})`}
      disabled={disabled}
      onClick={onClick}
      className="grid size-7 place-items-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:text-slate-300 disabled:hover:bg-transparent dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:disabled:text-slate-600"
    >
      <Icon name={icon} className="size-4" />
    </button>
  );
}

function usePlaybackKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      const s = appStore.getState();
      const actions: Record<string, () => void> = {
        ',': s.stepBack,
        '.': s.stepForward,
        k: () => (s.playing ? s.pause() : s.play()),
        End: s.goLive,
      };
      const act = actions[e.key];
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
