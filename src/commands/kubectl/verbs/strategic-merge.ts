// A strategic merge patch as the API server applies it (apimachinery's strategicpatch
// StrategicMergeMapPatch, server side: parallel lists merged, unmatched nulls ignored). Maps merge;
// a list merges by its patch merge key when its field is tagged `patchStrategy:"merge"`
// (patch-meta.ts) and is replaced otherwise; `null` deletes a key. Directives: `$patch:
// replace|delete` (in a map or as a list element), `$deleteFromPrimitiveList/<field>`,
// `$setElementOrder/<field>`, `$retainKeys`. Order follows the library: patch items keep the
// patch's order, the live object's other items theirs, interleaved where both are known.
import { setOwn } from '../../../lib/own.ts';
import { goSprint } from './go-sprint.ts';
import type { PatchSchema } from './patch-meta.ts';

/** How the server reports a failure: BadRequest (400), an unprocessable patch (422) or a plain error (500). */
export type PatchFailure = { status: 'BadRequest' | 'Unprocessable' | 'Internal'; message: string };
export type SmpResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: PatchFailure };

type JsonMap = Record<string, unknown>;

const DIRECTIVE = '$patch';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';
const RETAIN_KEYS = '$retainKeys';

class SmpError extends Error {
  constructor(
    readonly status: PatchFailure['status'],
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (m: string) => new SmpError('BadRequest', m);
const internal = (m: string) => new SmpError('Internal', m);
const noMergeKey = (m: JsonMap, key: string) => internal(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);

/** Applies `patch` to a copy of `original`; neither argument is changed. */
export function strategicMerge(original: JsonMap, patch: JsonMap, schema: PatchSchema): SmpResult {
  try {
    return { ok: true, value: mergeMap(clone(original), clone(patch), schema) };
  } catch (e) {
    if (e instanceof SmpError) return { ok: false, error: { status: e.status, message: e.message } };
    throw e;
  }
}

function mergeMap(original: JsonMap | undefined, patch: JsonMap, schema: PatchSchema): JsonMap {
  if (Object.hasOwn(patch, DIRECTIVE)) return directiveInMap(patch[DIRECTIVE], patch);
  const out = original ?? {};
  applyRetainKeys(out, patch);
  mergeOrderedLists(out, patch, schema);
  for (let [k, patchV] of Object.entries(patch)) {
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      k = extractKey(k, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete out[k];
      continue;
    }
    if (!Object.hasOwn(out, k) || shape(out[k]) !== shape(patchV)) {
      if (!isDeleteList) setOrDrop(out, k, patchV);
      continue;
    }
    const { meta, schema: sub } = schema.field(k);
    if (shape(patchV) === 'map') setOwn<unknown>(out, k, mergeMap(out[k] as JsonMap, patchV as JsonMap, sub));
    else if (shape(patchV) === 'list') setOwn<unknown>(out, k, meta.strategy === 'merge' || isDeleteList ? mergeSlice(out[k] as unknown[], patchV as unknown[], sub, meta.key ?? '', isDeleteList) : patchV);
    else setOrDrop(out, k, patchV);
  }
  return out;
}

/** A value taken from the patch as is: its nulls and directive-marked maps dropped. */
function setOrDrop(out: JsonMap, k: string, patchV: unknown): void {
  discardNulls(patchV);
  const [v, keep] = removeDirectives(patchV);
  if (keep) setOwn(out, k, v);
  else delete out[k];
}

function directiveInMap(directive: unknown, patch: JsonMap): JsonMap {
  if (directive === 'replace') {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (directive === 'delete') return {};
  throw internal(`unknown patch type: ${goSprint(directive)} in map: ${goSprint(patch)}`);
}

function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    throw badRequest(prefix === DELETE_FROM_PRIMITIVE_LIST ? 'invalid patch format of primitive list' : 'invalid patch format of setElementOrder list');
  }
  return s.slice(slash + 1);
}

/** `$retainKeys: [a, b]`: keys of the live map not listed are cleared; the patch may only set listed ones. */
function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw badRequest('invalid patch format of retainKeys');
  const keep = new Set(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw badRequest('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** `$setElementOrder/<field>`: merges that field's list now and puts its items in the given order. */
function mergeOrderedLists(original: JsonMap, patch: JsonMap, schema: PatchSchema): void {
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    delete patch[key];
    if (!Array.isArray(order)) throw internal(`expected a []interface {}, but received a ${goTypeName(order)}`);
    const field = extractKey(key, SET_ELEMENT_ORDER);
    const foundOriginal = Object.hasOwn(original, field);
    const foundPatch = Object.hasOwn(patch, field);
    const originalList = foundOriginal ? asList(original[field]) : [];
    const patchList = foundPatch ? asList(patch[field]) : [];
    const { meta, schema: sub } = schema.field(field);
    const mergeKey = meta.key ?? '';
    validateWithOrder(patchList, order, mergeKey);
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList)[0] as unknown[];
    else if (foundOriginal && foundPatch) merged = meta.strategy === 'merge' ? mergeSlice(originalList, patchList, sub, mergeKey, false) : patchList;
    else continue;
    const [inPatch, serverOnly] = mergeKey === '' ? partitionPrimitives(merged, order) : partitionMaps(merged, order, mergeKey);
    const kind = elementShape([originalList, patchList]);
    setOwn<unknown>(original, field, normalizeElementOrder(inPatch, serverOnly, order, originalList, mergeKey, kind));
    delete patch[field];
  }
}

function asList(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw internal(`expected a []interface {}, but received a ${goTypeName(v)}`);
  return v;
}

function validateWithOrder(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey === '' ? patchList : patchList.filter((v) => !(isMap(v) && v[DIRECTIVE] === 'delete'));
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    if (isMap(items[p]) && Object.hasOwn(items[p] as JsonMap, DIRECTIVE)) {
      p++;
      continue;
    }
    if (mergeKeyEqual(items[p], order[s], mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    throw internal(`The order in patch list:\n${goSprint(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goSprint(order)}\n`);
  }
}

function mergeKeyEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return left === right;
  if (!isMap(left)) throw internal(`expected a map[string]interface {}, but received a ${goTypeName(left)}`);
  if (!isMap(right)) throw internal(`expected a map[string]interface {}, but received a ${goTypeName(right)}`);
  if (!Object.hasOwn(left, mergeKey)) throw noMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

function mergeSlice(original: unknown[], patch: unknown[], schema: PatchSchema, mergeKey: string, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementShape([original, patch]);
  let merged: unknown[];
  if (kind !== 'map') {
    if (isDeleteList) return original.filter((v) => !patch.includes(v));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw internal('cannot merge lists without merge key');
    [original, patch] = withSpecialElements(original, patch, mergeKey);
    merged = withoutSpecialElements(original, patch, mergeKey, schema);
  }
  const [inPatch, serverOnly] = mergeKey === '' ? partitionPrimitives(merged, patch) : partitionMaps(merged, patch, mergeKey);
  return normalizeElementOrder(inPatch, serverOnly, patch, original, mergeKey, kind);
}

/** `{"$patch": "delete", name: x}` removes x; `{"$patch": "replace"}` makes the rest of the patch the whole list. */
function withSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let replace = false;
  for (const v of patch) {
    const m = v as JsonMap;
    if (!Object.hasOwn(m, DIRECTIVE)) {
      plain.push(v);
      continue;
    }
    const directive = m[DIRECTIVE];
    if (directive === 'delete') {
      if (!Object.hasOwn(m, mergeKey)) throw noMergeKey(m, mergeKey);
      original = original.filter((o) => !(isMap(o) && Object.hasOwn(o, mergeKey) && o[mergeKey] === m[mergeKey]));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw internal('merging lists cannot yet be specified in the patch');
    } else {
      throw internal(`unknown patch type: ${goSprint(directive)} in map: ${goSprint(m)}`);
    }
  }
  return replace ? [plain, []] : [original, plain];
}

function withoutSpecialElements(original: unknown[], patch: unknown[], mergeKey: string, schema: PatchSchema): unknown[] {
  const out = [...original];
  for (const v of patch) {
    const m = v as JsonMap;
    if (!Object.hasOwn(m, mergeKey)) throw noMergeKey(m, mergeKey);
    const at = findByKey(out, mergeKey, m[mergeKey]);
    if (at >= 0) out[at] = mergeMap(out[at] as JsonMap, m, schema);
    else out.push(v);
  }
  return out;
}

function findByKey(list: unknown[], mergeKey: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isMap(item)) throw internal(`value for key ${i} is not a map`);
    if (Object.hasOwn(item, mergeKey) && item[mergeKey] === value) return i;
  }
  return -1;
}

