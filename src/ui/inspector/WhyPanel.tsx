// "Why?": the engine's explanation of a claim or pod (the same text `kubesim explain` prints):
// what it waits for, every candidate volume or node with what rules it out, and the fix.
import { useMemo } from 'react';
import { explainObject, viewOf, type AnyStored } from '../../engine/index.ts';
import { useAppStore } from '../../store/index.ts';

export function WhyPanel({ object }: { object: AnyStored }) {
  const cluster = useAppStore((s) => s.cluster);
  const result = useMemo(() => {
    if (object.kind !== 'PersistentVolumeClaim' && object.kind !== 'Pod') return undefined;
    const target = `${object.kind === 'Pod' ? 'pod' : 'pvc'}/${object.metadata.name}`;
    const r = explainObject(viewOf(cluster), target, object.metadata.namespace);
    return r.ok ? r.explanation : undefined;
  }, [cluster, object]);
  if (!result) return null;
  return (
    <section aria-label="Why" data-testid="why-panel" className="border-b border-slate-200 px-3 py-2.5 dark:border-slate-800">
      <div className="pb-1.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Why is it {result.status}?</div>
      <p className="text-[13px] leading-snug text-slate-800 dark:text-slate-100">{result.headline}</p>
      {result.sections.map((s) => (
        <div key={s.title} className="pt-2">
          <div className="pb-1 text-[11px] font-semibold text-slate-500 dark:text-slate-400">{s.title}</div>
          <ul className="space-y-1">
            {s.rows.map((r) => (
              <li key={r.name} className="text-xs leading-snug">
                <span className="font-mono font-semibold text-slate-800 dark:text-slate-100">{r.name}</span>
                <span className={r.verdict === 'would bind' || r.verdict === 'fits' ? ' text-emerald-700 dark:text-emerald-300' : ' text-slate-600 dark:text-slate-300'}> {r.verdict}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {result.fixes.length > 0 && (
        <div className="pt-2">
          <div className="pb-1 text-[11px] font-semibold text-slate-500 dark:text-slate-400">{result.fixes.length === 1 ? 'Fix' : 'Fixes'}</div>
          <ul className="list-disc space-y-1 pl-4 text-xs leading-snug text-slate-700 dark:text-slate-200">
            {result.fixes.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
