// The cluster region of the canvas: zone lanes (when nodes carry a zone label), node boxes with
// their pods and node-local volumes inside, and an Unscheduled box for pods no node runs.
// Positions follow sorted names only, so the region changes shape only when something in it
// changes; a lane always keeps room for its zonal volumes, so a new volume never widens it.
import { LABEL_HOSTNAME, LABEL_ZONE, refKey, refOf, type Stored } from '../../engine/index.ts';
import {
  CARD_W, NODE_GAP, NODE_HEADER, NODE_W, PAD, REGION_GAP, SECTION_CAPTION, ZONE_HEADER, ZONE_PAD,
  grid, gridHeight, gridWidth, localVolumesTop, nodeBoxHeight, nodeBoxWidth, stack, stackHeight, type Box,
} from './layout.ts';

type Node = Stored<'Node'>;
type Pod = Stored<'Pod'>;
type Volume = Stored<'PersistentVolume'>;

export interface LaneLayout { id: string; zone: string; nodeCount: number; box: Box; volumesX: number; volumesTop: number; volumeCount: number }
export interface NodeBoxLayout { node: Node; box: Box; rel: { x: number; y: number }; parentId?: string; podCount: number; localCount: number }
export interface CardLayout { pod?: Pod; volume?: Volume; id: string; parentId: string; rel: { x: number; y: number } }

export interface ClusterLayout {
  zoned: boolean;
  width: number;
  lanes: LaneLayout[];
  nodeBoxes: NodeBoxLayout[];
  unscheduled?: { id: string; box: Box };
  cards: CardLayout[];
  /** Absolute boxes of every card placed in the region, by flow node id (edges need them). */
  cardBoxes: Map<string, Box>;
  /** Volumes pinned to neither a node nor a zone of this cluster: they go to the volumes column. */
  clusterVolumes: Volume[];
}

export const NO_ZONE = '(no zone label)';
export const UNSCHEDULED_ID = 'area:unscheduled';
const zoneId = (zone: string) => `zone:${zone}`;

/** The single value a PV's node affinity pins `key` to (`kubernetes.io/hostname In [kind-worker]`), if any. */
export function pinnedValue(pv: Volume, key: string): string | undefined {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  if (terms.length !== 1) return undefined;
  const e = (terms[0]!.matchExpressions ?? []).find((m) => m.key === key && m.operator === 'In' && m.values?.length === 1);
  return e?.values?.[0];
}

