import { useCallback, useEffect, useRef } from 'react';
import { getViewportForBounds, useReactFlow, useStore, useStoreApi, type FitViewOptions, type Node } from '@xyflow/react';
import { graphBounds } from './overview-mode.ts';
import { readableViewport } from './readable-fit.ts';

/** Graphs with more nodes than this are re-framed at once, not animated. */
const JUMP_ABOVE_NODES = 400;

export const FIT_OPTIONS = { padding: 0.08, maxZoom: 1.35 } satisfies FitViewOptions;

/**
 * Frames the whole graph. Not React Flow's fitView: in the overview React Flow holds only the
 * frame (zones, nodes, headings), while the cards it would leave out are drawn as tiles. Below
 * `floor` (presentation mode's readable zoom, readable-fit.ts) it frames the graph's top-left at
 * that zoom instead, unless asked for the `whole` graph (the Fit View button).
 */
export function useFitAll(nodes: readonly Node[], zoomOutAhead?: ZoomOutAhead, floor = 0) {
  const { setViewport } = useReactFlow();
  const store = useStoreApi();
  const latest = useRef(nodes);
  latest.current = nodes;
  const ahead = useRef(zoomOutAhead);
  ahead.current = zoomOutAhead;
  const floorNow = useRef(floor);
  floorNow.current = floor;
  return useCallback(
    (duration = 300, whole = false) => {
      const { width, height, minZoom } = store.getState();
      if (width === 0 || height === 0 || latest.current.length === 0) return;
      const bounds = graphBounds(latest.current);
      const fit = getViewportForBounds(bounds, width, height, minZoom, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding);
      const target = whole ? fit : readableViewport(fit, bounds, width, height, floorNow.current);
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
export function FitOnChange({ ids, nodes, zoomOutAhead, floor = 0 }: { ids: string; nodes: readonly Node[]; zoomOutAhead?: ZoomOutAhead; floor?: number }) {
  const { getViewport } = useReactFlow();
  const fitAll = useFitAll(nodes, zoomOutAhead, floor);
  // The graph's own boxes (React Flow's store may not hold the new nodes yet when this runs).
  const latest = useRef(nodes);
  latest.current = nodes;
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const first = useRef(true);
  const size = useRef({ width, height, floor });
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const resized = size.current.width !== width || size.current.height !== height || size.current.floor !== floor;
    size.current = { width, height, floor };
    const raf = requestAnimationFrame(() => {
      if (!resized && width > 0 && height > 0 && graphInView(latest.current, getViewport(), width, height)) return;
      // Presentation mode, a scene bigger than the screen at the readable zoom: the teacher pans
      // (or zooms to a selection); re-framing at every new object would yank the view back.
      if (!resized && floor > 0 && getViewport().zoom >= floor - 0.005 && fitZoomOf(latest.current, width, height, 0.1) < floor) return;
      // A large graph jumps: animating the zoom would draw thousands of cards at every in-between
      // zoom before the overview takes over below OVERVIEW_ZOOM (seconds of main-thread work).
      fitAll(latest.current.length > JUMP_ABOVE_NODES ? 0 : 300);
    });
    return () => cancelAnimationFrame(raf);
  }, [ids, width, height, floor, fitAll, getViewport]);
  return null;
}
