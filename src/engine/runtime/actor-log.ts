// What each independent actor of the cluster did during a `sleep`, so that its cycle can be found
// on its own (`actor-skip.ts`). Two crash-looping pods whose periods do not line up make a
// cluster whose whole state repeats only after the least common multiple of their periods, but
// each pod repeats after its own.
//
// An actor is an owner tree: a pod with its containers, emptyDirs, scheduling record and events,
// under its ReplicaSet and Deployment, StatefulSet or Job if it has them (their status follows
// the pods'); and each node's files (hostPath, local volumes), which its pods share. After
// every resync that changed something, the log records, per actor, which of its units (an
// object, a container record, …) changed and to what, and the order of its API writes. Units that
// change at every resync (events repeated by a resync, a pending pod's last scheduling attempt)
// are not an actor's doing; the jump moves them as the idle-resync skip does. Changes to what
// belongs to no actor (the PRNG, uid counter, the Docker host) are only timed: an
// actor that acted at the same instant cannot be extrapolated.
import type { AnyStored, Kind, Stored } from '../api/objects.ts';
import type { Change, ClusterState } from '../cluster/state.ts';
import { KINDS } from '../api/kinds.ts';
import { objectKey } from '../cluster/keys.ts';
import { getOwn } from '../../lib/own.ts';
import { equal } from './affine.ts';
import { rfc3339 } from './clock.ts';

/**
 * Change instants kept per actor: enough for four cycles of an actor acting 256 times per cycle. A
 * pod whose containers repeat with unaligned periods (a crash loop at its 5-minute back-off beside
 * a container restarting every 1005 s) repeats as a whole only after their least common multiple:
 * 67 + 20 instants there.
 */
const MAX_INSTANTS = 1024;

/** The tables outside the object store whose entries belong to actors. */
const TABLES = ['containers', 'eventIndex', 'scheduling', 'volumeData', 'nodeFiles'] as const;
type Table = (typeof TABLES)[number];
const PREFIX: Record<Table, string> = { containers: 'C', eventIndex: 'I', scheduling: 'S', volumeData: 'V', nodeFiles: 'N' };
const TABLE_OF: Record<string, Table> = { C: 'containers', I: 'eventIndex', S: 'scheduling', V: 'volumeData', N: 'nodeFiles' };
const SEP = '\u0000';

/** One unit's values: `values[i]` from `at[i]` on; `at[0]` is -Infinity (its value before the first kept change). */
interface Timeline {
  at: number[];
  values: unknown[];
}

export interface ActorHistory {
  readonly root: string;
  /** The resync instants at which some unit of the actor changed, ascending. */
  instants: number[];
  /** The actor's API writes at each instant (unit keys, in write order). */
  writes: string[][];
  units: Map<string, Timeline>;
  /** Values are known for instants from this one on (older changes were dropped). */
  validFrom: number;
  /** Cached cycle found at the last instant (null: none), undefined until looked for. */
  model?: ActorModel | null;
  /** The unit that last kept a candidate cycle from being affine: looked at first next time (speed only). */
  culprit?: string;
}

/** An actor repeating itself: the instants of its last cycle, which ends at `last`. */
export interface ActorModel {
  period: number;
  last: number;
  cycle: number[];
  cycleWrites: number[];
}

export class ActorLog {
  readonly actors = new Map<string, ActorHistory>();
  /** Instants at which something that belongs to no actor changed. */
  readonly globalChanges = new Set<number>();
  lastGlobalChange = -Infinity;
  /** Event table keys repeated at every resync, as the latest idle resync found them. */
  repeats: ReadonlySet<string> = new Set();
  /** Since when each repeated event has been bumped at every resync: that instant and its count then. */
  readonly repeatingSince = new Map<string, { at: number; count: number }>();
  private prev: ClusterState;
  private readonly roots = new Map<string, string>();

  constructor(
    state: ClusterState,
    private validFrom: number,
    private readonly interval: number,
  ) {
    this.prev = state;
  }

