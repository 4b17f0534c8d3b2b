// The Examples button: each repository example as a scenario (title, what it shows, the cluster
// it needs). Picking one puts its manifests in the editor and starts its cluster; it does not
// apply them, so the learner reads first and presses Apply (or applies one document at a time).
// Text the learner wrote is never replaced without asking. The menu itself (catalog, demo
// scripts) is a lazy chunk, fetched as soon as the pointer or focus comes near the button.
import { lazy, Suspense, useId, useState } from 'react';
import { Icon } from '../components/Icon.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { PickOutcome } from './ScenarioMenu.tsx';
import type { Scenario } from './scenarios.ts';
import { usePopover } from './usePopover.ts';

const loadMenu = () => import('./ScenarioMenu.tsx');
const ScenarioMenu = lazy(() => loadMenu().then((m) => ({ default: m.ScenarioMenu })));
const ConfirmDialog = lazy(() => import('./ConfirmDialog.tsx').then((m) => ({ default: m.ConfirmDialog })));

export function ScenarioPicker() {
  const popover = usePopover();
  const menuId = useId();
  const [focusAt, setFocusAt] = useState<'first' | 'last' | null>(null);
  const [confirm, setConfirm] = useState<Extract<PickOutcome, { status: 'confirm' }> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const openMenu = (focus: 'first' | 'last' | null) => {
    setError(null);
    setFocusAt(focus);
    popover.setOpen(true);
  };

  const pick = async (scenario: Scenario) => {
    popover.close();
    let outcome: PickOutcome;
    try {
      outcome = await (await loadMenu()).pickScenario(scenario);
    } catch (err) {
      outcome = { status: 'failed', error: `Could not load the examples: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (outcome.status === 'confirm') setConfirm(outcome);
    else if (outcome.status === 'failed') setError(outcome.error);
  };

  return (
    <div className="relative">
      <button
        ref={popover.trigger}
        type="button"
        aria-haspopup="menu"
        aria-expanded={popover.open}
        aria-controls={popover.open ? menuId : undefined}
        title="Load one of the built-in examples into the editor"
        onPointerEnter={() => void loadMenu()}
        onFocus={() => void loadMenu()}
        onClick={() => (popover.open ? popover.close(false) : openMenu(null))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
        className="inline-flex h-8 items-center gap-1.5 rounded-lg border border-slate-300 bg-white pr-2 pl-2.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      >
        <Icon name="book" className="hidden size-4 @min-[96rem]:block" />
        Examples
        <Icon name="chevronDown" className="size-3.5 text-slate-400" />
      </button>

      {popover.open && (
        <div ref={popover.panel} className="absolute top-full left-0 z-50 mt-2 w-[25rem] rounded-xl border border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900">
          {/* A chunk that cannot load (offline, a new deploy) breaks this menu, not the page. */}
          <ErrorBoundary area="examples menu">
            <Suspense fallback={<p className="px-4 py-3 text-xs text-slate-500 dark:text-slate-400">Loading examples…</p>}>
              <ScenarioMenu menuId={menuId} focusAt={focusAt} onPick={(s) => void pick(s)} onTabOut={() => popover.close(false)} />
            </Suspense>
          </ErrorBoundary>
        </div>
      )}

      {error && (
        <div role="alert" className="absolute top-full left-0 z-50 mt-2 flex w-80 gap-2 rounded-xl border border-rose-200 bg-rose-50 p-3 text-xs text-rose-900 shadow-lg dark:border-rose-400/30 dark:bg-rose-950 dark:text-rose-100">
          <p className="flex-1">{error}</p>
          <button type="button" aria-label="Dismiss" onClick={() => setError(null)} className="grid size-5 place-items-center rounded opacity-70 hover:opacity-100">
            <Icon name="close" className="size-3.5" />
          </button>
        </div>
      )}

      {confirm && (
        <ErrorBoundary area="confirmation">
          <Suspense>
            <ConfirmDialog
              title="Replace the editor text?"
              confirmLabel="Replace text"
              onCancel={() => setConfirm(null)}
              onConfirm={() => {
                confirm.replace();
                setConfirm(null);
              }}
            >
              <p>
                The editor holds text that is not one of the examples. Loading <strong className="font-semibold text-slate-900 dark:text-white">{confirm.title}</strong> replaces it and starts a fresh{' '}
                <code className="font-mono text-xs">{confirm.preset}</code> cluster.
              </p>
              <p className="text-slate-500 dark:text-slate-400">Undo (Ctrl/Cmd+Z) in the editor brings it back.</p>
            </ConfirmDialog>
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
