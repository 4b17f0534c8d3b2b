// POST, PUT, PATCH and DELETE through the engine's write door (decode → default → admit →
// validate → immutability → store). Each answers what the API server answers: the written object
// (201 on create), or a Status for the error the door made.
import { deleteObject, getObject, listObjects, objectKey, updateObject, writeObject, type AnyStored, type Kind, type KindInfo, type Txn } from '../engine/index.ts';
import { decodePatched } from '../commands/kubectl/verbs/patch-decode.ts';
import { decodeObject } from '../engine/manifest/decode.ts';
import { replaceObject } from '../engine/cluster/apply.ts';
// What Foreground and Orphan do before the delete: the engine's, shared with `kubectl delete --cascade`.
import { markForeground, orphanDependents } from '../engine/controllers/garbage-collector/propagation.ts';
import { failure, statusOf, success } from './status.ts';
import { applyPatch, patchTypeOf } from './patch.ts';
import { statusReply, warningHeaders, type Reply } from './reply.ts';
import type { ServeSession } from './session.ts';
import { applyRequest } from './apply.ts';
import { recordUpdate, stamp } from './managed-fields.ts';

export interface WriteRequest {
  method: string;
  info: KindInfo;
  namespace?: string;
  name?: string;
  query: URLSearchParams;
  contentType?: string;
  body: string;
  /** The connection the request came on: its writes settle together (session.ts). */
  client?: number;
  /** The client's User-Agent: a write without `fieldManager` is managed under its first word. */
  userAgent?: string;
}

/** The manager an ordinary write is recorded under: `fieldManager`, else the User-Agent's prefix (prefixFromUserAgent). */
function managerOf(req: WriteRequest): string {
  return fieldManagerOf(req.query, req.userAgent);
}

/** `fieldManager`, else the User-Agent up to its first `/` (the API server's prefixFromUserAgent). */
export function fieldManagerOf(query: URLSearchParams, userAgent: string | undefined): string {
  return query.get('fieldManager') || (userAgent ?? 'unknown').split('/')[0]!.slice(0, 128);
}

/**
 * `object`'s managedFields after an ordinary write by the request's manager; a request that
 * changes managedFields itself (kubectl's migration to server-side apply) keeps what it sent.
 */
function withManagedFields(session: ServeSession, req: WriteRequest, before: AnyStored | undefined, object: AnyStored): AnyStored {
  const sent = object.metadata.managedFields;
  if (before && sent !== undefined && JSON.stringify(sent) !== JSON.stringify(before.metadata.managedFields)) return object;
  const managedFields = recordUpdate(req.info.kind, before as never, object as never, { manager: managerOf(req), apiVersion: req.info.apiVersion, time: stamp(session.state.now) });
  object.metadata = { ...object.metadata, managedFields: managedFields as never };
  return object;
}

export function writeObjects(session: ServeSession, req: WriteRequest): Reply {
  // A dry run is asked in the query, or for a delete in its DeleteOptions body (kubectl does that).
  const dryRun = [...req.query.getAll('dryRun'), ...(req.method === 'DELETE' ? bodyDryRun(req.body) : [])];
  if (dryRun.some((d) => d !== 'All')) return { code: 400, body: failure(400, 'BadRequest', `dryRun: Unsupported value: "${dryRun.find((d) => d !== 'All')}": supported values: "All"`) };
  const dry = dryRun.length > 0;
  const namespace = req.info.namespaced ? (req.namespace ?? 'default') : undefined;
  switch (req.method) {
    case 'POST':
      return req.name === undefined ? create(session, req, namespace, dry) : methodNotAllowed();
    case 'PUT':
      return req.name !== undefined ? update(session, req, namespace, req.name, dry) : methodNotAllowed();
    case 'PATCH':
      return req.name !== undefined ? patch(session, req, namespace, req.name, dry) : methodNotAllowed();
    case 'DELETE':
      return req.name !== undefined ? remove(session, req, namespace, req.name, dry) : removeCollection(session, req, namespace, dry);
    default:
      return methodNotAllowed();
  }
}

function bodyDryRun(body: string): string[] {
  try {
    const opts = JSON.parse(body) as { dryRun?: unknown };
    return Array.isArray(opts.dryRun) ? opts.dryRun.map(String) : [];
  } catch {
    return [];
  }
}

