// React Flow renders every node it has not measured yet, visible or not, once, to find its
// handles: after a 10,000-object Apply that is 10,000 cards mounted, laid out and observed in one
// go (tens of seconds on the page's thread). A card's handles sit where Handles.tsx puts them, the
// middle of each side (React Flow's own handle CSS, 6 px anchors), so a large graph declares them
// and React Flow draws only what is on screen from the first frame.
import type { Node } from '@xyflow/react';
import { Position } from '@xyflow/react';

/** Above this many nodes the canvas renders only what is visible (ClusterCanvas) and handles are declared. */
export const DECLARE_HANDLES_ABOVE = 400;

const SIZE = 6;

type Handle = NonNullable<Node['handles']>[number];

/**
 * One handles array per card size, shared by every card of that size: React Flow only reads it
 * (parseHandles copies each handle per node), and 10,000 cards with 8 handles each were 80,000
 * objects made in one render (a third of the task that draws a 10,000-object Apply).
 */
const bySize = new Map<string, Handle[]>();

function handlesFor(w: number, h: number): Handle[] {
  const key = `${w}x${h}`;
  let shared = bySize.get(key);
  if (!shared) {
    shared = makeHandles(w, h);
    bySize.set(key, shared);
  }
  return shared;
}

function makeHandles(w: number, h: number): Handle[] {
  const at: [string, Position, number, number][] = [
    ['top', Position.Top, w / 2, 0],
    ['right', Position.Right, w, h / 2],
    ['bottom', Position.Bottom, w / 2, h],
    ['left', Position.Left, 0, h / 2],
  ];
  return at.flatMap(([side, position, cx, cy]) =>
    (['target', 'source'] as const).map((type) => ({ id: `${type === 'target' ? 'in' : 'out'}-${side}`, type, position, x: cx - SIZE / 2, y: cy - SIZE / 2, width: SIZE, height: SIZE })),
  );
}

const cache = new WeakMap<Node, Node>();

/** The nodes with handles declared on every sized card, when there are enough of them to matter. */
export function withDeclaredHandles<N extends Node>(nodes: N[]): N[] {
  if (nodes.length <= DECLARE_HANDLES_ABOVE) return nodes;
  return nodes.map((n) => {
    if (n.type !== 'object' || n.handles || n.width === undefined || n.height === undefined) return n;
    let out = cache.get(n) as N | undefined;
    if (!out) {
      out = { ...n, handles: handlesFor(n.width, n.height) };
      cache.set(n, out);
    }
    return out;
  });
}
