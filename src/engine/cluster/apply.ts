// The API server's write path for user requests: create, apply (create or three-way update),
// replace-by-patch, delete. Order as in the real server: defaulting → admission → validation →
// storage; updates also pass the immutability rules.
import { KINDS } from '../api/kinds.ts';
import type { AnyStored, Kind } from '../api/objects.ts';
import { deepEqual, isPlainObject, mergePatch, stableStringify, threeWayMerge } from '../../lib/deep.ts';
import { formatFieldError, formatInvalid } from '../manifest/validation/index.ts';
import { admitCreate, applyDefaults, validateObject, validateUpdate } from '../registry/index.ts';
import { persistentVolumeWarnings } from '../manifest/validation/storage.ts';
import { DEPRECATED_KINDS } from '../api/deprecations.ts';
import { admitUpdate } from './admission.ts';
import { commitUpdate, withGeneration } from './commit-update.ts';
import { keepServiceAccountToken } from './service-account-admission.ts';
import { foldStringData } from './secret-string-data.ts';
import { alreadyExists, conflict, notFound, type ApiError } from './errors.ts';
import { objectKey } from './keys.ts';
import type { Txn } from './store.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type WriteOutcome = 'created' | 'configured' | 'unchanged';
export type WriteResult =
  | { ok: true; outcome: WriteOutcome; object: AnyStored; warnings: string[] }
  | { ok: false; error: ApiError };
export type DeleteResult = { ok: true; outcome: 'deleted' | 'terminating'; object: AnyStored } | { ok: false; error: ApiError };

/**
 * `kubectl create` (mode `create`) or `kubectl apply` (mode `apply`) of one decoded manifest.
 * The object's namespace must already be resolved by the caller.
 */
export function writeObject(txn: Txn, input: AnyStored, mode: 'create' | 'apply'): WriteResult {
  const key = objectKey(input.kind, input.metadata.namespace, input.metadata.name);
  const live = txn.get(input.kind, key);
  if (live && mode === 'create') return { ok: false, error: alreadyExists(input.kind, input.metadata.name) };
  // Optimistic concurrency: a manifest that carries a resourceVersion (pasted from `get -o yaml`)
  // must name the live one, or the write is refused as the store refuses a stale update.
  const sentVersion = input.metadata.resourceVersion;
  if (live && sentVersion !== undefined && sentVersion !== '' && sentVersion !== live.metadata.resourceVersion) {
    return { ok: false, error: conflict(input.kind, input.metadata.name) };
  }
  const manifest = mode === 'apply' ? withLastApplied(input) : input;
  if (!live) return createObject(txn, manifest);
  const lastApplied = parseLastApplied(live.metadata.annotations?.[LAST_APPLIED]);
  const { status: _ignored, ...desired } = manifest as AnyStored & { status?: unknown };
  const merged = keepServiceAccountToken(live, threeWayMerge(stripServerFields(live), lastApplied, desired) as AnyStored);
  return updateObject(txn, live, merged);
}

/**
 * `kubectl replace` (a PUT): the whole object in place of the live one. The live object must
 * exist (the kinds we model do not create on update); a resourceVersion, when sent, must be the
 * live one, and without one the update is unconditional. `prepare` sees the live object first
 * (`kubesim serve` records managed fields there).
 */
export function replaceObject(txn: Txn, input: AnyStored, prepare: (live: AnyStored, input: AnyStored) => AnyStored = (_live, i) => i): WriteResult {
  const live = txn.get(input.kind, objectKey(input.kind, input.metadata.namespace, input.metadata.name));
  if (!live) return { ok: false, error: notFound(input.kind, input.metadata.name) };
  const sent = input.metadata.resourceVersion;
  if (sent !== undefined && sent !== '' && sent !== live.metadata.resourceVersion) return { ok: false, error: conflict(input.kind, input.metadata.name) };
  return updateObject(txn, live, prepare(live, input));
}

/** Creates a new object from a manifest (defaults, admission, validation). */
export function createObject(txn: Txn, manifest: AnyStored): WriteResult {
  // The server assigns the uid (FillObjectMetaSystemFields): one sent in a manifest is dropped.
  const { uid: _sent, ...metadata } = manifest.metadata;
  const defaulted = applyDefaults(foldStringData({ ...manifest, metadata } as AnyStored));
  if (defaulted.metadata.name !== undefined && defaulted.metadata.name !== '' && !KINDS[defaulted.kind].namespaced) {
    delete defaulted.metadata.namespace;
  }
  const errors = validateObject(defaulted);
  if (errors.length > 0) return invalid(defaulted, errors);
  const admitted = admitCreate(txn, defaulted);
  if (!admitted.ok) return admitted;
  const object = txn.create(admitted.object);
  return { ok: true, outcome: 'created', object, warnings: warningsFor(object) };
}

/**
 * Replaces a live object with an edited copy (apply, patch, label, annotate, a controller's update),
 * if the edit is allowed. `same` tells an edit that changes nothing: key order does not matter in a
 * learner's merged manifest; a controller's copy keeps the stored order, so plain JSON is enough.
 */
