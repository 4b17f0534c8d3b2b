// The dock's Explain tab: why the selected claim or pod is the way it is; with nothing selected
// (or something explain does not cover), every Pending claim and pod, each with its explanation.
import { useMemo } from 'react';
import { viewOf, type ObjectRef } from '../../engine/index.ts';
import { explainObject, type Explanation } from '../../engine/explain/index.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { Icon } from '../components/Icon.tsx';
import { ExplanationView } from './ExplanationView.tsx';
import { explainPending } from './pending.ts';

type Target =
  | { mode: 'selected'; ref: ObjectRef; explanation: Explanation }
  | { mode: 'pending'; list: { ref: ObjectRef; explanation: Explanation }[]; skipped?: ObjectRef };

const EXPLAINABLE = new Set(['PersistentVolumeClaim', 'Pod']);

function useExplainTarget(): Target {
  const cluster = useAppStore((s) => s.cluster);
  const selected = useAppStore((s) => s.selected);
  return useMemo((): Target => {
    if (selected && EXPLAINABLE.has(selected.kind)) {
      const r = explainObject(viewOf(cluster), `${selected.kind === 'Pod' ? 'pod' : 'pvc'}/${selected.name}`, selected.namespace);
      if (r.ok) return { mode: 'selected', ref: selected, explanation: r.explanation };
    }
    return { mode: 'pending', list: explainPending(cluster), ...(selected ? { skipped: selected } : {}) };
  }, [cluster, selected]);
}

export function ExplainPanel() {
  const target = useExplainTarget();
  if (target.mode === 'selected') {
    return (
      <div className="thin-scroll min-h-0 flex-1 overflow-auto">
        <ExplanationView subject={target.ref} explanation={target.explanation} />
      </div>
    );
  }
  return (
    <div className="thin-scroll min-h-0 flex-1 overflow-auto">
      {target.skipped && (
        <p className="mx-4 mt-3 flex items-center gap-2 rounded-lg bg-slate-100 px-3 py-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <Icon name="info" className="size-3.5 shrink-0" />
          <span>
            Explain covers claims and pods; {target.skipped.kind} <span className="font-mono font-semibold">{target.skipped.name}</span> is in the Inspector tab.
            {target.list.length > 0 ? ' Here is everything that is Pending:' : ''}
          </span>
        </p>
      )}
      {target.list.length === 0 ? (
        <NothingPending />
      ) : (
        <ol aria-label="Pending claims and pods" className="divide-y divide-slate-200 dark:divide-slate-800">
          {target.list.map(({ ref, explanation }) => (
            <li key={`${ref.kind}/${ref.namespace}/${ref.name}`}>
              <ExplanationView subject={ref} explanation={explanation} selectable />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function NothingPending() {
  return (
    <div className="flex h-full min-h-24 flex-col items-center justify-center gap-1 px-6 py-4 text-center">
      <span className="grid size-8 place-items-center rounded-full bg-emerald-100 text-emerald-700 dark:bg-emerald-400/15 dark:text-emerald-300">
        <Icon name="check" className="size-5" />
      </span>
      <p className="text-sm font-semibold text-slate-800 dark:text-slate-100">Nothing is Pending</p>
      <p className="max-w-md text-xs leading-5 text-slate-500 dark:text-slate-400">
        Every claim is bound and every pod is past scheduling. Select a claim or a pod on the canvas to hear why it is the way it is.
      </p>
    </div>
  );
}

/** In the dock's tab strip: how much is Pending, or the way back to that list from one object. */
export function ExplainBar() {
  const target = useExplainTarget();
  if (target.mode === 'pending') {
    return <span className="truncate text-xs text-slate-500 dark:text-slate-400">{target.list.length === 0 ? 'kubesim explain, for everything Pending' : `${target.list.length} Pending · click a name to select it`}</span>;
  }
  return (
    <div className="flex min-w-0 items-center gap-2">
      <button
        type="button"
        onClick={() => appStore.getState().selectObject(null)}
        title="Clear the selection and list every Pending claim and pod"
        className="inline-flex h-7 shrink-0 items-center rounded-md px-2 text-xs font-semibold text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300 dark:hover:bg-indigo-400/10"
      >
        All Pending
      </button>
    </div>
  );
}
