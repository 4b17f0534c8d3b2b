// PATCH as the API server applies it (handlers/patch.go): the body's content type names the
// patch kind; the patch is applied to the stored object, the result decoded, then sent through the
// engine's ordinary update door. Strategic merge and JSON patch are the commands layer's own
// implementations, the same ones `kubectl patch` in `kubesim run` uses.
import type { AnyStored } from '../engine/index.ts';
import { isPlainObject, mergePatch } from '../lib/deep.ts';
import { patchSchemaFor } from '../commands/kubectl/verbs/patch-meta.ts';
import { strategicMerge } from '../commands/kubectl/verbs/strategic-merge.ts';
import { applyJsonPatch, jsonPatchDecodeError } from '../commands/kubectl/verbs/json-patch.ts';
import { decodePatched } from '../commands/kubectl/verbs/patch-decode.ts';
import { failure, type Status } from './status.ts';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const CONTENT_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return CONTENT_TYPES[media];
}

/** The patched object, decoded and ready for the update door, or the Status the server answers. */
export function applyPatch(
  live: AnyStored,
  type: Exclude<PatchType, 'apply'>,
  body: string,
  target: { name: string; namespace?: string; namespaced: boolean },
): { ok: true; object: AnyStored; warnings: string[] } | { ok: false; status: Status } {
  const bad = (message: string) => ({ ok: false as const, status: failure(400, 'BadRequest', message) });
  let patch: unknown;
  try {
    patch = JSON.parse(body);
  } catch {
    return bad('invalid JSON patch');
  }
  let patched: Record<string, unknown>;
  if (type === 'json') {
    const decodeError = jsonPatchDecodeError(patch);
    if (decodeError) return bad(decodeError);
    const applied = applyJsonPatch(live, (patch ?? []) as unknown[]);
    if (!applied.ok) return { ok: false, status: unprocessable() };
    if (!isPlainObject(applied.value)) return bad('json: cannot unmarshal array into Go value of type map[string]interface {}');
    patched = applied.value;
  } else {
    if (!isPlainObject(patch) && patch !== null) return bad(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`);
    if (type === 'merge') patched = mergePatch(live, patch ?? {}) as Record<string, unknown>;
    else {
      const merged = strategicMerge(live as unknown as Record<string, unknown>, patch ?? {}, patchSchemaFor(live.kind));
      if (!merged.ok) {
        const e = merged.error;
        return { ok: false, status: e.status === 'BadRequest' ? failure(400, 'BadRequest', e.message) : e.status === 'Unprocessable' ? unprocessable() : failure(500, '', e.message) };
      }
      patched = merged.value;
    }
  }
  const meta = isPlainObject(patched['metadata']) ? patched['metadata'] : {};
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  if (name !== target.name) return bad(`the name of the object (${name}) does not match the name on the URL (${target.name})`);
  const ns = typeof meta['namespace'] === 'string' ? meta['namespace'] : '';
  if (target.namespaced && ns !== '' && ns !== target.namespace) return bad(`the namespace of the object (${ns}) does not match the namespace on the request (${target.namespace})`);
  const decoded = decodePatched(live.kind, patched, patch, type === 'strategic' ? 'converter' : 'json');
  if (!decoded.ok) {
    // NewInvalid with no kind or name and one cause on the field `patch`; decodePatched words it as
    // kubectl prints that (`The request is invalid: patch: Invalid value: …`).
    const cause = decoded.error.replace(/^The request is invalid: /, '');
    const at = cause.indexOf(': ');
    return {
      ok: false,
      status: failure(422, 'Invalid', ` "" is invalid: ${cause}`, { causes: [{ reason: 'FieldValueInvalid', message: cause.slice(at + 2), field: cause.slice(0, at) }] }),
    };
  }
  const object = decoded.object;
  // A merge patch's `"finalizers": null` removes them; the update door keeps finalizers an edit leaves out.
  if (live.metadata.finalizers && !('finalizers' in object.metadata)) object.metadata = { ...object.metadata, finalizers: undefined };
  return { ok: true, object, warnings: decoded.warnings };
}

/**
 * NewGenericServerResponse(422): a patch that cannot be applied. The server's own words stay in
 * its log; the client gets the fixed message (kubectl: `The request is invalid: the server …`).
 */
function unprocessable(): Status {
  return failure(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
}

function jsonKind(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
}
