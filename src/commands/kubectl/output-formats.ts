// `-o yaml`, `-o json`, `-o name`: kubectl prints objects as the server returns them
// (map keys sorted), lists as a `v1/List`.
import { YAML11_SCHEMA, dump } from 'js-yaml';
import { resourcePrefix, type AnyStored } from '../../engine/index.ts';

/** YAML as kubectl prints it: sorted keys, list items not indented, `"yes"` quoted (YAML 1.1). */
export function toYaml(value: unknown): string {
  return dump(value, { sortKeys: true, seqNoIndent: true, lineWidth: -1, quoteStyle: 'double', schema: YAML11_SCHEMA });
}

/** JSON as kubectl prints it: 4-space indent, sorted keys, trailing newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4) + '\n';
}

export function asList(items: readonly AnyStored[]): unknown {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

export function nameOf(obj: AnyStored): string {
  return `${resourcePrefix(obj.kind)}/${obj.metadata.name}`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
