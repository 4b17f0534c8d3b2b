// The overview (semantic zoom). Zoomed out on a large cluster, a card's text is a pixel or two
// high, yet each card still costs React Flow a component, an SVG per edge and dozens of DOM boxes
// to lay out and paint: at 1,000 objects, playback ran at 5 fps. Below OVERVIEW_ZOOM the canvas
// draws the cards as tiles instead (overview.ts, loaded the first time a graph is large enough).
import type { Node } from '@xyflow/react';

/** Below this zoom a card's text is unreadable (12 px type at 0.45 is 5 px): draw tiles. */
export const OVERVIEW_ZOOM = 0.45;
/** How far out a large cluster may be zoomed: 10,000 objects fit a laptop's canvas at about 0.03. */
export const OVERVIEW_MIN_ZOOM = 0.02;
/** Small graphs stay cards at any zoom: React Flow draws a few dozen cards at full speed. */
export const OVERVIEW_MIN_CARDS = 150;

/** Whether the canvas should draw the overview: zoomed out, with enough cards for it to matter. */
export function wantsOverview(zoom: number, cards: number): boolean {
  return zoom < OVERVIEW_ZOOM && cards >= OVERVIEW_MIN_CARDS;
}

export const countCards = (nodes: readonly Node[]): number => nodes.reduce((n, x) => (x.type === 'object' ? n + 1 : n), 0);

type Bounds = { x: number; y: number; width: number; height: number };

/** Per nodes array (never edited in place): one render asks for a large graph's bounds three times. */
const boundsOf = new WeakMap<readonly Node[], Bounds>();

/** The box around every top-level node: what "fit" frames, whether React Flow holds the cards or not. */
export function graphBounds(nodes: readonly Node[]): Bounds {
  let hit = boundsOf.get(nodes);
  if (!hit) {
    hit = measure(nodes);
    boundsOf.set(nodes, hit);
  }
  return { ...hit };
}

function measure(nodes: readonly Node[]): Bounds {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    if (n.parentId || n.id.startsWith('ghost:') || n.id.startsWith('flyer:')) continue;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + (n.width ?? 0));
    y1 = Math.max(y1, n.position.y + (n.height ?? 0));
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : { x: 0, y: 0, width: 0, height: 0 };
}
