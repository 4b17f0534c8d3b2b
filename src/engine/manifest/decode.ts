// From a parsed YAML value to an object the API server would accept for decoding: kubectl's
// client-side type-info check, apiVersion/kind resolved, JSON null read as Go reads it, then
// typed decoding against the schema (type-check.ts), strict decoding of unknown fields, and the
// server's conversions (Secret stringData). Each failure carries the API server's or kubectl's
// own wording and the field path it is about. Nothing downstream reads a field before this.
import { ALL_KINDS, KINDS } from '../api/kinds.ts';
import type { AnyStored, Kind } from '../api/objects.ts';
import { cloneJson } from '../../lib/deep.ts';
import { setOwn } from '../../lib/own.ts';
import { base64Encode } from '../../lib/base64.ts';
import { hasDecodeSchema } from './decode-schema.ts';
import { resolveNulls } from './go-nulls.ts';
import { typeCheck } from './type-check.ts';

export { invalidBase64At } from './type-check.ts';

export type DecodeFailure =
  /** kubectl's client-side check (`error validating data: kind not set`, `invalid object to validate`). */
  | { type: 'missing-type-info'; message: string; path: string }
  /** kubectl's RESTMapper failure (`no matches for kind "Foo" in version "v1"`). */
  | { type: 'no-kind-match'; message: string; path: string; name: string; namespace: string }
  /** The API server's decode error (BadRequest): bad quantity, wrong type, unknown field, bad base64. */
  | { type: 'decode'; message: string; path: string };

/**
 * How the API server treats fields its schema does not know (the `fieldValidation` query
 * parameter): `Strict` refuses them (kubectl's default `--validate=strict` asks for it), `Warn`
 * drops them with a warning each (the server's own default, `--validate=warn`), `Ignore` drops
 * them silently (`--validate=false|ignore`).
 */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodeOptions {
  fieldValidation?: FieldValidation;
}

export type DecodeResult = { ok: true; object: AnyStored; warnings?: string[] } | { ok: false; failure: DecodeFailure };

export function decodeObject(value: unknown, opts: DecodeOptions = {}): DecodeResult {
  const typeInfo = checkTypeInfo(value);
  if (typeInfo) return fail(typeInfo);
  const raw = value as Record<string, unknown>;
  const kindName = raw['kind'] as string;
  const apiVersion = raw['apiVersion'] as string;
  const metadata = isMap(raw['metadata']) ? raw['metadata'] : {};
  const kind = ALL_KINDS.find((k) => k === kindName);
  if (!kind || KINDS[kind].apiVersion !== apiVersion || !KINDS[kind].userCreatable || !hasDecodeSchema(kind)) {
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
    return fail({ type: 'no-kind-match', path: 'kind', name, namespace, message: `no matches for kind "${kindName}" in version "${apiVersion}"` });
  }
  return decodeTyped(kind, raw, opts);
}

/**
 * The server side of decoding for an object whose kind is known: nulls, types, unknown fields,
 * conversions. Also what a patched object goes through before it is stored.
 */
export function decodeTyped(kind: Kind, raw: Record<string, unknown>, opts: DecodeOptions = {}): DecodeResult {
  const resolved = resolveNulls(raw, { $ref: `#/definitions/${kind}` }) as Record<string, unknown>;
  let checked = typeCheck(kind, resolved);
  let warnings: string[] = [];
  // Warn and Ignore: the decoder drops what it does not know and goes on (types still count).
  if (!checked.ok && checked.unknown && (opts.fieldValidation ?? 'Strict') !== 'Strict') {
    for (const p of checked.paths) dropField(resolved, fieldTokens(p));
    if (opts.fieldValidation === 'Warn') warnings = checked.paths.map((p) => `unknown field "${p}"`);
    checked = typeCheck(kind, resolved);
  }
  if (!checked.ok) {
    if (checked.unknown) {
      const detail = `strict decoding error: ${checked.paths.map((u) => `unknown field "${u}"`).join(', ')}`;
      return fail({ type: 'decode', path: checked.paths[0]!, message: cannotBeHandled(kind, detail) });
    }
    return fail({ type: 'decode', path: checked.path, message: cannotBeHandled(kind, checked.message) });
  }
  const object = normalise(kind, cloneJson(resolved)) as unknown as AnyStored;
  // Go decodes into a struct whose ObjectMeta always exists; validation then asks for the name.
  if (!isMap((object as { metadata?: unknown }).metadata)) (object as { metadata: object }).metadata = {};
  return warnings.length > 0 ? { ok: true, object, warnings } : { ok: true, object };
}

