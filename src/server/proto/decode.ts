// Protobuf request bodies (`application/vnd.kubernetes.protobuf`) to the JSON the handlers take.
// kubectl's typed clients send them (`kubectl create configmap|secret|namespace`, `drain`); the
// server answers in JSON, which those clients also accept. The envelope is `k8s\0` and a
// runtime.Unknown (typeMeta, raw); raw is the object, read field by field with the field numbers
// and Go types of proto-fields.json, and written as Go's JSON encoder would write the struct.
import table from './proto-fields.json' with { type: 'json' };

interface Field {
  json?: string;
  type: string;
  omitempty?: true;
}
const STRUCTS = (table as { structs: Record<string, Record<string, Field>> }).structs;
const NAMED = (table as { named: Record<string, string> }).named;

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** Which of our packages holds an apiVersion's kinds. */
const PACKAGE_OF_GROUP: Record<string, string> = {
  '': 'core',
  apps: 'apps',
  batch: 'batch',
  'storage.k8s.io': 'storage',
  'discovery.k8s.io': 'discovery',
  policy: 'policy',
  'meta.k8s.io': 'meta',
};

type Wire = { num: number; wire: number; varint?: bigint; bytes?: Uint8Array };

/** The JSON text of a protobuf body; throws with a message on a body it cannot read. */
export function protobufToJson(body: Uint8Array): string {
  if (MAGIC.some((b, i) => body[i] !== b)) throw new Error('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  const unknown = fields(body.subarray(4));
  const typeMeta = unknown.find((f) => f.num === 1)?.bytes;
  const raw = unknown.find((f) => f.num === 2)?.bytes ?? new Uint8Array();
  const meta = typeMeta ? fields(typeMeta) : [];
  const apiVersion = text(meta.find((f) => f.num === 1)?.bytes);
  const kind = text(meta.find((f) => f.num === 2)?.bytes);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const pkg = PACKAGE_OF_GROUP[group];
  const struct = pkg && STRUCTS[`${pkg}.${kind}`] ? `${pkg}.${kind}` : STRUCTS[`meta.${kind}`] ? `meta.${kind}` : undefined;
  if (!struct) throw new Error(`no kind "${kind}" is registered for version "${apiVersion}"`);
  return JSON.stringify({ kind, apiVersion, ...message(raw, struct) });
}

function text(bytes: Uint8Array | undefined): string {
  return bytes ? new TextDecoder().decode(bytes) : '';
}

/** The fields of one message, in order. */
function fields(buf: Uint8Array): Wire[] {
  const out: Wire[] = [];
  let i = 0;
  const varint = (): bigint => {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      if (i >= buf.length) throw new Error('unexpected EOF');
      const b = buf[i++]!;
      v |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return v;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const key = Number(varint());
    const num = key >>> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ num, wire, varint: varint() });
    else if (wire === 2) {
      const len = Number(varint());
      out.push({ num, wire, bytes: buf.subarray(i, i + len) });
      i += len;
    } else if (wire === 1) {
      out.push({ num, wire, bytes: buf.subarray(i, i + 8) });
      i += 8;
    } else if (wire === 5) {
      out.push({ num, wire, bytes: buf.subarray(i, i + 4) });
      i += 4;
    } else throw new Error(`illegal wireType ${wire}`);
  }
  return out;
}

/** A named type down to what it is (`core.ResourceList` → `map[core.ResourceName]resource.Quantity`). */
function resolve(type: string): string {
  let t = type.replace(/^\*/, '');
  for (let n = 0; n < 10 && NAMED[t] !== undefined; n++) t = NAMED[t]!.replace(/^\*/, '');
  return t;
}

