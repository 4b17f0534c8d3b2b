// The API server's decoding of a patched object before it is stored (patch.go): a strategic merge
// patch goes through the unstructured converter, a JSON or merge patch through the JSON decoder.
// A value of the wrong type makes the request Invalid, the error naming the field `patch` with the
// patch (or the patched JSON) as its value; unknown fields are dropped with a warning each, since
// kubectl sends no field validation and the server's default is Warn.
import type { AnyStored, Kind } from '../../../engine/index.ts';
import { resolveNulls } from '../../../engine/manifest/go-nulls.ts';
import { typeCheck } from '../../../engine/manifest/type-check.ts';
import { deref, locate } from '../../../engine/manifest/decode-schema.ts';
import { goQuote } from '../../../engine/api/go-strings.ts';
import { stableStringify } from '../../../lib/deep.ts';
import { goSprint } from './go-sprint.ts';

export type DecodedPatch = { ok: true; object: AnyStored; warnings: string[] } | { ok: false; error: string };

/** `via`: `converter` for a strategic merge patch (the error shows `patch`), `json` for the others (it shows the patched document). */
export function decodePatched(kind: Kind, patched: Record<string, unknown>, patch: unknown, via: 'converter' | 'json'): DecodedPatch {
  const object = resolveNulls(patched, { $ref: `#/definitions/${kind}` }) as Record<string, unknown>;
  const checked = typeCheck(kind, object);
  if (checked.ok) return { ok: true, object: object as unknown as AnyStored, warnings: [] };
  if (!checked.unknown) {
    const tokens = pathTokens(checked.path);
    const value = via === 'converter' ? goSprint(patch) : stableStringify(patched);
    const message = via === 'converter' ? (converterMessage(kind, tokens, valueAt(object, tokens)) ?? checked.message) : checked.message;
    return { ok: false, error: `The request is invalid: patch: Invalid value: ${goQuote(value)}: ${message}` };
  }
  // The converter reports them sorted; the decoder drops them as it reads.
  const paths = [...checked.paths].sort();
  for (const p of paths) dropPath(object, pathTokens(p));
  return { ok: true, object: object as unknown as AnyStored, warnings: paths.map((p) => `unknown field "${p}"`) };
}

/** `spec.containers[0].image` → [spec, containers, 0, image]. */
function pathTokens(path: string): (string | number)[] {
  const tokens: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) tokens.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return tokens;
}

function valueAt(root: unknown, tokens: readonly (string | number)[]): unknown {
  let cur = root;
  for (const t of tokens) cur = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, t) ? (cur as Record<string | number, unknown>)[t] : undefined;
  return cur;
}

function dropPath(root: unknown, tokens: readonly (string | number)[]): void {
  const parent = valueAt(root, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1];
  if (parent !== null && typeof parent === 'object' && !Array.isArray(parent) && typeof last === 'string') delete (parent as Record<string, unknown>)[last];
}

/**
 * runtime.DefaultUnstructuredConverter's words for a value that does not fit its field
 * (converter.go fromUnstructured): JSON's four groups never convert into each other, except an
 * integer into a Go string (which Go allows and the converter then refuses by name).
 */
function converterMessage(kind: Kind, tokens: (string | number)[], v: unknown): string | undefined {
  const at = locate(kind, tokens);
  if (!at) return undefined;
  const node = deref(at.node).node;
  if (node.quantity || node.time || node.base64 || at.goType === 'intstr.IntOrString') return undefined;
  const src = Array.isArray(v) ? 'slice' : v !== null && typeof v === 'object' ? 'map' : typeof v === 'number' ? (Number.isInteger(v) ? 'int64' : 'float64') : typeof v === 'boolean' ? 'bool' : 'string';
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'object') return node.properties ? `cannot restore struct from: ${src}` : `cannot restore map from ${src}`;
  if (type === 'array') return `cannot restore slice from ${src}`;
  // Integers are `number` with their Go width in `int`.
  const dstKind = typeof node.int === 'string' ? node.int : type === 'string' ? 'string' : type === 'boolean' ? 'bool' : type === 'integer' ? 'int64' : 'float64';
  if (src === 'int64' && dstKind === 'string') return `cannot convert int64 to ${at.goType}`;
  if (src === 'float64' && /int/.test(dstKind)) return `cannot convert float64 to ${at.goType}`;
  return `unrecognized type: ${dstKind}`;
}
