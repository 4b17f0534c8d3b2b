// The canvas view-model: a PURE function from the engine's ClusterState to React Flow nodes and
// edges. It decides where things go (layout.ts) and what they say (status.ts); it infers no
// cluster behaviour — every edge is read from a field the engine wrote (spec.nodeName,
// spec.volumeName, storageClassName, a Pending phase).
import type { Edge, MarkerType, Node } from '@xyflow/react';
import { claimClass, refKey, viewOf, volumeClass, type ClusterState, type ObjectRef, type Stored } from '../../engine/index.ts';
import { CARD_H, CARD_W, COLUMN_GAP, COLUMNS_TOP, HEADING_OFFSET, NODE_W, facingSides, grid, gridWidth, localVolumesTop, stackHeight, type Box } from './layout.ts';
import { cardOfClaim, cardOfClass, cardOfConfig, cardOfPod, cardOfVolume, nodeGroupData, type NodeExtras, type ObjectCardData, type NodeGroupData } from './cards.ts';
import { layoutCluster, type ClusterLayout } from './cluster-layout.ts';
import { zoneConflict } from '../../engine/explain/zone.ts';
import { isPlaceholderCluster } from '../../store/placeholder.ts';
import { cardOfJob, cardOfStatefulSet } from './workload-cards.ts';
import { canvasServices, cardOfService, serviceTargets, slicesOf } from './service-cards.ts';

export type { ObjectCardData, NodeGroupData } from './cards.ts';
export type ZoneData = { zone: string; nodeCount: number; volumesX: number; volumesTop: number; volumeCount: number };
export type AreaData = { title: string; hint: string };
export type HeadingData = { title: string; count: number };
export type PlaceholderData = { text: string };

export type ObjectFlowNode = Node<ObjectCardData, 'object'>;
export type NodeGroupFlowNode = Node<NodeGroupData, 'k8sNode'>;
export type ZoneFlowNode = Node<ZoneData, 'zone'>;
export type AreaFlowNode = Node<AreaData, 'area'>;
export type HeadingFlowNode = Node<HeadingData, 'heading'>;
export type PlaceholderFlowNode = Node<PlaceholderData, 'placeholder'>;
export type FlowNode = ObjectFlowNode | NodeGroupFlowNode | ZoneFlowNode | AreaFlowNode | HeadingFlowNode | PlaceholderFlowNode;

/** What an edge means: a pod uses a claim, a claim is bound to a volume, a class made a volume, a claim waits on its class, a StatefulSet or Job owns a pod or claim, a Service sends to a pod. */
export type EdgeRelation = 'uses' | 'bound' | 'provisioned' | 'waiting' | 'config' | 'owns' | 'selects';
export type FlowEdge = Edge<{ relation: EdgeRelation }>;

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

type Pvc = Stored<'PersistentVolumeClaim'>;

/** The flow node id of an object: `Kind:namespace/name` or `Kind:name`. */
export const nodeIdOf = (ref: ObjectRef): string => refKey(ref);