/** The library's in-place deduplication: a duplicate is overwritten by the last element. */
function deduplicateScalars(s: unknown[]): unknown[] {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

function partitionPrimitives(list: unknown[], by: unknown[]): [unknown[], unknown[]] {
  const set = new Set(by);
  return [list.filter((v) => set.has(v)), list.filter((v) => !set.has(v))];
}

function partitionMaps(list: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of list) {
    if (!isMap(v)) throw internal(`expected a map[string]interface {}, but received a ${goTypeName(v)}`);
    if (!Object.hasOwn(v, mergeKey)) throw noMergeKey(v, mergeKey);
    (findByKey(by, mergeKey, v[mergeKey]) >= 0 ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}

function normalizeElementOrder(inPatch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, kind: Shape): unknown[] {
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  const right = sortByOrder(inPatch, patchOrder, mergeKey, kind);
  // mergeSortedSlice: a server-only item goes first only when the live order says it comes before.
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function sortByOrder(items: unknown[], order: unknown[], mergeKey: string, kind: Shape): unknown[] {
  let toSort = items;
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    for (const list of [items, order]) {
      for (const item of list) {
        if (!isMap(item)) throw internal(`expected a map[string]interface {}, but received a ${goTypeName(item)}`);
        if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
      }
    }
    toSort = items.filter((v) => (v as JsonMap)[DIRECTIVE] !== 'delete');
    toDelete = items.filter((v) => (v as JsonMap)[DIRECTIVE] === 'delete');
  }
  // sort.SliceStable as an insertion sort (the lists are short); items the order does not know stay put.
  const out = [...toSort];
  const less = (a: unknown, b: unknown) => {
    const ia = indexIn(order, a, mergeKey, kind);
    const ib = indexIn(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  };
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && less(out[j], out[j - 1]); j--) [out[j], out[j - 1]] = [out[j - 1], out[j]];
  }
  return [...out, ...toDelete];
}

function indexIn(list: unknown[], item: unknown, mergeKey: string, kind: Shape): number {
  const val = (v: unknown) => (kind === 'map' ? (isMap(v) ? v[mergeKey] : undefined) : v);
  const want = val(item);
  return list.findIndex((v) => val(v) === want);
}

/** Drops maps marked with `$patch` (and nothing else) from a value taken whole from the patch. */
function removeDirectives(obj: unknown): [unknown, boolean] {
  if (isMap(obj)) {
    if (Object.hasOwn(obj, DIRECTIVE)) return [undefined, false];
    for (const [k, v] of Object.entries(obj)) {
      const [nv, keep] = removeDirectives(v);
      if (keep) setOwn(obj, k, nv);
      else delete obj[k];
    }
    return [obj, true];
  }
  if (Array.isArray(obj)) return [obj.flatMap((v) => { const [nv, keep] = removeDirectives(v); return keep ? [nv] : []; }), true];
  return [obj, true];
}

function discardNulls(v: unknown): void {
  if (isMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k];
      else discardNulls(x);
    }
  } else if (Array.isArray(v)) {
    v.forEach(discardNulls);
  }
}

type Shape = 'map' | 'list' | 'string' | 'int' | 'float' | 'bool' | 'null';

/** The Go type a decoded JSON value has (integers are int64, other numbers float64). */
function shape(v: unknown): Shape {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** The one element type of the lists; lists of lists and mixed lists are refused. */
function elementShape(lists: unknown[][]): Shape {
  let prev: Shape | undefined;
  for (const list of lists) {
    for (const v of list) {
      const s = shape(v);
      if (prev === undefined) {
        if (s === 'list') throw new SmpError('Unprocessable', 'lists of lists are not supported');
        prev = s;
      } else if (prev !== s) {
        throw internal(`list element types are not identical: ${goSprint(lists)}`);
      }
    }
  }
  if (prev === undefined) throw internal('no elements in any of the given slices');
  return prev;
}

function goTypeName(v: unknown): string {
  return { map: 'map[string]interface {}', list: '[]interface {}', string: 'string', int: 'int64', float: 'float64', bool: 'bool', null: '<nil>' }[shape(v)];
}

function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
