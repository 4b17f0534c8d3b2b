// `kubectl explain`'s plaintext output, following kubectl's v2 template
// (pkg/explain/v2/templates/plaintext.tmpl) step by step over the bundled schema: the field
// path is followed through properties, array items and map values; DESCRIPTION gathers the
// field's own text and that of the type it refers to; FIELDS lists properties in name order
// with `<type>`, `-required-` and `enum:`; --recursive lists names only, nested by two spaces.
// The bundled schema is the editor's (kubernetes-types' JSON schema), where a field that
// refers to a type is `{ $ref, description }`; the API server's OpenAPI v3 wraps the same
// `$ref` in an `allOf`. `field()` turns the first into the second so the template's steps apply.
import { indent, wordWrap } from './explain-wrap.ts';

export interface Schema {
  description?: string;
  type?: string | string[];
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
}
export type Definitions = Record<string, Schema>;

export interface ExplainRequest {
  /** `apps`, or '' for the core group. */
  group: string;
  kind: string;
  version: string;
  /** The path after the resource: `spec.volumes` → ['spec', 'volumes']. */
  fieldPath: string[];
  recursive: boolean;
  /** --max-depth; 0 means no limit. */
  maxDepth: number;
}

export type ExplainResult = { ok: true; text: string } | { ok: false; error: string };

export function renderExplain(defs: Definitions, req: ExplainRequest): ExplainResult {
  const top = defs[req.kind];
  if (!top) return { ok: false, error: `error: GVK ${req.group}/${req.version}, Kind=${req.kind} not found in OpenAPI schema` };
  const r = new Renderer(defs, req);
  const body = r.output({ $ref: `#/definitions/${req.kind}` }, req.fieldPath, new Set());
  if (body === '') return { ok: false, error: `error: field "${req.fieldPath[req.fieldPath.length - 1]}" does not exist` };
  const head = `${req.group ? `GROUP:      ${req.group}\n` : ''}KIND:       ${req.kind}\nVERSION:    ${req.version}\n\n`;
  return { ok: true, text: `${head}${body}\n` };
}

class Renderer {
  constructor(
    private readonly defs: Definitions,
    private readonly req: ExplainRequest,
  ) {}

  private resolve(s: Schema): Schema | undefined {
    return s.$ref ? this.defs[s.$ref.slice(s.$ref.lastIndexOf('/') + 1)] : undefined;
  }

  /** A property as OpenAPI v3 writes it: a reference with its own description becomes an allOf of one. */
  private field(s: Schema): Schema {
    if (!s.$ref) return s;
    const { $ref, ...rest } = s;
    return { ...rest, allOf: [{ $ref }] };
  }

  private mapValues(s: Schema): Schema | undefined {
    return typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  }

  /** The template's "output": follow the path; at its end, DESCRIPTION and FIELDS. */
  output(schema: Schema, path: readonly string[], history: ReadonlySet<string>): string {
    const ref = schema.$ref ?? '';
    const next = new Set(history).add(ref);
    const resolved = this.resolve(schema) ?? schema;
    if (path.length === 0) {
      let text = 'DESCRIPTION:\n' + indent(4, wordWrap(this.description(resolved) || '<empty>', 76)) + '\n';
      const fields = this.fieldList(resolved, 1, new Set());
      if (fields) text += 'FIELDS:\n' + fields;
      return text;
    }
    if (ref && history.has(ref)) return '';
    const name = path[0]!;
    const prop = resolved.properties && Object.hasOwn(resolved.properties, name) ? resolved.properties[name] : undefined;
    if (prop) {
      const sub = this.field(prop);
      let text = '';
      if (path.length === 1) text = `FIELD: ${name} <${this.typeGuess(sub)}>\n${this.enumLong(sub)}\n\n`;
      return text + this.output(sub, path.slice(1), new Set());
    }
    if (resolved.items) return this.output(resolved.items, path, next);
    const values = this.mapValues(resolved);
    if (values) return this.output(values, path, next);
    for (const alt of resolved.allOf ?? []) {
      const text = this.output(alt, path, next);
      if (text) return text;
    }
    return '';
  }

