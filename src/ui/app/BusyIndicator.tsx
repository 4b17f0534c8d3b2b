// While engine work runs for longer than a moment (a huge Apply, a slow command, a share link
// replaying), a card over the canvas says what runs, for how long, how far a replay got, and
// offers Cancel (Escape too). Cancel terminates the engine's worker: the cluster stays as it was
// before the action. Quick actions never show it, so ordinary use does not flicker.
import { useEffect, useState } from 'react';
import { appStore, useAppStore, type BusyState } from '../../store/index.ts';

/** Below this, work counts as instant and shows nothing. */
export const SHOW_AFTER_MS = 300;

function describe(busy: BusyState): string {
  switch (busy.kind) {
    case 'apply':
      return `Applying: ${busy.label}`;
    case 'delete':
      return `Deleting: ${busy.label}`;
    case 'command':
      return `Running: ${busy.label}`;
    case 'replay':
      return busy.label; // a share link's, a lesson's start or a step's reset, each in its own words
  }
}

export function BusyIndicator() {
  const busy = useAppStore((s) => s.busy);
  const [elapsed, setElapsed] = useState(0);
  const running = busy !== null;

  useEffect(() => {
    if (!running) return;
    const start = performance.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(performance.now() - start), 100);
    // Escape cancels, ahead of everything else that listens for it (presentation mode, menus).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !appStore.getState().busy) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      appStore.getState().cancelAction();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [running]);

  if (!busy || elapsed < SHOW_AFTER_MS) return null;
  const progress = busy.progress;
  const fraction = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="busy-indicator"
      className="pointer-events-auto absolute top-3 left-1/2 z-40 w-[min(30rem,calc(100%-1.5rem))] -translate-x-1/2 rounded-xl border border-slate-200 bg-white/95 px-4 py-3 shadow-lg ring-1 ring-black/5 backdrop-blur dark:border-slate-700 dark:bg-slate-900/95 dark:ring-white/5"
    >
      <div className="flex items-center gap-3">
        <span aria-hidden className="size-4 shrink-0 animate-spin rounded-full border-2 border-indigo-200 border-t-indigo-600 dark:border-indigo-800 dark:border-t-indigo-300" />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium text-slate-900 dark:text-slate-100" title={busy.label}>
            {describe(busy)}…
          </p>
          <p className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
            {progress ? `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} actions · ` : ''}
            {(elapsed / 1000).toFixed(1)} s
          </p>
        </div>
        <button
          type="button"
          onClick={() => appStore.getState().cancelAction()}
          aria-keyshortcuts="Escape"
          title="Stop it: the cluster stays as it was before (Esc)"
          className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
        >
          Cancel
          <kbd className="rounded bg-slate-100 px-1.5 py-px font-sans text-[11px] font-medium text-slate-500 dark:bg-slate-700 dark:text-slate-300">Esc</kbd>
        </button>
      </div>
      <div className="mt-2.5 h-1 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden>
        {fraction === undefined ? (
          <div className="h-full w-full animate-pulse rounded-full bg-indigo-400/70 dark:bg-indigo-400/60" />
        ) : (
          <div className="h-full rounded-full bg-indigo-500 transition-[width] dark:bg-indigo-400" style={{ width: `${Math.max(2, fraction * 100)}%` }} />
        )}
      </div>
    </div>
  );
}