export function toFlowGraph(state: ClusterState): FlowGraph {
  const view = viewOf(state);
  const now = state.now;
  const pods = view.list('Pod');
  const claims = view.list('PersistentVolumeClaim');
  const volumes = view.list('PersistentVolume');
  const classes = view.list('StorageClass');

  const cluster = layoutCluster(view.list('Node'), pods, volumes);
  const nodes: FlowNode[] = [...clusterNodes(cluster, now, { attachments: view.list('VolumeAttachment'), pods, needs: (pod) => zoneConflict(view, pod)?.needs })];

  // Right of the cluster region: the class row on top, then the claims and volumes columns.
  // Long lists wrap into side-by-side columns (layout.ts rowsFor), so a hundred claims form
  // a block that fits the screen rather than a strip too thin to read.
  const claimsX = cluster.width + COLUMN_GAP;
  const claimsW = gridWidth(claims.length);
  const volumesX = claimsX + claimsW + COLUMN_GAP;
  const cardsAt = new Map<string, Box>(cluster.cardBoxes);
  const place = (n: ObjectFlowNode, box: Box) => {
    cardsAt.set(n.id, box);
    nodes.push(n);
  };
  classes.forEach((sc, i) => {
    const box = { x: claimsX + i * (CARD_W + COLUMN_GAP), y: 0, w: CARD_W, h: CARD_H };
    place(objectNode(memoCard(sc, now, '', () => cardOfClass(sc)), box), box);
  });
  const classByName = new Map(classes.map((c) => [c.metadata.name, c]));
  grid(claims.length, claimsX, COLUMNS_TOP).forEach((box, i) => place(objectNode(claimCard(claims[i]!, now, classByName), box), box));
  grid(cluster.clusterVolumes.length, volumesX, COLUMNS_TOP).forEach((box, i) => place(objectNode(memoCard(cluster.clusterVolumes[i]!, now, '', () => cardOfVolume(cluster.clusterVolumes[i]!, now)), box), box));

  // ConfigMaps and Secrets (the learner's, not the system namespaces') get their own column.
  const configs = configObjects(view);
  const configsX = volumesX + gridWidth(cluster.clusterVolumes.length) + COLUMN_GAP;
  const usersOf = configUsers(pods);
  grid(configs.length, configsX, COLUMNS_TOP).forEach((box, i) => {
    const c = configs[i]!;
    place(objectNode(cardOfConfig(c, usersOf.get(refKey({ kind: c.kind, namespace: c.metadata.namespace ?? 'default', name: c.metadata.name }))?.size ?? 0), box), box);
  });
  if (configs.length > 0) nodes.push(heading('configs', 'ConfigMaps and Secrets', configs.length, configsX, COLUMNS_TOP, gridWidth(configs.length)));

  // StatefulSets and Jobs: the controllers whose pods and claims the canvas shows, in a column of their own.
  const workloads = [...view.list('StatefulSet'), ...view.list('Job')];
  const workloadsX = configsX + (configs.length > 0 ? gridWidth(configs.length) + COLUMN_GAP : 0);
  grid(workloads.length, workloadsX, COLUMNS_TOP).forEach((box, i) => {
    const w = workloads[i]!;
    place(objectNode(memoCard(w, now, '', () => (w.kind === 'StatefulSet' ? cardOfStatefulSet(w) : cardOfJob(w))), box), box);
  });
  if (workloads.length > 0) nodes.push(heading('workloads', 'StatefulSets and Jobs', workloads.length, workloadsX, COLUMNS_TOP, gridWidth(workloads.length)));

  // Services, right of the workloads: each card says how many endpoints are ready.
  const services = canvasServices(view);
  const slices = services.length > 0 ? view.list('EndpointSlice') : [];
  const servicesX = workloadsX + (workloads.length > 0 ? gridWidth(workloads.length) + COLUMN_GAP : 0);
  grid(services.length, servicesX, COLUMNS_TOP).forEach((box, i) => {
    const svc = services[i]!;
    place(objectNode(cardOfService(svc, slicesOf(svc, slices)), box), box);
  });
  if (services.length > 0) nodes.push(heading('services', 'Services', services.length, servicesX, COLUMNS_TOP, gridWidth(services.length)));

  const classRowW = Math.max(1, classes.length) * (CARD_W + COLUMN_GAP) - COLUMN_GAP;
  nodes.push(
    heading('cluster', cluster.zoned ? 'Zones, nodes and pods' : 'Nodes and pods', view.count('Node'), 0, 0, cluster.width),
    heading('classes', 'StorageClasses', classes.length, claimsX, 0, classRowW),
    heading('claims', 'PersistentVolumeClaims', claims.length, claimsX, COLUMNS_TOP, claimsW),
    heading('volumes', 'PersistentVolumes', cluster.clusterVolumes.length, volumesX, COLUMNS_TOP, gridWidth(cluster.clusterVolumes.length)),
  );
  // The store's stand-in while the engine builds the first cluster has no nodes or classes *yet*.
  const starting = isPlaceholderCluster(state);
  if (view.count('Node') === 0) nodes.push(placeholder('cluster', starting ? 'Starting the cluster…' : 'No nodes: pods stay Pending', 0, 0, NODE_W));
  if (classes.length === 0) nodes.push(placeholder('classes', starting ? 'Starting the cluster…' : 'No StorageClass: static provisioning only', claimsX, 0));
  if (claims.length === 0) nodes.push(placeholder('claims', 'No claims yet', claimsX, COLUMNS_TOP));
  if (cluster.clusterVolumes.length === 0) nodes.push(placeholder('volumes', volumes.length ? 'All volumes are drawn on their node or zone' : 'No volumes yet', volumesX, COLUMNS_TOP));

  const edges = buildEdges(pods, claims, volumes, classes, cardsAt);
  for (const [configId, podIds] of usersOf) {
    for (const podId of [...podIds].sort()) edges.push(...edge('config', configId, podId, `${configId.split(':')[0]} ${configId.split('/').pop()} is used by pod ${podId.split('/').pop()}`, cardsAt));
  }
  edges.push(...ownerEdges(workloads, pods, claims, cardsAt));
  for (const svc of services) {
    const from = nodeIdOf({ kind: 'Service', namespace: svc.metadata.namespace ?? 'default', name: svc.metadata.name });
    for (const t of serviceTargets(svc, slicesOf(svc, slices))) edges.push(...edge('selects', from, nodeIdOf({ kind: 'Pod', namespace: t.namespace, name: t.pod }), t.label, cardsAt));
  }
  return { nodes, edges };
}

