// POST …/pods/NAME/eviction (policy/v1 Eviction), what `kubectl drain` sends for each pod: the pod
// is deleted as its DeleteOptions say. There are no PodDisruptionBudgets in the simulation, so an
// eviction is never refused for one.
import { deleteObject, objectKey, type KindInfo } from '../engine/index.ts';
import { isPlainObject } from '../lib/deep.ts';
import { failure, statusOf } from './status.ts';
import { statusReply, type Reply } from './reply.ts';
import type { ServeSession } from './session.ts';

export function evict(session: ServeSession, r: { info: KindInfo; namespace?: string; name?: string }, body: string, client: number): Reply {
  if (r.info.kind !== 'Pod' || r.name === undefined) return { code: 404, body: failure(404, 'NotFound', 'the server could not find the requested resource', {}) };
  const name = r.name;
  let eviction: unknown;
  try {
    eviction = JSON.parse(body);
  } catch (e) {
    return { code: 400, body: failure(400, 'BadRequest', `couldn't get version/kind; json parse error: ${(e as Error).message}`) };
  }
  const options = isPlainObject(eviction) && isPlainObject(eviction['deleteOptions']) ? eviction['deleteOptions'] : {};
  const grace = typeof options['gracePeriodSeconds'] === 'number' ? { gracePeriodSeconds: options['gracePeriodSeconds'] } : {};
  const key = objectKey('Pod', r.namespace ?? 'default', name);
  const result = session.write(`user evicted pod ${name}`, (txn) => deleteObject(txn, 'Pod', key, grace), false, client);
  if (!result.ok) return statusReply(statusOf(result.error, { kind: 'Pod', name }));
  return { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
}
