// A field by a simple path: `status.phase`, `spec.capacity.storage`, `spec.containers[0].image`,
// `metadata.labels[topology.kubernetes.io/zone]` for keys with dots in them, and `[*]` for every
// item of a list (`spec.volumes[*].persistentVolumeClaim.claimName`: any of the pod's claims).
import { getOwn } from '../../lib/own.ts';

export type PathValue = { found: true; value: unknown } | { found: false };

export function splitPath(path: string): string[] {
  const parts: string[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const m of path.matchAll(re)) parts.push(m[1] ?? m[2]!);
  return parts;
}

/** Every value the path reaches (several only through `[*]`); none when it reaches nothing. */
export function readPaths(obj: unknown, path: string): unknown[] {
  let values: unknown[] = [obj];
  for (const part of splitPath(path)) {
    const next: unknown[] = [];
    for (const v of values) {
      if (Array.isArray(v)) {
        if (part === '*') next.push(...v);
        else if (/^\d+$/.test(part)) next.push(v[Number(part)]);
      } else if (v !== null && typeof v === 'object') {
        // Labels and annotations are keyed by user text: `constructor` is an ordinary key there.
        if (part === '*') next.push(...Object.values(v));
        else next.push(getOwn(v as Record<string, unknown>, part));
      }
    }
    values = next.filter((v) => v !== undefined && v !== null);
  }
  return values;
}

/** The first value the path reaches. */
export function readPath(obj: unknown, path: string): PathValue {
  const values = readPaths(obj, path);
  return values.length ? { found: true, value: values[0] } : { found: false };
}
