// Multi-line field printers of kubectl's describe.go (labels, annotations, taints, tolerations,
// pod lists). Continuation lines start with a tab so the values stay in the aligned column.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { compareStrings, type PrefixWriter } from './format.ts';

const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

/** `printLabelsMultiline` / `printLabelsMultilineWithIndent`: `key=value` lines, sorted. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined | null,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(0, initialIndent);
      w.write(0, innerIndent);
    }
    w.write(0, `${key}=${labels?.[key] ?? ''}\n`);
  });
}

/**
 * `printAnnotationsMultiline`: `key: value` lines, sorted, without last-applied-configuration;
 * long (over 140 characters with the key) or multi-line values go on their own indented lines.
 */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined | null,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort(compareStrings);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, indent);
    const raw = annotations?.[key] ?? '';
    const value = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n')) {
        w.write(0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
      }
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** `Taint.ToString()`: `key=value:Effect` or `key:Effect`. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** `printNodeTaintsMultiline`: sorted by effect, then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...taints].sort((a, b) => compareStrings(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${taintString(t)}\n`);
  });
}

/** `printPodTolerationsMultiline`: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => compareStrings(a.key ?? '', b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(0, initialIndent);
      w.write(0, '\t');
    }
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) {
      text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}

/** `printPodsMultiline` (PVC `Used By:`): pod names sorted. */
export function printNamesMultiline(w: PrefixWriter, title: string, names: readonly string[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!names || names.length === 0) {
    w.writeLine('<none>');
    return;
  }
  [...names].sort(compareStrings).forEach((name, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${name}\n`);
  });
}