export function layoutCluster(nodes: readonly Node[], pods: readonly Pod[], volumes: readonly Volume[]): ClusterLayout {
  const nodeNames = new Set(nodes.map((n) => n.metadata.name));
  const zoneOfNode = (n: Node) => n.metadata.labels?.[LABEL_ZONE];
  const zoned = nodes.some((n) => zoneOfNode(n) !== undefined);
  const laneNames = zoned ? [...new Set(nodes.map((n) => zoneOfNode(n) ?? NO_ZONE))].sort(byZone) : [];

  const podsOn = groupBy(pods.filter((p) => p.spec?.nodeName && nodeNames.has(p.spec.nodeName)), (p) => p.spec!.nodeName!);
  const unscheduledPods = pods.filter((p) => !p.spec?.nodeName || !nodeNames.has(p.spec.nodeName));
  const localOn = new Map<string, Volume[]>();
  const zonalIn = new Map<string, Volume[]>();
  const clusterVolumes: Volume[] = [];
  for (const pv of volumes) {
    const host = pinnedValue(pv, LABEL_HOSTNAME);
    const zone = pinnedValue(pv, LABEL_ZONE);
    if (host && nodeNames.has(host)) push(localOn, host, pv);
    else if (zone && laneNames.includes(zone)) push(zonalIn, zone, pv);
    else clusterVolumes.push(pv);
  }

  const out: ClusterLayout = { zoned, width: NODE_W, lanes: [], nodeBoxes: [], cards: [], cardBoxes: new Map(), clusterVolumes };
  const placeNode = (node: Node, abs: { x: number; y: number }, parent?: { id: string; x: number; y: number }) => {
    const name = node.metadata.name;
    const nodePods = podsOn.get(name) ?? [];
    const locals = localOn.get(name) ?? [];
    const box = { ...abs, w: nodeBoxWidth(nodePods.length, locals.length), h: nodeBoxHeight(nodePods.length, locals.length) };
    const id = refKey(refOf(node));
    out.nodeBoxes.push({ node, box, rel: parent ? { x: abs.x - parent.x, y: abs.y - parent.y } : abs, podCount: nodePods.length, localCount: locals.length, ...(parent ? { parentId: parent.id } : {}) });
    placeCards(out, id, box, nodePods, grid(nodePods.length, PAD, NODE_HEADER));
    placeCards(out, id, box, locals, grid(locals.length, PAD, localVolumesTop(nodePods.length)));
    return box;
  };

  // With no nodes at all the graph shows a hint card where the nodes would be.
  let y = nodes.length === 0 ? stackHeight(1) + REGION_GAP : 0;
  if (!zoned) {
    // A grid, a row at a time: one column for one node, two up to four, then three. A node with
    // many pods is wider (its pods wrap into columns), so a row places its boxes side by side.
    const cols = nodeColumns(nodes.length);
    out.width = cols * NODE_W + (cols - 1) * NODE_GAP;
    for (let i = 0; i < nodes.length; i += cols) {
      let x = 0;
      const row = nodes.slice(i, i + cols).map((node) => {
        const box = placeNode(node, { x, y });
        x += box.w + NODE_GAP;
        return box.h;
      });
      out.width = Math.max(out.width, x - NODE_GAP);
      y += Math.max(...row) + REGION_GAP;
    }
  } else {
    const perLane = laneNames.map((zone) => nodes.filter((n) => (zoneOfNode(n) ?? NO_ZONE) === zone));
    const widthOf = (n: Node) => nodeBoxWidth((podsOn.get(n.metadata.name) ?? []).length, (localOn.get(n.metadata.name) ?? []).length);
    const volumesX = ZONE_PAD + Math.max(...perLane.map((l) => l.reduce((w, n) => w + widthOf(n) + NODE_GAP, 0)));
    const laneW = volumesX + CARD_W + ZONE_PAD;
    out.width = laneW;
    laneNames.forEach((zone, i) => {
      const id = zoneId(zone);
      const lane = { id, x: 0, y };
      let x = ZONE_PAD;
      const heights = perLane[i]!.map((node) => {
        const placed = placeNode(node, { x, y: y + ZONE_HEADER }, lane);
        x += placed.w + NODE_GAP;
        return placed.h;
      });
      const zonal = zonalIn.get(zone) ?? [];
      const volumesTop = ZONE_HEADER + SECTION_CAPTION;
      const contentH = Math.max(0, ...heights, SECTION_CAPTION + Math.max(stackHeight(zonal.length), stackHeight(1)));
      const box = { x: 0, y, w: laneW, h: ZONE_HEADER + contentH + ZONE_PAD };
      out.lanes.push({ id, zone, nodeCount: perLane[i]!.length, box, volumesX, volumesTop, volumeCount: zonal.length });
      placeCards(out, id, box, zonal, stack(zonal.length, volumesX, volumesTop));
      y += box.h + REGION_GAP;
    });
  }

  if (unscheduledPods.length > 0) {
    const box = { x: 0, y, w: 2 * PAD + gridWidth(unscheduledPods.length), h: NODE_HEADER + gridHeight(unscheduledPods.length) + PAD };
    out.unscheduled = { id: UNSCHEDULED_ID, box };
    out.width = Math.max(out.width, box.w);
    placeCards(out, UNSCHEDULED_ID, box, unscheduledPods, grid(unscheduledPods.length, PAD, NODE_HEADER));
  }
  return out;
}

function placeCards(out: ClusterLayout, parentId: string, parent: Box, objects: readonly (Pod | Volume)[], boxes: Box[]) {
  objects.forEach((obj, i) => {
    const rel = boxes[i]!;
    const id = refKey(refOf(obj));
    out.cards.push({ ...(obj.kind === 'Pod' ? { pod: obj } : { volume: obj }), id, parentId, rel: { x: rel.x, y: rel.y } });
    out.cardBoxes.set(id, { x: parent.x + rel.x, y: parent.y + rel.y, w: rel.w, h: rel.h });
  });
}

/** Columns of the node grid for a cluster without zones. */
export function nodeColumns(count: number): number {
  return count <= 1 ? 1 : count <= 4 ? 2 : 3;
}

/** Zones in name order, the no-zone lane last. */
function byZone(a: string, b: string): number {
  if (a === NO_ZONE || b === NO_ZONE) return a === NO_ZONE ? (b === NO_ZONE ? 0 : 1) : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) push(m, key(it), it);
  return m;
}

function push<T>(m: Map<string, T[]>, k: string, v: T) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
