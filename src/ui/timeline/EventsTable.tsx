// `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, cells worded by the kubectl
// printers themselves. Warnings stand out (tinted row, amber type).
import { useMemo } from 'react';
import { buildTable } from '../../commands/kubectl/printers/index.ts';
import { selectEvents, useAppStore } from '../../store/index.ts';
import { Icon } from '../components/Icon.tsx';
import { useStickToBottom } from './useStickToBottom.ts';

const COLUMNS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'] as const;

export function EventsTable() {
  const cluster = useAppStore((s) => s.cluster);
  const rows = useMemo(() => {
    const events = selectEvents({ cluster });
    const table = buildTable('Event', events, { now: cluster.now });
    const at = COLUMNS.map((c) => table.headers.indexOf(c));
    return table.rows.map((cells, i) => ({ key: events[i]!.metadata.name, cells: at.map((j) => cells[j] ?? '') }));
  }, [cluster]);
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(rows.length);

  return (
    <div ref={ref} onScroll={onScroll} className="thin-scroll min-h-0 flex-1 overflow-auto" role="region" aria-label="Events" tabIndex={0}>
      <table className="w-full border-separate border-spacing-0 font-mono text-xs">
        <caption className="sr-only">kubectl get events</caption>
        <thead className="sticky top-0 z-10 bg-white dark:bg-slate-900">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={`${c === 'MESSAGE' ? '' : 'w-px'} border-b border-slate-200 px-3 py-1.5 text-left text-[11px] font-semibold tracking-wide whitespace-nowrap text-slate-500 dark:border-slate-800 dark:text-slate-400`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, cells: [seen, type, reason, object, message] }) => {
            const warning = type === 'Warning';
            return (
              <tr key={key} data-type={type} className={warning ? 'bg-amber-50 dark:bg-amber-400/[0.07]' : 'odd:bg-slate-50/60 dark:odd:bg-white/[0.02]'}>
                <td className="px-3 py-1 whitespace-nowrap text-slate-500 dark:text-slate-400">{seen}</td>
                <td className={`px-3 py-1 whitespace-nowrap ${warning ? 'font-bold text-amber-700 dark:text-amber-300' : 'text-slate-600 dark:text-slate-300'}`}>
                  <span className="inline-flex items-center gap-1">
                    {warning && <Icon name="alert" className="size-3.5" />}
                    {type}
                  </span>
                </td>
                <td className={`px-3 py-1 whitespace-nowrap ${warning ? 'font-semibold text-amber-900 dark:text-amber-200' : 'text-slate-800 dark:text-slate-100'}`}>{reason}</td>
                <td className="px-3 py-1 whitespace-nowrap text-slate-700 dark:text-slate-200">{object}</td>
                <td className="min-w-[14rem] px-3 py-1 font-sans text-[12.5px] leading-5 text-slate-700 dark:text-slate-300">{message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="px-3 py-6 text-center font-sans text-xs text-slate-500 dark:text-slate-400">No events yet. Apply a manifest and the controllers will report here.</p>}
    </div>
  );
}