function message(buf: Uint8Array, struct: string): Record<string, unknown> {
  const spec = STRUCTS[struct] ?? {};
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const f of fields(buf)) {
    const field = spec[String(f.num)];
    if (!field) continue;
    const type = resolve(field.type);
    if (field.json === undefined) {
      // An inline struct (VolumeSource in Volume): its fields are the parent's in JSON.
      if (f.bytes) Object.assign(out, message(f.bytes, type));
      continue;
    }
    if (type.startsWith('map[')) {
      const [keyType, valueType] = mapTypes(type);
      const entry = fields(f.bytes ?? new Uint8Array());
      const k = entry.find((e) => e.num === 1);
      const v = entry.find((e) => e.num === 2);
      const map = (out[field.json] ??= Object.create(null)) as Record<string, unknown>;
      map[String(k ? scalar(k, keyType) : '')] = v ? scalar(v, valueType) : zero(valueType);
    } else if (type.startsWith('[]') && type !== '[]byte') {
      const elem = resolve(type.slice(2));
      const list = (out[field.json] ??= []) as unknown[];
      // A repeated number may come packed in one length-delimited field.
      if (f.wire === 2 && isVarintType(elem)) list.push(...packed(f.bytes!, elem));
      else list.push(scalar(f, elem));
    } else {
      out[field.json] = scalar(f, type);
    }
  }
  // Go's encoder leaves out an omitempty field at its zero value; a pointer's zero is a value.
  for (const field of Object.values(spec)) {
    if (field.json === undefined || !field.omitempty || field.type.startsWith('*')) continue;
    const v = out[field.json];
    if (v === '' || v === 0 || v === false || v === null) delete out[field.json];
  }
  return out;
}

function mapTypes(type: string): [string, string] {
  // map[K]V with K a plain or named scalar type.
  const close = type.indexOf(']');
  return [resolve(type.slice(4, close)), resolve(type.slice(close + 1))];
}

function isVarintType(t: string): boolean {
  return ['bool', 'int', 'int32', 'int64', 'uint32', 'uint64'].includes(t);
}

function packed(bytes: Uint8Array, type: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  while (i < bytes.length) {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      const b = bytes[i++]!;
      v |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
    }
    out.push(number(v, type));
  }
  return out;
}

function number(v: bigint, type: string): number | boolean {
  if (type === 'bool') return v !== 0n;
  // Negative int32/int64 travel as 64-bit two's complement.
  const signed = !type.startsWith('uint') && v >= 1n << 63n ? v - (1n << 64n) : v;
  return Number(signed);
}

function zero(type: string): unknown {
  return type === 'string' || !type.includes('.') ? (isVarintType(type) ? 0 : '') : null;
}

function scalar(f: Wire, type: string): unknown {
  const t = resolve(type);
  if (f.wire === 0) return number(f.varint ?? 0n, t);
  if (f.wire === 1) {
    const view = new DataView(f.bytes!.buffer, f.bytes!.byteOffset, 8);
    return view.getFloat64(0, true);
  }
  if (f.wire === 5) return new DataView(f.bytes!.buffer, f.bytes!.byteOffset, 4).getFloat32(0, true);
  const bytes = f.bytes ?? new Uint8Array();
  if (t === '[]byte') return Buffer.from(bytes).toString('base64');
  if (t === 'meta.Time' || t === 'meta.MicroTime') return time(bytes, t === 'meta.MicroTime');
  if (t === 'resource.Quantity') return text(fields(bytes).find((x) => x.num === 1)?.bytes);
  if (t === 'intstr.IntOrString') {
    const parts = fields(bytes);
    const kind = Number(parts.find((x) => x.num === 1)?.varint ?? 0n);
    return kind === 0 ? number(parts.find((x) => x.num === 2)?.varint ?? 0n, 'int32') : text(parts.find((x) => x.num === 3)?.bytes);
  }
  if (t === 'runtime.RawExtension' || t === 'meta.FieldsV1') {
    const raw = text(fields(bytes).find((x) => x.num === 1)?.bytes);
    return raw === '' ? null : (JSON.parse(raw) as unknown);
  }
  if (STRUCTS[t]) return message(bytes, t);
  // string and every named string type (types.UID, core.Protocol, …).
  return text(bytes);
}

/** metav1.Time as Go's JSON writes it (RFC 3339, seconds; MicroTime with six digits); the zero time is null. */
function time(bytes: Uint8Array, micro: boolean): string | null {
  const parts = fields(bytes);
  const seconds = Number(parts.find((x) => x.num === 1)?.varint ?? 0n);
  const nanos = Number(parts.find((x) => x.num === 2)?.varint ?? 0n);
  if (seconds === 0 && nanos === 0) return null;
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micro ? `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` : `${iso}Z`;
}
