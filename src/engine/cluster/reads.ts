// The API server's door for reads: get one object, list a kind with label and field selectors,
// and the change feed a watch is built on. Commands, explanations, lessons, the UI and a future
// HTTP face read through here, never through the store's tables, so NotFound and selector errors
// are made in one place and worded as the API server words them.
import { KINDS } from '../api/kinds.ts';
import type { AnyStored, Kind, ObjectRef, Stored } from '../api/objects.ts';
import { getOwn } from '../../lib/own.ts';
import { parseSelector, selectorMatches } from '../api/labels.ts';
import { parseFieldSelector, fieldSelectorMatches } from '../api/field-selector.ts';
import { strategyOf } from '../registry/index.ts';
import type { Txn } from './store.ts';
import { notFound, type ApiError } from './errors.ts';
import { objectKey } from './keys.ts';
import type { Change, ClusterState } from './state.ts';

/** What reads need from a state: the store's lookups (a transaction, or a view of a frozen state). */
export type Reader = Pick<Txn, 'get' | 'list'>;

export type Read<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * A read-only view of a state with the store's lookups (get by key, list in key order). Unlike a
 * transaction it copies nothing: every command reads through one, so it must cost nothing to make
 * (a class: its methods are shared, not closures made per view).
 */
export function readerOf(state: ClusterState): Reader & Pick<Txn, 'getRef' | 'count' | 'state'> {
  return new StateView(state);
}

class StateView implements Reader, Pick<Txn, 'getRef' | 'count' | 'state'> {
  /** Each kind's objects in key order, sorted when first listed. */
  private sorted: Map<Kind, AnyStored[]> | undefined;

  constructor(readonly state: ClusterState) {}

  get<K extends Kind>(kind: K, key: string): Stored<K> | undefined {
    return getOwn(this.state.objects[kind], key) as Stored<K> | undefined;
  }

  getRef(ref: ObjectRef): AnyStored | undefined {
    return getOwn(this.state.objects[ref.kind], objectKey(ref.kind, ref.namespace, ref.name));
  }

  list<K extends Kind>(kind: K, namespace?: string): Stored<K>[] {
    this.sorted ??= new Map();
    let all = this.sorted.get(kind);
    if (!all) {
      const t = this.state.objects[kind];
      all = t ? Object.keys(t).sort().map((k) => t[k]!) : [];
      this.sorted.set(kind, all);
    }
    const list = all as Stored<K>[];
    return namespace === undefined ? list : list.filter((o) => o.metadata.namespace === namespace);
  }

  count(kind: Kind): number {
    return Object.keys(this.state.objects[kind] ?? {}).length;
  }
}

/** How many objects the cluster holds, of every kind (table sizes only; no object is read). */
export function countObjects(state: ClusterState): number {
  let n = 0;
  for (const kind of Object.keys(state.objects) as Kind[]) n += readerOf(state).count(kind);
  return n;
}

/** GET: one object by namespace and name (namespace ignored for cluster-scoped kinds). */
export function getObject<K extends Kind>(reader: Reader, kind: K, namespace: string | undefined, name: string): Read<Stored<K>> {
  const obj = reader.get(kind, objectKey(kind, namespace, name));
  return obj ? { ok: true, value: obj } : { ok: false, error: notFound(kind, name) };
}

export interface ListOptions {
  /** One namespace; absent lists every namespace (`-A`). Ignored for cluster-scoped kinds. */
  namespace?: string;
  /** `app=web,tier in (a,b)`, as `-l` takes it. */
  labelSelector?: string;
  /** `status.phase=Running,spec.nodeName!=n1`, as `--field-selector` takes it. */
  fieldSelector?: string;
}

/** LIST: a kind's objects in key order, filtered as the API server filters them. */
export function listObjects<K extends Kind>(reader: Reader, kind: K, opts: ListOptions = {}): Read<Stored<K>[]> {
  const namespace = KINDS[kind].namespaced ? opts.namespace : undefined;
  let items = reader.list(kind, namespace);
  if (opts.labelSelector) {
    const selector = parseSelector(opts.labelSelector);
    if (!selector.ok) return { ok: false, error: { reason: 'BadRequest', message: selector.error } };
    items = items.filter((o) => selectorMatches({ matchExpressions: selector.requirements }, o.metadata.labels));
  }
  if (opts.fieldSelector) {
    const fields = parseFieldSelector(strategyOf(kind).fieldLabels, opts.fieldSelector);
    if (!fields.ok) return { ok: false, error: { reason: 'BadRequest', message: fields.error } };
    items = items.filter((o) => fieldSelectorMatches(o as AnyStored, fields.requirements));
  }
  return { ok: true, value: items };
}

/**
 * The change feed a watch reads: every accepted write after `resourceVersion`, in order, each
 * with the object before and after. `changes` is what a transaction (or the timeline's steps)
 * recorded; Events are left out unless asked for, as a watch on one kind would.
 */
export function changesSince(changes: readonly Change[], resourceVersion: number, kind?: Kind): Change[] {
  return changes.filter((c) => (kind !== undefined ? c.ref.kind === kind : c.ref.kind !== 'Event') && c.resourceVersion > resourceVersion);
}
