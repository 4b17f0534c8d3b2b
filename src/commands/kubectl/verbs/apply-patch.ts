// What `kubectl apply` prints when the server refuses the patch it sent for a live object
// (apply.go's `error when applying patch:\n<patch>\nto:\n<info>\nfor:` around patcher.go's
// `error when patching`), and the patch itself: kubectl's three-way merge of the last applied
// configuration, the manifest and the live object, as compact JSON with Go's key order and escapes.
import { KINDS, type Kind } from '../../../engine/index.ts';
import { isPlainObject, stableStringify } from '../../../lib/deep.ts';
import { goQuote } from '../../../engine/api/go-strings.ts';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Go's json.Marshal: sorted map keys, and <, >, &, U+2028, U+2029 escaped. */
export function goJson(value: unknown): string {
  return stableStringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * util.GetModifiedConfiguration(obj, annotate=true): the manifest (namespace filled in by the
 * builder) with its annotations map, minus any old last-applied value, recorded in itself.
 */
export function modifiedConfiguration(manifest: Record<string, unknown>): Record<string, unknown> {
  const metadata = isPlainObject(manifest['metadata']) ? manifest['metadata'] : {};
  const annotations: Record<string, unknown> = { ...(isPlainObject(metadata['annotations']) ? metadata['annotations'] : {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  const recorded = { ...manifest, metadata: { ...metadata, annotations } };
  // runtime.Encode ends the JSON with a newline, which stays in the annotation.
  const text = goJson(recorded) + '\n';
  return { ...manifest, metadata: { ...metadata, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: text } } };
}

/**
 * CreateThreeWayMergePatch, for maps: what changed from live to modified (additions and changes),
 * plus what the last applied configuration had and modified dropped (set to null). Lists are
 * replaced whole when they differ, as for lists without a merge key.
 */
export function threeWayPatch(original: unknown, modified: unknown, current: unknown): Record<string, unknown> {
  return mergeDeep(deletions(original, modified), changes(current, modified));
}

function changes(current: unknown, modified: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(modified)) return out;
  const cur = isPlainObject(current) ? current : {};
  for (const [k, v] of Object.entries(modified)) {
    const c = Object.prototype.hasOwnProperty.call(cur, k) ? cur[k] : undefined;
    if (isPlainObject(v) && isPlainObject(c)) {
      const inner = changes(c, v);
      if (Object.keys(inner).length > 0) out[k] = inner;
    } else if (c === undefined || stableStringify(c) !== stableStringify(v)) {
      out[k] = v;
    }
  }
  return out;
}

function deletions(original: unknown, modified: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(original)) return out;
  const mod = isPlainObject(modified) ? modified : {};
  for (const [k, v] of Object.entries(original)) {
    if (!Object.prototype.hasOwnProperty.call(mod, k)) out[k] = null;
    else if (isPlainObject(v) && isPlainObject(mod[k])) {
      const inner = deletions(v, mod[k]);
      if (Object.keys(inner).length > 0) out[k] = inner;
    }
  }
  return out;
}

function mergeDeep(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const x = out[k];
    out[k] = isPlainObject(x) && isPlainObject(v) ? mergeDeep(x, v) : v;
  }
  return out;
}

/** resource.Info.String(): the mapping (GroupVersionResource and Kind) and the object's name and namespace. */
export function infoString(kind: Kind, name: string, namespace: string): string {
  const info = KINDS[kind];
  const gv = info.group ? info.apiVersion : `/${info.apiVersion}`;
  return `Resource: "${gv}, Resource=${info.plural}", GroupVersionKind: "${gv}, Kind=${kind}"\nName: ${goQuote(name)}, Namespace: ${goQuote(namespace)}`;
}

/** The whole message after `Error from server (Reason): ` for a refused apply patch. */
export function applyPatchError(patch: Record<string, unknown>, kind: Kind, name: string, namespace: string, source: string, message: string): string {
  return `error when applying patch:\n${goJson(patch)}\nto:\n${infoString(kind, name, namespace)}\nfor: "${source}": error when patching "${source}": ${message}`;
}
