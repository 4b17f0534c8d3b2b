// The contract every controller implements, and the context the runtime hands it.
import type { AnyStored } from '../api/objects.ts';
import { recordEvent, type EventType } from '../cluster/events.ts';
import type { EventNote, Step } from '../cluster/state.ts';
import type { Txn } from '../cluster/store.ts';
import { noteStepState } from './state-capture.ts';

export interface Controller {
  /** The name shown on the timeline: `persistentvolume-binder`, `scheduler`, `kubelet`, … */
  readonly name: string;
  /** The component that signs its events (`kubectl get events` SOURCE / describe's From). */
  readonly source: string;
  /**
   * One level-triggered pass over everything the controller watches. It reads the current state,
   * writes what should change through `ctx.txn`, and calls `ctx.step()` after each unit of work.
   * Running it again on a settled state must change nothing.
   */
  sync(ctx: ControllerContext): void;
  /**
   * For a controller whose behaviour depends on the clock (a grace period, a back-off, a
   * timeout): every instant (ms) at or after which a sync could do something the last one did
   * not; instants already past may be included. `sleep` skips the resyncs before the earliest
   * future one of all controllers, so a controller that reads the clock and does not say when it
   * needs to run would be missed.
   */
  wakeTimes?(view: WakeView): (number | undefined)[];
}

/** What `wakeTimes` may read: the state and the typed object tables, never write. */
export type WakeView = Pick<Txn, 'state' | 'get' | 'list'>;

/** The earliest of `times` strictly after `now` (undefined entries ignored). */
export function earliestAfter(now: number, times: Iterable<number | undefined>): number | undefined {
  let next: number | undefined;
  for (const t of times) if (t !== undefined && t > now && (next === undefined || t < next)) next = t;
  return next;
}

export interface ControllerContext {
  readonly txn: Txn;
  readonly now: number;
  /** Records an event signed by this controller (or `source`, for a different signing component). */
  event(obj: AnyStored, type: EventType, reason: string, message: string, source?: string): void;
  /** Closes one unit of work: if it wrote or emitted something new, it becomes a timeline step. */
  step(summary: string): void;
}

/** Collects changes and events into steps for one actor. */
export class StepRecorder {
  private mark: number;
  private events: EventNote[] = [];

  constructor(
    private readonly txn: Txn,
    private readonly steps: Step[],
  ) {
    this.mark = txn.changes.length;
  }

  event(obj: AnyStored, type: EventType, reason: string, message: string, source: string): void {
    const r = recordEvent(this.txn, obj, type, reason, message, source);
    if (r.fresh) this.events.push(r.note);
  }

  /** Turns everything since the last step into a step, if there is anything. Returns whether objects changed. */
  close(actor: string, summary: string): boolean {
    const changes = this.txn.changes.slice(this.mark).filter((c) => c.ref.kind !== 'Event');
    this.mark = this.txn.changes.length;
    const events = this.events;
    this.events = [];
    if (changes.length === 0 && events.length === 0) return false;
    const state = this.txn.state;
    const step: Step = { index: state.stepCount++, actor, summary, at: state.now, changes, events };
    this.steps.push(step);
    noteStepState(step, this.txn);
    return changes.length > 0;
  }
}
