// Importing a real cluster's objects (`kubectl get pv,pvc,sc,pods,nodes,… -A -o yaml`) as the
// starting point of a simulation. Unlike a create, an import keeps what the real cluster said:
// uids, names, creation times, finalizers and every status field as given, because the learner
// wants to see *their* cluster (a Bound claim stays Bound, a Running pod stays Running on its
// node). Only the store's own bookkeeping is ours: each object gets a fresh resourceVersion from
// this store's counter, as a restored etcd would. Then the controllers carry on from there.
//
// Objects arrive already decoded (typed, Go's rules) by the caller; the import adds what the
// cluster around them needs: their namespaces, the local-path provisioner when a class uses it,
// the CSIDriver of a known CSI driver a class names (a `get` List never includes CSIDrivers), and
// a clock at the latest time the objects mention, so ages read as they did in the real cluster.
import type { AnyStored, ObjectRef } from '../api/objects.ts';
import { KINDS } from '../api/kinds.ts';
import { applyDefaults } from '../registry/index.ts';
import { CONTROLLERS } from '../controllers/registry.ts';
import { knownDriver } from '../drivers/registry.ts';
import { LOCAL_PATH_ADDON, LOCAL_PATH_PROVISIONER } from '../drivers/local-path.ts';
import { parseTimestamp, rfc3339 } from '../runtime/clock.ts';
import { StepRecorder } from '../runtime/controller.ts';
import { runUntilSettled } from '../runtime/settle.ts';
import { keyOf, refOf } from './keys.ts';
import type { ClusterState, Step } from './state.ts';
import { beginTxn, type Txn } from './store.ts';

export interface ImportOutcome {
  state: ClusterState;
  /** The import itself (one user step), then what the controllers did next. */
  steps: Step[];
  /** What was stored, in order. */
  imported: ObjectRef[];
  /** What the import added so the cluster works: namespaces, CSIDrivers, the local-path add-on. */
  added: string[];
}

/** Metadata a store assigns or a client manages, dropped on import (the store assigns its own resourceVersion). */
const DROPPED_METADATA = ['resourceVersion', 'managedFields', 'selfLink'] as const;

/**
 * Replaces `base`'s nodes with the imported ones (when any are imported) and stores every object
 * with its status, then settles. An imported object replaces one of the same kind and name.
 */
export function importObjects(base: ClusterState, objects: readonly AnyStored[]): ImportOutcome {
  const txn = beginTxn(base);
  const steps: Step[] = [];
  const recorder = new StepRecorder(txn, steps);
  const added: string[] = [];
  setClock(txn, objects);
  // The imported nodes are the cluster's nodes: pods land where the real cluster put them.
  if (objects.some((o) => o.kind === 'Node')) for (const node of txn.list('Node')) txn.remove('Node', keyOf(node));
  const namespaces = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  const imported: ObjectRef[] = [];
  const uids = new Set(objects.map((o) => o.metadata.uid).filter((u): u is string => !!u));
  for (const obj of objects) {
    const ns = KINDS[obj.kind].namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
    if (ns !== undefined && !namespaces.has(ns) && !txn.get('Namespace', ns)) {
      txn.create(applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } }));
      added.push(`namespace/${ns}`);
    }
    imported.push(refOf(storeAsGiven(txn, withKnownOwners(obj, uids), ns)));
  }
  installProvisioners(txn, objects, added);
  recorder.close('user', `import ${objects.length} object${objects.length === 1 ? '' : 's'}`);
  runUntilSettled(txn, CONTROLLERS, steps);
  return { state: txn.state, steps, imported, added };
}

/**
 * A `kubectl get` of storage kinds leaves out most owners (coredns's ReplicaSet, kube-proxy's
 * DaemonSet): their references are dropped, or the garbage collector would delete pods the real
 * cluster keeps. References to owners in the import (a Node owning its static pods) stay.
 */
