// kubectl's generic describer (`genericDescriber`), used for kinds without a dedicated describer:
// among ours, CSIDriver and VolumeAttachment. It prints Name, Namespace, Labels, Annotations, then
// every other field of the object with "smart" labels (`apiVersion` → `API Version`), sorted by key.
import type { Event } from 'kubernetes-types/core/v1';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import { DescribeWriter, compareStrings, type PrefixWriter } from './format.ts';

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

interface GenericObject {
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

export function describeGeneric(obj: GenericObject, now: number, events: readonly Event[] | undefined): string {
  const w = new DescribeWriter();
  const meta = obj.metadata ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  printUnstructuredContent(w, 0, obj as Record<string, unknown>, '');
  describeEvents(
    w,
    eventsAbout({ kind: obj.kind ?? '', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events),
    now,
  );
  return w.toString();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go's `%v` of a JSON value. */
function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort(compareStrings);
    return `map[${keys.map((k) => `${k}:${goValue(value[k])}`).join(' ')}]`;
  }
  return String(value);
}

function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort(compareStrings)) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (SKIP.includes(path)) continue;
    if (isPlainObject(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isPlainObject(child)) printUnstructuredContent(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** `smartLabelFor`: `creationTimestamp` → `Creation Timestamp`, `apiVersion` → `API Version`. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelcaseSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

/** `github.com/fatih/camelcase.Split`. */
function camelcaseSplit(src: string): string[] {
  const classOf = (r: string): number =>
    /\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4;
  const runs: string[][] = [];
  let last = 0;
  for (const r of src) {
    const c = classOf(r);
    if (c === last && runs.length > 0) runs[runs.length - 1]?.push(r);
    else runs.push([r]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i] ?? [];
    const next = runs[i + 1] ?? [];
    if (cur.length > 0 && next.length > 0 && classOf(cur[0] ?? '') === 2 && classOf(next[0] ?? '') === 1) {
      const moved = cur.pop();
      if (moved !== undefined) next.unshift(moved);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
