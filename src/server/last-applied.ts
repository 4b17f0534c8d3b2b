// What the API server's field manager does with kubectl's client-side apply annotation
// (`kubectl.kubernetes.io/last-applied-configuration`) when field manager `kubectl` applies on
// the server (apimachinery's lastappliedmanager.go and lastappliedupdater.go, v0.34):
// - moving from client-side to server-side apply is no conflict for a field the annotation
//   recorded with the value the object still has (kubectl applied it, so kubectl may take it);
// - after the apply, an object that has the annotation gets it rewritten to the configuration
//   just applied, so a later client-side `kubectl apply` diffs against what was applied last.
// Another field manager opts out of both.
import { isPlainObject } from '../lib/deep.ts';
import type { Kind } from '../engine/index.ts';
import { LAST_APPLIED_ANNOTATION, goJson } from '../commands/kubectl/verbs/apply-patch.ts';
import { fieldPaths, valueAt, type Conflict } from './managed-fields.ts';

type Json = Record<string, unknown>;

/** The only manager the API server does this for. */
export const KUBECTL_MANAGER = 'kubectl';

function annotationOf(obj: Json | undefined): string | undefined {
  const meta = obj?.['metadata'];
  const annotations = isPlainObject(meta) ? meta['annotations'] : undefined;
  const text = isPlainObject(annotations) ? annotations[LAST_APPLIED_ANNOTATION] : undefined;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/**
 * The conflicts left once those the live object's annotation allows are taken out
 * (allowedConflictsFromLastApplied): a field the annotation has, with the value the live object
 * has. Without a usable annotation (none, not JSON, another apiVersion) every conflict stays.
 */
export function conflictsNotFromLastApplied(kind: Kind, apiVersion: string, live: Json, conflicts: readonly Conflict[]): Conflict[] {
  const text = annotationOf(live);
  if (text === undefined) return [...conflicts];
  let last: unknown;
  try {
    last = JSON.parse(text);
  } catch {
    return [...conflicts];
  }
  if (!isPlainObject(last) || last['apiVersion'] !== apiVersion) return [...conflicts];
  const recorded = fieldPaths(kind, last);
  const allowed = (c: Conflict) => recorded.has(JSON.stringify(c.fields)) && JSON.stringify(valueAt(last, c.fields)) === JSON.stringify(valueAt(live, c.fields));
  return conflicts.filter((c) => !allowed(c));
}

/**
 * buildLastApplied: the applied configuration without the annotation, as runtime.Encode writes it
 * (Go's JSON, keys sorted, a newline at the end). An `annotations` map the configuration had stays,
 * even emptied; one it did not have is not added.
 */
export function lastAppliedOf(config: Json): string {
  const copy = structuredClone(config);
  const meta = copy['metadata'];
  if (isPlainObject(meta) && isPlainObject(meta['annotations'])) delete meta['annotations'][LAST_APPLIED_ANNOTATION];
  return goJson(copy) + '\n';
}

/** lastAppliedUpdater: the applied object with its annotation, if it has one, brought up to date. */
export function updateLastApplied(manager: string, applied: Json, config: Json): Json {
  if (manager !== KUBECTL_MANAGER || annotationOf(applied) === undefined) return applied;
  const meta = applied['metadata'] as Json;
  return { ...applied, metadata: { ...meta, annotations: { ...(meta['annotations'] as Json), [LAST_APPLIED_ANNOTATION]: lastAppliedOf(config) } } };
}
