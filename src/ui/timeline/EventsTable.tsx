// `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, cells worded by the kubectl
// printers themselves (see useEventRows). Warnings stand out (tinted row, amber type). Which rows
// to show, and what to say when there are none, is the caller's.
import type { ReactNode } from 'react';
import { Icon } from '../components/Icon.tsx';
import type { EventRow } from './event-filter.ts';
import { useStickToBottom } from './useStickToBottom.ts';

const COLUMNS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'] as const;
/**
 * Rows drawn at most (the newest). A cluster of a thousand objects has thousands of events; a
 * table that size costs a full layout on every step of playback. The filter reaches older ones.
 */
export const MAX_EVENT_ROWS = 250;

export function EventsTable({ rows, label = 'Events', empty, hideObject = false }: { rows: readonly EventRow[]; label?: string; empty: ReactNode; hideObject?: boolean }) {
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(rows.length);
  const columns = hideObject ? COLUMNS.filter((c) => c !== 'OBJECT') : COLUMNS;
  const hidden = Math.max(0, rows.length - MAX_EVENT_ROWS);
  const shown = hidden > 0 ? rows.slice(hidden) : rows;

  return (
    <div ref={ref} onScroll={onScroll} className="thin-scroll min-h-0 flex-1 overflow-auto" role="region" aria-label={label} tabIndex={0}>
      {rows.length > 0 && (
        <table className="w-full border-separate border-spacing-0 font-mono text-xs">
          <caption className="sr-only">kubectl get events</caption>
          <thead className="sticky top-0 z-10 bg-white dark:bg-slate-900">
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" className={`${c === 'MESSAGE' ? '' : 'w-px'} border-b border-slate-200 px-3 py-1.5 text-left text-[11px] font-semibold tracking-wide whitespace-nowrap text-slate-500 dark:border-slate-800 dark:text-slate-400`}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hidden > 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3 py-1.5 font-sans text-[11.5px] text-slate-500 italic dark:text-slate-400">
                  {hidden} older events not shown: type in the filter to find them.
                </td>
              </tr>
            )}
            {shown.map(({ key, cells: [seen, type, reason, object, message] }) => {
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
                  {!hideObject && <td className="px-3 py-1 whitespace-nowrap text-slate-700 dark:text-slate-200">{object}</td>}
                  <td className="min-w-[14rem] px-3 py-1 font-sans text-[12.5px] leading-5 text-slate-700 dark:text-slate-300">{message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length === 0 && <div className="px-4 py-5 text-center text-xs leading-5 text-slate-500 dark:text-slate-400">{empty}</div>}
    </div>
  );
}
