// Moving a large cluster state between the page and the engine's worker without a long task.
// Structured cloning deserializes a whole message in one task on the receiving thread (about
// 0.3 s for a cluster of 10,000 objects), so a large state travels as a skeleton plus slices of
// its tables, each message small enough to be read within a few milliseconds, and is put back
// together on arrival. Small states travel whole.
import type { ClusterState } from '../engine/index.ts';
import { setOwn } from '../lib/own.ts';

/** Table entries per message: about 10 ms of deserializing on a slow laptop. */
export const ENTRIES_PER_PART = 1_500;
/** States with fewer table entries than this travel whole (one message is quick enough). */
export const WHOLE_STATE_ENTRIES = 4_000;

/** One slice of a table: `field` of the state (and `kind` for the object tables). */
export interface StatePart {
  field: string;
  kind?: string;
  entries: [string, unknown][];
}

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keyed tables of a state: `objects` per kind, and the other top-level records. */
function tables(state: ClusterState): { field: string; kind?: string; table: Record_ }[] {
  const out: { field: string; kind?: string; table: Record_ }[] = [];
  for (const [field, value] of Object.entries(state)) {
    if (field === 'objects' && isRecord(value)) {
      for (const [kind, table] of Object.entries(value)) if (isRecord(table)) out.push({ field, kind, table });
    } else if (isRecord(value) && field !== 'docker') {
      out.push({ field, table: value });
    }
  }
  return out;
}

/** How many table entries a state holds (what cloning it costs, roughly). */
export function stateEntries(state: ClusterState): number {
  let n = 0;
  for (const { table } of tables(state)) n += Object.keys(table).length;
  return n;
}

/**
 * The state as a skeleton (tables emptied) and the slices that refill it. This moves the whole
 * plain-JSON state between the worker and the page byte for byte; it reads no object's meaning,
 * which is why it walks the tables instead of going through the API layer's reads.
 */
export function splitState(state: ClusterState, perPart = ENTRIES_PER_PART): { skeleton: ClusterState; parts: StatePart[] } {
  const skeleton: Record_ = { ...state, objects: { ...state.objects } };
  const parts: StatePart[] = [];
  for (const { field, kind, table } of tables(state)) {
    const entries = Object.entries(table);
    if (kind !== undefined) (skeleton.objects as Record_)[kind] = {};
    else skeleton[field] = {};
    for (let i = 0; i < entries.length; i += perPart) parts.push({ field, ...(kind !== undefined ? { kind } : {}), entries: entries.slice(i, i + perPart) });
  }
  return { skeleton: skeleton as unknown as ClusterState, parts };
}

/** Puts a slice back into a skeleton (in place: the skeleton is the receiver's own copy). */
export function addPart(skeleton: ClusterState, part: StatePart): void {
  const s = skeleton as unknown as Record_;
  const table = (part.kind !== undefined ? (s.objects as Record_)[part.kind] : s[part.field]) as Record_;
  // setOwn: a key such as `__proto__` is an object's name here, never a prototype.
  for (const [k, v] of part.entries) setOwn(table, k, v);
}
