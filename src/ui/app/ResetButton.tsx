// Reset in the header. It throws away the cluster and the timeline, so it asks first when there
// is something to lose (Enter confirms, Escape cancels); Undo is offered afterwards either way
// (ResetUndoToast), so a slip in front of a class costs nothing.
import { lazy, Suspense, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import { Icon } from '../components/Icon.tsx';

const ConfirmDialog = lazy(() => import('./ConfirmDialog.tsx').then((m) => ({ default: m.ConfirmDialog })));

export function ResetButton() {
  const resetCluster = useAppStore((s) => s.resetCluster);
  const actions = useAppStore((s) => s.timeline.actions.length);
  const branches = useAppStore((s) => s.timeline.branches?.length ?? 0);
  const [asking, setAsking] = useState(false);
  const reset = () => {
    setAsking(false);
    resetCluster();
  };
  return (
    <>
      <button
        type="button"
        onClick={() => (actions > 0 || branches > 0 ? setAsking(true) : resetCluster())}
        aria-label="Reset cluster"
        title="Start the cluster again from the preset (the editor text is kept)"
        className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 @min-[96rem]:px-2.5 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      >
        <Icon name="reset" className="size-4" />
        <span className="hidden @min-[96rem]:inline">Reset</span>
      </button>
      {asking && (
        <Suspense fallback={null}>
          <ConfirmDialog title="Reset the cluster?" confirmLabel="Reset" focusConfirm onConfirm={reset} onCancel={() => setAsking(false)}>
            <p>
              The cluster starts again from the preset: {actions === 1 ? 'the action' : `all ${actions} actions`} on the timeline
              {branches > 0 ? ` and ${branches === 1 ? 'its what-if branch' : `its ${branches} what-if branches`}` : ''} go. The editor text is kept.
            </p>
            <p>You can undo this right after.</p>
          </ConfirmDialog>
        </Suspense>
      )}
    </>
  );
}
