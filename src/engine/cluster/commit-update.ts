// The last steps of every accepted update, shared by the learner's door (apply.ts) and the
// controllers' (controller-writes.ts): the generation rule, and the registry store's Update,
// which deletes instead of storing when the write drops the last finalizer of an object whose
// deletion is only waiting for its finalizers (ShouldDeleteDuringUpdate).
import type { Kind, Stored } from '../api/objects.ts';
import { tracksGeneration } from '../registry/index.ts';
import { keyOf } from './keys.ts';
import type { Txn } from './store.ts';

/**
 * `next` with the generation it gets: the live one, plus one when the spec changed for a kind that
 * counts spec changes (the strategies' PrepareForUpdate; a status write never changes the spec).
 */
export function withGeneration<K extends Kind>(live: Stored<K>, next: Stored<K>): Stored<K> {
  const generation = live.metadata.generation;
  const before = (live as { spec?: unknown }).spec;
  const after = (next as { spec?: unknown }).spec;
  // Comparing the spec object itself first skips serialising it when it was kept (most writes).
  const bumped = tracksGeneration(next.kind) && before !== after && JSON.stringify(before) !== JSON.stringify(after);
  const value = bumped ? (generation ?? 1) + 1 : generation;
  if (next.metadata.generation === value) return next;
  const { generation: _dropped, ...metadata } = next.metadata;
  return { ...next, metadata: value === undefined ? metadata : { ...metadata, generation: value } } as Stored<K>;
}

/**
 * Stores `next` over `live`, or deletes the object when `next` has no finalizers left, a delete
 * was requested, and no grace period is running (a pod being stopped by its kubelet stays).
 * Returns the stored object, or undefined when the object went.
 */
export function commitUpdate<K extends Kind>(txn: Txn, live: Stored<K>, next: Stored<K>): Stored<K> | undefined {
  if ((next.metadata.finalizers ?? []).length === 0 && live.metadata.deletionTimestamp && !live.metadata.deletionGracePeriodSeconds) {
    txn.remove(next.kind, keyOf(next));
    return undefined;
  }
  return txn.update(next);
}
