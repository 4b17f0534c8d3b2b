// Server-side apply: PATCH with `application/apply-patch+yaml` (kubectl sends JSON, which is
// YAML too). The configuration is laid over the live object (or creates it), with field
// ownership deciding conflicts and removals (managed-fields.ts); the result goes through the
// engine's ordinary write door, so defaults, admission and validation are the same as for any write.
import { load } from 'js-yaml';
import { getObject, updateObject, writeObject, type AnyStored, type KindInfo, type Txn } from '../engine/index.ts';
import { isPlainObject } from '../lib/deep.ts';
import { patchSchemaFor } from '../commands/kubectl/verbs/patch-meta.ts';
import { strategicMerge } from '../commands/kubectl/verbs/strategic-merge.ts';
import { decodePatched } from '../commands/kubectl/verbs/patch-decode.ts';
import { conflictMessage, serverSideApply, type Conflict } from './managed-fields.ts';
import { KUBECTL_MANAGER, conflictsNotFromLastApplied, updateLastApplied } from './last-applied.ts';
import { failure, statusOf, type Status } from './status.ts';
import { statusReply, warningHeaders, type Reply } from './reply.ts';
import type { ServeSession } from './session.ts';

type Json = Record<string, unknown>;

export interface ApplyRequest {
  info: KindInfo;
  namespace?: string;
  name: string;
  query: URLSearchParams;
  body: string;
  client?: number;
  /** The manager's time stamp, on the simulated clock. */
  time: string;
}

export function applyRequest(session: ServeSession, req: ApplyRequest, dry: boolean): Reply {
  const manager = req.query.get('fieldManager') ?? '';
  // ValidatePatchOptions: an apply names its manager.
  if (manager === '') {
    return statusReply(failure(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }] }));
  }
  let config: unknown;
  try {
    config = load(req.body);
  } catch (e) {
    return statusReply(failure(400, 'BadRequest', `error decoding YAML: ${(e as Error).message}`));
  }
  if (!isPlainObject(config)) return statusReply(failure(400, 'BadRequest', 'error decoding patch: the body is not an object'));
  const meta = isPlainObject(config['metadata']) ? config['metadata'] : {};
  if (config['apiVersion'] !== req.info.apiVersion || config['kind'] !== req.info.kind) {
    return statusReply(failure(400, 'BadRequest', `the API version in the data (${String(config['apiVersion'] ?? '')}) does not match the expected API version (${req.info.apiVersion})`));
  }
  if (meta['name'] !== req.name) return statusReply(failure(400, 'BadRequest', `the name of the object (${String(meta['name'] ?? '')}) does not match the name on the URL (${req.name})`));
  if (req.namespace !== undefined && typeof meta['namespace'] === 'string' && meta['namespace'] !== req.namespace) {
    return statusReply(failure(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request'));
  }
  // An apply configuration may not carry ownership itself.
  if (meta['managedFields'] !== undefined) return statusReply(failure(400, 'BadRequest', 'metadata.managedFields must be nil'));
  const force = req.query.get('force') === 'true';
  const strict = req.query.get('fieldValidation') === 'Strict';
  const ignore = req.query.get('fieldValidation') === 'Ignore';
  const kind = req.info.kind;
  let warnings: string[] = [];
  const merge = (base: Json, over: Json): Json => {
    const r = strategicMerge(base, over, patchSchemaFor(kind));
    return r.ok ? r.value : { ...base, ...over };
  };
  const written = session.write(
    `user applied ${kind.toLowerCase()} ${req.name}`,
    (txn: Txn) => {
      const got = getObject(txn, kind, req.namespace, req.name);
      const live = got.ok ? (got.value as unknown as Json) : undefined;
      const who = { manager, apiVersion: req.info.apiVersion, time: req.time, force };
      let result = serverSideApply(kind, live, config as Json, who, merge);
      // kubectl moving from client-side apply: what its annotation recorded is no conflict (last-applied.ts).
      if (!result.ok && live && manager === KUBECTL_MANAGER) {
        const left = conflictsNotFromLastApplied(kind, req.info.apiVersion, live, result.conflicts);
        result = left.length === 0 ? serverSideApply(kind, live, config as Json, { ...who, force: true }, merge) : { ok: false, conflicts: left };
      }
      if (!result.ok) return { ok: false as const, status: conflictStatus(result.conflicts) };
      const decoded = decodePatched(kind, updateLastApplied(manager, result.merged, config as Json), config, 'json');
      if (!decoded.ok) return { ok: false as const, status: failure(422, 'Invalid', decoded.error) };
      if (decoded.warnings.length > 0 && strict) {
        const gvk = `${req.info.group}/${req.info.apiVersion.split('/').pop()}, Kind=${kind}`;
        const fields = decoded.warnings.map((w) => `.${/"(.*)"/.exec(w)?.[1] ?? w}: field not declared in schema`).join(', ');
        return { ok: false as const, status: failure(400, 'BadRequest', `failed to create typed patch object (${req.namespace ?? ''}/${req.name}; ${gvk}): ${fields}`) };
      }
      if (!ignore) warnings = decoded.warnings;
      const object = decoded.object;
      object.metadata = { ...object.metadata, ...(req.namespace !== undefined ? { namespace: req.namespace } : {}), managedFields: result.managedFields as never };
      if (!got.ok) return { ...writeObject(txn, object, 'create'), created: true };
      return { ...updateObject(txn, got.value, object as AnyStored), created: false };
    },
    dry,
    req.client,
  );
  if (!written.ok) {
    const refused = written as { status?: Status; error?: Parameters<typeof statusOf>[0] };
    return statusReply(refused.status ?? statusOf(refused.error!, { kind, name: req.name }));
  }
  return { code: written.created ? 201 : 200, body: written.object, headers: warningHeaders(warnings) };
}

/** NewApplyConflict: 409 with one FieldManagerConflict cause per field. */
function conflictStatus(conflicts: Conflict[]): Status {
  return failure(409, 'Conflict', conflictMessage(conflicts), {
    causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${c.manager}`, field: c.path })),
  });
}
