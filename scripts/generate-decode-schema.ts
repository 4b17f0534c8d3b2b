// Development-time generator (`npm run schema`, after generate-schema.ts) of the schema the
// engine's API layer decodes manifests with:
//   src/engine/manifest/schema/decode.schema.json
// It is kubernetes.schema.json without what only an editor needs (descriptions, enums, required
// lists, patterns: validation proper words those itself), plus what Go's JSON decoder checks that
// JSON schema does not: each field's Go type (`go`), integer widths (`int`), quantities
// (`quantity`), base64 byte slices (`base64`). The Go types come from go-types.json, a table of
// facts read off k8s.io/api and k8s.io/apimachinery (see its README line in the layout table).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'src/engine/manifest/schema');
const source = JSON.parse(readFileSync(join(DIR, 'kubernetes.schema.json'), 'utf8')) as { definitions: Record<string, Schema>; allOf: { then: { $ref: string } }[] };
const goTypes = JSON.parse(readFileSync(join(DIR, 'go-types.json'), 'utf8')) as Record<string, Record<string, string>>;

/** Keywords the decoder reads; everything else is editor-only. */
const KEPT = new Set(['type', 'properties', 'additionalProperties', 'items', '$ref']);

const kinds = source.allOf.map((branch) => branch.then.$ref.replace('#/definitions/', ''));
const out: Record<string, Schema> = {};
const todo = [...kinds];
while (todo.length > 0) {
  const name = todo.pop()!;
  if (out[name]) continue;
  const def = source.definitions[name];
  if (!def) throw new Error(`definition ${name} is referenced but missing`);
  out[name] = compactDefinition(name, def);
  for (const ref of refsOf(def)) todo.push(ref);
}

const schema = { kinds, definitions: Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]!])) };
writeFileSync(join(DIR, 'decode.schema.json'), `${JSON.stringify(schema)}\n`);
console.log(`wrote decode.schema.json: ${kinds.length} kinds, ${Object.keys(out).length} definitions`);

function compactDefinition(name: string, def: Schema): Schema {
  if (name === 'Quantity') return { quantity: true };
  if (name === 'Time') return { type: 'string', go: 'v1.Time' };
  if (name === 'FieldsV1') return { type: 'object' };
  const compact = strip(def);
  const props = compact.properties as Record<string, Schema> | undefined;
  if (props) {
    for (const [field, prop] of Object.entries(props)) {
      const go = goTypes[name]?.[field] ?? inferGoType(prop);
      prop.go = go;
      annotateLeaves(prop, go);
    }
  }
  return compact;
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

/** `[]v1.Container` → `v1.Container`; not a slice → undefined (`[]uint8` is a base64 string, not a list). */
export function elementType(go: string): string | undefined {
  return go.startsWith('[]') && go !== '[]uint8' ? go.slice(2) : undefined;
}

function mapValueType(go: string): string | undefined {
  if (go === 'v1.ResourceList') return 'resource.Quantity';
  if (!go.startsWith('map[')) return undefined;
  let depth = 0;
  for (let i = 3; i < go.length; i++) {
    if (go[i] === '[') depth++;
    else if (go[i] === ']' && --depth === 0) return go.slice(i + 1);
  }
  return undefined;
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