  /** The field's text, then that of what it refers to, of its items, of its map values. */
  private description(schema: Schema): string {
    const s = this.resolve(schema) ?? schema;
    let text = s.description ? s.description + '\n' : '';
    for (const alt of s.allOf ?? []) text += this.description(alt);
    if (s.items) text += this.description(s.items);
    const values = this.mapValues(s);
    if (values) text += this.description(values);
    return text;
  }

  private fieldList(schema: Schema, level: number, history: ReadonlySet<string>): string {
    const ref = schema.$ref ?? '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = this.resolve(schema) ?? schema;
    let text = '';
    const props = resolved.properties ?? {};
    for (const name of Object.keys(props).sort()) {
      text += this.fieldDetail(resolved, name, level);
      const { recursive, maxDepth } = this.req;
      if (recursive && (maxDepth === 0 || level < maxDepth)) text += this.fieldList(this.field(props[name]!), level + 1, next);
    }
    for (const alt of resolved.allOf ?? []) text += this.fieldList(alt, level, next);
    if (resolved.items) text += this.fieldList(resolved.items, level, next);
    const values = this.mapValues(resolved);
    if (values) text += this.fieldList(values, level, next);
    return text;
  }

  private fieldDetail(owner: Schema, name: string, level: number): string {
    const pad = level * 2;
    const s = this.field(owner.properties![name]!);
    let text = `${indent(pad, name)}\t<${this.typeGuess(s)}>`;
    if (owner.required?.includes(name)) text += ' -required-';
    text += this.enumShort(s, pad) + '\n';
    if (this.req.recursive) return text;
    return text + indent(pad + 2, wordWrap(s.description || '<no description>', 78 - pad)) + '\n\n';
  }

  /** `string`, `Object`, `[]Volume`, `map[string]Quantity`, `PodSpec`, as the template guesses them. */
  private typeGuess(s: Schema): string {
    if (s.items) return '[]' + this.typeGuess(s.items);
    const values = this.mapValues(s);
    if (values) return 'map[string]' + this.typeGuess(values);
    if (s.allOf?.length === 1 && !s.properties) return this.typeGuess(s.allOf[0]!);
    if (s.$ref) {
      const target = this.resolve(s);
      const type = target ? typeName(target) : undefined;
      if (!type || type === 'object') return s.$ref.slice(s.$ref.lastIndexOf('/') + 1) || 'Object';
      return type;
    }
    const type = typeName(s);
    return type === undefined ? intOrString(s) : type === 'object' ? 'Object' : type;
  }

  /** `FIELD: x <string>` is followed by `ENUM:` and one value a line. */
  private enumLong(s: Schema): string {
    const values = enumValues(s);
    return values.length === 0 ? '' : 'ENUM:' + values.map((v) => `\n    ${v}`).join('');
  }

  /** In a field list: `enum: A, B, C, D, ....` on the next line, at most four values. */
  private enumShort(s: Schema, pad: number): string {
    const values = enumValues(s);
    if (values.length === 0) return '';
    const shown = values.slice(0, 4).join(', ') + (values.length > 4 ? ', ....' : '');
    return `\n${' '.repeat(pad)}enum: ${shown}`;
  }
}

/**
 * A single JSON type; the editor schema's `["string", "number"]` (Quantity, IntOrString) has none
 * in OpenAPI v3 either (it is a oneOf there). kubernetes-types writes every Go number as
 * `number`; the kinds we model have only int32/int64 fields, which OpenAPI calls `integer`.
 */
function typeName(s: Schema): string | undefined {
  if (s.type === 'number') return 'integer';
  return typeof s.type === 'string' ? s.type : undefined;
}

/** An inline int-or-string (the editor schema has no IntOrString definition): OpenAPI v3 names its ref. */
function intOrString(s: Schema): string {
  return Array.isArray(s.type) ? 'IntOrString' : 'Object';
}

/** A string field's values, sorted as the API server's OpenAPI lists them, `""` for the empty one. */
function enumValues(s: Schema): string[] {
  if (s.type !== 'string' || !s.enum) return [];
  return s.enum.map(String).sort().map((v) => (v === '' ? '""' : v));
}
