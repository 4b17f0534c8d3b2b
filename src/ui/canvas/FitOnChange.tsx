import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type FitViewOptions, type Node } from '@xyflow/react';

export const FIT_OPTIONS: FitViewOptions = { padding: 0.08, maxZoom: 1.35 };

/**
 * Re-frames the canvas when the canvas itself is resized (a splitter, presentation mode, the
 * window), and when objects appear that would land off-screen. An object appearing inside the
 * view, or a status change, leaves the view alone: during playback nothing jumps, and a learner
 * who zoomed in keeps their view.
 */
export function FitOnChange({ ids, nodes }: { ids: string; nodes: readonly Node[] }) {
  const { fitView, getViewport } = useReactFlow();
  // The graph's own boxes (React Flow's store may not hold the new nodes yet when this runs).
  const latest = useRef(nodes);
  latest.current = nodes;
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const first = useRef(true);
  const size = useRef({ width, height });
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const resized = size.current.width !== width || size.current.height !== height;
    size.current = { width, height };
    const raf = requestAnimationFrame(() => {
      if (!resized && width > 0 && height > 0) {
        const b = topLevelBounds(latest.current);
        const vp = getViewport();
        const view = { x: -vp.x / vp.zoom, y: -vp.y / vp.zoom, w: width / vp.zoom, h: height / vp.zoom };
        // Inside with a margin: a card touching the edge counts as cut off.
        const m = 24 / vp.zoom;
        const inside = b.x >= view.x + m && b.y >= view.y + m && b.x + b.width <= view.x + view.w - m && b.y + b.height <= view.y + view.h - m;
        if (inside) return;
      }
      void fitView({ ...FIT_OPTIONS, duration: 300 });
    });
    return () => cancelAnimationFrame(raf);
  }, [ids, width, height, fitView, getViewport]);
  return null;
}

/** The box around every top-level node (children sit inside their parents). */
function topLevelBounds(nodes: readonly Node[]): { x: number; y: number; width: number; height: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    if (n.parentId) continue;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + (n.width ?? 0));
    y1 = Math.max(y1, n.position.y + (n.height ?? 0));
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : { x: 0, y: 0, width: 0, height: 0 };
}
