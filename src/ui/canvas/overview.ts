// The overview's view-model (when it is on: overview-mode.ts): React Flow keeps the frame (zones,
// nodes, headings); every card becomes a coloured tile and every edge a plain path, drawn in one
// SVG by OverviewLayer.tsx. Pure: the graph with its motion classes in, tiles and paths out.
import { getBezierPath, Position, type Node } from '@xyflow/react';
import type { EdgeRelation, FlowEdge, HeadingData, ObjectCardData } from './graph.ts';
import type { Tone } from './status.ts';

export interface OverviewTile {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  tone: Tone;
  /** The object's name, printed large enough to read from zoom 0.25 up. */
  name: string;
  /** The card's accessible name, `<Kind> <name> <status>`, the same as the full card's. */
  ariaLabel: string;
  /** The card's motion class this step (`motion-pulse-0`, …), if any. */
  motion?: string;
}

/**
 * One edge, one path. Not one path per relation: a path is rasterised whole wherever its bounds
 * reach, so a relation's path spanning the graph made every repainted screen tile redraw all
 * its curves (100 ms raster tasks at 1,000 objects); a path per edge is culled tile by tile.
 */
export interface OverviewEdge {
  id: string;
  relation: EdgeRelation;
  d: string;
  /** `motion-draw-0|1` while the edge draws itself in. */
  motion?: string;
}

/** A ghost (deleted object fading out) or a flyer (provisioned volume flying in), in flow coordinates. */
export interface OverviewTransient {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  className: string;
  style?: Record<string, string>;
}

/** A column's heading, printed at a readable size whatever the zoom (OverviewLayer). */
export interface OverviewCaption {
  id: string;
  x: number;
  /** The caption's baseline: just above the column. */
  y: number;
  /** The width it may take: the column's. */
  w: number;
  text: string;
}

export interface OverviewModel<N extends Node = Node> {
  /** What React Flow still draws: zones, nodes, placeholders (headings become captions). */
  frame: N[];
  captions: OverviewCaption[];
  tiles: OverviewTile[];
  edges: OverviewEdge[];
  transients: OverviewTransient[];
}

const SIDE: Record<string, Position> = { top: Position.Top, bottom: Position.Bottom, left: Position.Left, right: Position.Right };

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Absolute boxes of every node (React Flow positions children relative to their parent). */
function absoluteBoxes(nodes: readonly Node[]): Map<string, Box> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, Box>();
  const boxOf = (n: Node): Box => {
    const hit = out.get(n.id);
    if (hit) return hit;
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    const origin = parent ? boxOf(parent) : { x: 0, y: 0 };
    const box = { x: origin.x + n.position.x, y: origin.y + n.position.y, w: n.width ?? 0, h: n.height ?? 0 };
    out.set(n.id, box);
    return box;
  };
  for (const n of nodes) boxOf(n);
  return out;
}

/** Where a handle sits on a box: the middle of the named side (Handles.tsx puts them there). */
function handlePoint(box: Box, side: Position): { x: number; y: number } {
  switch (side) {
    case Position.Top:
      return { x: box.x + box.w / 2, y: box.y };
    case Position.Bottom:
      return { x: box.x + box.w / 2, y: box.y + box.h };
    case Position.Left:
      return { x: box.x, y: box.y + box.h / 2 };
    default:
      return { x: box.x + box.w, y: box.y + box.h / 2 };
  }
}

const sideOf = (handle: string | null | undefined, fallback: Position) => SIDE[handle?.split('-')[1] ?? ''] ?? fallback;

/** The same curve React Flow draws for a default edge between the same handles. */
function edgePath(e: FlowEdge, boxes: ReadonlyMap<string, Box>): string | undefined {
  const s = boxes.get(e.source);
  const t = boxes.get(e.target);
  if (!s || !t) return undefined;
  const sourcePosition = sideOf(e.sourceHandle, Position.Bottom);
  const targetPosition = sideOf(e.targetHandle, Position.Top);
  const a = handlePoint(s, sourcePosition);
  const b = handlePoint(t, targetPosition);
  const [d] = getBezierPath({ sourceX: a.x, sourceY: a.y, sourcePosition, targetX: b.x, targetY: b.y, targetPosition });
  return d;
}

/** Names longer than a tile holds at the overview's type size end in an ellipsis. */
export const TILE_NAME_MAX = 12;
const shortName = (name: string) => (name.length > TILE_NAME_MAX ? `${name.slice(0, TILE_NAME_MAX - 1)}…` : name);

const motionOf = (className: string | undefined) => className?.match(/\bmotion-\S+/)?.[0];

export function toOverview<N extends Node>(nodes: readonly N[], edges: readonly FlowEdge[]): OverviewModel<N> {
  const boxes = absoluteBoxes(nodes);
  const frame: N[] = [];
  const tiles: OverviewTile[] = [];
  const transients: OverviewTransient[] = [];
  const captions: OverviewCaption[] = [];
  for (const n of nodes) {
    const box = boxes.get(n.id)!;
    // Ghosts keep their card's type: tell them apart by id first.
    if (n.id.startsWith('ghost:') || n.id.startsWith('flyer:')) {
      transients.push({ id: n.id, ...box, className: n.id.startsWith('ghost:') ? 'motion-leave' : (motionOf(n.className) ?? ''), ...(n.style ? { style: n.style as Record<string, string> } : {}) });
    } else if (n.type === 'object') {
      const data = n.data as ObjectCardData;
      const motion = motionOf(n.className);
      tiles.push({ id: n.id, ...box, tone: data.tone, name: shortName(data.label), ariaLabel: n.ariaLabel ?? `${data.kind} ${data.label} ${data.status}`, ...(motion ? { motion } : {}) });
    } else if (n.type === 'heading') {
      const { title, count } = n.data as HeadingData;
      captions.push({ id: n.id, x: box.x, y: box.y + box.h - 6, w: box.w, text: `${title} (${count})` });
    } else {
      frame.push(n);
    }
  }
  const out: OverviewEdge[] = [];
  for (const e of edges) {
    const d = edgePath(e, boxes);
    if (!d) continue;
    const motion = e.type === 'drawn' ? motionOf(e.className) : undefined;
    out.push({ id: e.id, relation: e.data?.relation ?? 'uses', d, ...(motion ? { motion } : {}) });
  }
  return { frame, captions, tiles, edges: out, transients };
}