  /** Forgets everything: the state jumped as a whole. */
  reset(state: ClusterState): void {
    this.actors.clear();
    this.globalChanges.clear();
    this.lastGlobalChange = -Infinity;
    this.repeatingSince.clear();
    this.prev = state;
    this.validFrom = state.now;
  }

  /** The actors in `jumped` were moved to `state`: their histories restart there; the others' stay true. */
  landed(state: ClusterState, jumped: Iterable<string>): void {
    for (const root of jumped) this.actors.set(root, { root, instants: [], writes: [], units: new Map(), validFrom: state.now });
    this.prev = state;
  }

  noteRepeats(eventKeys: readonly string[]): void {
    this.repeats = new Set(eventKeys);
  }

  /** Whether a unit is an event repeated at every resync, which no actor owns. */
  isRepeat(unit: string): boolean {
    return unit.startsWith(`O${SEP}Event${SEP}`) && this.repeats.has(unit.slice(unit.lastIndexOf(SEP) + 1));
  }

  /** Records what the resync that just ran at `state.now` changed since the last observed state. */
  observe(state: ClusterState, changes: readonly Change[], mark: number): void {
    const prev = this.prev;
    const at = state.now;
    const changed: [unit: string, before: unknown, after: unknown][] = [];
    const seen = new Set<string>();
    const writes: string[] = [];
    for (let i = mark; i < changes.length; i++) {
      const ref = changes[i]!.ref;
      const unit = `O${SEP}${ref.kind}${SEP}${objectKey(ref.kind, ref.namespace, ref.name)}`;
      writes.push(unit);
      if (seen.has(unit)) continue;
      seen.add(unit);
      const before = unitValue(prev, unit);
      const after = unitValue(state, unit);
      if (before !== after) changed.push([unit, before, after]);
    }
    // The event index only grows when an event is created: most resyncs leave it as it was.
    const created = changes.slice(mark).some((c) => c.type === 'created' && c.ref.kind === 'Event');
    for (const table of TABLES) {
      if (table === 'eventIndex' && !created) continue;
      const now = state[table] as Record<string, unknown>;
      const then = prev[table] as Record<string, unknown>;
      for (const key of Object.keys(now)) if (getOwn(then, key) !== now[key]) changed.push([`${PREFIX[table]}${SEP}${key}`, getOwn(then, key), now[key]]);
      for (const key of Object.keys(then)) if (getOwn(now, key) === undefined && then[key] !== undefined) changed.push([`${PREFIX[table]}${SEP}${key}`, then[key], undefined]);
    }
    if (globalsDiffer(prev, state)) {
      this.globalChanges.add(at);
      this.lastGlobalChange = at;
    }
    this.prev = state;

    const rootOfUnit = new Map<string, string | undefined>();
    for (const [unit, before, after] of changed) {
      const repeated = this.everyResync(unit, before, after, at);
      if (repeated && unit.startsWith(`O${SEP}Event${SEP}`)) this.noteBump(unit.slice(unit.lastIndexOf(SEP) + 1), (after as Stored<'Event'>).count ?? 1, at);
      const root = repeated ? undefined : this.rootOf(state, unit, after ?? before);
      rootOfUnit.set(unit, root);
      if (root === undefined) continue;
      const actor = this.actorAt(root, at);
      let line = actor.units.get(unit);
      if (!line) actor.units.set(unit, (line = { at: [-Infinity], values: [before] }));
      line.at.push(at);
      line.values.push(after);
    }
    for (const unit of writes) {
      const root = rootOfUnit.has(unit) ? rootOfUnit.get(unit) : this.rootOf(state, unit, unitValue(state, unit) ?? unitValue(prev, unit));
      if (root === undefined) continue;
      const actor = this.actorAt(root, at);
      actor.writes[actor.writes.length - 1]!.push(unit);
    }
  }

  /** A repeated event's count one more per resync since it was first seen: it has repeated all along. */
  private noteBump(key: string, count: number, at: number): void {
    const since = this.repeatingSince.get(key);
    if (!since || count - since.count !== (at - since.at) / this.interval) this.repeatingSince.set(key, { at, count });
  }