export function updateObject(txn: Txn, live: AnyStored, input: AnyStored, same: (a: unknown, b: unknown) => boolean = deepEqual): WriteResult {
  // The v1 → internal conversion runs on updates too: a patch or edit adding stringData lands in data.
  const edited = foldStringData(input);
  const next = {
    ...edited,
    metadata: {
      ...edited.metadata,
      name: live.metadata.name,
      uid: live.metadata.uid,
      resourceVersion: live.metadata.resourceVersion,
      creationTimestamp: live.metadata.creationTimestamp,
      ...(live.metadata.namespace ? { namespace: live.metadata.namespace } : {}),
      ...(live.metadata.generation !== undefined ? { generation: live.metadata.generation } : {}),
      ...(live.metadata.deletionTimestamp ? { deletionTimestamp: live.metadata.deletionTimestamp } : {}),
      // A manifest that leaves finalizers out keeps them; an edit naming the key (a merge patch's
      // `"finalizers": null`) clears them, the usual way out of a stuck Terminating.
      ...(live.metadata.finalizers && !('finalizers' in edited.metadata) ? { finalizers: live.metadata.finalizers } : {}),
    },
    ...('status' in live && live.status !== undefined ? { status: live.status } : {}),
  } as AnyStored;
  if ('finalizers' in next.metadata && next.metadata.finalizers === undefined) delete next.metadata.finalizers;
  if (same(next, live)) return { ok: true, outcome: 'unchanged', object: live, warnings: [] };
  const defaulted = applyDefaults(next);
  const errors = [...validateObject(defaulted), ...validateUpdate(live, defaulted)];
  if (errors.length > 0) return invalid(defaulted, errors);
  if (same(defaulted, live)) return { ok: true, outcome: 'unchanged', object: live, warnings: [] };
  const refused = admitUpdate(txn, live, defaulted);
  if (refused) return { ok: false, error: refused };
  const object = commitUpdate(txn, live, withGeneration(live, defaulted)) ?? defaulted;
  return { ok: true, outcome: 'configured', object, warnings: [] };
}

/** A JSON merge patch (`kubectl patch --type merge -p …`). Status is not patched: it belongs to the controllers (a status subresource). */
export function patchObject(txn: Txn, kind: Kind, key: string, patch: unknown): WriteResult {
  const live = txn.get(kind, key);
  if (!live) return { ok: false, error: notFound(kind, nameOfKey(key)) };
  if (!isPlainObject(patch)) return { ok: false, error: { reason: 'BadRequest', message: 'json: cannot unmarshal into Go value of type map[string]interface {}' } };
  const patched = mergePatch(live, patch) as AnyStored;
  // mergePatch drops a nulled key; tell updateObject the patch removed finalizers on purpose.
  const meta = (patch as { metadata?: unknown }).metadata;
  if (isPlainObject(meta) && 'finalizers' in meta && meta['finalizers'] === null) patched.metadata = { ...patched.metadata, finalizers: undefined };
  return updateObject(txn, live, patched);
}

export function deleteObject(txn: Txn, kind: Kind, key: string, opts: { gracePeriodSeconds?: number } = {}): DeleteResult {
  const live = txn.get(kind, key);
  if (!live) return { ok: false, error: notFound(kind, nameOfKey(key)) };
  // Grace period 0 (`--force --grace-period=0`): the API server removes a pod without waiting for
  // its kubelet to stop it. Finalizers still hold any object.
  if (opts.gracePeriodSeconds === 0 && (live.metadata.finalizers ?? []).length === 0) {
    txn.remove(kind, key);
    return { ok: true, outcome: 'deleted', object: live };
  }
  const r = txn.delete(kind, key, opts.gracePeriodSeconds);
  return { ok: true, outcome: r === 'terminating' ? 'terminating' : 'deleted', object: live };
}

/** The API server's Invalid error for field errors on `obj` (kubectl lists the causes one per line). */
export function invalid(obj: AnyStored, errors: Parameters<typeof formatInvalid>[2]): { ok: false; error: ApiError } {
  return {
    ok: false,
    error: {
      reason: 'Invalid',
      message: formatInvalid(obj.kind, obj.metadata.name ?? '', errors),
      field: errors[0]?.field,
      details: { kind: obj.kind, name: obj.metadata.name ?? '', causes: errors.map(formatFieldError) },
    },
  };
}

function warningsFor(obj: AnyStored): string[] {
  const deprecated = DEPRECATED_KINDS[obj.kind];
  if (deprecated) return [deprecated];
  return obj.kind === 'PersistentVolume' ? persistentVolumeWarnings(obj) : [];
}

/** Records the manifest in the last-applied annotation, as `kubectl apply` does (compact JSON, trailing newline). */
function withLastApplied(obj: AnyStored): AnyStored {
  // util.GetModifiedConfiguration sets the annotations map (minus the old value) back on the object
  // before encoding it, so a manifest without annotations records `"annotations":{}`; the
  // unstructured encoder is Go's json.Encoder: sorted keys, <, >, & escaped, a closing newline.
  const { [LAST_APPLIED]: _old, ...annotations } = obj.metadata.annotations ?? {};
  const recorded = { ...obj, metadata: { ...obj.metadata, annotations } };
  const json = stableStringify(recorded).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: json } } };
}

function parseLastApplied(text: string | undefined): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** The live object without the fields only the server writes, as the base for a merge. */
function stripServerFields(live: AnyStored): AnyStored {
  const { status: _status, ...rest } = live as AnyStored & { status?: unknown };
  return rest as AnyStored;
}

/** The name part of a table key (`namespace/name` or `name`); a key that was never built reads as "". */
function nameOfKey(key: string | undefined): string {
  return typeof key === 'string' ? key.slice(key.lastIndexOf('/') + 1) : '';
}
