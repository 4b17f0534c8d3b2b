// Skipping resyncs that would only repeat events, so `sleep 99999999` returns at once.
//
// Why it is exact: controllers are level-triggered, so a resync that changed no object (it only
// bumped events already recorded, WaitForFirstConsumer, FailedScheduling, …) sees the same
// objects at the next resync and does the same again, unless the clock itself makes a controller
// act: every controller that reads the clock says when through `nextWakeAt`. So the n resyncs
// before the earliest wake each bump the same events in the same order; the jump adds n to each
// `count`, sets `lastTimestamp` to the last skipped resync, and advances the resourceVersion
// counter by as much as n resyncs' writes would, so everything printed afterwards is what
// resyncing one by one prints.
import { objectKey } from '../cluster/keys.ts';
import type { Step } from '../cluster/state.ts';
import type { Txn } from '../cluster/store.ts';
import { rfc3339 } from './clock.ts';
import { earliestAfter, type Controller } from './controller.ts';
import { noteStepState } from './state-capture.ts';

/**
 * The keys of the events bumped since `mark`, in write order, if that is all that was written
 * (no object changed, no event was new); undefined otherwise.
 */
export function repeatedEventsOnly(txn: Txn, mark: number): string[] | undefined {
  const keys: string[] = [];
  for (let i = mark; i < txn.changes.length; i++) {
    const c = txn.changes[i]!;
    if (c.ref.kind !== 'Event' || c.type !== 'updated') return undefined;
    keys.push(objectKey('Event', c.ref.namespace, c.ref.name));
  }
  return keys;
}

/** The earliest instant after now at which some controller acts because of the clock. */
export function nextWake(txn: Txn, controllers: readonly Controller[]): number | undefined {
  return earliestAfter(txn.state.now, wakeTimes(txn, controllers));
}

/** Every controller's clock-driven instants, past ones included. */
export function wakeTimes(txn: Txn, controllers: readonly Controller[]): number[] {
  const times: number[] = [];
  for (const c of controllers) for (const t of c.wakeTimes?.(txn) ?? []) if (t !== undefined) times.push(t);
  return times;
}

/**
 * Applies `idle` resyncs like the one just run (which bumped `eventKeys` and recorded
 * `template` steps), the last of them at `at`. The timeline gets one copy of the template's
 * steps, at the last skipped resync, instead of one per resync.
 */
export function skipIdleResyncs(txn: Txn, eventKeys: readonly string[], idle: number, at: number, template: readonly Step[], steps: Step[]): void {
  const state = txn.state;
  // The scheduler notes when it last tried each pending pod; each skipped resync would have tried again.
  for (const [key, record] of Object.entries(state.scheduling)) if (record.at === state.now) state.scheduling[key] = { ...record, at };
  state.now = at;
  // Each skipped resync writes every event once; the last one's writes are done for real below.
  state.resourceVersion += (idle - 1) * eventKeys.length;
  const stamp = rfc3339(at);
  for (const key of eventKeys) {
    const ev = txn.get('Event', key);
    if (ev) txn.update({ ...ev, count: (ev.count ?? 1) + idle, lastTimestamp: stamp });
  }
  for (const t of template) {
    const step: Step = {
      ...t,
      index: state.stepCount++,
      at,
      events: t.events.map((e) => ({ ...e, count: e.count + idle, lastTimestamp: stamp })),
    };
    steps.push(step);
    noteStepState(step, txn);
  }
}
