import { useMemo } from 'react';
import { cellOf } from '../../commands/kubectl/printers/cells.ts';
import { EVENT_COLUMNS } from '../../commands/kubectl/printers/events.ts';
import type { ClusterState, Stored } from '../../engine/index.ts';
import { selectEvents, useAppStore } from '../../store/index.ts';
import type { EventRow } from './event-filter.ts';

type Event = Stored<'Event'>;
const COLUMNS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'] as const;

/** The rows of `kubectl get events` (oldest first), cells worded by the kubectl printer itself. */
export function eventRows(cluster: ClusterState, only?: (e: Event) => boolean): EventRow[] {
  const events = only ? selectEvents({ cluster }).filter(only) : selectEvents({ cluster });
  return events.map((e) => ({
    key: e.metadata.name,
    kind: e.involvedObject?.kind ?? '',
    cells: COLUMNS.map((header) => cellOf(EVENT_COLUMNS, header, e, cluster.now)) as EventRow['cells'],
  }));
}

/** Every event in the cluster as table rows, recomputed when the cluster changes. */
export function useEventRows(): EventRow[] {
  const cluster = useAppStore((s) => s.cluster);
  return useMemo(() => eventRows(cluster), [cluster]);
}
