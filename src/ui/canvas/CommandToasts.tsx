// What a canvas menu command said: a short note at the bottom of the canvas with the command and
// the first line of its output (red when it failed). It goes by itself after a while, or with ×.
// Several commands in a row do not pile up over the canvas: at most MAX_TOASTS are kept (the
// caller drops the oldest), and only the newest is shown, with a "N earlier" button that unfolds
// the others above it.
import { useEffect, useRef, useState } from 'react';

export interface CommandToast {
  id: number;
  command: string;
  line: string;
  failed: boolean;
}

/** How long a note stays (wall-clock UI time, not simulated time). */
const TOAST_MS = 8000;
export const MAX_TOASTS = 3;

export function CommandToasts({ toasts, onDismiss }: { toasts: readonly CommandToast[]; onDismiss: (id: number) => void }) {
  // Unfolded for the newest note it was unfolded at: a new note folds the list again.
  const [unfoldedAt, setUnfoldedAt] = useState<number | null>(null);
  useDismissTimers(toasts, onDismiss);
  if (toasts.length === 0) return null;
  const newest = toasts[toasts.length - 1]!;
  const earlier = toasts.slice(0, -1);
  const expanded = unfoldedAt === newest.id;
  return (
    <div className="pointer-events-none absolute inset-x-0 bottom-3 z-10 flex flex-col items-center gap-2 px-16" data-testid="command-toasts">
      {earlier.length > 0 && (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setUnfoldedAt(expanded ? null : newest.id)}
          className="pointer-events-auto rounded-full border border-slate-200 bg-white/90 px-2.5 py-0.5 text-[11px] font-medium text-slate-600 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-800/90 dark:text-slate-300 dark:hover:bg-slate-700"
        >
          {expanded ? 'Hide earlier' : `${earlier.length} earlier`}
        </button>
      )}
      {expanded && earlier.map((t) => <Toast key={t.id} toast={t} onDismiss={onDismiss} />)}
      <Toast key={newest.id} toast={newest} onDismiss={onDismiss} />
    </div>
  );
}

/**
 * Each note goes TOAST_MS after it came, shown or folded away: the timers live here, not in the
 * notes, so a folded note does not stay for ever.
 */
function useDismissTimers(toasts: readonly CommandToast[], onDismiss: (id: number) => void) {
  const timers = useRef(new Map<number, number>());
  useEffect(() => {
    const live = new Set(toasts.map((t) => t.id));
    for (const t of toasts) if (!timers.current.has(t.id)) timers.current.set(t.id, window.setTimeout(() => onDismiss(t.id), TOAST_MS));
    for (const [id, timer] of timers.current) {
      if (live.has(id)) continue;
      window.clearTimeout(timer);
      timers.current.delete(id);
    }
  }, [toasts, onDismiss]);
  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) window.clearTimeout(timer);
      all.clear();
    };
  }, []);
}

function Toast({ toast, onDismiss }: { toast: CommandToast; onDismiss: (id: number) => void }) {
  return (
    <div
      role={toast.failed ? 'alert' : 'status'}
      data-testid="command-toast"
      data-failed={toast.failed}
      className={[
        'pointer-events-auto flex max-w-full min-w-72 items-start gap-3 rounded-lg border py-2 pr-2 pl-3 shadow-lg ring-1',
        toast.failed
          ? 'border-rose-200 bg-rose-50 ring-rose-900/5 dark:border-rose-500/40 dark:bg-rose-950/90 dark:ring-white/5'
          : 'border-slate-200 bg-white ring-slate-900/5 dark:border-slate-700 dark:bg-slate-800 dark:ring-white/5',
      ].join(' ')}
    >
      <div className="min-w-0 flex-1">
        <div className="truncate font-mono text-[11px] leading-4 text-slate-500 dark:text-slate-400" title={toast.command}>
          $ {toast.command}
        </div>
        <div className={`mt-0.5 truncate font-mono text-xs leading-5 ${toast.failed ? 'text-rose-700 dark:text-rose-300' : 'text-slate-800 dark:text-slate-100'}`} title={toast.line}>
          {toast.line}
        </div>
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => onDismiss(toast.id)}
        className="shrink-0 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-700 dark:hover:text-slate-200"
      >
        <svg viewBox="0 0 24 24" className="size-3.5" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round">
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
    </div>
  );
}
