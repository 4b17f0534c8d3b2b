// statefulset-controller (pkg/controller/statefulset): pods with stable names `<set>-<ordinal>`,
// each with its own claims `<template>-<set>-<ordinal>` made from volumeClaimTemplates before
// the pod, through the API's create door (so defaulting, the default StorageClass and admission
// apply). OrderedReady creates one pod at a time and waits for it to be Running and Ready;
// Parallel creates them all. Scaling down removes the highest ordinals first and keeps the
// claims, unless persistentVolumeClaimRetentionPolicy says Delete: then the claims are owned
// (whenDeleted: by the set, whenScaled: by the condemned pod) and the garbage collector removes
// them with their owner. A new template rolls out from the highest ordinal down.
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Stored } from '../../api/objects.ts';
import { createObject } from '../../cluster/apply.ts';
import { updateResource, updateStatus } from '../../cluster/controller-writes.ts';
import { objectKey } from '../../cluster/keys.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { MAX_PODS, podLimitMessage } from './pod-limit.ts';
import { isOwnedBy, templateHash } from './pod-template.ts';

type Set = Stored<'StatefulSet'>;
type Pod = Stored<'Pod'>;
type Claim = Stored<'PersistentVolumeClaim'>;

export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

export const statefulSetController: Controller = {
  name: 'statefulset-controller',
  source: 'statefulset-controller',
  sync(ctx) {
    for (const set of ctx.txn.list('StatefulSet')) {
      if (!set.metadata.deletionTimestamp) syncSet(ctx, set);
    }
  },
};

/** getParentNameAndOrdinal: `web-2` of set `web` is ordinal 2; anything else is not a member. */
export function ordinalOf(set: Set, podName: string): number {
  const m = /^(.*)-([0-9]+)$/.exec(podName);
  return m && m[1] === set.metadata.name ? Number(m[2]) : -1;
}

export function claimName(template: string, set: string, ordinal: number): string {
  return `${template}-${set}-${ordinal}`;
}

const isReady = (p: Pod) => p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const isHealthy = (p: Pod) => isReady(p) && !p.metadata.deletionTimestamp;

