import { useMemo } from 'react';
import { buildTable } from '../../commands/kubectl/printers/table.ts';
import type { ClusterState, Stored } from '../../engine/index.ts';
import { selectEvents, useAppStore } from '../../store/index.ts';
import type { EventRow } from './event-filter.ts';

type Event = Stored<'Event'>;
const COLUMNS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'] as const;

/** The rows of `kubectl get events` (oldest first), cells worded by the kubectl printer itself. */
export function eventRows(cluster: ClusterState, only?: (e: Event) => boolean): EventRow[] {
  const events = only ? selectEvents({ cluster }).filter(only) : selectEvents({ cluster });
  const table = buildTable('Event', events, { now: cluster.now });
  const at = COLUMNS.map((c) => table.headers.indexOf(c));
  return table.rows.map((cells, i) => ({
    key: events[i]!.metadata.name,
    kind: events[i]!.involvedObject?.kind ?? '',
    cells: at.map((j) => cells[j] ?? '') as EventRow['cells'],
  }));
}

/** Every event in the cluster as table rows, recomputed when the cluster changes. */
export function useEventRows(): EventRow[] {
  const cluster = useAppStore((s) => s.cluster);
  return useMemo(() => eventRows(cluster), [cluster]);
}
