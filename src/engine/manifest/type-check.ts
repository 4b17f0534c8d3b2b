// Typed decoding, as the API server's JSON decoder does it, before anything reads a field: every
// value's JSON type is checked against the decode schema (ajv), and the first mismatch in
// the order the server reads the body is worded as Go's encoding/json words it (`json: cannot unmarshal number into Go
// struct field Container.spec.containers.command of type []string`). Fields the schema does not
// know are collected for strict decoding's `unknown field` error, which only counts when the
// types are right (apimachinery returns the decode error first).
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parseQuantity } from '../api/quantity.ts';
import { rfc3339Error } from './go-time.ts';
import { definition, locate, SCHEMA } from './decode-schema.ts';

export type TypeCheckResult =
  | { ok: true }
  /** A decode error: the Go message and the field path it is about (`spec.containers[0].command`). */
  | { ok: false; unknown: false; message: string; path: string }
  /** Strict decoding: the unknown fields, in the order the server reads them. */
  | { ok: false; unknown: true; paths: string[] };

const QUANTITY_REGEX_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const INT_RANGES: Record<string, [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  int64: [-9223372036854775808, 9223372036854775807],
  int: [-9223372036854775808, 9223372036854775807],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
  uint64: [0, 18446744073709551615],
};

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Compiled on first use, per kind: the first decode of a kind pays ~100 ms, later ones nothing. */
function validatorFor(kind: string): ValidateFunction | undefined {
  let v = compiled.get(kind);
  if (v) return v;
  if (!definition(kind)) return undefined;
  ajv ??= makeAjv();
  v = ajv.getSchema(`k8s#/definitions/${kind}`);
  if (v) compiled.set(kind, v);
  return v;
}

function makeAjv(): Ajv {
  const a = new Ajv({ allErrors: true, strict: false, validateSchema: false, addUsedSchema: false });
  a.addKeyword({ keyword: 'go', schemaType: 'string' });
  a.addKeyword({
    keyword: 'int',
    type: 'number',
    schemaType: 'string',
    validate: (width: string, n: number) => {
      const range = INT_RANGES[width];
      return Number.isInteger(n) && (!range || (n >= range[0] && n <= range[1]));
    },
  });
  a.addKeyword({
    keyword: 'quantity',
    schemaType: 'boolean',
    validate: (_: boolean, v: unknown) => (typeof v === 'string' || typeof v === 'number') && parseQuantity(v).ok,
  });
  a.addKeyword({ keyword: 'time', type: 'string', schemaType: 'boolean', validate: (_: boolean, v: string) => rfc3339Error(v) === undefined });
  a.addKeyword({ keyword: 'base64', type: 'string', schemaType: 'boolean', validate: (_: boolean, v: string) => invalidBase64At(v) === undefined });
  a.addSchema({ definitions: SCHEMA.definitions }, 'k8s');
  return a;
}

export function typeCheck(kind: string, value: Record<string, unknown>): TypeCheckResult {
  const validate = validatorFor(kind);
  if (!validate || validate(value)) return { ok: true };
  const order = documentOrder(value);
  const rank = (pointer: string) => order.get(pointer) ?? Number.MAX_SAFE_INTEGER;
  const errors = (validate.errors ?? []).map((e) => ({ e, pointer: pointerOf(e) }));
  const decodeErrors = errors.filter((x) => x.e.keyword !== 'additionalProperties').sort((a, b) => rank(a.pointer) - rank(b.pointer));
  const first = decodeErrors[0];
  if (first) {
    const tokens = tokensOf(first.pointer, value);
    return { ok: false, unknown: false, message: goMessage(kind, tokens, valueAt(value, tokens)), path: displayPath(tokens) };
  }
  const unknown = errors.sort((a, b) => rank(a.pointer) - rank(b.pointer)).map((x) => displayPath(tokensOf(x.pointer, value)));
  return { ok: false, unknown: true, paths: [...new Set(unknown)] };
}

/** The JSON pointer an error is about; for an unknown field, the field itself. */
function pointerOf(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escapePointer(String(e.params['additionalProperty']))}`;
  return e.instancePath;
}

function goMessage(kind: string, tokens: (string | number)[], v: unknown): string {
  const at = locate(kind, tokens);
  if (!at) return `json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`;
  const { struct, field, goType, node } = at;
  if (goType === 'resource.Quantity' || node.quantity) {
    if (typeof v === 'string' || typeof v === 'number') {
      const q = parseQuantity(v);
      if (!q.ok) return q.error;
    }
    return QUANTITY_REGEX_MESSAGE;
  }
  if (node.time && typeof v === 'string') return rfc3339Error(v) ?? '';
  if (node.base64 && typeof v === 'string') return `illegal base64 data at input byte ${invalidBase64At(v) ?? 0}`;
  // Custom unmarshalers decode into a plain Go type first; the decoder then names the field.
  const effective = goType === 'intstr.IntOrString' ? 'int32' : goType === 'v1.Time' || goType === 'v1.MicroTime' ? 'string' : goType;
  const value = typeof v === 'number' && node.int && typeof node.int === 'string' && wantsInteger(effective) ? `number ${goNumber(v)}` : jsonKind(v);
  return field ? `json: cannot unmarshal ${value} into Go struct field ${struct}.${field} of type ${effective}` : `json: cannot unmarshal ${value} into Go value of type ${effective}`;
}

function wantsInteger(goType: string): boolean {
  return /^u?int(8|16|32|64)?$/.test(goType);
}

/** A number as Go's JSON encoder would have written it (what the decoder quotes back). */
function goNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

/** Go's names for JSON value kinds in UnmarshalTypeError. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/**
 * Every path in the value, numbered in the order the API server reads the body: kubectl re-encodes
 * each object from a Go map, so keys arrive sorted (bytewise) at every level; lists keep their order.
 */
function documentOrder(value: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const walk = (v: unknown, pointer: string) => {
    order.set(pointer, order.size);
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${pointer}/${i}`));
    else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v).sort(byteOrder)) walk((v as Record<string, unknown>)[k], `${pointer}/${escapePointer(k)}`);
    }
  };
  walk(value, '');
  return order;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A JSON pointer back to path tokens (numbers for list indices). */
function tokensOf(pointer: string, root: unknown): (string | number)[] {
  const tokens: (string | number)[] = [];
  let cur: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const token = Array.isArray(cur) ? Number(key) : key;
    tokens.push(token);
    cur = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, token) ? (cur as Record<string | number, unknown>)[token] : undefined;
  }
  return tokens;
}

function valueAt(root: unknown, tokens: readonly (string | number)[]): unknown {
  let cur = root;
  for (const t of tokens) cur = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, t) ? (cur as Record<string | number, unknown>)[t] : undefined;
  return cur;
}

/** `spec.containers[0].command`, `metadata.labels.app` — the form positions and strict decoding use. */
export function displayPath(tokens: readonly (string | number)[]): string {
  let out = '';
  for (const t of tokens) out += typeof t === 'number' ? `[${t}]` : out === '' ? t : `.${t}`;
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The byte offset Go's base64 decoder reports for invalid input, or undefined when valid. */
export function invalidBase64At(s: string): number | undefined {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === '=') break;
    if (c === '\n' || c === '\r') continue;
    if (!B64.includes(c)) return i;
  }
  const body = s.slice(0, i).replace(/[\r\n]/g, '');
  const pad = s.slice(i);
  if (!/^=*$/.test(pad)) return i + pad.search(/[^=]/);
  if ((body.length + pad.length) % 4 !== 0) return body.length - (body.length % 4);
  return undefined;
}