function syncSet(ctx: ControllerContext, set: Set): void {
  const ns = set.metadata.namespace!;
  const name = set.metadata.name;
  const spec = set.spec!;
  const replicas = spec.replicas ?? 1;
  const start = spec.ordinals?.start ?? 0;
  const revision = `${name}-${templateHash(spec.template)}`;
  const ordered = (spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
  const owned = ctx.txn.list('Pod', ns).filter((p) => isOwnedBy(p.metadata, set) && ordinalOf(set, p.metadata.name) >= 0);
  const byOrdinal = new Map(owned.map((p) => [ordinalOf(set, p.metadata.name), p]));
  const inRange = (o: number) => o >= start && o < start + replicas;

  // Claims follow the retention policy before any pod is removed (updateClaimOwnerRefForSetAndPod).
  for (const pod of owned) syncClaimOwners(ctx, set, pod, !inRange(ordinalOf(set, pod.metadata.name)));

  let blocked = false;
  // Replicas in ordinal order; the loop stops at the first creation OrderedReady must wait for.
  for (let ordinal = start; ordinal < start + replicas && !blocked; ordinal++) {
    const pod = byOrdinal.get(ordinal);
    if (!pod) {
      if (ctx.txn.count('Pod') >= MAX_PODS) {
        const podName = `${name}-${ordinal}`;
        ctx.event(set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${name} failed error: ${podLimitMessage(podName)}`);
        ctx.step(`statefulset-controller could not create pod ${ns}/${podName}: the playground simulates at most ${MAX_PODS} pods`);
        break;
      }
      if (!createPod(ctx, set, ordinal, revision) || ordered) blocked = true;
      continue;
    }
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') {
      // A pod that ended is replaced under the same name (the set's pods always restart).
      if (!pod.metadata.deletionTimestamp) deletePod(ctx, set, pod);
      blocked = ordered;
      continue;
    }
    if (ordered && !isHealthy(pod)) blocked = true;
  }

  // Condemned pods (beyond the replicas), highest ordinal first; OrderedReady removes one at a
  // time, once every other pod is healthy.
  const condemned = owned.filter((p) => !inRange(ordinalOf(set, p.metadata.name))).sort((a, b) => ordinalOf(set, b.metadata.name) - ordinalOf(set, a.metadata.name));
  for (const pod of condemned) {
    if (pod.metadata.deletionTimestamp) {
      if (ordered) break;
      continue;
    }
    if (ordered && (blocked || owned.some((p) => p !== pod && !isHealthy(p) && inRange(ordinalOf(set, p.metadata.name))))) break;
    deletePod(ctx, set, pod);
    if (ordered) break;
  }

  // RollingUpdate: once everything is healthy, the highest outdated pod (at or above the partition) goes.
  if ((spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && condemned.length === 0) {
    const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    const live = [...byOrdinal.entries()].filter(([o]) => inRange(o)).sort((a, b) => b[0] - a[0]);
    const allHealthy = live.length === replicas && live.every(([, p]) => isHealthy(p));
    const outdated = live.find(([o, p]) => o >= start + partition && p.metadata.labels?.[REVISION_LABEL] !== revision);
    if (allHealthy && outdated) deletePod(ctx, set, outdated[1]);
  }

  writeStatus(ctx, set, revision);
}

function ownerRefOf(obj: Set | Pod): OwnerReference {
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, uid: obj.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** The claims a pod of the set has, as the controller builds them (getPersistentVolumeClaims). */
function claimsFor(set: Set, ordinal: number) {
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => ({
    template: t.metadata?.name ?? '',
    name: claimName(t.metadata?.name ?? '', set.metadata.name, ordinal),
    source: t,
  }));
}

/** Creates the pod's missing claims, then the pod; false when something was refused. */
function createPod(ctx: ControllerContext, set: Set, ordinal: number, revision: string): boolean {
  const ns = set.metadata.namespace!;
  const setName = set.metadata.name;
  const podName = `${setName}-${ordinal}`;
  const errors: string[] = [];
  for (const claim of claimsFor(set, ordinal)) {
    const live = ctx.txn.get('PersistentVolumeClaim', objectKey('PersistentVolumeClaim', ns, claim.name));
    if (live) {
      if (live.metadata.deletionTimestamp) errors.push(`pvc ${claim.name} is being deleted`);
      continue;
    }
    const t = claim.source;
    const created = createObject(ctx.txn, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claim.name,
        namespace: ns,
        labels: { ...t.metadata?.labels, ...set.spec?.selector?.matchLabels },
        ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
      },
      spec: t.spec ?? {},
    } as Claim);
    if (created.ok) {
      ctx.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.name} Pod ${podName} in StatefulSet ${setName} success`);
      ctx.step(`statefulset-controller created claim ${ns}/${claim.name} for pod ${podName}`);
    } else {
      errors.push(`failed to create PVC ${claim.name}: ${serverMessage(created.error)}`);
      ctx.event(set, 'Warning', 'FailedCreate', `create Claim ${claim.name} for Pod ${podName} in StatefulSet ${setName} failed error: ${serverMessage(created.error)}`);
      ctx.step(`statefulset-controller could not create claim ${ns}/${claim.name}`);
    }
  }
  if (errors.length > 0) {
    const message = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    ctx.event(set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${setName} failed error: ${message}`);
    ctx.step(`statefulset-controller could not create pod ${ns}/${podName}: its claims are not ready`);
    return false;
  }
  const template = set.spec!.template;
  const claimNames = new Set((set.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name));
  const volumes = [
    ...claimsFor(set, ordinal).map((c) => ({ name: c.template, persistentVolumeClaim: { claimName: c.name } })),
    ...(template.spec?.volumes ?? []).filter((v) => !claimNames.has(v.name)),
  ];
  const created = createObject(ctx.txn, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...template.metadata,
      name: podName,
      namespace: ns,
      labels: { ...template.metadata?.labels, [REVISION_LABEL]: revision, [POD_NAME_LABEL]: podName, [POD_INDEX_LABEL]: String(ordinal) },
      ownerReferences: [ownerRefOf(set)],
    },
    spec: {
      ...template.spec!,
      hostname: podName,
      ...(set.spec?.serviceName ? { subdomain: set.spec.serviceName } : {}),
      ...(volumes.length > 0 ? { volumes } : {}),
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  } as Pod);
  if (!created.ok) {
    ctx.event(set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${setName} failed error: ${serverMessage(created.error)}`);
    ctx.step(`statefulset-controller could not create pod ${ns}/${podName}`);
    return false;
  }
  ctx.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${setName} successful`);
  ctx.step(`statefulset-controller created pod ${ns}/${podName}`);
  return true;
}

/** The API's own message: kubectl's `The … is invalid` wording is the client's, not the server's. */
function serverMessage(error: { reason: string; message: string }): string {
  return error.reason === 'Invalid' && error.message.startsWith('The ') ? error.message.slice(4) : error.message;
}

function deletePod(ctx: ControllerContext, set: Set, pod: Pod): void {
  const ns = set.metadata.namespace!;
  ctx.txn.delete('Pod', objectKey('Pod', ns, pod.metadata.name));
  ctx.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
  ctx.step(`statefulset-controller deleted pod ${ns}/${pod.metadata.name}`);
}

/**
 * The owner references the retention policy asks for: whenDeleted Delete → the set (while the
 * pod is within the replicas); whenScaled Delete → the pod once it is condemned. Retain → none.
 */
function syncClaimOwners(ctx: ControllerContext, set: Set, pod: Pod, condemned: boolean): void {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy;
  const whenDeleted = policy?.whenDeleted ?? 'Retain';
  const whenScaled = policy?.whenScaled ?? 'Retain';
  const ns = set.metadata.namespace!;
  for (const c of claimsFor(set, ordinalOf(set, pod.metadata.name))) {
    const claim = ctx.txn.get('PersistentVolumeClaim', objectKey('PersistentVolumeClaim', ns, c.name));
    if (!claim || claim.metadata.deletionTimestamp) continue;
    const refs = claim.metadata.ownerReferences ?? [];
    const ours = (r: OwnerReference) => (r.kind === 'StatefulSet' && r.name === set.metadata.name) || (r.kind === 'Pod' && r.name === pod.metadata.name);
    // Refs to an earlier set or pod of the same name, or another controller: leave the claim be.
    if (refs.some((r) => ours(r) && r.uid !== set.metadata.uid && r.uid !== pod.metadata.uid)) continue;
    if (refs.some((r) => !ours(r) && r.controller) && !(whenDeleted === 'Retain' && whenScaled === 'Retain')) continue;
    const wanted: OwnerReference[] = [];
    if (whenScaled === 'Delete' && condemned) wanted.push(ownerRefOf(pod));
    else if (whenDeleted === 'Delete') wanted.push(ownerRefOf(set));
    const next = [...refs.filter((r) => !ours(r)), ...wanted];
    if (JSON.stringify(next) === JSON.stringify(refs)) continue;
    const { ownerReferences: _old, ...meta } = claim.metadata;
    const written = updateResource(ctx.txn, { ...claim, metadata: next.length > 0 ? { ...meta, ownerReferences: next } : meta });
    if (!written.ok) continue;
    ctx.step(`statefulset-controller set the owner of claim ${ns}/${c.name} to ${wanted.length > 0 ? `${wanted[0]!.kind.toLowerCase()} ${wanted[0]!.name}` : 'nobody'}`);
  }
}

function writeStatus(ctx: ControllerContext, set: Set, revision: string): void {
  const ns = set.metadata.namespace!;
  const pods = ctx.txn.list('Pod', ns).filter((p) => isOwnedBy(p.metadata, set) && ordinalOf(set, p.metadata.name) >= 0 && !p.metadata.deletionTimestamp);
  const ready = pods.filter(isReady).length;
  const updated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === revision).length;
  const latest = ctx.txn.get('StatefulSet', objectKey('StatefulSet', ns, set.metadata.name)) ?? set;
  const previous = latest.status?.currentRevision;
  // completeRollingUpdate: the update revision becomes current once every pod runs it and is ready.
  const done = updated === pods.length && ready === pods.length;
  const currentRevision = done || previous === undefined ? revision : previous;
  const current = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length;
  const status = {
    observedGeneration: set.metadata.generation,
    replicas: pods.length,
    readyReplicas: ready || undefined,
    currentReplicas: current || undefined,
    updatedReplicas: updated || undefined,
    currentRevision,
    updateRevision: revision,
    collisionCount: 0,
    availableReplicas: ready,
  };
  const clean = Object.fromEntries(Object.entries(status).filter(([, v]) => v !== undefined)) as typeof status;
  if (JSON.stringify(clean) !== JSON.stringify(latest.status ?? {})) {
    updateStatus(ctx.txn, { ...latest, status: clean } as Set);
    ctx.step(`statefulset-controller updated statefulset ${ns}/${set.metadata.name}: ${ready}/${set.spec?.replicas ?? 1} ready`);
  }
}
