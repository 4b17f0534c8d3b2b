// Skipping the cycles of each actor on its own, so a long `sleep` over actors whose periods do
// not line up (a pod restarting every 1000 s beside a crash loop at its 5-minute back-off)
// returns at once: the cluster as a whole repeats only after the least common multiple of
// their periods, which may be years, but each actor repeats after its own.
//
// Why it is exact: an actor (`actor-log.ts`) whose last four cycles are the same instants doing
// the same writes, with its units moving by the same affine step each cycle, repeats that cycle
// for as long as nothing outside it changes what it sees: the controllers act on each pod and
// its owners alone. Each such actor is moved by its own number of cycles to the landing instant
// (from the same phase of its last cycles), repeated events and scheduling attempts by the number
// of resyncs, and the resourceVersion counter by every write those cycles and resyncs made.
// What is left as it is: actors that did not repeat, whose next change is a clock-driven wake.
// A wake that the jump did not move is such a change, and the landing stays before it.
//
// The objects the jump moved carry the resourceVersion of their last observed write, not the
// one their last skipped write had (that depends on how the actors' writes interleaved). So the
// landing is followed by one longest cycle simulated and not shown (`stretch`): every moved
// object is written again in it, with the true counter. The caller checks that they were.
import type { AnyStored, Kind } from '../api/objects.ts';
import type { ClusterState, SchedulingRecord } from '../cluster/state.ts';
import { getOwn } from '../../lib/own.ts';
import { continues, extrapolate, FAIL } from './affine.ts';
import { objectOfUnit, setUnitValue, unitValue, valueAt, type ActorHistory, type ActorLog, type ActorModel } from './actor-log.ts';
import { rfc3339 } from './clock.ts';
import type { Controller } from './controller.ts';
import { wakeLists } from './periodic-skip.ts';

const RV = { ignoreResourceVersion: true };

/** The resync grid of a sleep: resync i is at start + i·interval, the last one at the sleep's end. */
export interface Grid {
  /** The resync just run. */
  k: number;
  start: number;
  interval: number;
  last: number;
}

export interface Landing {
  /** The resync the state is at. */
  k: number;
  state: ClusterState;
  /** Resyncs to run unseen after landing: one period of the slowest actor moved. */
  stretch: number;
  /** The moved objects, each to be written again during the stretch. */
  interim: { kind: Kind; key: string; object: unknown }[];
  /** The actors moved. */
  actors: string[];
}

/**
 * The actor's cycle, if its last instants repeat with a period: the smallest period whose last
 * three cycles have the same instants and writes, and whose four phase-aligned states are affine.
 */
export function findCycle(actor: ActorHistory, interval: number, globalChanges: ReadonlySet<number>): ActorModel | null {
  const instants = actor.instants;
  const last = instants[instants.length - 1]!;
  const index = new Map(instants.map((t, i) => [t, i]));
  for (let j = instants.length - 2; j >= 0; j--) {
    const period = last - instants[j]!;
    if (period % interval !== 0) continue;
    const from = last - 3 * period;
    if (from < actor.validFrom) break;
    // The four states compared are right after the actor acted, one period apart.
    const fromIndex = index.get(from);
    if (fromIndex === undefined || globalChanges.has(from)) continue;
    // Three cycles of as many instants each (instants[j] is where the last cycle starts): checked
    // before anything is copied, since a long-lived actor keeps hundreds of instants to look through.
    if (instants.length - 1 - fromIndex !== 3 * (instants.length - 1 - j)) continue;
    // The unit that broke the last candidate, first and alone: an actor that never repeats (a log
    // appended to on each restart) fails every candidate on the same unit, whatever its period.
    const culprit = actor.culprit !== undefined ? actor.units.get(actor.culprit) : undefined;
    if (culprit && !affineOver(culprit, from, period, last)) continue;
    const recent = instants.slice(fromIndex + 1);
    const cycle = instants.slice(j + 1);
    const regular = cycle.every((t, i) => recent[i] === t - 2 * period && recent[i + cycle.length] === t - period);
    if (!regular || recent.some((t) => globalChanges.has(t))) continue;
    const writes = cycle.map((t) => actor.writes[index.get(t)!]!);
    const sameWrites = cycle.every((t, i) => [t - period, t - 2 * period].every((u) => sameList(actor.writes[index.get(u)!]!, writes[i]!)));
    if (!sameWrites) continue;
    let affine = true;
    for (const [unit, line] of actor.units) {
      if (!affineOver(line, from, period, last)) {
        actor.culprit = unit;
        affine = false;
        break;
      }
    }
    if (affine) return { period, last, cycle, cycleWrites: writes.map((w) => w.length) };
  }
  return null;
}