/** A StatefulSet's or Job's pods (their controller reference) and a StatefulSet's claims (named `<template>-<set>-<n>`). */
function ownerEdges(
  workloads: readonly (Stored<'StatefulSet'> | Stored<'Job'>)[],
  pods: readonly Stored<'Pod'>[],
  claims: readonly Pvc[],
  at: ReadonlyMap<string, Box>,
): FlowEdge[] {
  if (workloads.length === 0) return [];
  const byUid = new Map(workloads.map((w) => [w.metadata.uid, w]));
  const out: FlowEdge[] = [];
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    const owner = ref && byUid.get(ref.uid);
    if (!owner) continue;
    out.push(...edge('owns', nodeIdOf(refOfObject(owner)), nodeIdOf({ kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name }), `${owner.kind} ${owner.metadata.name} owns pod ${pod.metadata.name}`, at));
  }
  for (const set of workloads) {
    if (set.kind !== 'StatefulSet') continue;
    const prefixes = (set.spec?.volumeClaimTemplates ?? []).map((t) => `${t.metadata?.name}-${set.metadata.name}-`);
    if (prefixes.length === 0) continue;
    for (const pvc of claims) {
      if (pvc.metadata.namespace !== set.metadata.namespace || !prefixes.some((p) => pvc.metadata.name.startsWith(p) && /^\d+$/.test(pvc.metadata.name.slice(p.length)))) continue;
      out.push(...edge('owns', nodeIdOf(refOfObject(set)), nodeIdOf({ kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name }), `StatefulSet ${set.metadata.name} made claim ${pvc.metadata.name}`, at));
    }
  }
  return out;
}

const refOfObject = (o: Stored<'StatefulSet'> | Stored<'Job'>): ObjectRef => ({ kind: o.kind, namespace: o.metadata.namespace ?? 'default', name: o.metadata.name });

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

function configObjects(view: ReturnType<typeof viewOf>): (Stored<'ConfigMap'> | Stored<'Secret'>)[] {
  const mine = (o: { metadata: { namespace?: string; name: string } }) => !SYSTEM_NAMESPACES.has(o.metadata.namespace ?? 'default') && o.metadata.name !== 'kube-root-ca.crt';
  return [...view.list('ConfigMap').filter(mine), ...view.list('Secret').filter(mine)];
}

/** Config node id → ids of the pods that mount it or read it into env vars. */
function configUsers(pods: readonly Stored<'Pod'>[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const pod of pods) {
    const ns = pod.metadata.namespace ?? 'default';
    const podId = nodeIdOf({ kind: 'Pod', namespace: ns, name: pod.metadata.name });
    const use = (kind: 'ConfigMap' | 'Secret', name: string | undefined) => {
      if (!name) return;
      const id = nodeIdOf({ kind, namespace: ns, name });
      if (!out.has(id)) out.set(id, new Set());
      out.get(id)!.add(podId);
    };
    for (const v of pod.spec?.volumes ?? []) {
      use('ConfigMap', v.configMap?.name);
      use('Secret', v.secret?.secretName);
      for (const src of v.projected?.sources ?? []) {
        use('ConfigMap', src.configMap?.name);
        use('Secret', src.secret?.name);
      }
    }
    for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      for (const e of c.envFrom ?? []) {
        use('ConfigMap', e.configMapRef?.name);
        use('Secret', e.secretRef?.name);
      }
      for (const e of c.env ?? []) {
        use('ConfigMap', e.valueFrom?.configMapKeyRef?.name);
        use('Secret', e.valueFrom?.secretKeyRef?.name);
      }
    }
  }
  return out;
}