/** `spec.containers[0].image` → [spec, containers, 0, image]. */
export function fieldTokens(path: string): (string | number)[] {
  const tokens: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) tokens.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return tokens;
}

/** Removes the field at `tokens` (a map key; list items are never unknown fields). */
export function dropField(root: unknown, tokens: readonly (string | number)[]): void {
  let parent = root;
  for (const t of tokens.slice(0, -1)) parent = parent !== null && typeof parent === 'object' && Object.hasOwn(parent, t) ? (parent as Record<string | number, unknown>)[t] : undefined;
  const last = tokens[tokens.length - 1];
  if (parent !== null && typeof parent === 'object' && !Array.isArray(parent) && typeof last === 'string') delete (parent as Record<string, unknown>)[last];
}

/**
 * kubectl's check before it sends anything (k8s.io/kubectl/pkg/validation getObjectKind): the
 * document must be a mapping with string apiVersion and kind; problems with both are listed together.
 */
function checkTypeInfo(value: unknown): DecodeFailure | undefined {
  if (!isMap(value)) return { type: 'missing-type-info', path: '', message: 'error validating data: invalid object to validate' };
  const problems: { path: string; text: string }[] = [];
  const apiVersion = value['apiVersion'];
  if (apiVersion === undefined || apiVersion === null) problems.push({ path: 'apiVersion', text: 'apiVersion not set' });
  else if (typeof apiVersion !== 'string') problems.push({ path: 'apiVersion', text: "apiVersion isn't string type" });
  else if (apiVersion.split('/').length > 2) return { type: 'missing-type-info', path: 'apiVersion', message: `error validating data: unexpected GroupVersion string: ${apiVersion}` };
  const kind = value['kind'];
  if (kind === undefined || kind === null || kind === '') problems.push({ path: 'kind', text: 'kind not set' });
  else if (typeof kind !== 'string') problems.push({ path: 'kind', text: "kind isn't string type" });
  if (apiVersion === '' && problems.length === 0) problems.push({ path: 'apiVersion', text: 'apiVersion not set' });
  if (problems.length === 0) return undefined;
  const list = problems.length === 1 ? problems[0]!.text : `[${problems.map((p) => p.text).join(', ')}]`;
  return { type: 'missing-type-info', path: problems[0]!.path, message: `error validating data: ${list}` };
}

/** `PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: <detail>` */
export function cannotBeHandled(kind: Kind, detail: string): string {
  const version = KINDS[kind].apiVersion.split('/').pop();
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`;
}

function fail(failure: DecodeFailure): DecodeResult {
  return { ok: false, failure };
}

/** API-server-side conversions that happen on decode: Secret `stringData` folded into `data`, quantities kept as strings. */
function normalise(kind: Kind, raw: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'Secret' && isMap(raw['stringData'])) {
    const data: Record<string, unknown> = isMap(raw['data']) ? { ...raw['data'] } : {};
    for (const [k, v] of Object.entries(raw['stringData'])) setOwn(data, k, base64Encode(String(v)));
    raw['data'] = data;
    delete raw['stringData'];
  }
  for (const mapPath of QUANTITY_MAP_FIELDS[kind] ?? []) {
    const map = get(raw, mapPath);
    if (isMap(map)) for (const [k, v] of Object.entries(map)) if (typeof v === 'number') setOwn(map, k, String(v));
  }
  return raw;
}

const QUANTITY_MAP_FIELDS: Partial<Record<Kind, string[]>> = {
  PersistentVolume: ['spec.capacity'],
  PersistentVolumeClaim: ['spec.resources.requests', 'spec.resources.limits'],
};

function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!isMap(cur)) return undefined;
    cur = Object.hasOwn(cur, part) ? cur[part] : undefined;
  }
  return cur;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export { base64Decode, base64Encode } from '../../lib/base64.ts';
