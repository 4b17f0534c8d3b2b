// From a parsed YAML value to an object the API server would accept for decoding: apiVersion/kind
// resolved, field types and quantities checked, unknown fields rejected (strict decoding).
// Each failure carries the API server's or kubectl's own wording and the field path it is about.
import { ALL_KINDS, KINDS } from '../api/kinds.ts';
import type { AnyStored, Kind } from '../api/objects.ts';
import { parseQuantity } from '../api/quantity.ts';
import { findUnknownFields, type SchemaKind } from './known-fields.ts';
import { cloneJson } from '../../lib/deep.ts';

export type DecodeFailure =
  /** kubectl's client-side check (`error validating data: kind not set`). */
  | { type: 'missing-type-info'; message: string; path: string }
  /** kubectl's RESTMapper failure (`no matches for kind "Foo" in version "v1"`). */
  | { type: 'no-kind-match'; message: string; path: string; name: string; namespace: string }
  /** The API server's decode error (BadRequest): bad quantity, wrong type, unknown field, bad base64. */
  | { type: 'decode'; message: string; path: string }
  /** Something that is not a mapping at all. */
  | { type: 'not-an-object'; message: string; path: string };

export type DecodeResult = { ok: true; object: AnyStored } | { ok: false; failure: DecodeFailure };

const QUANTITY_MAP_FIELDS: Record<string, string[]> = {
  PersistentVolume: ['spec.capacity'],
  PersistentVolumeClaim: ['spec.resources.requests', 'spec.resources.limits'],
};

export function decodeObject(value: unknown): DecodeResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : typeof value;
    return fail({ type: 'not-an-object', path: '', message: `json: cannot unmarshal ${got} into Go value of type map[string]interface {}` });
  }
  const raw = value as Record<string, unknown>;
  const missing: string[] = [];
  if (typeof raw['apiVersion'] !== 'string' || raw['apiVersion'] === '') missing.push('apiVersion not set');
  if (typeof raw['kind'] !== 'string' || raw['kind'] === '') missing.push('kind not set');
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0]! : `[${missing.join(', ')}]`;
    return fail({ type: 'missing-type-info', path: missing.length === 1 && missing[0]!.startsWith('kind') ? 'kind' : 'apiVersion', message: `error validating data: ${list}` });
  }
  const kindName = raw['kind'] as string;
  const apiVersion = raw['apiVersion'] as string;
  const metadata = (typeof raw['metadata'] === 'object' && raw['metadata'] !== null ? raw['metadata'] : {}) as Record<string, unknown>;
  const kind = ALL_KINDS.find((k) => k === kindName);
  if (!kind || KINDS[kind].apiVersion !== apiVersion || !KINDS[kind].userCreatable) {
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
    return fail({ type: 'no-kind-match', path: 'kind', name, namespace, message: `no matches for kind "${kindName}" in version "${apiVersion}"` });
  }
  const typeError = checkTypes(kind, raw);
  if (typeError) return fail(typeError);
  const unknown = findUnknownFields(kind as SchemaKind, raw);
  if (unknown.length > 0) {
    return fail({
      type: 'decode',
      path: unknown[0]!,
      message: cannotBeHandled(kind, `strict decoding error: ${unknown.map((u) => `unknown field "${u}"`).join(', ')}`),
    });
  }
  const object = normalise(kind, cloneJson(raw)) as unknown as AnyStored;
  return { ok: true, object };
}

