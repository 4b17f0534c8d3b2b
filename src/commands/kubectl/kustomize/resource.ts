// One object of a build as it moves through the layers: its names so far (so references to any of
// them can be rewritten to the last), and whether it still needs kustomize's hash suffix.
export interface Resource {
  object: Record<string, unknown>;
  /** Every name it has had, oldest first: the one it was written with, then each rename. */
  names: string[];
  /** Generated with the name suffix hash on. */
  hashed: boolean;
}

export function kindOf(r: Resource): string {
  return String(r.object['kind'] ?? '');
}

export function nameOf(r: Resource): string {
  return String((r.object['metadata'] as { name?: unknown } | undefined)?.name ?? '');
}

export function namespaceOf(r: Resource): string {
  const ns = (r.object['metadata'] as { namespace?: unknown } | undefined)?.namespace;
  return typeof ns === 'string' ? ns : '';
}