function methodNotAllowed(): Reply {
  return { code: 405, body: failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource') };
}

/** The body as an object of the URL's kind, in the URL's namespace, or the Status refusing it. */
function decodeBody(req: WriteRequest, namespace: string | undefined): { ok: true; object: AnyStored; warnings: string[] } | { ok: false; reply: Reply } {
  let value: unknown;
  try {
    value = JSON.parse(req.body);
  } catch (e) {
    return { ok: false, reply: { code: 400, body: failure(400, 'BadRequest', `couldn't get version/kind; json parse error: ${(e as Error).message}`) } };
  }
  let decoded = decodeObject(value);
  let warnings: string[] = [];
  // fieldValidation: Strict refuses unknown fields (kubectl sends it by default); Warn (the
  // server's default) and Ignore drop them, Warn with a warning each.
  const validation = req.query.get('fieldValidation') ?? 'Warn';
  if (!decoded.ok && decoded.failure.type === 'decode' && decoded.failure.message.includes('strict decoding error: unknown field') && validation !== 'Strict' && decoded.failure.path) {
    const kind = (value as { kind: Kind }).kind;
    const cleaned = decodePatched(kind, value as Record<string, unknown>, value, 'json');
    if (cleaned.ok) {
      decoded = decodeObject(cleaned.object);
      if (validation === 'Warn') warnings = cleaned.warnings;
    }
  }
  if (!decoded.ok) return { ok: false, reply: { code: 400, body: failure(400, 'BadRequest', decoded.failure.message) } };
  const object = decoded.object;
  if (object.kind !== req.info.kind) {
    return { ok: false, reply: { code: 400, body: failure(400, 'BadRequest', `the API version in the data (${object.apiVersion}) does not match the expected API version (${req.info.apiVersion})`) } };
  }
  if (namespace !== undefined) {
    const own = object.metadata.namespace;
    if (own && own !== namespace) return { ok: false, reply: { code: 400, body: failure(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request') } };
    object.metadata = { ...object.metadata, namespace };
  }
  return { ok: true, object, warnings };
}

function create(session: ServeSession, req: WriteRequest, namespace: string | undefined, dry: boolean): Reply {
  const body = decodeBody(req, namespace);
  if (!body.ok) return body.reply;
  const object = withManagedFields(session, req, undefined, body.object);
  const written = session.write(`user created ${req.info.kind.toLowerCase()} ${body.object.metadata.name}`, (txn) => writeObject(txn, object, 'create'), dry, req.client);
  if (!written.ok) return statusReply(statusOf(written.error, { kind: req.info.kind, name: body.object.metadata.name }));
  return { code: 201, body: written.object, headers: warningHeaders([...body.warnings, ...written.warnings]) };
}

function update(session: ServeSession, req: WriteRequest, namespace: string | undefined, name: string, dry: boolean): Reply {
  const body = decodeBody(req, namespace);
  if (!body.ok) return body.reply;
  const object = body.object;
  if (object.metadata.name !== name) return { code: 400, body: failure(400, 'BadRequest', `the name of the object (${object.metadata.name ?? ''}) does not match the name on the URL (${name})`) };
  const written = session.write(
    `user replaced ${req.info.kind.toLowerCase()} ${name}`,
    // The engine's replace, shared with `kubectl replace`: NotFound, the optimistic lock on a sent resourceVersion.
    (txn) => replaceObject(txn, object, (live, sent) => withManagedFields(session, req, live, sent)),
    dry,
    req.client,
  );
  if (!written.ok) return statusReply(statusOf(written.error, { kind: req.info.kind, name }));
  return { code: 200, body: written.object, headers: warningHeaders(body.warnings) };
}

function patch(session: ServeSession, req: WriteRequest, namespace: string | undefined, name: string, dry: boolean): Reply {
  const type = patchTypeOf(req.contentType);
  if (!type) return { code: 415, body: failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`) };
  if (type === 'apply') return applyRequest(session, { info: req.info, ...(namespace !== undefined ? { namespace } : {}), name, query: req.query, body: req.body, ...(req.client !== undefined ? { client: req.client } : {}), time: stamp(session.state.now) }, dry);
  // ValidatePatchOptions: `force` belongs to apply alone.
  if (req.query.has('force')) return { code: 422, body: failure(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch', { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueForbidden', message: 'Forbidden: may not be specified for non-apply patch', field: 'force' }] }) };
  const validation = req.query.get('fieldValidation') ?? 'Warn';
  let warnings: string[] = [];
  const written = session.write(
    `user patched ${req.info.kind.toLowerCase()} ${name}`,
    (txn: Txn) => {
      const live = getObject(txn, req.info.kind, namespace, name);
      if (!live.ok) return { ok: false as const, error: live.error };
      const patched = applyPatch(live.value, type, req.body, { name, namespace, namespaced: req.info.namespaced });
      if (!patched.ok) return { ok: false as const, status: patched.status };
      // fieldValidation=Strict refuses the unknown fields Warn (the default) warns about.
      if (validation === 'Strict' && patched.warnings.length > 0) return { ok: false as const, status: failure(400, 'BadRequest', `strict decoding error: ${patched.warnings.join(', ')}`) };
      warnings = validation === 'Ignore' ? [] : patched.warnings;
      return updateObject(txn, live.value, withManagedFields(session, req, live.value, patched.object));
    },
    dry,
    req.client,
  );
  if (!written.ok) return statusReply('status' in written ? written.status : statusOf(written.error, { kind: req.info.kind, name }));
  return { code: 200, body: written.object, headers: warningHeaders(warnings) };
}

/** DeleteOptions from the body (kubectl sends one) or the query. */
function deleteOptions(req: WriteRequest): { gracePeriodSeconds?: number; propagationPolicy?: string } | { error: string } {
  let opts: Record<string, unknown> = {};
  if (req.body.trim() !== '') {
    try {
      opts = JSON.parse(req.body) as Record<string, unknown>;
    } catch (e) {
      return { error: `couldn't get version/kind; json parse error: ${(e as Error).message}` };
    }
  }
  const grace = req.query.get('gracePeriodSeconds') ?? opts['gracePeriodSeconds'];
  // The deprecated orphanDependents: true means Orphan.
  const policy = req.query.get('propagationPolicy') ?? opts['propagationPolicy'] ?? (opts['orphanDependents'] === true || req.query.get('orphanDependents') === 'true' ? 'Orphan' : undefined);
  return {
    ...(grace !== undefined && grace !== null ? { gracePeriodSeconds: Number(grace) } : {}),
    ...(typeof policy === 'string' ? { propagationPolicy: policy } : {}),
  };
}

const POLICIES = ['Orphan', 'Background', 'Foreground'];

function remove(session: ServeSession, req: WriteRequest, namespace: string | undefined, name: string, dry: boolean): Reply {
  const opts = deleteOptions(req);
  if ('error' in opts) return { code: 400, body: failure(400, 'BadRequest', opts.error) };
  if (opts.propagationPolicy !== undefined && !POLICIES.includes(opts.propagationPolicy)) {
    return { code: 422, body: failure(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan", "nil"`, { group: 'meta.k8s.io', kind: 'DeleteOptions', causes: [{ reason: 'FieldValueNotSupported', message: `Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan", "nil"`, field: 'propagationPolicy' }] }) };
  }
  const key = objectKey(req.info.kind, namespace, name);
  const grace = opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {};
  const deleted = session.write(`user deleted ${req.info.kind.toLowerCase()} ${name}`, (txn) => {
    if (opts.propagationPolicy === 'Orphan') orphanDependents(txn, req.info.kind, namespace, name);
    if (opts.propagationPolicy === 'Foreground') markForeground(txn, req.info.kind, key);
    const r = deleteObject(txn, req.info.kind, key, grace);
    // A graceful deletion answers the object as it now is, with its deletionTimestamp.
    return r.ok ? { ...r, now: txn.get(req.info.kind, key) } : r;
  }, dry, req.client);
  if (!deleted.ok) return statusReply(statusOf(deleted.error, { kind: req.info.kind, name }));
  if (deleted.now) return { code: 200, body: deleted.now };
  return { code: 200, body: success(req.info.kind, name, deleted.object.metadata.uid) };
}

/** DELETE on a collection (`kubectl delete pvc --all`, `-l`): each matching object, answered as the list deleted. */
function removeCollection(session: ServeSession, req: WriteRequest, namespace: string | undefined, dry: boolean): Reply {
  if (req.info.kind === 'Namespace') return methodNotAllowed();
  const opts = deleteOptions(req);
  if ('error' in opts) return { code: 400, body: failure(400, 'BadRequest', opts.error) };
  const result = session.write(`user deleted ${req.info.plural}`, (txn) => {
    const listed = listObjects(txn, req.info.kind, {
      ...(namespace !== undefined ? { namespace } : {}),
      ...(req.query.get('labelSelector') ? { labelSelector: req.query.get('labelSelector')! } : {}),
      ...(req.query.get('fieldSelector') ? { fieldSelector: req.query.get('fieldSelector')! } : {}),
    });
    if (!listed.ok) return listed;
    for (const o of listed.value) {
      const key = objectKey(o.kind, o.metadata.namespace, o.metadata.name);
      if (opts.propagationPolicy === 'Foreground') markForeground(txn, req.info.kind, key);
      deleteObject(txn, req.info.kind, key, opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {});
    }
    return listed;
  }, dry, req.client);
  if (!result.ok) return statusReply(statusOf(result.error));
  return { code: 200, body: { kind: `${req.info.kind}List`, apiVersion: req.info.apiVersion, metadata: {}, items: result.value } };
}
