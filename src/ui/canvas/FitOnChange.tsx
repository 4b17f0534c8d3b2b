import { useEffect, useRef } from 'react';
import { useReactFlow, useStore, type FitViewOptions } from '@xyflow/react';

export const FIT_OPTIONS: FitViewOptions = { padding: 0.08, maxZoom: 1.35 };

/**
 * Re-frames the canvas when the canvas itself is resized (a splitter, presentation mode, the
 * window), and when objects appear that would land off-screen. An object appearing inside the
 * view, or a status change, leaves the view alone: during playback nothing jumps, and a learner
 * who zoomed in keeps their view.
 */
export function FitOnChange({ ids }: { ids: string }) {
  const { fitView, getNodes, getNodesBounds, getViewport } = useReactFlow();
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
        const b = getNodesBounds(getNodes().filter((n) => !n.id.startsWith('ghost:')));
        const vp = getViewport();
        const view = { x: -vp.x / vp.zoom, y: -vp.y / vp.zoom, w: width / vp.zoom, h: height / vp.zoom };
        const inside = b.x >= view.x - 1 && b.y >= view.y - 1 && b.x + b.width <= view.x + view.w + 1 && b.y + b.height <= view.y + view.h + 1;
        if (inside) return;
      }
      void fitView({ ...FIT_OPTIONS, duration: 300 });
    });
    return () => cancelAnimationFrame(raf);
  }, [ids, width, height, fitView, getNodes, getNodesBounds, getViewport]);
  return null;
}
