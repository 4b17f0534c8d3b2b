// The API's door for controllers' updates. A controller writes as any client does and passes the
// same steps; it skips only what the real API server skips for it:
//   - updateStatus: PUT …/status (kubelet, binder phases, conditions, replicas counts). The status
//     strategies' PrepareForUpdate keeps the stored spec (a pod's also its deletionTimestamp and
//     ownerReferences); we keep all stored metadata too, since no controller here writes metadata
//     through status. Status validation (cheap: it never looks at the spec), a new resourceVersion,
//     the same generation.
//   - updateResource: PUT on the object (a PV's claimRef, a claim's volumeName, annotations,
//     finalizers, replicas, taints). PrepareForUpdate keeps the stored status, then defaulting,
//     validation, immutability and update admission exactly as for a learner's apply
//     (updateObject); generation moves when the spec does; dropping the last finalizer of an
//     object being deleted deletes it.
//   - bindPod: POST pods/binding, the scheduler's Bind. It sets spec.nodeName and the PodScheduled
//     condition straight in storage: none of the pod update rules (spec.nodeName may not change
//     through a pod update) and no new generation.
// A write names the resourceVersion it read: a stale one is a Conflict, as the store's optimistic
// lock answers. A refused write returns the API error and never throws; the controller keeps the
// object it had and, being level-triggered, tries again on its next pass as a real one requeues.
import type { Kind, Stored } from '../api/objects.ts';
import { rfc3339 } from '../runtime/clock.ts';
import { invalid, updateObject } from './apply.ts';
import { conflict, notFound, type ApiError } from './errors.ts';
import { jsonEqual } from './json-equal.ts';
import { keyOf } from './keys.ts';
import { validateStatusUpdate } from './status-validation.ts';
import type { Txn } from './store.ts';

/** What a controller's write did: the object as stored (undefined when the write deleted it), or the API's refusal. */
export type ControllerWrite<K extends Kind> = { ok: true; object: Stored<K> | undefined } | { ok: false; error: ApiError };

/** The object a write left, or `fallback` (the one the controller had) when it was refused or the object went. */
export function writtenOr<K extends Kind>(result: ControllerWrite<K>, fallback: Stored<K>): Stored<K> {
  return result.ok && result.object ? result.object : fallback;
}

type WithStatus = { status?: unknown };

/** PUT …/status: only `next.status` is taken; the stored spec and metadata stay. */
export function updateStatus<K extends Kind>(txn: Txn, next: Stored<K>): ControllerWrite<K> {
  const found = liveFor(txn, next);
  if (!found.ok) return found;
  const live = found.object;
  const status = (next as WithStatus).status;
  const before = (live as WithStatus).status;
  // An update that changes nothing is not written (the store compares the encoded object).
  if (jsonEqual(status, before)) return { ok: true, object: live };
  const candidate = { ...live, status } as unknown as Stored<K>;
  const errors = validateStatusUpdate(live, candidate);
  if (errors.length > 0) return invalid(candidate, errors);
  return { ok: true, object: txn.update(candidate) };
}

/** PUT on the object itself: spec and metadata from `next`, the stored status kept, every update rule applied. */
export function updateResource<K extends Kind>(txn: Txn, next: Stored<K>): ControllerWrite<K> {
  const found = liveFor(txn, next);
  if (!found.ok) return found;
  const r = updateObject(txn, found.object, next, jsonEqual);
  if (!r.ok) return r;
  return { ok: true, object: txn.get(next.kind, keyOf(next)) };
}

/** POST pods/binding: puts an unassigned pod on `nodeName` (the binding carries the pod's uid, not a resourceVersion). */
export function bindPod(txn: Txn, pod: Stored<'Pod'>, nodeName: string): ControllerWrite<'Pod'> {
  const live = txn.get('Pod', keyOf(pod));
  if (!live || live.metadata.uid !== pod.metadata.uid) return { ok: false, error: notFound('Pod', pod.metadata.name) };
  const refuse = (why: string): ControllerWrite<'Pod'> => ({
    ok: false,
    error: { reason: 'Conflict', message: `Operation cannot be fulfilled on pods/binding "${live.metadata.name}": ${why}` },
  });
  if (live.metadata.deletionTimestamp) return refuse(`pod ${live.metadata.name} is being deleted, cannot be assigned to a host`);
  if (live.spec?.nodeName) return refuse(`pod ${live.metadata.name} is already assigned to node "${live.spec.nodeName}"`);
  const conditions = [...(live.status?.conditions ?? [])];
  // UpdatePodCondition: the condition is replaced; its transition time moves only when its status does.
  const i = conditions.findIndex((c) => c.type === 'PodScheduled');
  const now = rfc3339(txn.state.now);
  const scheduled = { type: 'PodScheduled', status: 'True', lastTransitionTime: i >= 0 && conditions[i]!.status === 'True' ? conditions[i]!.lastTransitionTime : now };
  if (i >= 0) conditions[i] = scheduled;
  else conditions.push(scheduled);
  return { ok: true, object: txn.update({ ...live, spec: { ...live.spec!, nodeName }, status: { ...live.status, conditions } }) };
}

/** The stored object `next` is a new version of, if `next` was made from it. */
function liveFor<K extends Kind>(txn: Txn, next: Stored<K>): { ok: true; object: Stored<K> } | { ok: false; error: ApiError } {
  const live = txn.get(next.kind, keyOf(next));
  if (!live) return { ok: false, error: notFound(next.kind, next.metadata.name) };
  const sent = next.metadata.resourceVersion;
  if (sent !== undefined && sent !== '' && sent !== live.metadata.resourceVersion) return { ok: false, error: conflict(next.kind, next.metadata.name) };
  return { ok: true, object: live };
}
