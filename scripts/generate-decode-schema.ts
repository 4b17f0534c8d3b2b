// Development-time generator (`npm run schema`, after generate-schema.ts) of the schema the
// engine's API layer decodes manifests with:
//   src/engine/manifest/schema/decode.schema.json
// It is kubernetes.schema.json without what only an editor needs (descriptions, enums, required
// lists, patterns: validation proper words those itself), plus what Go's JSON decoder checks that
// JSON schema does not: each field's Go type (`go`), integer widths (`int`), quantities
// (`quantity`), timestamps (`time`), base64 byte slices (`base64`). The Go types come from go-types.json, a table of
// facts read off k8s.io/api and k8s.io/apimachinery (see its README line in the layout table).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementType, mapValueType } from '../src/engine/manifest/go-type-names.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'src/engine/manifest/schema');
const source = JSON.parse(readFileSync(join(DIR, 'kubernetes.schema.json'), 'utf8')) as { definitions: Record<string, Schema>; allOf: { then: { $ref: string } }[] };
const goTypes = JSON.parse(readFileSync(join(DIR, 'go-types.json'), 'utf8')) as Record<string, Record<string, string>>;

/** Keywords the decoder reads; everything else is editor-only. */
const KEPT = new Set(['type', 'properties', 'additionalProperties', 'items', '$ref']);

/** Structs only v1.34 has, met through new fields; defined from go-types.json alone. */
const extraStructs = new Set<string>();
const kinds = source.allOf.map((branch) => branch.then.$ref.replace('#/definitions/', ''));
const out: Record<string, Schema> = {};
const todo = [...kinds];
while (todo.length > 0) {
  const name = todo.pop()!;
  if (out[name]) continue;
  const def = source.definitions[name] ?? (extraStructs.has(name) ? { type: 'object', additionalProperties: false, properties: {} } : undefined);
  if (!def) throw new Error(`definition ${name} is referenced but missing`);
  out[name] = compactDefinition(name, def);
  for (const ref of refsOf(out[name]!)) todo.push(ref);
}

const schema = { kinds, definitions: Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]!])) };
writeFileSync(join(DIR, 'decode.schema.json'), `${JSON.stringify(schema)}\n`);
console.log(`wrote decode.schema.json: ${kinds.length} kinds, ${Object.keys(out).length} definitions`);

function compactDefinition(name: string, def: Schema): Schema {
  if (name === 'Quantity') return { quantity: true };
  if (name === 'Time') return { type: 'string', go: 'v1.Time', time: true };
  if (name === 'FieldsV1') return { type: 'object' };
  const compact = strip(def);
  const props = compact.properties as Record<string, Schema> | undefined;
  const go = goTypes[name];
  if (props && go) {
    // The API server decodes into v1.34's structs: fields kubernetes-types (1.30) lacks are
    // accepted, fields 1.34 no longer has are unknown.
    for (const field of Object.keys(props)) if (!Object.hasOwn(go, field)) delete props[field];
    for (const [field, type] of Object.entries(go)) if (!Object.hasOwn(props, field)) props[field] = schemaForGoType(type);
  }
  if (props) {
    for (const [field, prop] of Object.entries(props)) {
      const type = go?.[field] ?? inferGoType(prop);
      prop.go = type;
      annotateLeaves(prop, type);
    }
  }
  return compact;
}

/** A schema for a field known only from its Go type (a field newer than kubernetes-types). */
function schemaForGoType(go: string): Schema {
  const elem = elementType(go);
  if (elem !== undefined) return { type: 'array', items: schemaForGoType(elem) };
  const value = mapValueType(go);
  if (value !== undefined) return { type: 'object', additionalProperties: schemaForGoType(value) };
  if (go === '[]uint8') return { type: 'string' };
  if (go === 'bool') return { type: 'boolean' };
  if (/^u?int(8|16|32|64)?$/.test(go)) return { type: 'number' };
  if (go === 'intstr.IntOrString') return { type: ['number', 'string'] };
  if (go === 'resource.Quantity') return { $ref: '#/definitions/Quantity' };
  if (go === 'v1.Time' || go === 'v1.MicroTime') return { $ref: '#/definitions/Time' };
  if (go === 'v1.Verbs') return { type: 'array', items: { type: 'string' } };
  const struct = go.includes('.') ? go.slice(go.indexOf('.') + 1) : go;
  if (Object.hasOwn(goTypes, struct)) {
    if (source.definitions[struct]) return { $ref: `#/definitions/${struct}` };
    // A struct the editor schema does not have: its fields are checked from the Go table too.
    extraStructs.add(struct);
    return { $ref: `#/definitions/${struct}` };
  }
  if (go === 'runtime.RawExtension' || go === 'v1.FieldsV1' || go === 'v1.JSON') return {};
  return { type: 'string' };
}

function strip(s: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(s)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([p, v]) => [p, strip(v)]));
    } else if ((key === 'items' || key === 'additionalProperties') && typeof value === 'object' && value !== null) {
      out[key] = strip(value as Schema);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Marks integer widths and byte slices where the value sits: the field itself, list items, map values. */
function annotateLeaves(s: Schema, go: string): void {
  const elem = elementType(go);
  if (elem !== undefined && s.items && typeof s.items === 'object') annotateLeaves(s.items as Schema, elem);
  const value = mapValueType(go);
  if (value !== undefined && s.additionalProperties && typeof s.additionalProperties === 'object') annotateLeaves(s.additionalProperties as Schema, value);
  if (/^(int|uint)(8|16|32|64)?$/.test(go) || go === 'intstr.IntOrString') s.int = go === 'intstr.IntOrString' ? 'int32' : go;
  if (go === '[]uint8') {
    delete s.items;
    s.type = 'string';
    s.base64 = true;
  }
}

function inferGoType(s: Schema): string {
  if (typeof s.$ref === 'string') {
    const ref = s.$ref.replace('#/definitions/', '');
    return ref === 'Quantity' ? 'resource.Quantity' : `v1.${ref}`;
  }
  if (s.type === 'array') return `[]${inferGoType((s.items as Schema) ?? {})}`;
  if (s.type === 'object') return `map[string]${inferGoType((s.additionalProperties as Schema) ?? {})}`;
  if (s.type === 'boolean') return 'bool';
  if (s.type === 'number') return 'int32';
  return 'string';
}

function refsOf(s: Json): string[] {
  if (Array.isArray(s)) return s.flatMap(refsOf);
  if (s === null || typeof s !== 'object') return [];
  const own = typeof s.$ref === 'string' ? [s.$ref.replace('#/definitions/', '')] : [];
  return [...own, ...Object.values(s).flatMap(refsOf)];
}
