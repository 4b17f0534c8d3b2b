// The events about one object (what `kubectl describe` lists at the end), oldest first, in the
// same table as the Events tab.
import { useMemo } from 'react';
import type { AnyStored } from '../../engine/index.ts';
import { useAppStore } from '../../store/index.ts';
import type { EventRow } from '../timeline/event-filter.ts';
import { EventsTable } from '../timeline/EventsTable.tsx';
import { eventRows } from '../timeline/useEventRows.ts';

export function useObjectEventRows(object: AnyStored | undefined): EventRow[] {
  const cluster = useAppStore((s) => s.cluster);
  return useMemo(() => {
    if (!object) return [];
    const { kind, metadata } = object;
    return eventRows(cluster, (e) => e.involvedObject?.kind === kind && e.involvedObject?.name === metadata.name && (e.involvedObject?.namespace ?? '') === (metadata.namespace ?? ''));
  }, [cluster, object]);
}

export function ObjectEvents({ object }: { object: AnyStored }) {
  const rows = useObjectEventRows(object);
  return (
    <EventsTable
      rows={rows}
      hideObject
      label={`Events about ${object.kind} ${object.metadata.name}`}
      empty={
        <>
          No events about this {object.kind} yet (<code className="font-mono">kubectl describe</code> shows <code className="font-mono">Events: &lt;none&gt;</code>).
        </>
      }
    />
  );
}
