import { useCallback, useEffect, useRef } from 'react';
import { getViewportForBounds, useReactFlow, useStore, useStoreApi, type FitViewOptions, type Node } from '@xyflow/react';
import { graphBounds } from './overview-mode.ts';

/** Graphs with more nodes than this are re-framed at once, not animated. */
const JUMP_ABOVE_NODES = 400;

export const FIT_OPTIONS = { padding: 0.08, maxZoom: 1.35 } satisfies FitViewOptions;

/**
 * Frames the whole graph. Not React Flow's fitView: in the overview React Flow holds only the
 * frame (zones, nodes, headings), while the cards it would leave out are drawn as tiles.
 */
export function useFitAll(nodes: readonly Node[], zoomOutAhead?: ZoomOutAhead) {
  const { setViewport } = useReactFlow();
  const store = useStoreApi();
  const latest = useRef(nodes);
  latest.current = nodes;
  const ahead = useRef(zoomOutAhead);
  ahead.current = zoomOutAhead;
  return useCallback(
    (duration = 300) => {
      const { width, height, minZoom } = store.getState();
      if (width === 0 || height === 0 || latest.current.length === 0) return;
      const target = getViewportForBounds(graphBounds(latest.current), width, height, minZoom, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding);
      const done = ahead.current?.(target.zoom);
      if (!done) return void setViewport(target, { duration });
      // The canvas is putting its cards away first: move once React Flow holds the frame only
      // (the render after next), then say the move is made.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          void setViewport(target, { duration: 0 });
          done();
        }),
      );
    },
    [setViewport, store],
  );
}

/** Whether the whole graph is on screen under viewport `vp` (with a margin: a card touching the edge is cut off). */
export function graphInView(nodes: readonly Node[], vp: { x: number; y: number; zoom: number }, width: number, height: number): boolean {
  const b = graphBounds(nodes);
  const view = { x: -vp.x / vp.zoom, y: -vp.y / vp.zoom, w: width / vp.zoom, h: height / vp.zoom };
  const m = 24 / vp.zoom;
  return b.x >= view.x + m && b.y >= view.y + m && b.x + b.width <= view.x + view.w - m && b.y + b.height <= view.y + view.h - m;
}

/** The zoom a fit of the whole graph would jump to. */
export function fitZoomOf(nodes: readonly Node[], width: number, height: number, minZoom: number): number {
  return getViewportForBounds(graphBounds(nodes), width, height, minZoom, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding).zoom;
}

/**
 * Told the zoom a fit is about to jump to. Zooming far out over a large graph would make React
 * Flow draw every card now in view (thousands, for seconds) before the canvas switches to the
 * overview; returning a callback means "wait: the cards are being put away; call this once moved".
 */
export type ZoomOutAhead = (zoom: number) => (() => void) | undefined;

/**
 * Re-frames the canvas when the canvas itself is resized (a splitter, presentation mode, the
 * window), and when objects appear that would land off-screen. An object appearing inside the
 * view, or a status change, leaves the view alone: during playback nothing jumps, and a learner
 * who zoomed in keeps their view.
 */
export function FitOnChange({ ids, nodes, zoomOutAhead }: { ids: string; nodes: readonly Node[]; zoomOutAhead?: ZoomOutAhead }) {
  const { getViewport } = useReactFlow();
  const fitAll = useFitAll(nodes, zoomOutAhead);
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
      if (!resized && width > 0 && height > 0 && graphInView(latest.current, getViewport(), width, height)) return;
      // A large graph jumps: animating the zoom would draw thousands of cards at every in-between
      // zoom before the overview takes over below OVERVIEW_ZOOM (seconds of main-thread work).
      fitAll(latest.current.length > JUMP_ABOVE_NODES ? 0 : 300);
    });
    return () => cancelAnimationFrame(raf);
  }, [ids, width, height, fitAll, getViewport]);
  return null;
}
