// Events three ways: the `kubectl get events` table (server-side TableConvertor `printEvent`),
// the Events section at the end of `kubectl describe` (`DescribeEvents`), and the `kubectl events`
// command (`EventPrinter`), which is the one that shows `(x3 over 5m)`.
import type { Event } from 'kubernetes-types/core/v1';
import { formatTable } from '../../../lib/text-table.ts';
import type { Column } from './columns.ts';
import { escapeTerminal, parseTime, since, type PrefixWriter } from './format.ts';

/** Columns of `kubectl get events` (wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME). */
export const EVENT_COLUMNS: Column<Event>[] = [
  { header: 'LAST SEEN', cell: (e, { now }) => lastSeen(e, now) },
  { header: 'TYPE', cell: (e) => e.type ?? '' },
  { header: 'REASON', cell: (e) => e.reason ?? '' },
  { header: 'OBJECT', cell: (e) => eventTarget(e) },
  { header: 'SUBOBJECT', wide: true, cell: (e) => e.involvedObject?.fieldPath ?? '' },
  { header: 'SOURCE', wide: true, cell: (e) => eventSource(e) },
  { header: 'MESSAGE', cell: (e) => (e.message ?? '').trim() },
  { header: 'FIRST SEEN', wide: true, cell: (e, { now }) => firstSeen(e, now) },
  { header: 'COUNT', wide: true, cell: (e) => String(eventCount(e)) },
  { header: 'NAME', wide: true, cell: (e) => e.metadata?.name ?? '' },
];

function firstSeen(e: Event, now: number): string {
  return e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now);
}

/** LAST SEEN of `kubectl get events`: just the age of the last occurrence, no count. */
function lastSeen(e: Event, now: number): string {
  if (e.series) return since(e.series.lastObservedTime, now);
  return e.lastTimestamp ? since(e.lastTimestamp, now) : firstSeen(e, now);
}

function eventCount(e: Event): number {
  if (e.series) return e.series.count ?? 0;
  return e.count ? e.count : 1;
}

/** OBJECT: `<lowercased kind>/<name>`, e.g. `persistentvolumeclaim/example-pvc`. */
function eventTarget(e: Event): string {
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  const name = e.involvedObject?.name ?? '';
  return name ? `${kind}/${name}` : kind;
}

function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** The time kubectl sorts events by (`event.SortableEvents`): last timestamp, else event time. */
function eventTime(e: Event): number {
  return parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? parseTime(e.firstTimestamp) ?? 0;
}

/** Oldest first, as kubectl sorts them for describe and `kubectl events` (stable for equal times). */
export function sortEvents(events: readonly Event[]): Event[] {
  return events
    .map((e, i) => ({ e, i, t: eventTime(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

/** Age column of describe and LAST SEEN of `kubectl events`: `3m (x4 over 10m)` when repeated. */
export function eventInterval(e: Event, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

export interface EventSubject {
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
}

/**
 * Events about one object, like describe's `searchEvents` field selector: involvedObject name,
 * namespace and (unless `anyKind`, as for pods) kind must match; uid must match when both sides
 * have one. `extraUids` covers nodes, whose kubelet events use the node name as uid.
 */
export function eventsAbout(
  subject: EventSubject,
  events: readonly Event[] | undefined,
  opts: { anyKind?: boolean; extraUids?: readonly string[] } = {},
): Event[] {
  return (events ?? []).filter((e) => {
    const ref = e.involvedObject;
    if (!ref || ref.name !== subject.name) return false;
    if ((ref.namespace ?? '') !== (subject.namespace ?? '')) return false;
    if (!opts.anyKind && ref.kind !== undefined && ref.kind !== subject.kind) return false;
    if (ref.uid && subject.uid && ref.uid !== subject.uid && !(opts.extraUids ?? []).includes(ref.uid)) return false;
    return true;
  });
}

/** `DescribeEvents`: `Events:  <none>`, or the Type/Reason/Age/From/Message table. */
export function describeEvents(w: PrefixWriter, events: readonly Event[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sortEvents(events)) {
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${eventInterval(e, now)}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

/**
 * The `kubectl events` command (not `kubectl get events`): sorted oldest first, LAST SEEN with
 * `(xN over …)`, OBJECT as `Kind/name` with the kind as written (`Pod/example-pod`).
 */
export function printEventsCommand(
  events: readonly Event[],
  opts: { now: number; allNamespaces?: boolean; noHeaders?: boolean },
): string {
  const headers = [...(opts.allNamespaces ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const rows = sortEvents(events).map((e) => [
    ...(opts.allNamespaces ? [e.metadata?.namespace ?? ''] : []),
    eventInterval(e, opts.now),
    escapeTerminal(e.type ?? ''),
    escapeTerminal(e.reason ?? ''),
    `${escapeTerminal(e.involvedObject?.kind ?? '')}/${escapeTerminal(e.involvedObject?.name ?? '')}`,
    escapeTerminal((e.message ?? '').trim()),
  ]);
  return formatTable(opts.noHeaders ? [] : headers, rows);
}
