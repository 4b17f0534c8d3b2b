// /openapi/v2: the schemas of every group version as one Swagger 2.0 document. kubectl 1.32 asks
// for it only as protobuf (discovery's OpenAPISchema: gnostic's openapi_v2.Document), for
// `kubectl explain --output=plaintext-openapiv2` and for client-side apply when v3 is missing;
// other clients ask for JSON. The definitions are the v3 documents' (openapi.ts), rewritten as v2
// writes them: `#/definitions/…` refs, no `allOf` around a described ref, IntOrString and
// Quantity as strings with a format.
import { VERSION_INFO, groupVersions } from './discovery.ts';
import { document } from './openapi.ts';
import type { Reply } from './reply.ts';

type Json = Record<string, unknown>;

export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/** The content type the API server answers the protobuf form with. */
const PROTOBUF_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

let cachedDoc: Json | undefined;
let cachedProto: Buffer | undefined;

export function openApiV2(accept: string | undefined): Reply {
  const doc = (cachedDoc ??= v2Document());
  if ((accept ?? '').includes('com.github.proto-openapi.spec.v2')) {
    return { code: 200, body: (cachedProto ??= encodeDocument(doc)), headers: { 'Content-Type': PROTOBUF_CONTENT_TYPE } };
  }
  return { code: 200, body: doc };
}

function v2Document(): Json {
  const definitions: Json = {};
  for (const g of groupVersions()) {
    const doc = document(g.group ? `apis/${g.groupVersion}` : `api/${g.version}`);
    const schemas = ((doc?.['components'] as Json | undefined)?.['schemas'] ?? {}) as Json;
    for (const [name, schema] of Object.entries(schemas)) definitions[name] ??= toV2(schema);
  }
  const sorted: Json = {};
  for (const k of Object.keys(definitions).sort()) sorted[k] = definitions[k];
  return { swagger: '2.0', info: { title: 'Kubernetes', version: VERSION_INFO.gitVersion }, paths: {}, definitions: sorted };
}

function toV2(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toV2);
  if (value === null || typeof value !== 'object') return value;
  const v = value as Json;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'oneOf' || k === 'nullable') continue;
    if (k === '$ref' && typeof x === 'string') out[k] = x.replace('#/components/schemas/', '#/definitions/');
    else if (k === 'allOf' && Array.isArray(x) && x.length === 1) Object.assign(out, toV2(x[0]));
    else out[k] = k === 'properties' ? Object.fromEntries(Object.entries(x as Json).map(([p, s]) => [p, toV2(s)])) : toV2(x);
  }
  // v2 has no oneOf: IntOrString and Quantity are strings there.
  if (Array.isArray(v['oneOf']) && out['type'] === undefined) out['type'] = 'string';
  return out;
}

// --- protobuf, gnostic's openapiv2/OpenAPIv2.proto field numbers ---

class Writer {
  parts: Buffer[] = [];
  varint(n: number): this {
    const bytes: number[] = [];
    while (n > 0x7f) {
      bytes.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    bytes.push(n);
    this.parts.push(Buffer.from(bytes));
    return this;
  }
  bytes(field: number, data: Buffer): this {
    return this.varint((field << 3) | 2).varint(data.length).push(data);
  }
  string(field: number, text: string | undefined): this {
    return text === undefined || text === '' ? this : this.bytes(field, Buffer.from(text, 'utf8'));
  }
  message(field: number, w: Writer): this {
    return this.bytes(field, w.done());
  }
  bool(field: number, b: unknown): this {
    return b === true ? this.varint(field << 3).varint(1) : this;
  }
  int(field: number, n: unknown): this {
    return typeof n === 'number' && n > 0 ? this.varint(field << 3).varint(n) : this;
  }
  double(field: number, n: unknown): this {
    if (typeof n !== 'number') return this;
    const b = Buffer.alloc(8);
    b.writeDoubleLE(n);
    return this.varint((field << 3) | 1).push(b);
  }
  push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
  done(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** Any { yaml = 2 }: gnostic keeps a value as its YAML (JSON is YAML). */
const anyOf = (value: unknown) => new Writer().string(2, JSON.stringify(value));

function encodeSchema(s: Json): Writer {
  const w = new Writer()
    .string(1, s['$ref'] as string)
    .string(2, s['format'] as string)
    .string(3, s['title'] as string)
    .string(4, s['description'] as string);
  if (s['default'] !== undefined) w.message(5, anyOf(s['default']));
  w.double(7, s['maximum']).bool(8, s['exclusiveMaximum']).double(9, s['minimum']).bool(10, s['exclusiveMinimum']);
  w.int(11, s['maxLength']).int(12, s['minLength']).string(13, s['pattern'] as string).int(14, s['maxItems']).int(15, s['minItems']).bool(16, s['uniqueItems']);
  for (const r of (s['required'] as string[] | undefined) ?? []) w.string(19, r);
  for (const e of (s['enum'] as unknown[] | undefined) ?? []) w.message(20, anyOf(e));
  const extra = s['additionalProperties'];
  if (extra !== undefined && extra !== null) w.message(21, typeof extra === 'object' ? new Writer().message(1, encodeSchema(extra as Json)) : new Writer().bool(2, extra));
  if (typeof s['type'] === 'string') w.message(22, new Writer().string(1, s['type']));
  if (s['items'] && typeof s['items'] === 'object') w.message(23, new Writer().message(1, encodeSchema(s['items'] as Json)));
  for (const a of (s['allOf'] as Json[] | undefined) ?? []) w.message(24, encodeSchema(a));
  if (s['properties'] && typeof s['properties'] === 'object') {
    const props = new Writer();
    for (const [name, p] of Object.entries(s['properties'] as Json)) props.message(1, new Writer().string(1, name).message(2, encodeSchema(p as Json)));
    w.message(25, props);
  }
  for (const [name, value] of Object.entries(s)) if (name.startsWith('x-')) w.message(31, new Writer().string(1, name).message(2, anyOf(value)));
  return w;
}

function encodeDocument(doc: Json): Buffer {
  const info = doc['info'] as Json;
  const definitions = new Writer();
  for (const [name, schema] of Object.entries(doc['definitions'] as Json)) definitions.message(1, new Writer().string(1, name).message(2, encodeSchema(schema as Json)));
  return new Writer()
    .string(1, doc['swagger'] as string)
    .message(2, new Writer().string(1, info['title'] as string).string(2, info['version'] as string))
    .message(8, new Writer())
    .message(9, definitions)
    .done();
}
