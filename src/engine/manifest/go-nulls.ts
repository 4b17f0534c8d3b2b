// JSON null the way Go's decoder (and so the API server) reads it: a null field leaves the field
// at its zero value (absent), a null list item becomes the item type's zero value (`{}` for a
// struct, "" for a string), a null map value becomes the value type's zero value. So
// `volumes: [null]` reaches validation as a volume with no name and no source, and is refused
// with the API server's field errors instead of crashing whoever reads it first.
import { deref, type SchemaNode } from './decode-schema.ts';

/** Returns a copy of `value` with nulls resolved against the schema node (a kind's definition for a whole object). */
export function resolveNulls(value: unknown, node: SchemaNode): unknown {
  const { node: here } = deref(node);
  if (Array.isArray(value)) {
    const item = here.items;
    return value.map((v) => (v === null ? zeroValue(item) : item ? resolveNulls(v, item) : v));
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const field = here.properties && Object.hasOwn(here.properties, key) ? here.properties[key] : undefined;
    const mapValue = !here.properties && typeof here.additionalProperties === 'object' ? here.additionalProperties : undefined;
    const child = field ?? mapValue;
    if (v === null) {
      // Unknown fields keep their null: strict decoding still reports them by name.
      if (field) continue;
      if (mapValue) defineOwn(out, key, zeroValue(mapValue));
      else defineOwn(out, key, v);
      continue;
    }
    defineOwn(out, key, child ? resolveNulls(v, child) : v);
  }
  return out;
}

function zeroValue(node: SchemaNode | undefined): unknown {
  if (!node) return {};
  const { node: here, def } = deref(node);
  if (def === 'Quantity' || here.quantity) return '0';
  const type = Array.isArray(here.type) ? here.type[0] : here.type;
  switch (type) {
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return {};
  }
}

/** `out[key] = v`, also for `__proto__`. */
function defineOwn(out: Record<string, unknown>, key: string, v: unknown): void {
  Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
}
