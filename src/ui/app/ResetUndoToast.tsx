// After a reset that threw work away (the Reset button or another preset): "Undo" brings the
// session back. It stays until the next action (which ends the chance to undo) or until dismissed,
// and hides itself after a while so it does not sit over the canvas all lesson long.
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/index.ts';

/** Long enough to notice and reach the button; the store keeps the undo until the next action anyway. */
const SHOWN_MS = 15_000;

export function ResetUndoToast() {
  const offer = useAppStore((s) => s.undoableReset);
  const undoReset = useAppStore((s) => s.undoReset);
  const [hidden, setHidden] = useState<typeof offer>(null);
  useEffect(() => {
    if (!offer) return;
    const timer = window.setTimeout(() => setHidden(offer), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [offer]);
  if (!offer || hidden === offer) return null;
  return (
    <div role="status" className="pointer-events-none fixed inset-x-0 top-24 z-40 flex justify-center px-4">
      <div className="pointer-events-auto flex items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-2 text-sm text-slate-700 shadow-lg dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200">
        <span>
          Cluster reset: {offer.actions === 1 ? '1 action' : `${offer.actions} actions`} on <span className="font-mono">{offer.preset}</span> cleared.
        </span>
        <button
          type="button"
          onClick={undoReset}
          className="h-7 rounded-lg bg-indigo-600 px-3 font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Undo
        </button>
        <button type="button" aria-label="Dismiss" onClick={() => setHidden(offer)} className="grid size-6 place-items-center rounded text-slate-400 hover:text-slate-700 dark:hover:text-white">
          ×
        </button>
      </div>
    </div>
  );
}
