// The API server's object store, as a copy-on-write transaction over ClusterState.
//
// Design: a transaction shallow-copies the state and copies a kind's table the first time that
// kind is written, so earlier snapshots (time travel, undo, tests) are never mutated. Stored
// objects are replaced, never edited in place. Every accepted write is appended to `changes`,
// which the runtime groups into timeline steps.
import { KINDS } from '../api/kinds.ts';
import type { AnyStored, Kind, ObjectRef, Stored } from '../api/objects.ts';
import { rfc3339 } from '../runtime/clock.ts';
import { newUid } from '../runtime/ids.ts';
import { tracksGeneration } from '../registry/index.ts';
import { getOwn, setOwn } from '../../lib/own.ts';
import { keyOf, objectKey, refOf } from './keys.ts';
import type { Change, ClusterState, KindTable } from './state.ts';


export interface Txn {
  /** The working state; read it freely, write it only through the methods below. */
  readonly state: ClusterState;
  /** Writes accepted so far, in order. */
  readonly changes: Change[];
  get<K extends Kind>(kind: K, key: string): Stored<K> | undefined;
  getRef(ref: ObjectRef): AnyStored | undefined;
  /** Objects of a kind sorted by key (etcd order), optionally in one namespace. */
  list<K extends Kind>(kind: K, namespace?: string): Stored<K>[];
  count(kind: Kind): number;
  /** Stores a new object, filling uid, resourceVersion, creationTimestamp and generation. */
  create<K extends Kind>(obj: Stored<K>): Stored<K>;
  /**
   * Stores a new version of an object, bumping resourceVersion and nothing else: what a write may
   * change, its generation and whether it deletes instead (the last finalizer of an object being
   * deleted) are decided by the API's doors (apply.ts, controller-writes.ts), never here.
   */
  update<K extends Kind>(obj: Stored<K>): Stored<K> | undefined;
  /**
   * Deletes like the API server: an object with finalizers only gets a deletionTimestamp; one without
   * is removed at once. A pod on a node is deleted gracefully: its deletionTimestamp is when the
   * grace period (`gracePeriodSeconds`, else the pod's terminationGracePeriodSeconds) ends, and its
   * kubelet removes it. Returns what happened.
   */
  delete(kind: Kind, key: string, gracePeriodSeconds?: number): 'deleted' | 'terminating' | 'not-found';
  /** Removes an object now, ignoring finalizers (the garbage collector's last step). */
  remove(kind: Kind, key: string): void;
  /**
   * The state as it is now, frozen: later writes in this transaction copy again instead of
   * touching it. The timeline keeps one per step for time travel.
   */
  snapshot(): ClusterState;
}

