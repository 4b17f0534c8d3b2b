// How kubectl's resource builder decodes one document of `-f FILE` before it knows anything about
// the object (cli-runtime's metadataValidatingDecoder over apimachinery's UnstructuredJSONScheme):
//
// 1. the document must be a JSON object (`json: cannot unmarshal string into Go value of type
//    unstructured.detector`); one with an `items` field is a list, whose items must be objects;
// 2. its `kind` must be a non-empty string and its apiVersion parseable, else `Object 'Kind' is
//    missing in '<the document as JSON>'`;
// 3. it must then fit TypeMeta and ObjectMeta (`json: cannot unmarshal number into Go struct field
//    ObjectMeta.metadata.name of type string`), the first mistake in the document's key order
//    winning, as encoding/json reports the earliest one.
// Everything else in the document is left to the server. Messages are without kubectl's
// `unable to decode "FILE": ` prefix.
import { getOwn } from '../../lib/own.ts';
import { goJsonMarshal, sortedKeys } from './go-json-marshal.ts';

/** An object of the document (a list's items, each with the kind the list implies when it has none). */
export interface DecodedObject {
  kind: string;
  /** "" when missing or not a string. */
  apiVersion: string;
  name: string;
  namespace: string;
  object: Record<string, unknown>;
  /** The builder refuses a list item only once it maps it (FlattenListVisitor); this is its message. */
  itemError?: string;
}

export type Decoded = { ok: true; objects: DecodedObject[]; list: boolean } | { ok: false; message: string };

/**
 * `raw` is the document as kubectl holds it: its JSON text when the input was JSON, else
 * undefined (the YAML was converted to JSON, and is quoted as Go marshals it).
 */
export function decodeUnstructured(value: unknown, raw?: string): Decoded {
  const data = () => raw ?? goJsonMarshal(value);
  if (!isRecord(value)) return { ok: false, message: `json: cannot unmarshal ${jsonKind(value)} into Go value of type unstructured.detector` };
  const items = getOwn(value, 'items');
  // encoding/json hands a json.RawMessage field even a null, so `items: null` makes a list too.
  const list = items !== undefined;
  if (list && items !== null && !Array.isArray(items)) {
    return { ok: false, message: `json: cannot unmarshal ${jsonKind(items)} into Go struct field decodeList.items of type []json.RawMessage` };
  }
  if (list) {
    for (const item of (items as unknown[] | null) ?? []) {
      if (item !== null && !isRecord(item)) return { ok: false, message: `json: cannot unmarshal ${jsonKind(item)} into Go value of type map[string]interface {}` };
    }
  }
  if (groupVersionKind(value) === undefined) return { ok: false, message: `Object 'Kind' is missing in '${data()}'` };
  // YAML reaches the decoder as Go's json.Marshal of it, keys sorted; JSON in its own order.
  const typeError = metadataOnlyError(value, raw === undefined ? sortedKeys : Object.keys);
  if (typeError) return { ok: false, message: typeError };
  if (!list) return { ok: true, list, objects: [objectOf(value)] };
  return { ok: true, list, objects: flattenItems(value, (items as unknown[] | null) ?? []) };
}

/** Unstructured.GroupVersionKind: the kind when it is a non-empty string and apiVersion parses (at most one `/`). */
function groupVersionKind(value: Record<string, unknown>): { kind: string; apiVersion: string } | undefined {
  const kind = str(getOwn(value, 'kind'));
  const apiVersion = str(getOwn(value, 'apiVersion'));
  if (kind === '' || (apiVersion.split('/').length > 2 && apiVersion !== '/')) return undefined;
  return { kind, apiVersion };
}

function objectOf(value: Record<string, unknown>): DecodedObject {
  const meta = getOwn(value, 'metadata');
  const m = isRecord(meta) ? meta : {};
  return { kind: str(getOwn(value, 'kind')), apiVersion: str(getOwn(value, 'apiVersion')), name: str(getOwn(m, 'name')), namespace: str(getOwn(m, 'namespace')), object: value };
}

/**
 * FlattenListVisitor: items take the list's kind without `List` and its apiVersion when they have
 * neither (decodeToList); nested lists are flattened too. An item the typer cannot place is
 * reported as kubectl reports it, and only that item is skipped.
 */
