// Field ownership as the API server's field manager keeps it (`metadata.managedFields`): each
// manager's fields as a set of paths, serialised as FieldsV1 (`f:spec`, `k:{"name":"nginx"}`,
// `v:"x"`, `.` for a node that is itself owned). Server-side apply reads these sets to find
// conflicts and to remove what an applier stopped applying; every other write records an
// `Update` entry for its manager. The list types are the schema's (list-types.ts): `map` lists
// are owned item by item by their keys (`k:`), `set`s value by value (`v:`), every other list is
// atomic (a leaf).
import { isPlainObject } from '../lib/deep.ts';
import type { Kind } from '../engine/index.ts';
import { KEY_DEFAULTS, itemKey, ssaSchemaFor, type SsaSchema } from './list-types.ts';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** One path element as FieldsV1 spells it (`f:name`, `k:{…}`, `v:…`). */
type Path = string[];
type Json = Record<string, unknown>;

/** Metadata the field manager strips before it computes sets (fieldmanager's stripMeta). */
const STRIPPED_META = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink', 'managedFields', 'generateName']);

/**
 * Maps whose keys are data (labels, a ConfigMap's keys, resource lists): the map itself is owned
 * (`.`) besides its keys, as the API server writes them; structs are not.
 */
const MAPS = new Set(['labels', 'annotations', 'data', 'binaryData', 'stringData', 'nodeSelector', 'requests', 'limits', 'capacity', 'matchLabels', 'parameters', 'selector', 'volumeAttributes', 'hostPath', 'emptyDir', 'persistentVolumeClaim', 'configMap', 'secret', 'rollingUpdate']);

/** A managed-fields time: the simulated clock in whole seconds (shifted to today on the wire). */
export function stamp(now: number): string {
  return new Date(now).toISOString().slice(0, 19) + 'Z';
}

/** Every owned path of `obj` (status and identity metadata aside), with whether each is a leaf. */
export function fieldPaths(kind: Kind, obj: Json): Map<string, { path: Path; leaf: boolean }> {
  const out = new Map<string, { path: Path; leaf: boolean }>();
  const add = (path: Path, leaf: boolean) => out.set(JSON.stringify(path), { path, leaf });
  const walk = (value: Json, schema: SsaSchema, prefix: Path, top: boolean) => {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (top && (k === 'apiVersion' || k === 'kind' || k === 'status')) continue;
      if (prefix.length === 1 && prefix[0] === 'f:metadata' && STRIPPED_META.has(k)) continue;
      const here = [...prefix, `f:${k}`];
      const field = schema.field(k);
      if (isPlainObject(v)) {
        if (Object.keys(v).length === 0) add(here, true);
        else {
          if (MAPS.has(k)) add(here, false);
          walk(v, field.schema, here, false);
        }
      } else if (Array.isArray(v) && field.meta.list?.list === 'map' && v.every(isPlainObject)) {
        const keys = field.meta.list.keys;
        for (const item of v as Json[]) {
          const at = [...here, `k:${JSON.stringify(itemKey(keys, item))}`];
          add(at, false);
          walk(item, field.schema, at, false);
        }
      } else if (Array.isArray(v) && field.meta.list?.list === 'set' && !v.some((x) => typeof x === 'object' && x !== null)) {
        for (const item of v) add([...here, `v:${JSON.stringify(item)}`], true);
      } else add(here, true);
    }
  };
  walk(obj, ssaSchemaFor(kind), [], true);
  // A path that turned out to have children is not a leaf.
  for (const [key, e] of out) if (e.leaf && [...out.keys()].some((other) => other !== key && other.startsWith(key.slice(0, -1) + ','))) e.leaf = false;
  return out;
}

/** A set of paths as FieldsV1. */
export function toFieldsV1(paths: Iterable<Path>): Json {
  const root: Json = {};
  const members: Path[] = [...paths];
  for (const path of members) {
    let node = root;
    for (const el of path) {
      if (!isPlainObject(node[el])) node[el] = {};
      node = node[el] as Json;
    }
  }
  // A member with children says so with `.`.
  for (const path of members) {
    let node = root;
    for (const el of path) node = node[el] as Json;
    if (Object.keys(node).some((k) => k !== '.')) node['.'] = {};
  }
  return sortKeys(root) as Json;
}

function sortKeys(v: unknown): unknown {
  if (!isPlainObject(v)) return v;
  const out: Json = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
  return out;
}

