// The events about one object (what `kubectl describe` lists at the end), newest last.
import { useMemo } from 'react';
import type { AnyStored } from '../../engine/index.ts';
import { selectEvents, useAppStore } from '../../store/index.ts';

export function ObjectEvents({ object }: { object: AnyStored }) {
  const cluster = useAppStore((s) => s.cluster);
  const events = useMemo(
    () =>
      selectEvents({ cluster }).filter(
        (e) => e.involvedObject?.kind === object.kind && e.involvedObject?.name === object.metadata.name && (e.involvedObject?.namespace ?? '') === (object.metadata.namespace ?? ''),
      ),
    [cluster, object],
  );
  if (events.length === 0) return null;
  return (
    <section aria-label="Events about this object" className="border-b border-slate-200 px-3 py-2.5 dark:border-slate-800">
      <div className="pb-1.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Events</div>
      <ul className="space-y-1.5">
        {events.map((e) => (
          <li key={e.metadata.name} className="text-xs leading-snug">
            <span className={`font-semibold ${e.type === 'Warning' ? 'text-amber-700 dark:text-amber-300' : 'text-slate-800 dark:text-slate-100'}`}>{e.reason}</span>
            {(e.count ?? 1) > 1 && <span className="text-slate-500"> ×{e.count}</span>}
            <span className="text-slate-600 dark:text-slate-300"> {e.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