function flattenItems(listValue: Record<string, unknown>, items: readonly unknown[]): DecodedObject[] {
  const listKind = str(getOwn(listValue, 'kind'));
  const listVersion = str(getOwn(listValue, 'apiVersion'));
  const out: DecodedObject[] = [];
  for (const item of items) {
    let value: Record<string, unknown> = isRecord(item) ? item : {};
    if (str(getOwn(value, 'kind')) === '' && str(getOwn(value, 'apiVersion')) === '') {
      value = { ...value, kind: listKind.replace(/List$/, ''), apiVersion: listVersion };
    }
    const nested = getOwn(value, 'items');
    if (Array.isArray(nested)) {
      out.push(...flattenItems(value, nested.filter(isRecord)));
      continue;
    }
    const gvk = groupVersionKind(value);
    const typeError =
      gvk === undefined
        ? `Object 'Kind' is missing in 'object has no kind field '`
        : gvk.apiVersion === '' || gvk.apiVersion.endsWith('/')
          ? `Object 'apiVersion' is missing in 'object has no apiVersion field'`
          : undefined;
    const decoded = objectOf(value);
    out.push(typeError ? { ...decoded, itemError: `unable to get type info from the object "*unstructured.Unstructured": ${typeError}` } : decoded);
  }
  return out;
}

type Field = 'string' | 'types.UID' | 'int64' | 'map[string]string' | '[]string' | 'time' | '[]v1.OwnerReference' | '[]v1.ManagedFieldsEntry';

/** ObjectMeta's fields as encoding/json sees them (json tags, case-sensitive as sigs.k8s.io/json is). */
const OBJECT_META: Readonly<Record<string, Field>> = {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  selfLink: 'string',
  uid: 'types.UID',
  resourceVersion: 'string',
  generation: 'int64',
  creationTimestamp: 'time',
  deletionTimestamp: 'time',
  deletionGracePeriodSeconds: 'int64',
  labels: 'map[string]string',
  annotations: 'map[string]string',
  ownerReferences: '[]v1.OwnerReference',
  finalizers: '[]string',
  managedFields: '[]v1.ManagedFieldsEntry',
};

/** metadataOnlyObject (TypeMeta inline, ObjectMeta as `metadata`): encoding/json's first type error, in key order. */
function metadataOnlyError(value: Record<string, unknown>, keysOf: (o: object) => string[]): string | undefined {
  const at = (struct: string, field: string, got: unknown, type: string) => `json: cannot unmarshal ${got} into Go struct field ${struct}.${field} of type ${type}`;
  let first: string | undefined;
  for (const key of keysOf(value)) {
    const v = value[key];
    if (v === null) continue;
    if (key === 'apiVersion' || key === 'kind') {
      if (typeof v !== 'string') first ??= at('metadataOnlyObject', key, jsonKind(v), 'string');
      continue;
    }
    if (key !== 'metadata') continue;
    if (!isRecord(v)) {
      first ??= at('metadataOnlyObject', 'metadata', jsonKind(v), 'v1.ObjectMeta');
      continue;
    }
    for (const field of keysOf(v)) {
      const type = getOwn(OBJECT_META, field);
      const fv = v[field];
      if (type === undefined || fv === null) continue;
      const path = `metadata.${field}`;
      switch (type) {
        case 'string':
        case 'types.UID':
          if (typeof fv !== 'string') first ??= at('ObjectMeta', path, jsonKind(fv), type);
          break;
        case 'int64':
          if (typeof fv !== 'number') first ??= at('ObjectMeta', path, jsonKind(fv), type);
          else if (!Number.isInteger(fv) || Math.abs(fv) >= 2 ** 63) first ??= at('ObjectMeta', path, `number ${goJsonMarshal(fv)}`, type);
          break;
        case 'time':
          // metav1.Time unmarshals itself: its error stops the decoder at once, ahead of any earlier one.
          if (typeof fv !== 'string') return at('ObjectMeta', path, jsonKind(fv), 'string');
          break;
        case 'map[string]string':
          if (!isRecord(fv)) first ??= at('ObjectMeta', path, jsonKind(fv), type);
          // A map's values add nothing to the field path.
          else for (const k of keysOf(fv)) if (fv[k] !== null && typeof fv[k] !== 'string') first ??= at('ObjectMeta', path, jsonKind(fv[k]), 'string');
          break;
        case '[]string':
          if (!Array.isArray(fv)) first ??= at('ObjectMeta', path, jsonKind(fv), type);
          else for (const x of fv) if (x !== null && typeof x !== 'string') first ??= at('ObjectMeta', path, jsonKind(x), 'string');
          break;
        default:
          if (!Array.isArray(fv)) first ??= at('ObjectMeta', path, jsonKind(fv), type);
      }
    }
  }
  return first;
}

/** The JSON type encoding/json names in an UnmarshalTypeError. */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