function clusterNodes(cluster: ClusterLayout, now: number, extras: NodeExtras): FlowNode[] {
  const out: FlowNode[] = [];
  for (const lane of cluster.lanes) {
    out.push({ id: lane.id, type: 'zone', position: { x: lane.box.x, y: lane.box.y }, width: lane.box.w, height: lane.box.h, data: { zone: lane.zone, nodeCount: lane.nodeCount, volumesX: lane.volumesX, volumesTop: lane.volumesTop, volumeCount: lane.volumeCount }, selectable: false, focusable: false, draggable: false, zIndex: -2 });
  }
  for (const g of cluster.nodeBoxes) {
    const data = nodeGroupData(g.node, now, g.podCount, g.localCount > 0 ? localVolumesTop(g.podCount) : undefined, extras);
    out.push({ id: nodeIdOf(data.ref), type: 'k8sNode', position: g.rel, width: g.box.w, height: g.box.h, data, ariaLabel: `Node ${data.name} ${data.status}`, draggable: true, zIndex: -1, ...(g.parentId ? { parentId: g.parentId } : {}) });
  }
  if (cluster.unscheduled) {
    const u = cluster.unscheduled;
    out.push({ id: u.id, type: 'area', position: { x: u.box.x, y: u.box.y }, width: u.box.w, height: u.box.h, data: { title: 'Unscheduled', hint: 'Pods no node has accepted yet' }, selectable: false, focusable: false, draggable: false, zIndex: -1 });
  }
  for (const c of cluster.cards) {
    const needs = c.pod && extras.needs?.(c.pod);
    const card = c.pod ? memoCard(c.pod, now, needs || '', () => cardOfPod(c.pod!, now, needs || undefined)) : memoCard(c.volume!, now, '', () => cardOfVolume(c.volume!, now));
    out.push(objectNode(card, { ...c.rel, w: CARD_W, h: CARD_H }, c.parentId));
  }
  return out;
}

// Stored objects are never edited in place (copy-on-write), so a card computed for an object is
// good for as long as the same object is shown at the same clock reading. During playback only
// the objects a step touched get new cards and new flow nodes; React Flow skips the rest.
const cardCache = new WeakMap<object, { now: number; extra: string; card: ObjectCardData }>();
const nodeCache = new WeakMap<ObjectCardData, ObjectFlowNode>();

function memoCard(obj: object, now: number, extra: string, make: () => ObjectCardData): ObjectCardData {
  const hit = cardCache.get(obj);
  if (hit && hit.now === now && hit.extra === extra) return hit.card;
  const card = make();
  cardCache.set(obj, { now, extra, card });
  return card;
}

function claimCard(pvc: Pvc, now: number, classes: ReadonlyMap<string, Stored<'StorageClass'>>): ObjectCardData {
  const cls = classes.get(claimClass(pvc));
  return memoCard(pvc, now, cls ? `${cls.metadata.name}:${cls.volumeBindingMode ?? ''}` : '', () => cardOfClaim(pvc, now, (n) => classes.get(n)));
}

function objectNode(card: ObjectCardData, box: Box, parentId?: string): ObjectFlowNode {
  const hit = nodeCache.get(card);
  if (hit && hit.position.x === box.x && hit.position.y === box.y && hit.parentId === parentId) return hit;
  const node: ObjectFlowNode = {
    id: nodeIdOf(card.ref),
    type: 'object',
    position: { x: box.x, y: box.y },
    width: CARD_W,
    height: CARD_H,
    data: card,
    ariaLabel: `${card.kind} ${card.label} ${card.status}`,
    draggable: true,
    ...(parentId ? { parentId, extent: 'parent' as const } : {}),
  };
  nodeCache.set(card, node);
  return node;
}

function heading(id: string, title: string, count: number, x: number, top: number, width = CARD_W): HeadingFlowNode {
  return { id: `heading:${id}`, type: 'heading', position: { x, y: top - HEADING_OFFSET }, width, height: 28, data: { title, count }, selectable: false, focusable: false, draggable: false };
}

function placeholder(id: string, text: string, x: number, y: number, width = CARD_W): PlaceholderFlowNode {
  return { id: `empty:${id}`, type: 'placeholder', position: { x, y }, width, height: stackHeight(1), data: { text }, selectable: false, focusable: false, draggable: false };
}

const ARROW = 'arrowclosed' as MarkerType;
/**
 * More volumes than this and the canvas leaves out the class → volume edges (see buildEdges).
 * Dashed curves are by far the dearest thing to rasterise: at 100 volumes the fan took ~4/5 of
 * the raster time of every frame of a pan (issue 12), for a bundle of lines no one can follow.
 */
export const CLASS_EDGES_MAX = 40;

