// What the last Apply said, under the editor: each object's outcome (`created`, `configured`),
// or each error with its line ("Line 7: The PersistentVolumeClaim "data" is invalid: …").
// Clicking a problem puts the cursor on its line.
import { useMemo } from 'react';
import { selectProblems, useAppStore } from '../../store/index.ts';
import { Icon } from '../components/Icon.tsx';
import { revealInEditor } from './editor-bridge.ts';

/** Rows drawn at most: thousands of rows would cost the page more than anyone reads. */
const MAX_ROWS = 200;

export function ApplyResults() {
  const report = useAppStore((s) => s.lastApply);
  const problems = useMemo(() => selectProblems({ lastApply: report }), [report]);
  const applied = (report?.results ?? []).filter((r) => r.outcome && r.ref);

  if (!report) {
    return (
      <div className="shrink-0 border-t border-slate-200 px-3 py-2.5 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
        Edit the manifest, then press <strong className="font-semibold text-slate-700 dark:text-slate-200">Apply</strong> to send it to the simulated cluster.
      </div>
    );
  }
  if (report.cancelled) {
    return (
      <div role="region" aria-label="Apply results" data-testid="apply-results" className="shrink-0 border-t border-slate-200 dark:border-slate-800">
        <div className="flex items-center gap-2 bg-slate-100 px-3 py-1.5 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          <Icon name="close" className="size-4" />
          Cancelled
          <span className="font-normal opacity-80">· nothing was {report.mode === 'delete' ? 'deleted' : 'applied'}; the cluster is as it was</span>
        </div>
      </div>
    );
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <div role="region" aria-label="Apply results" data-testid="apply-results" className="thin-scroll max-h-[38%] shrink-0 overflow-auto border-t border-slate-200 text-[13px] dark:border-slate-800">
      <div className={`sticky top-0 flex items-center gap-2 px-3 py-1.5 text-xs font-semibold ${errors ? 'bg-rose-50 text-rose-800 dark:bg-rose-950/60 dark:text-rose-200' : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-200'}`}>
        <Icon name={errors ? 'alert' : 'check'} className="size-4" />
        {errors ? `${errors} error${errors === 1 ? '' : 's'}` : 'Applied'}
        {applied.length > 0 && <span className="font-normal opacity-80">· {applied.length.toLocaleString('en')} object{applied.length === 1 ? '' : 's'} applied</span>}
        {report.results.length === 0 && !report.crash && <span className="font-normal opacity-80">· nothing to apply</span>}
        {!report.settled && <span className="font-normal">· the cluster did not settle</span>}
      </div>
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {problems.slice(0, MAX_ROWS).map((p, i) => (
          <li key={`p${i}`}>
            <button type="button" onClick={() => revealInEditor(p.line, p.column)} className="flex w-full gap-2 px-3 py-1.5 text-left hover:bg-slate-50 dark:hover:bg-slate-800/60">
              <Icon name="alert" className={`mt-0.5 size-3.5 shrink-0 ${p.severity === 'error' ? 'text-rose-600 dark:text-rose-400' : 'text-amber-600 dark:text-amber-400'}`} />
              <span className="min-w-0 font-mono text-xs leading-5 break-words text-slate-800 dark:text-slate-200">{p.text}</span>
            </button>
          </li>
        ))}
        {problems.length > MAX_ROWS && <MoreRow count={problems.length - MAX_ROWS} what="problem" />}
        {applied.slice(0, Math.max(0, MAX_ROWS - problems.length)).map((r) => (
          <li key={`r${r.index}`} className="flex gap-2 px-3 py-1 font-mono text-xs leading-5 text-slate-600 dark:text-slate-300">
            <span className="text-slate-400">{r.ref!.kind.toLowerCase()}/</span>
            <span className="-ml-2 min-w-0 truncate text-slate-800 dark:text-slate-100">{r.ref!.name}</span>
            <span className={r.outcome === 'unchanged' ? 'text-slate-400' : 'text-emerald-700 dark:text-emerald-400'}>{r.outcome}</span>
          </li>
        ))}
        {applied.length > Math.max(0, MAX_ROWS - problems.length) && <MoreRow count={applied.length - Math.max(0, MAX_ROWS - problems.length)} what="object" />}
      </ul>
    </div>
  );
}

/** "… and 9,800 more objects": the rest of a huge apply, counted rather than drawn. */
function MoreRow({ count, what }: { count: number; what: string }) {
  return (
    <li className="px-3 py-1.5 text-xs text-slate-500 dark:text-slate-400">
      … and {count.toLocaleString('en')} more {what}
      {count === 1 ? '' : 's'}
    </li>
  );
}