/** Whether a unit's values at the four phase-aligned instants from `from` to `last` take the same affine step. */
function affineOver(line: Parameters<typeof valueAt>[0], from: number, period: number, last: number): boolean {
  const [v0, v1, v2, v3] = [from, from + period, from + 2 * period, last].map((t) => valueAt(line, t));
  return (v0 === v1 && v1 === v2 && v2 === v3) || continues(v0, v1, v2, v3, RV);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Where to land: as near the sleep's end as leaves room for the stretch, and before any wake the
 * jump does not move; undefined when no actor repeats or the jump would be short.
 */
export function planActorSkip(log: ActorLog, state: ClusterState, grid: Grid, controllers: readonly Controller[]): Landing | undefined {
  const now = state.now;
  // Cheap first: a change just now that no cycle explains leaves every actor to its wakes.
  if (log.lastGlobalChange === now) return undefined;
  for (const actor of log.actors.values()) if (actor.instants[actor.instants.length - 1] === now && !cycleOf(actor, grid, log)) return undefined;
  const models = new Map<ActorHistory, ActorModel>();
  let unexplained = log.lastGlobalChange;
  for (const actor of log.actors.values()) {
    if (actor.instants.length === 0) continue;
    const model = cycleOf(actor, grid, log);
    // An actor that missed its next instant has stopped repeating.
    if (model && Math.min(...model.cycle) + model.period > now) models.set(actor, model);
    else unexplained = Math.max(unexplained, actor.instants[actor.instants.length - 1]!);
  }
  // An actor that saw a change no cycle explains during its cycles may depend on it: it is left
  // to its wakes, and its own changes are then unexplained for the others.
  for (let demoted = true; demoted; ) {
    demoted = false;
    for (const [actor, model] of models) {
      if (unexplained <= model.last - 3 * model.period) continue;
      models.delete(actor);
      unexplained = Math.max(unexplained, model.last);
      demoted = true;
    }
  }
  if (models.size === 0) return undefined;
  // Events repeated at every resync must have been all along the cycles seen, up to the latest resync.
  const events = state.objects.Event ?? {};
  const seenFrom = Math.min(...[...models.values()].map((m) => m.last - 3 * m.period));
  for (const key of log.repeats) {
    if ((getOwn(events, key) as { lastTimestamp?: string } | undefined)?.lastTimestamp !== rfc3339(now)) return undefined;
    if (!((log.repeatingSince.get(key)?.at ?? Infinity) <= seenFrom)) return undefined;
  }
  const stretch = Math.max(...[...models.values()].map((m) => m.period)) / grid.interval;
  const before = wakeLists(state, controllers);
  let target = grid.last - 1 - stretch;
  for (let attempt = 0; attempt < 3; attempt++) {
    // Worth it only when it skips more than the stretch and the cycles that find it again cost.
    if (target < grid.k + 4 * stretch) return undefined;
    const landing = land(state, models, log, grid, target, stretch);
    if (!landing) return undefined;
    const bound = unmovedWake(before, wakeLists(landing.state, controllers), now);
    if (bound === FAIL) return undefined;
    const stretchEnd = grid.start + (target + stretch) * grid.interval;
    if (bound === undefined || stretchEnd < bound) return landing;
    target = Math.floor((bound - 1 - grid.start) / grid.interval) - stretch;
  }
  return undefined;
}

function cycleOf(actor: ActorHistory, grid: Grid, log: ActorLog): ActorModel | null {
  if (actor.model === undefined) actor.model = findCycle(actor, grid.interval, log.globalChanges);
  return actor.model;
}

/** The earliest future wake the jump left where it was; FAIL when the lists changed shape. */
function unmovedWake(before: (number | undefined)[][], after: (number | undefined)[][], now: number): number | undefined | typeof FAIL {
  let earliest: number | undefined;
  for (let c = 0; c < before.length; c++) {
    if (before[c]!.length !== after[c]!.length) return FAIL;
    after[c]!.forEach((w, j) => {
      if (w !== undefined && w > now && w === before[c]![j] && (earliest === undefined || w < earliest)) earliest = w;
    });
  }
  return earliest;
}

/** The state at resync `target`, every repeating actor moved there by its own cycles. */
function land(state: ClusterState, models: ReadonlyMap<ActorHistory, ActorModel>, log: ActorLog, grid: Grid, target: number, stretch: number): Landing | undefined {
  const now = state.now;
  const at = grid.start + target * grid.interval;
  const next: ClusterState = {
    ...state,
    objects: { ...state.objects },
    containers: { ...state.containers },
    eventIndex: { ...state.eventIndex },
    scheduling: { ...state.scheduling },
    volumeData: { ...state.volumeData },
    nodeFiles: { ...state.nodeFiles },
  };
  const copied = new Set<Kind>();
  const writable = (kind: Kind) => {
    if (!copied.has(kind)) {
      next.objects[kind] = { ...(next.objects[kind] ?? {}) };
      copied.add(kind);
    }
  };
  const interim: Landing['interim'] = [];
  let writes = 0;
  for (const [actor, model] of models) {
    const period = model.period;
    // The same phase in the last observed cycle, and how many cycles on the landing is.
    const cycles = Math.ceil((at - model.last) / period);
    const phase = at - cycles * period;
    for (const [unit, line] of actor.units) {
      // An event that became a repeated one is moved below, by resyncs; an actor cannot own it too.
      if (log.isRepeat(unit)) return undefined;
      const value = extrapolate(valueAt(line, phase - 2 * period), valueAt(line, phase - period), valueAt(line, phase), cycles, RV);
      if (value === FAIL) return undefined;
      if (value === unitValue(state, unit)) continue;
      const obj = objectOfUnit(unit);
      if (obj) writable(obj.kind);
      setUnitValue(next, unit, value);
      if (obj && value !== undefined) interim.push({ ...obj, object: value });
    }
    model.cycle.forEach((t, i) => {
      writes += model.cycleWrites[i]! * (Math.floor((at - t) / period) - Math.floor((now - t) / period));
    });
  }
  // What the skipped resyncs repeat, as `skipIdleResyncs` does it.
  const resyncs = target - grid.k;
  if (log.repeats.size > 0) writable('Event');
  const stamp = rfc3339(at);
  for (const key of log.repeats) {
    const ev = getOwn(next.objects.Event!, key) as AnyStored & { count?: number };
    const bumped = { ...ev, count: (ev.count ?? 1) + resyncs, lastTimestamp: stamp };
    setUnitValue(next, `O\u0000Event\u0000${key}`, bumped);
    interim.push({ kind: 'Event', key, object: bumped });
  }
  writes += log.repeats.size * resyncs;
  for (const [key, record] of Object.entries(next.scheduling)) if (record.at === now && record === state.scheduling[key]) next.scheduling[key] = { ...record, at } satisfies SchedulingRecord;
  next.now = at;
  next.resourceVersion = state.resourceVersion + writes;
  return { k: target, state: next, stretch, interim, actors: [...models.keys()].map((a) => a.root) };
}