/**
 * More waiting claims than this and their edges stay dashed but still: every marching-ants edge
 * repaints the canvas on every frame (at 300 waiting claims, playback fell to a few fps). A few
 * animated ones are what draws the eye to a claim that waits.
 */
export const WAITING_ANIMATED_MAX = 12;

/** One edge between two placed cards (none when either is not on the canvas). */
function edge(relation: EdgeRelation, source: string, target: string, label: string, at: ReadonlyMap<string, Box>, still = false): FlowEdge[] {
  const s = at.get(source);
  const t = at.get(target);
  if (!s || !t) return [];
  const sides = facingSides(s, t);
  // The same edge as last time is the same object, so React Flow does not redraw it.
  const key = `${relation}:${source}->${target}|${sides.source}|${sides.target}|${label}|${still}`;
  const hit = edgeCache.get(key);
  if (hit) return [hit];
  if (edgeCache.size > 20_000) edgeCache.clear();
  const made: FlowEdge[] = [
    {
      id: `${relation}:${source}->${target}`,
      source,
      target,
      sourceHandle: `out-${sides.source}`,
      targetHandle: `in-${sides.target}`,
      type: 'default',
      className: still ? `edge-${relation} edge-still` : `edge-${relation}`,
      data: { relation },
      ariaLabel: label,
      markerEnd: { type: ARROW, width: 16, height: 16, color: `var(--edge-${relation})` },
      animated: relation === 'waiting' && !still,
      selectable: false,
      focusable: false,
    },
  ];
  edgeCache.set(key, made[0]!);
  return made;
}

const edgeCache = new Map<string, FlowEdge>();

function buildEdges(
  pods: readonly Stored<'Pod'>[],
  claims: readonly Pvc[],
  volumes: readonly Stored<'PersistentVolume'>[],
  classes: readonly Stored<'StorageClass'>[],
  at: ReadonlyMap<string, Box>,
): FlowEdge[] {
  const edges: FlowEdge[] = [];
  const waiting = claims.filter((c) => !c.spec?.volumeName && (c.status?.phase ?? 'Pending') === 'Pending').length;
  const still = waiting > WAITING_ANIMATED_MAX;
  const add = (relation: EdgeRelation, source: string, target: string, label: string) => edges.push(...edge(relation, source, target, label, at, relation === 'waiting' && still));
  const claimKeys = new Set(claims.map((c) => `${c.metadata.namespace}/${c.metadata.name}`));
  for (const pod of pods) {
    const ns = pod.metadata.namespace ?? 'default';
    const used = new Set((pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [])));
    for (const name of [...used].sort()) {
      if (!claimKeys.has(`${ns}/${name}`)) continue;
      add('uses', nodeIdOf({ kind: 'Pod', namespace: ns, name: pod.metadata.name }), nodeIdOf({ kind: 'PersistentVolumeClaim', namespace: ns, name }), `Pod ${pod.metadata.name} uses claim ${name}`);
    }
  }
  const volumeNames = new Set(volumes.map((v) => v.metadata.name));
  const classNames = new Set(classes.map((c) => c.metadata.name));
  for (const pvc of claims) {
    const claimId = nodeIdOf({ kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name });
    const volumeName = pvc.spec?.volumeName;
    if (volumeName && volumeNames.has(volumeName)) {
      add('bound', claimId, nodeIdOf({ kind: 'PersistentVolume', name: volumeName }), `Claim ${pvc.metadata.name} is bound to volume ${volumeName}`);
    } else if ((pvc.status?.phase ?? 'Pending') === 'Pending' && classNames.has(claimClass(pvc))) {
      add('waiting', nodeIdOf({ kind: 'StorageClass', name: claimClass(pvc) }), claimId, `Claim ${pvc.metadata.name} waits on StorageClass ${claimClass(pvc)}`);
    }
  }
  // Past CLASS_EDGES_MAX volumes, the class → volume fan is hundreds of curves into one card:
  // unreadable, and the costliest thing on the canvas to draw. Each volume card names its class.
  if (volumes.length > CLASS_EDGES_MAX) return edges;
  for (const pv of volumes) {
    const cls = volumeClass(pv);
    if (cls && classNames.has(cls)) add('provisioned', nodeIdOf({ kind: 'StorageClass', name: cls }), nodeIdOf({ kind: 'PersistentVolume', name: pv.metadata.name }), `Volume ${pv.metadata.name} belongs to StorageClass ${cls}`);
  }
  return edges;
}