/** FieldsV1 back to its member paths: every leaf, and every node marked `.`. */
export function fromFieldsV1(fields: unknown): Path[] {
  const out: Path[] = [];
  const walk = (node: unknown, prefix: Path) => {
    if (!isPlainObject(node)) return;
    const keys = Object.keys(node).filter((k) => k !== '.');
    if (prefix.length > 0 && (keys.length === 0 || '.' in node)) out.push(prefix);
    for (const k of keys) walk(node[k], [...prefix, k]);
  };
  walk(fields, []);
  return out;
}

/** The value a path names in an object (undefined when absent). */
export function valueAt(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const el of path) {
    if (el.startsWith('f:')) cur = isPlainObject(cur) ? cur[el.slice(2)] : undefined;
    else if (el.startsWith('k:')) {
      const key = JSON.parse(el.slice(2)) as Json;
      // A key field the item leaves out has the schema's default (protocol TCP).
      cur = Array.isArray(cur) ? cur.find((i) => isPlainObject(i) && Object.entries(key).every(([k, v]) => (i[k] ?? KEY_DEFAULTS[k]) === v)) : undefined;
    } else if (el.startsWith('v:')) {
      const want = JSON.parse(el.slice(2)) as unknown;
      cur = Array.isArray(cur) && cur.includes(want) ? want : undefined;
    } else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Removes what a path names from `obj` (in place): a field, a keyed list item, a set value. */
export function removeAt(obj: Json, path: Path): void {
  const parent = valueAt(obj, path.slice(0, -1));
  const el = path[path.length - 1]!;
  if (el.startsWith('f:') && isPlainObject(parent)) delete parent[el.slice(2)];
  else if (Array.isArray(parent)) {
    const target = valueAt(obj, path);
    const at = parent.indexOf(target);
    if (at >= 0) parent.splice(at, 1);
  }
}

/** structured-merge-diff's Path.String(): `.spec.containers[name="nginx"].image`. */
export function pathString(path: Path): string {
  return path
    .map((el) => {
      if (el.startsWith('f:')) return `.${el.slice(2)}`;
      if (el.startsWith('k:')) {
        const key = JSON.parse(el.slice(2)) as Json;
        return `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
      }
      return `[=${el.slice(2)}]`;
    })
    .join('');
}

/** The identity a conflict names a manager by: the entry without its time (printManager). */
export function managerLabel(e: ManagedFieldsEntry): string {
  let label = JSON.stringify(e.manager);
  if (e.subresource) label += ` with subresource ${JSON.stringify(e.subresource)}`;
  return e.operation === 'Update' ? `${label} using ${e.apiVersion}` : label;
}

const sameEntry = (a: ManagedFieldsEntry, b: Pick<ManagedFieldsEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>) =>
  a.manager === b.manager && a.operation === b.operation && a.apiVersion === b.apiVersion && (a.subresource ?? '') === (b.subresource ?? '');

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The entries with `paths` taken from every entry but `keep`, and entries left empty dropped. */
function without(entries: ManagedFieldsEntry[], paths: Set<string>, keep?: ManagedFieldsEntry): ManagedFieldsEntry[] {
  return entries.flatMap((e) => {
    if (keep && sameEntry(e, keep)) return [e];
    const rest = fromFieldsV1(e.fieldsV1).filter((p) => !paths.has(JSON.stringify(p)));
    if (rest.length === 0) return [];
    return [{ ...e, fieldsV1: toFieldsV1(rest) }];
  });
}

/**
 * An ordinary write (create, update, patch, scale) by `manager`: it owns every field it set or
 * changed, and those fields leave their other owners.
 */
export function recordUpdate(kind: Kind, before: Json | undefined, after: Json, who: { manager: string; apiVersion: string; time: string; subresource?: string }): ManagedFieldsEntry[] {
  const entries = ((before?.['metadata'] as Json | undefined)?.['managedFields'] as ManagedFieldsEntry[] | undefined) ?? [];
  // A map or list item is the writer's when it added it; changes inside it are only the changed leaves' (Compare's Added and Modified).
  const changed = [...fieldPaths(kind, after).values()].filter((e) => before === undefined || (e.leaf ? !equal(valueAt(before, e.path), valueAt(after, e.path)) : valueAt(before, e.path) === undefined));
  // A field the write removed leaves every manager (structured-merge-diff's Updater: compare.Removed).
  const removed = before === undefined ? [] : [...fieldPaths(kind, before).values()].filter((e) => valueAt(after, e.path) === undefined).map((e) => JSON.stringify(e.path));
  if (changed.length === 0 && removed.length === 0) return entries;
  if (changed.length === 0) return without(entries, new Set(removed));
  const me: ManagedFieldsEntry = { manager: who.manager, operation: 'Update', apiVersion: who.apiVersion, time: who.time, fieldsType: 'FieldsV1', fieldsV1: {}, ...(who.subresource ? { subresource: who.subresource } : {}) };
  const own = entries.find((e) => sameEntry(e, me));
  const keys = new Set(changed.map((e) => JSON.stringify(e.path)));
  // Fields this manager held before stay its own if they are still there.
  const held = own ? fromFieldsV1(own.fieldsV1).filter((p) => valueAt(after, p) !== undefined && !keys.has(JSON.stringify(p))) : [];
  me.fieldsV1 = toFieldsV1([...held, ...changed.map((e) => e.path)]);
  const others = without(entries.filter((e) => !sameEntry(e, me)), new Set([...keys, ...removed]));
  return own ? [...others.slice(0, entries.indexOf(own)), me, ...others.slice(entries.indexOf(own))] : [...others, me];
}

export interface Conflict {
  manager: string;
  /** As the 409 prints it: `.spec.replicas`. */
  path: string;
  /** The field as FieldsV1 path elements, to compare with other field sets. */
  fields: Path;
}

export type ApplyResult =
  | { ok: true; merged: Json; managedFields: ManagedFieldsEntry[] }
  | { ok: false; conflicts: Conflict[] };

/**
 * Server-side apply of `config` by `manager` onto `live` (undefined: the object is created).
 * Another manager's field with a different value is a conflict unless `force`, which takes it.
 * A field this manager applied before, no longer applies and nobody else owns is removed.
 * `merge` lays the configuration over the live object (the strategic merge by list keys).
 */
export function serverSideApply(
  kind: Kind,
  live: Json | undefined,
  config: Json,
  who: { manager: string; apiVersion: string; time: string; force: boolean },
  merge: (base: Json, config: Json) => Json,
): ApplyResult {
  const entries = ((live?.['metadata'] as Json | undefined)?.['managedFields'] as ManagedFieldsEntry[] | undefined) ?? [];
  const applied = fieldPaths(kind, config);
  const me: ManagedFieldsEntry = { manager: who.manager, operation: 'Apply', apiVersion: who.apiVersion, time: who.time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1([...applied.values()].map((e) => e.path)) };
  const conflicts: Conflict[] = [];
  const taken = new Set<string>();
  if (live) {
    for (const e of entries) {
      if (e.manager === who.manager && e.operation === 'Apply') continue;
      const theirs = new Set(fromFieldsV1(e.fieldsV1).map((p) => JSON.stringify(p)));
      for (const [key, a] of applied) {
        if (!a.leaf || !theirs.has(key) || equal(valueAt(config, a.path), valueAt(live, a.path))) continue;
        if (who.force) taken.add(key);
        else conflicts.push({ manager: managerLabel(e), path: pathString(a.path), fields: a.path });
      }
    }
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  const base = structuredClone(live ?? {}) as Json;
  const previous = entries.find((e) => e.manager === who.manager && e.operation === 'Apply');
  if (previous) {
    const others = new Set(entries.filter((e) => e !== previous).flatMap((e) => fromFieldsV1(e.fieldsV1).map((p) => JSON.stringify(p))));
    const dropped = fromFieldsV1(previous.fieldsV1).filter((p) => !applied.has(JSON.stringify(p)) && !others.has(JSON.stringify(p)));
    // Only the topmost of what goes: a list item goes whole (taking its key fields first would
    // leave it unfindable by its key).
    const gone = new Set(dropped.map((p) => JSON.stringify(p)));
    const topmost = dropped.filter((p) => !p.some((_, i) => i > 0 && gone.has(JSON.stringify(p.slice(0, i)))));
    for (const p of topmost.sort((a, b) => b.length - a.length)) removeAt(base, p);
  }
  const merged = merge(base, config);
  const rest = without(entries.filter((e) => !(e.manager === who.manager && e.operation === 'Apply')), taken);
  const at = previous ? entries.indexOf(previous) : -1;
  const managedFields = at >= 0 ? [...rest.slice(0, at), me, ...rest.slice(at)] : [...rest, me];
  return { ok: true, merged, managedFields };
}

/** The 409 the API server answers (fieldmanager's NewConflictError). */
export function conflictMessage(conflicts: Conflict[]): string {
  if (conflicts.length === 1) return `Apply failed with 1 conflict: conflict with ${conflicts[0]!.manager}: ${conflicts[0]!.path}`;
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c.path]);
  const lines: string[] = [];
  for (const m of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${m}:`);
    for (const p of byManager.get(m)!) lines.push(`- ${p}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
