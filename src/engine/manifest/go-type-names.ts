// Reading Go type names as reflect prints them (`[]v1.Container`, `map[string]string`,
// `v1.ResourceList`): what a slice holds and what a map maps to. The decode schema's generator
// and the decoder's error wording both need it.

/** `[]v1.Container` → `v1.Container`; not a slice → undefined (`[]uint8` is base64 text, not a list). */
export function elementType(go: string): string | undefined {
  return go.startsWith('[]') && go !== '[]uint8' ? go.slice(2) : undefined;
}

/** `map[string]string` → `string`; `v1.ResourceList` (a named map) → `resource.Quantity`; not a map → undefined. */
export function mapValueType(go: string): string | undefined {
  if (go === 'v1.ResourceList') return 'resource.Quantity';
  if (!go.startsWith('map[')) return undefined;
  let depth = 0;
  for (let i = 3; i < go.length; i++) {
    if (go[i] === '[') depth++;
    else if (go[i] === ']' && --depth === 0) return go.slice(i + 1);
  }
  return undefined;
}