export function beginTxn(base: ClusterState): Txn {
  // Small bookkeeping tables are copied whole; object tables are copied per kind on first write.
  const state: ClusterState = {
    ...base,
    objects: { ...base.objects },
    eventIndex: { ...base.eventIndex },
    scheduling: { ...base.scheduling },
    binding: { ...base.binding },
    nodeFiles: { ...base.nodeFiles },
    volumeData: { ...base.volumeData },
    containers: { ...base.containers },
    docker: base.docker,
    addons: [...base.addons],
  };
  const copied = new Set<Kind>();
  const changes: Change[] = [];
  const sortedCache = new Map<Kind, Stored<Kind>[]>();

  const table = (kind: Kind): KindTable => state.objects[kind] ?? {};
  const writable = (kind: Kind): KindTable => {
    if (!copied.has(kind)) {
      state.objects[kind] = { ...(state.objects[kind] ?? {}) };
      copied.add(kind);
    }
    sortedCache.delete(kind);
    return state.objects[kind]!;
  };
  const nextResourceVersion = (): string => String(++state.resourceVersion);

  const txn: Txn = {
    state,
    changes,
    get: <K extends Kind>(kind: K, key: string) => getOwn(table(kind), key) as Stored<K> | undefined,
    getRef: (ref) => getOwn(table(ref.kind), objectKey(ref.kind, ref.namespace, ref.name)),
    list<K extends Kind>(kind: K, namespace?: string): Stored<K>[] {
      let all = sortedCache.get(kind);
      if (!all) {
        const t = table(kind);
        all = Object.keys(t).sort().map((k) => t[k]!) as Stored<Kind>[];
        sortedCache.set(kind, all);
      }
      const list = all as Stored<K>[];
      return namespace === undefined ? list : list.filter((o) => o.metadata.namespace === namespace);
    },
    count: (kind) => Object.keys(table(kind)).length,
    create<K extends Kind>(obj: Stored<K>): Stored<K> {
      const stored = {
        ...obj,
        metadata: {
          ...obj.metadata,
          ...(KINDS[obj.kind].namespaced ? { namespace: obj.metadata.namespace ?? 'default' } : {}),
          // A strategy that needs the uid before storage (a Job's generated selector) draws it itself.
          uid: obj.metadata.uid ?? newUid(state),
          resourceVersion: nextResourceVersion(),
          creationTimestamp: rfc3339(state.now),
          ...(tracksGeneration(obj.kind) ? { generation: 1 } : {}),
        },
      } as Stored<K>;
      setOwn<AnyStored>(writable(obj.kind), keyOf(stored), stored);
      changes.push({ type: 'created', ref: refOf(stored), object: stored, resourceVersion: state.resourceVersion });
      return stored;
    },
    update<K extends Kind>(obj: Stored<K>): Stored<K> | undefined {
      const key = keyOf(obj);
      const old = getOwn(table(obj.kind), key);
      if (!old) return undefined;
      const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: nextResourceVersion() } } as Stored<K>;
      setOwn<AnyStored>(writable(obj.kind), key, stored);
      changes.push({ type: 'updated', ref: refOf(stored), object: stored, before: old, resourceVersion: state.resourceVersion });
      return stored;
    },
    delete(kind, key, gracePeriodSeconds) {
      const old = getOwn(table(kind), key);
      if (!old) return 'not-found';
      const graceful = isGracefulPod(old);
      if ((old.metadata.finalizers ?? []).length === 0 && !graceful) {
        txn.remove(kind, key);
        return 'deleted';
      }
      if (!old.metadata.deletionTimestamp) {
        // BeforeDelete (pkg/registry/rest/delete.go): a pod's grace comes from the request, else its
        // spec; other objects waiting on finalizers get 0. The timestamp is when the grace ends.
        const grace = graceful ? (gracePeriodSeconds ?? (old as Stored<'Pod'>).spec?.terminationGracePeriodSeconds ?? DEFAULT_POD_GRACE_SECONDS) : 0;
        const marked = {
          ...old,
          metadata: { ...old.metadata, deletionTimestamp: rfc3339(state.now + grace * 1000), deletionGracePeriodSeconds: grace, resourceVersion: nextResourceVersion() },
        } as AnyStored;
        setOwn(writable(kind), key, marked);
        changes.push({ type: 'updated', ref: refOf(marked), object: marked, before: old, resourceVersion: state.resourceVersion });
      }
      return 'terminating';
    },
    remove(kind, key) {
      const old = getOwn(table(kind), key);
      if (!old) return;
      delete writable(kind)[key];
      changes.push({ type: 'deleted', ref: refOf(old), before: old, resourceVersion: ++state.resourceVersion });
    },
    snapshot() {
      // Object tables are shared with the snapshot until their next write (copied is cleared);
      // the bookkeeping maps are only ever written by key, so a shallow copy of each is enough.
      copied.clear();
      return {
        ...state,
        objects: { ...state.objects },
        eventIndex: { ...state.eventIndex },
        scheduling: { ...state.scheduling },
        binding: { ...state.binding },
        nodeFiles: { ...state.nodeFiles },
        volumeData: { ...state.volumeData },
        containers: { ...state.containers },
        addons: [...state.addons],
      };
    },
  };
  return txn;
}

/** What the API defaults `terminationGracePeriodSeconds` to. */
const DEFAULT_POD_GRACE_SECONDS = 30;

/** A pod running on a node is deleted gracefully: it is marked, and its kubelet stops it and removes it. */
function isGracefulPod(obj: AnyStored): boolean {
  return obj.kind === 'Pod' && !!obj.spec?.nodeName && obj.status?.phase !== 'Succeeded' && obj.status?.phase !== 'Failed';
}
