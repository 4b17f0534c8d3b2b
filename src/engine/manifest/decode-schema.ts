// The decode schema (schema/decode.schema.json, made by scripts/generate-decode-schema.ts) and
// how to walk it: which definition, field and Go type a path inside a manifest lands on. Both
// the null rules and the error wording read it, so a field's Go type has one home.
import decodeSchema from './schema/decode.schema.json' with { type: 'json' };
import { elementType, mapValueType } from './go-type-names.ts';

export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  $ref?: string;
  /** The field's Go type as reflect prints it (`[]v1.Container`, `map[string]string`, `int32`). */
  go?: string;
  /** An integer of this Go width (`int32`, `int64`): Go refuses fractions and overflow. */
  int?: string;
  /** A resource.Quantity. */
  quantity?: boolean;
  /** A metav1.Time: RFC 3339 text. */
  time?: boolean;
  /** A []byte, sent as base64 text. */
  base64?: boolean;
}

export const SCHEMA = decodeSchema as unknown as { kinds: string[]; definitions: Record<string, SchemaNode> };

export function definition(name: string): SchemaNode | undefined {
  return Object.hasOwn(SCHEMA.definitions, name) ? SCHEMA.definitions[name] : undefined;
}

export function hasDecodeSchema(kind: string): boolean {
  return SCHEMA.kinds.includes(kind);
}

/** Follows a `$ref`; returns the node and the definition name it came from (if any). */
export function deref(node: SchemaNode): { node: SchemaNode; def?: string } {
  if (!node.$ref) return { node };
  const def = node.$ref.replace('#/definitions/', '');
  return { node: definition(def) ?? {}, def };
}

/** Where a path inside an object of `kind` lands: the Go struct that owns the last field, the field path as Go's decoder prints it (no indices, no map keys), the Go type at that spot. */
export interface GoLocation {
  struct: string;
  field: string;
  goType: string;
  node: SchemaNode;
}

export function locate(kind: string, path: readonly (string | number)[]): GoLocation | undefined {
  let { node } = deref({ $ref: `#/definitions/${kind}` });
  let def = kind;
  let struct = kind;
  let goType = `v1.${kind}`;
  const fields: string[] = [];
  for (const token of path) {
    const here = deref(node);
    node = here.node;
    if (here.def) def = here.def;
    if (node.properties && typeof token === 'string' && Object.hasOwn(node.properties, token)) {
      const prop = node.properties[token]!;
      struct = def;
      fields.push(token);
      goType = prop.go ?? goType;
      node = prop;
    } else if (typeof token === 'number' && node.items) {
      goType = elementType(goType) ?? goType;
      node = node.items;
    } else if (typeof token === 'string' && typeof node.additionalProperties === 'object') {
      goType = mapValueType(goType) ?? goType;
      node = node.additionalProperties;
    } else {
      return undefined;
    }
  }
  const last = deref(node);
  if (last.def === 'Quantity') goType = 'resource.Quantity';
  return { struct, field: fields.join('.'), goType, node: last.node };
}
