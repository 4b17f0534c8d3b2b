// Recording Kubernetes Events, with the event recorder's de-duplication: the same
// (object, type, reason, source, message) bumps `count` and `lastTimestamp` instead of
// creating a new Event. A repeat at the same simulated instant is not counted again, so a
// level-triggered controller re-running within one settle does not inflate counts; counts grow
// as simulated time passes (the controllers' periodic resync), which is what kubectl shows as `(x4 over 1m)`.
import type { AnyStored, Stored } from '../api/objects.ts';
import { rfc3339 } from '../runtime/clock.ts';
import { refOf } from './keys.ts';
import type { EventNote } from './state.ts';
import type { Txn } from './store.ts';
import { getOwn, setOwn } from '../../lib/own.ts';

export type EventType = 'Normal' | 'Warning';

export interface RecordedEvent {
  note: EventNote;
  /** False when the same event was already recorded at this instant (nothing new to show). */
  fresh: boolean;
}

export function recordEvent(
  txn: Txn,
  involved: AnyStored,
  type: EventType,
  reason: string,
  message: string,
  source: string,
): RecordedEvent {
  const state = txn.state;
  const ref = refOf(involved);
  const uid = involved.metadata.uid ?? '';
  const dedupeKey = `${uid}|${type}|${reason}|${source}|${message}`;
  const now = rfc3339(state.now);
  const existingKey = getOwn(state.eventIndex, dedupeKey);
  const existing = existingKey ? txn.get('Event', existingKey) : undefined;
  if (existing) {
    if (existing.lastTimestamp === now) {
      return { note: noteOf(existing, ref), fresh: false };
    }
    const bumped = txn.update({ ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: now });
    return { note: noteOf(bumped ?? existing, ref), fresh: true };
  }
  // Events about cluster-scoped objects (PVs, nodes, classes) live in the `default` namespace.
  const namespace = involved.metadata.namespace ?? 'default';
  const event: Stored<'Event'> = {
    apiVersion: 'v1',
    kind: 'Event',
    // Like the event recorder: `<object>.<creation time in hex nanoseconds>`, so names sort by creation.
    metadata: { name: `${involved.metadata.name}.${(BigInt(state.now) * 1_000_000n + BigInt(state.resourceVersion)).toString(16)}`, namespace },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.metadata.name,
      ...(involved.metadata.namespace ? { namespace: involved.metadata.namespace } : {}),
      uid,
      resourceVersion: involved.metadata.resourceVersion,
    },
    type,
    reason,
    message,
    source: { component: source },
    reportingComponent: source,
    reportingInstance: '',
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
  };
  const created = txn.create(event);
  setOwn(state.eventIndex, dedupeKey, `${namespace}/${created.metadata.name}`);
  return { note: noteOf(created, ref), fresh: true };
}

function noteOf(ev: Stored<'Event'>, ref: EventNote['involvedObject']): EventNote {
  return {
    type: ev.type === 'Warning' ? 'Warning' : 'Normal',
    reason: ev.reason ?? '',
    message: ev.message ?? '',
    involvedObject: ref,
    source: ev.source?.component ?? '',
    count: ev.count ?? 1,
    firstTimestamp: ev.firstTimestamp ?? '',
    lastTimestamp: ev.lastTimestamp ?? '',
  };
}

/** Events about one object, oldest first (what `kubectl describe` lists). */
export function eventsFor(txn: Pick<Txn, 'list'>, obj: AnyStored): Stored<'Event'>[] {
  return txn
    .list('Event')
    .filter((e) => e.involvedObject.uid === obj.metadata.uid && e.involvedObject.kind === obj.kind)
    .sort((a, b) => (a.firstTimestamp ?? '').localeCompare(b.firstTimestamp ?? ''));
}