  /** The actor's history with an entry for `at`, dropping its oldest entries beyond the limit. */
  private actorAt(root: string, at: number): ActorHistory {
    let actor = this.actors.get(root);
    if (!actor) this.actors.set(root, (actor = { root, instants: [], writes: [], units: new Map(), validFrom: this.validFrom }));
    if (actor.instants[actor.instants.length - 1] !== at) {
      actor.instants.push(at);
      actor.writes.push([]);
      actor.model = undefined;
      if (actor.instants.length > MAX_INSTANTS) trim(actor);
    }
    return actor;
  }

  /** A repeated event's bump, or a pending pod's scheduling attempt: the same at every resync. */
  private everyResync(unit: string, before: unknown, after: unknown, at: number): boolean {
    if (unit.startsWith(`O${SEP}Event${SEP}`)) {
      if (!this.isRepeat(unit)) return false;
      // Bumped once per resync since the last observed state: only count, lastTimestamp and resourceVersion moved.
      const b = before as Stored<'Event'> | undefined;
      const a = after as Stored<'Event'> | undefined;
      if (!a || !b || a.lastTimestamp !== rfc3339(at) || (a.count ?? 1) <= (b.count ?? 1)) return false;
      return sameBut(a, b, ['count', 'lastTimestamp', 'metadata']) && sameBut(a.metadata, b.metadata, ['resourceVersion']);
    }
    if (unit.startsWith(`S${SEP}`)) {
      const b = before as { at?: number } | undefined;
      const a = after as { at?: number } | undefined;
      return !!a && !!b && a.at === at && sameBut(a, b, ['at']);
    }
    return false;
  }

  /** The owner tree a unit belongs to: the uid at the top of its ownerReferences. */
  private rootOf(state: ClusterState, unit: string, value: unknown): string {
    const [kind, rest] = [unit.slice(0, unit.indexOf(SEP)), unit.slice(unit.indexOf(SEP) + 1)];
    if (kind === 'O') {
      const obj = value as AnyStored | undefined;
      if (!obj) return unit;
      if (obj.kind === 'Event') {
        const inv = (obj as Stored<'Event'>).involvedObject;
        const target = lookup(state, inv.kind ?? '', inv.namespace, inv.name ?? '');
        return target && target.metadata.uid === inv.uid ? this.rootOfObject(state, target) : this.uidRoot(inv.uid ?? unit);
      }
      return this.rootOfObject(state, obj);
    }
    if (kind === 'C') {
      const pod = lookup(state, 'Pod', undefined, '', (value as { pod?: string } | undefined)?.pod);
      return pod ? this.rootOfObject(state, pod) : this.uidRoot(rest.split('/')[0]!);
    }
    if (kind === 'I') return this.uidRoot(rest.split('|')[0]!);
    // A node's files (hostPath, local volumes) are an actor of their own: pods on the node share them.
    if (kind === 'N') return unit;
    if (kind === 'S') {
      const pod = lookup(state, 'Pod', undefined, '', rest);
      return pod ? this.rootOfObject(state, pod) : unit;
    }
    const [type, id] = rest.split('/');
    if (type === 'emptydir') return this.uidRoot(id!);
    const pv = type === 'pv' ? lookup(state, 'PersistentVolume', undefined, id!) : undefined;
    return pv ? this.rootOfObject(state, pv) : unit;
  }

  private rootOfObject(state: ClusterState, obj: AnyStored): string {
    const uid = obj.metadata.uid ?? '';
    const known = this.roots.get(uid);
    if (known) return known;
    let top = obj;
    for (let depth = 0; depth < 16; depth++) {
      const refs = top.metadata.ownerReferences ?? [];
      const ref = refs.find((r) => r.controller) ?? refs[0];
      const owner = ref ? lookup(state, ref.kind, top.metadata.namespace, ref.name) : undefined;
      if (!owner || owner.metadata.uid !== ref!.uid) break;
      top = owner;
    }
    const root = `uid:${top.metadata.uid ?? keyOfUnknown(top)}`;
    if (uid) this.roots.set(uid, root);
    return root;
  }