/** `PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: <detail>` */
export function cannotBeHandled(kind: Kind, detail: string): string {
  const version = KINDS[kind].apiVersion.split('/').pop();
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`;
}

function fail(failure: DecodeFailure): DecodeResult {
  return { ok: false, failure };
}

function checkTypes(kind: Kind, raw: Record<string, unknown>): DecodeFailure | undefined {
  const metadata = raw['metadata'];
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))) {
    return { type: 'decode', path: 'metadata', message: cannotBeHandled(kind, `json: cannot unmarshal ${jsonType(metadata)} into Go struct field ${kind}.metadata of type v1.ObjectMeta`) };
  }
  const spec = raw['spec'] as Record<string, unknown> | undefined;
  if ((kind === 'PersistentVolume' || kind === 'PersistentVolumeClaim') && spec && spec['accessModes'] !== undefined && !Array.isArray(spec['accessModes'])) {
    const struct = kind === 'PersistentVolume' ? 'PersistentVolumeSpec' : 'PersistentVolumeClaimSpec';
    return {
      type: 'decode',
      path: 'spec.accessModes',
      message: cannotBeHandled(kind, `json: cannot unmarshal ${jsonType(spec['accessModes'])} into Go struct field ${struct}.spec.accessModes of type []v1.PersistentVolumeAccessMode`),
    };
  }
  for (const mapPath of QUANTITY_MAP_FIELDS[kind] ?? []) {
    const map = get(raw, mapPath);
    if (map === undefined || typeof map !== 'object' || map === null) continue;
    for (const [key, v] of Object.entries(map)) {
      const q = parseQuantity(v as string | number);
      if (!q.ok) return { type: 'decode', path: `${mapPath}.${key}`, message: cannotBeHandled(kind, q.error) };
    }
  }
  if (kind === 'Pod' || kind === 'Deployment' || kind === 'ReplicaSet') {
    const podSpec = (kind === 'Pod' ? spec : get(raw, 'spec.template.spec')) as Record<string, unknown> | undefined;
    const base = kind === 'Pod' ? 'spec' : 'spec.template.spec';
    for (const field of ['containers', 'volumes']) {
      const v = podSpec?.[field];
      if (v !== undefined && v !== null && !Array.isArray(v)) {
        const elem = field === 'containers' ? 'v1.Container' : 'v1.Volume';
        return { type: 'decode', path: `${base}.${field}`, message: cannotBeHandled(kind, `json: cannot unmarshal ${jsonType(v)} into Go struct field PodSpec.${base}.${field} of type []${elem}`) };
      }
    }
    const volumes = Array.isArray(podSpec?.['volumes']) ? (podSpec!['volumes'] as Record<string, unknown>[]) : [];
    for (const [i, vol] of volumes.entries()) {
      const limit = get(vol, 'emptyDir.sizeLimit');
      if (limit !== undefined) {
        const q = parseQuantity(limit as string | number);
        if (!q.ok) return { type: 'decode', path: `${base}.volumes[${i}].emptyDir.sizeLimit`, message: cannotBeHandled(kind, q.error) };
      }
    }
  }
  if (kind === 'Secret') {
    const data = raw['data'];
    if (data && typeof data === 'object') {
      for (const [key, v] of Object.entries(data)) {
        const at = invalidBase64At(String(v));
        if (at !== undefined) return { type: 'decode', path: `data.${key}`, message: cannotBeHandled(kind, `illegal base64 data at input byte ${at}`) };
      }
    }
  }
  return undefined;
}

/** API-server-side conversions that happen on decode: Secret `stringData` folded into `data`, quantities kept as strings. */
function normalise(kind: Kind, raw: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'Secret' && raw['stringData'] && typeof raw['stringData'] === 'object') {
    const data = { ...((raw['data'] as Record<string, string>) ?? {}) };
    for (const [k, v] of Object.entries(raw['stringData'] as Record<string, unknown>)) data[k] = base64Encode(String(v));
    raw['data'] = data;
    delete raw['stringData'];
  }
  for (const mapPath of QUANTITY_MAP_FIELDS[kind] ?? []) {
    const map = get(raw, mapPath) as Record<string, unknown> | undefined;
    if (map && typeof map === 'object') for (const [k, v] of Object.entries(map)) if (typeof v === 'number') map[k] = String(v);
  }
  return raw;
}

function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  return typeof v;
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

export function base64Encode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

export function base64Decode(b64: string): string {
  const clean = b64.replace(/[\r\n=]/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((j) => (i + j < clean.length ? B64.indexOf(clean[i + j]!) : 0));
    const v = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    bytes.push((v >> 16) & 255);
    if (i + 2 < clean.length) bytes.push((v >> 8) & 255);
    if (i + 3 < clean.length) bytes.push(v & 255);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
