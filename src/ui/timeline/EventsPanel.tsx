// The dock's Events tab: every event, like `kubectl get events`, narrowed by the filter bar (text,
// Warnings only, kind). The filter is shared with the bar in the dock's tab strip, and forgotten on
// reload on purpose: a filtered list that comes back unasked hides events.
import { useMemo } from 'react';
import { create } from 'zustand';
import { Icon } from '../components/Icon.tsx';
import { filterEvents, isFiltering, kindsOf, NO_FILTER, type EventFilter, type EventRow } from './event-filter.ts';
import { EventsTable } from './EventsTable.tsx';
import { useEventRows } from './useEventRows.ts';

interface FilterState extends EventFilter {
  set: (patch: Partial<EventFilter>) => void;
}

export const useEventFilter = create<FilterState>()((set) => ({ ...NO_FILTER, set: (patch) => set(patch) }));

function useFilteredRows(): { all: EventRow[]; shown: readonly EventRow[]; filter: EventFilter } {
  const all = useEventRows();
  const text = useEventFilter((s) => s.text);
  const warningsOnly = useEventFilter((s) => s.warningsOnly);
  const kind = useEventFilter((s) => s.kind);
  return useMemo(() => {
    const filter = { text, warningsOnly, kind };
    return { all, shown: filterEvents(all, filter), filter };
  }, [all, text, warningsOnly, kind]);
}

export function EventsPanel() {
  const { all, shown, filter } = useFilteredRows();
  const clear = () => useEventFilter.getState().set(NO_FILTER);
  const empty =
    all.length === 0 ? (
      <>
        <p className="font-medium text-slate-600 dark:text-slate-300">No events yet.</p>
        <p>Apply a manifest (Ctrl+Enter in the editor) or run a command in the Terminal tab; the controllers report what they do here.</p>
      </>
    ) : (
      <>
        <p className="font-medium text-slate-600 dark:text-slate-300">No event matches {describeFilter(filter)}.</p>
        <button type="button" onClick={clear} className="mt-1 rounded-md px-2 py-0.5 font-semibold text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-400/10">
          Clear the filters to see all {all.length}
        </button>
      </>
    );
  return <EventsTable rows={shown} empty={empty} />;
}

function describeFilter(f: EventFilter): string {
  const parts = [f.text.trim() && `“${f.text.trim()}”`, f.warningsOnly && 'Warnings only', f.kind && `kind ${f.kind}`].filter(Boolean);
  return parts.join(', ');
}

const FIELD = 'h-7 rounded-md border border-slate-300 bg-white text-xs text-slate-800 shadow-xs focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

/** The filters, in the dock's tab strip while the Events tab is in front. */
export function EventsFilterBar() {
  const { all, shown, filter } = useFilteredRows();
  const set = useEventFilter((s) => s.set);
  const kinds = useMemo(() => kindsOf(all), [all]);
  const warnings = useMemo(() => all.filter((r) => r.cells[1] === 'Warning').length, [all]);
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <label className="relative flex w-36 min-w-16 shrink items-center @6xl:w-56">
        <span className="sr-only">Filter events</span>
        <Icon name="search" className="pointer-events-none absolute left-2 size-3.5 text-slate-400" />
        <input
          type="search"
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.text) {
              e.stopPropagation();
              set({ text: '' });
            }
          }}
          placeholder="Filter events"
          title="Shows the events whose reason, object or message contain every word typed here"
          className={`${FIELD} w-full min-w-0 pr-2 pl-7 placeholder:text-slate-400`}
        />
      </label>
      <button
        type="button"
        aria-pressed={filter.warningsOnly}
        onClick={() => set({ warningsOnly: !filter.warningsOnly })}
        title={`Show only Warning events (${warnings} of ${all.length})`}
        className={[
          'inline-flex h-7 shrink-0 items-center gap-1 rounded-md px-2 text-xs font-semibold ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-indigo-500',
          filter.warningsOnly
            ? 'bg-amber-100 text-amber-900 ring-amber-400 dark:bg-amber-400/20 dark:text-amber-100 dark:ring-amber-400/60'
            : 'bg-white text-slate-600 ring-slate-300 hover:text-slate-900 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600 dark:hover:text-white',
        ].join(' ')}
      >
        <Icon name="alert" className="size-3.5" />
        <span className="hidden @5xl:inline">Warnings only</span>
        <span className="@5xl:hidden">Warnings</span>
      </button>
      <label className="shrink-0">
        <span className="sr-only">Kind of object</span>
        <select value={filter.kind} onChange={(e) => set({ kind: e.target.value })} className={`${FIELD} w-28 px-1.5 @5xl:w-36`}>
          <option value="">All kinds</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
          {filter.kind && !kinds.includes(filter.kind) && <option value={filter.kind}>{filter.kind}</option>}
        </select>
      </label>
      {/* Only while filtering: otherwise the tab's badge already counts them. */}
      <span data-testid="events-count" aria-live="polite" className="min-w-0 shrink-0 px-1 font-mono text-[11px] whitespace-nowrap text-slate-500 tabular-nums empty:hidden dark:text-slate-400">
        {isFiltering(filter) ? `${shown.length} of ${all.length}` : ''}
      </span>
    </div>
  );
}