  private uidRoot(uid: string): string {
    return this.roots.get(uid) ?? `uid:${uid}`;
  }
}

/** The value of a unit in a state (undefined: absent). */
export function unitValue(state: ClusterState, unit: string): unknown {
  const i = unit.indexOf(SEP);
  const kind = unit.slice(0, i);
  if (kind === 'O') {
    const j = unit.indexOf(SEP, i + 1);
    const table = state.objects[unit.slice(i + 1, j) as Kind];
    return table ? getOwn(table, unit.slice(j + 1)) : undefined;
  }
  return getOwn(state[TABLE_OF[kind]!] as Record<string, unknown>, unit.slice(i + 1));
}

/** Sets a unit in a state whose tables the caller has copied (objects: each kind table too). */
export function setUnitValue(state: ClusterState, unit: string, value: unknown): void {
  const i = unit.indexOf(SEP);
  const kind = unit.slice(0, i);
  let table: Record<string, unknown>;
  let key: string;
  if (kind === 'O') {
    const j = unit.indexOf(SEP, i + 1);
    const k = unit.slice(i + 1, j) as Kind;
    table = (state.objects[k] ??= {}) as Record<string, unknown>;
    key = unit.slice(j + 1);
  } else {
    table = state[TABLE_OF[kind]!] as Record<string, unknown>;
    key = unit.slice(i + 1);
  }
  if (value === undefined) delete table[key];
  else Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
}

/** `kind` and table key of an object unit; undefined for the other units. */
export function objectOfUnit(unit: string): { kind: Kind; key: string } | undefined {
  if (!unit.startsWith(`O${SEP}`)) return undefined;
  const j = unit.indexOf(SEP, 2);
  return { kind: unit.slice(2, j) as Kind, key: unit.slice(j + 1) };
}

/** The value of a unit of `actor` at instant t (t no earlier than its `validFrom`). */
export function valueAt(line: Timeline, t: number): unknown {
  let lo = 0;
  let hi = line.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (line.at[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return line.values[lo];
}

function trim(actor: ActorHistory): void {
  const dropped = actor.instants.shift()!;
  actor.writes.shift();
  actor.validFrom = Math.max(actor.validFrom, dropped);
  for (const line of actor.units.values()) {
    // Keep the last value set at or before the dropped instant as the base.
    let base = 0;
    while (base + 1 < line.at.length && line.at[base + 1]! <= dropped) base++;
    if (base > 0) {
      line.at.splice(0, base);
      line.values.splice(0, base);
      line.at[0] = -Infinity;
    }
  }
}

function lookup(state: ClusterState, kind: string, namespace: string | undefined, name: string, key?: string): AnyStored | undefined {
  const info = (KINDS as Record<string, { namespaced: boolean } | undefined>)[kind];
  if (!info) return undefined;
  const table = state.objects[kind as Kind];
  if (!table) return undefined;
  return getOwn(table, key ?? objectKey(kind as Kind, namespace, name));
}

function keyOfUnknown(obj: AnyStored): string {
  return `${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

/** Deep equality of two records but for some of their top-level keys. */
function sameBut(a: object, b: object, ignored: readonly string[]): boolean {
  const keys = Object.keys(a).filter((k) => !ignored.includes(k));
  if (keys.length !== Object.keys(b).filter((k) => !ignored.includes(k)).length) return false;
  return keys.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether anything outside the actors' units differs: the PRNG, counters of new objects, Docker, power. */
function globalsDiffer(a: ClusterState, b: ClusterState): boolean {
  if (a.rng !== b.rng || a.nextUid !== b.nextUid || a.docker !== b.docker) return true;
  if (a.poweredOff !== b.poweredOff || a.detachRequestedAt !== b.detachRequestedAt) return true;
  return a.addons.length !== b.addons.length || a.addons.some((x, i) => x !== b.addons[i]);
}