function withKnownOwners(obj: AnyStored, uids: ReadonlySet<string>): AnyStored {
  const refs = obj.metadata.ownerReferences;
  if (!refs || refs.every((r) => uids.has(r.uid))) return obj;
  const kept = refs.filter((r) => uids.has(r.uid));
  const { ownerReferences: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata: kept.length > 0 ? { ...metadata, ownerReferences: kept } : metadata } as AnyStored;
}

/**
 * The clock is set to the latest instant the objects mention (a heartbeat, a start time), so ages
 * read as they did when the learner ran `kubectl get`. What the empty cluster held before
 * (its namespaces, the kubernetes Service) is dated no later than that.
 */
function setClock(txn: Txn, objects: readonly AnyStored[]): void {
  const latest = objects.reduce((t, o) => Math.max(t, latestTime(o)), 0);
  if (latest === 0) return;
  txn.state.now = latest;
  const stamp = rfc3339(latest);
  for (const kind of Object.keys(txn.state.objects) as (keyof typeof txn.state.objects)[]) {
    for (const obj of txn.list(kind)) {
      const created = parseTimestamp(obj.metadata.creationTimestamp);
      if (created !== undefined && created > latest) txn.update({ ...obj, metadata: { ...obj.metadata, creationTimestamp: stamp } } as AnyStored);
    }
  }
}

/** Stores one object with its status and times; a same-named object already there is replaced. */
function storeAsGiven(txn: Txn, obj: AnyStored, namespace: string | undefined): AnyStored {
  const metadata: Record<string, unknown> = { ...obj.metadata, ...(namespace !== undefined ? { namespace } : {}) };
  for (const field of DROPPED_METADATA) delete metadata[field];
  if (namespace === undefined) delete metadata['namespace'];
  const object = { ...obj, metadata } as unknown as AnyStored;
  const key = keyOf(object);
  if (txn.get(object.kind, key)) txn.remove(object.kind, key);
  const created = txn.create(object);
  // create() stamps the creation time and generation a new object gets; an import keeps the real ones.
  const given = obj.metadata;
  if (given.creationTimestamp === undefined && given.generation === undefined) return created;
  return (
    txn.update({
      ...created,
      metadata: {
        ...created.metadata,
        ...(given.creationTimestamp !== undefined ? { creationTimestamp: given.creationTimestamp } : {}),
        ...(given.generation !== undefined ? { generation: given.generation } : {}),
      },
    } as AnyStored) ?? created
  );
}

/**
 * A real cluster's classes name provisioners that run there; here a provisioner runs when its
 * add-on or CSIDriver object exists, so the import installs the ones the classes need.
 */
function installProvisioners(txn: Txn, objects: readonly AnyStored[], added: string[]): void {
  const provisioners = new Set(objects.flatMap((o) => (o.kind === 'StorageClass' && o.provisioner ? [o.provisioner] : [])));
  if (provisioners.has(LOCAL_PATH_PROVISIONER) && !txn.state.addons.includes(LOCAL_PATH_ADDON)) {
    txn.state.addons = [...txn.state.addons, LOCAL_PATH_ADDON];
    added.push(`add-on ${LOCAL_PATH_ADDON}`);
  }
  for (const name of [...provisioners].sort()) {
    const driver = knownDriver(name);
    if (!driver || !driver.csi || txn.get('CSIDriver', name)) continue;
    txn.create(applyDefaults({ apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name }, spec: { attachRequired: driver.attachRequired } } as AnyStored));
    added.push(`csidriver/${name}`);
  }
}

/** The latest RFC 3339 time anywhere in an object (creation, conditions, container states), in ms. */
function latestTime(value: unknown): number {
  let latest = 0;
  const walk = (v: unknown, depth: number): void => {
    if (depth > 12 || v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (typeof child === 'string' && (k.endsWith('Time') || k.endsWith('Timestamp') || k === 'startedAt' || k === 'finishedAt')) {
        const t = parseTimestamp(child);
        if (t !== undefined && t > latest) latest = t;
      } else if (typeof child === 'object') walk(child, depth + 1);
    }
  };
  walk(value, 0);
  return latest;
}
