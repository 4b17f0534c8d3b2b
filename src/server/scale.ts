// The `scale` subresource of Deployments, ReplicaSets and StatefulSets (autoscaling/v1 Scale),
// which `kubectl scale` reads and patches: the workload's replicas seen as a Scale, and a change
// to the Scale written back to the workload through the update door.
import { getObject, readerOf, updateObject, type AnyStored, type KindInfo } from '../engine/index.ts';
import { recordUpdate, stamp } from './managed-fields.ts';
import { conflict } from '../engine/cluster/errors.ts';
import { formatLabelSelector } from '../commands/kubectl/printers/format.ts';
import { isPlainObject, mergePatch } from '../lib/deep.ts';
import { applyJsonPatch } from '../commands/kubectl/verbs/json-patch.ts';
import { patchTypeOf } from './patch.ts';
import { failure, statusOf } from './status.ts';
import { statusReply, type Reply } from './reply.ts';
import type { ServeSession } from './session.ts';

type Workload = AnyStored & { spec?: { replicas?: number; selector?: unknown }; status?: { replicas?: number } };

function scaleOf(obj: Workload): Record<string, unknown> {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 1 },
    status: { replicas: obj.status?.replicas ?? 0, selector: formatLabelSelector(obj.spec?.selector as never) },
  };
}

export function scaleRequest(session: ServeSession, method: string, r: { info: KindInfo; namespace?: string; name?: string }, body: string, contentType: string | undefined, client?: number, manager = 'unknown'): Reply {
  const { info } = r;
  if (!['Deployment', 'ReplicaSet', 'StatefulSet'].includes(info.kind) || r.name === undefined) {
    return { code: 404, body: failure(404, 'NotFound', 'the server could not find the requested resource', {}) };
  }
  const name = r.name;
  const namespace = r.namespace ?? 'default';
  if (method === 'GET') {
    const got = getObject(readerOf(session.state), info.kind, namespace, name);
    return got.ok ? { code: 200, body: scaleOf(got.value as Workload) } : statusReply(statusOf(got.error, { kind: info.kind, name }));
  }
  if (method !== 'PUT' && method !== 'PATCH') return { code: 405, body: failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource') };
  let sent: unknown;
  try {
    sent = JSON.parse(body);
  } catch (e) {
    return { code: 400, body: failure(400, 'BadRequest', `couldn't get version/kind; json parse error: ${(e as Error).message}`) };
  }
  const type = method === 'PATCH' ? patchTypeOf(contentType) : undefined;
  if (method === 'PATCH' && (type === undefined || type === 'apply')) return { code: 415, body: failure(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format') };
  const result = session.write(`user scaled ${info.kind.toLowerCase()} ${name}`, (txn) => {
    const live = getObject(txn, info.kind, namespace, name);
    if (!live.ok) return live;
    const current = scaleOf(live.value as Workload);
    let next: unknown = sent;
    if (type === 'json') {
      const applied = applyJsonPatch(current, Array.isArray(sent) ? sent : []);
      if (!applied.ok) return { ok: false as const, status: failure(422, 'Invalid', 'the server rejected our request due to an error in our request', {}) };
      next = applied.value;
    } else if (type !== undefined) next = mergePatch(current, sent);
    const spec = isPlainObject(next) && isPlainObject(next['spec']) ? next['spec'] : {};
    const meta = isPlainObject(next) && isPlainObject(next['metadata']) ? next['metadata'] : {};
    const rv = meta['resourceVersion'];
    if (typeof rv === 'string' && rv !== '' && rv !== live.value.metadata.resourceVersion) return { ok: false as const, error: conflict(info.kind, name) };
    const replicas = spec['replicas'];
    if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
      return { ok: false as const, error: { reason: 'Invalid' as const, message: '', details: { kind: 'Scale', name, causes: [`spec.replicas: Invalid value: ${JSON.stringify(replicas ?? null)}: must be an integer`] } } };
    }
    const workload = live.value as Workload;
    const scaled = { ...workload, spec: { ...workload.spec, replicas } };
    // The scale subresource's writer owns .spec.replicas, recorded with subresource "scale".
    const managedFields = recordUpdate(info.kind, workload as never, scaled as never, { manager, apiVersion: info.apiVersion, time: stamp(session.state.now), subresource: 'scale' });
    return updateObject(txn, live.value, { ...scaled, metadata: { ...workload.metadata, managedFields } } as AnyStored);
  }, false, client);
  if (!result.ok) return 'status' in result ? statusReply(result.status) : statusReply(statusOf(result.error, { kind: info.kind, name }));
  return { code: 200, body: scaleOf(result.object as Workload) };
}
