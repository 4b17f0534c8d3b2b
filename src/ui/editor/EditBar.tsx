// The bar over the editor while `kubectl edit` has an object open in it: what is being edited,
// Apply edit (Ctrl/Cmd+S) and Cancel (Escape). It stands in for the toolbar, so Apply cannot
// send the object's YAML to `kubectl apply` by mistake.
import { useEffect } from 'react';
import { endEdit, type OpenEdit } from './kubectl-edit.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function EditBar({ edit }: { edit: OpenEdit }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        endEdit('save');
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        endEdit(undefined);
      }
    };
    // Capture: Monaco would otherwise take Ctrl+S first (and the browser would offer to save the page).
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  const { resource, namespace } = edit.effect;
  return (
    <div role="toolbar" aria-label="kubectl edit" data-testid="edit-bar" className="@container flex h-12 shrink-0 items-center gap-2.5 border-b border-amber-300 bg-amber-50 px-3 dark:border-amber-700 dark:bg-amber-950">
      <div className="min-w-0 flex-1">
        <div className="truncate font-mono text-[13px] font-medium text-slate-800 dark:text-slate-100" title={`kubectl edit ${resource}${namespace ? ` -n ${namespace}` : ''}`}>kubectl edit {resource}{namespace ? ` -n ${namespace}` : ''}</div>
        <div className="truncate text-[11px] leading-3.5 text-slate-600 dark:text-slate-300">Apply or cancel to get your manifest back</div>
      </div>
      <button
        type="button"
        onClick={() => endEdit(undefined)}
        aria-keyshortcuts="Escape"
        className="inline-flex h-8 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200"
      >
        Cancel
      </button>
      <button
        type="button"
        onClick={() => endEdit('save')}
        aria-keyshortcuts={isMac ? 'Meta+S' : 'Control+S'}
        title={`Save and apply (${isMac ? '⌘' : 'Ctrl'}+S)`}
        className="inline-flex h-8 items-center gap-2 rounded-lg bg-indigo-600 px-3 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 active:bg-indigo-700"
      >
        Apply edit
        <kbd className="rounded bg-white/15 @max-md:hidden px-1.5 py-px font-sans text-[11px] font-medium text-indigo-50">{isMac ? '⌘' : 'Ctrl'} S</kbd>
      </button>
    </div>
  );
}
