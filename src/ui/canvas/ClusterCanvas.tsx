// The cluster as a graph: engine state → graph.ts → React Flow. Selecting a card selects the
// object in the store (mouse or keyboard); the inspector shows it. Zoomed out on a large cluster,
// the cards become tiles (overview.ts) and React Flow draws only the frame around them.
import { useCallback, useDeferredValue, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { Background, BackgroundVariant, ControlButton, Controls, Panel, ReactFlow, ReactFlowProvider, useReactFlow, useStore, useStoreApi, type NodeChange } from '@xyflow/react';
import { useAppStore, appStore } from '../../store/index.ts';
import type { ObjectRef } from '../../engine/index.ts';
import { nodeIdOf, toFlowGraph, type FlowEdge, type FlowNode } from './graph.ts';
import type { DockerFlowNode } from './docker-graph.ts';
import { useDockerKit } from './useDockerKit.ts';
import { nodeTypes } from './node-types.ts';
import { withDeclaredHandles } from './declared-handles.ts';
import { FitOnChange, FIT_OPTIONS, fitZoomOf, graphInView, useFitAll, type ZoomOutAhead } from './FitOnChange.tsx';
import { countCards, OVERVIEW_MIN_CARDS, OVERVIEW_MIN_ZOOM, OVERVIEW_ZOOM, wantsOverview } from './overview-mode.ts';
import { useOverviewKit } from './useOverviewKit.ts';
import { useResolvedTheme } from '../app/useResolvedTheme.ts';
import { edgeTypes } from './DrawnEdge.tsx';
import { useMotionGraph } from './useMotionGraph.ts';
import { useDraggedPositions } from './useDraggedPositions.ts';
import { useChaosMenu } from './useChaosMenu.tsx';
import { useStagedGraph } from './useStagedGraph.ts';
import { ZoomToSelection } from './ZoomToSelection.tsx';
import { readableFloor } from './readable-fit.ts';
import { useLayout } from '../app/layout-store.ts';

function refOfNode(n: FlowNode | DockerFlowNode): ObjectRef | undefined {
  return n.type === 'object' || n.type === 'k8sNode' ? n.data.ref : undefined;
}

const EMPTY_GRAPH = { nodes: [], edges: [] };
const NO_EDGES: FlowEdge[] = [];

/** Four corners: "frame everything" (the fit button is ours: see useFitAll). */
function FitIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round">
      <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
    </svg>
  );
}

export function ClusterCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasBody />
    </ReactFlowProvider>
  );
}

function CanvasBody() {
  // Deferred: a large cluster's graph is built in a render of its own, which React may yield in,
  // after the rest of the page has taken the store's update (the Apply's results, the timeline).
  const cluster = useDeferredValue(useAppStore((s) => s.cluster));
  const selected = useAppStore((s) => s.selected);
  const theme = useResolvedTheme();
  const view = useAppStore((s) => s.canvasView);
  const steps = useDeferredValue(useAppStore((s) => s.latestSteps));
  const [podLayers, setPodLayers] = useState(false);
  const docker = useDockerKit(view === 'docker');
  const make = useCallback(
    (c: typeof cluster): { nodes: (FlowNode | DockerFlowNode)[]; edges: FlowEdge[] } => (view === 'docker' ? (docker ? docker.toDockerGraph(c, { podContainers: podLayers }) : EMPTY_GRAPH) : toFlowGraph(c)),
    [view, podLayers, docker],
  );
  // A large cluster's graph is built in a task of its own (useStagedGraph.ts).
  const staged = useStagedGraph(cluster, steps, make, make);
  const plain = staged.graph;
  const graph = useMotionGraph(plain, staged.steps);
  const selectedId = selected ? nodeIdOf(selected) : null;
  // Dragged cards keep their place until the cluster is reset (a new first frame).
  const firstFrame = useAppStore((s) => s.timeline.frames[0]);
  const { nodes: placed, onPositionChanges } = useDraggedPositions(graph.nodes, firstFrame);
  const refs = useMemo(() => new Map(graph.nodes.flatMap((n) => (refOfNode(n) ? [[n.id, refOfNode(n)!] as const] : []))), [graph]);

  // Selection changes come from clicks and from Enter/Escape on a focused card alike.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode | DockerFlowNode>[]) => {
      onPositionChanges(changes);
      const picks = changes.filter((c) => c.type === 'select');
      if (picks.length === 0) return;
      const chosen = picks.filter((c) => c.selected).at(-1);
      const { selected: current, selectObject } = appStore.getState();
      if (chosen) selectObject(refs.get(chosen.id) ?? null);
      else if (current && picks.some((c) => c.id === nodeIdOf(current))) selectObject(null);
    },
    [refs, onPositionChanges],
  );

  // Right-click (or Shift+F10 on a card): restart, delete, cordon, drain, fail a node or a zone.
  const chaos = useChaosMenu(graph.nodes, view === 'cluster');

  // The overview: React Flow re-renders only when the zoom crosses the threshold, not per frame.
  const zoomedOutNow = useStore((s) => s.transform[2] < OVERVIEW_ZOOM);
  const cards = useMemo(() => countCards(plain.nodes), [plain]);
  // A fit about to jump below OVERVIEW_ZOOM switches to the overview first (FitOnChange.tsx).
  const [goingOut, setGoingOut] = useState(false);
  // A graph that has just grown off-screen will be re-framed (FitOnChange); when that frame is
  // below OVERVIEW_ZOOM the overview starts in this very render, so React Flow is never handed
  // thousands of cards for the one frame before the fit (it adopts and measures each: 50 ms and more).
  const fitIds = useMemo(() => `${view}|${plain.nodes.map((n) => n.id).join('|')}`, [view, plain]);
  const flow = useStoreApi();
  const seenIds = useRef(fitIds);
  const aheadFor = useRef<string | null>(null);
  if (seenIds.current !== fitIds) {
    seenIds.current = fitIds;
    const { width, height, transform, minZoom } = flow.getState();
    const vp = { x: transform[0], y: transform[1], zoom: transform[2] };
    const fitsFarOut = view === 'cluster' && cards >= OVERVIEW_MIN_CARDS && width > 0 && height > 0 && !graphInView(plain.nodes, vp, width, height) && fitZoomOf(plain.nodes, width, height, minZoom) < OVERVIEW_ZOOM;
    aheadFor.current = fitsFarOut ? fitIds : null;
  }
  if (zoomedOutNow) aheadFor.current = null;
  const zoomedOut = zoomedOutNow || goingOut || aheadFor.current === fitIds;
  const zoomOutAhead = useCallback<ZoomOutAhead>(
    (zoom) => {
      if (zoomedOutNow || view !== 'cluster' || !wantsOverview(zoom, cards)) return undefined;
      setGoingOut(true);
      return () => {
        aheadFor.current = null;
        setGoingOut(false);
      };
    },
    [zoomedOutNow, view, cards],
  );
  const kit = useOverviewKit(view === 'cluster' && cards >= OVERVIEW_MIN_CARDS);
  const overview = view === 'cluster' && wantsOverview(zoomedOut ? 0 : 1, cards) && kit !== null;
  // The selection is not an input of the model: a click on a tile repaints, it does not rebuild 10,000 tiles.
  const model = useMemo(() => (overview && kit ? kit.toOverview(placed, graph.edges) : null), [overview, kit, placed, graph.edges]);
  // Zoomed out before the overview's code has arrived: draw the frame without the cards for that
  // moment. Thousands of cards drawn at 10 % zoom for a few frames cost seconds of the page's thread.
  const awaitingKit = view === 'cluster' && kit === null && wantsOverview(zoomedOut ? 0 : 1, cards);
  // What React Flow is given. In the overview (or awaiting it) only the frame: the cards are tiles,
  // so they need neither declared handles nor the selection (10,000 node copies per render saved).
  const cardsShown = model === null && !awaitingKit;
  const declared = useMemo(() => (cardsShown ? withDeclaredHandles(placed) : null), [cardsShown, placed]);
  const frame = useMemo(() => (model ? model.frame : awaitingKit ? placed.filter((n) => n.type !== 'object') : null), [model, awaitingKit, placed]);
  const nodes = useMemo(() => {
    const shown = declared ?? frame ?? placed;
    return selectedId ? shown.map((n) => (n.id === selectedId ? { ...n, selected: true } : n)) : shown;
  }, [declared, frame, placed, selectedId]);
  // Presentation mode never fits below a zoom the room can read (readable-fit.ts).
  const floor = readableFloor(useLayout((s) => s.presentation), useLayout((s) => s.textScale));
  const fitAll = useFitAll(plain.nodes, zoomOutAhead, floor);
  const { setCenter } = useReactFlow();
  const selectTile = useCallback((id: string) => appStore.getState().selectObject(refs.get(id) ?? null), [refs]);
  const openTile = useCallback(
    (id: string) => {
      const t = model?.tiles.find((x) => x.id === id);
      selectTile(id);
      if (t) void setCenter(t.x + t.w / 2, t.y + t.h / 2, { zoom: 1, duration: 400 });
    },
    [model, selectTile, setCenter],
  );
  const tileMenu = useCallback(
    (event: ReactMouseEvent, id: string) => {
      const node = graph.nodes.find((n) => n.id === id);
      if (node) chaos.onNodeContextMenu(event, node);
    },
    [graph, chaos],
  );
  const onPaneClick = useCallback(() => {
    if (model) appStore.getState().selectObject(null);
  }, [model]);

  return (
    <ReactFlow
      aria-label={view === 'docker' ? 'Docker host canvas' : 'Cluster canvas'}
      nodes={nodes}
      edges={model || awaitingKit ? NO_EDGES : graph.edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onPaneClick={onPaneClick}
      // In the overview a double-click opens the tile under it (openTile), not React Flow's zoom step.
      zoomOnDoubleClick={!model}
      onNodeContextMenu={chaos.onNodeContextMenu}
      onPaneContextMenu={chaos.onPaneContextMenu}
      onKeyDown={chaos.onKeyDown}
      colorMode={theme}
      fitView
      fitViewOptions={FIT_OPTIONS}
      // Large scenarios draw only what is on screen (stack-notes: 60 fps at 1,000 nodes zoomed in).
      onlyRenderVisibleElements={placed.length > 400}
      // A cluster of thousands fits the screen only far out: its overview is a mosaic of tiles.
      minZoom={view === 'cluster' && cards >= OVERVIEW_MIN_CARDS ? OVERVIEW_MIN_ZOOM : 0.1}
      maxZoom={2}
      nodesDraggable
      // A click on a card that the view is still re-framing must select it, not start a drag.
      nodeDragThreshold={4}
      nodesConnectable={false}
      edgesFocusable={false}
      multiSelectionKeyCode={null}
      selectionKeyCode={null}
      deleteKeyCode={null}
      proOptions={{ hideAttribution: true }}
    >
      {view === 'docker' && (
        <Panel position="top-left">
          <label className="flex cursor-pointer items-center gap-2 rounded-lg border border-slate-200 bg-white/95 px-2.5 py-1.5 text-xs font-medium text-slate-700 shadow-sm dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-200">
            <input type="checkbox" checked={podLayers} onChange={(e) => setPodLayers(e.target.checked)} className="accent-indigo-600" />
            Show the pods' containers and their layers
          </label>
        </Panel>
      )}
      <Background variant={BackgroundVariant.Dots} gap={22} size={1.4} color="var(--canvas-dots)" />
      <Controls position="bottom-right" showInteractive={false} showFitView={false}>
        <ControlButton className="react-flow__controls-fitview" onClick={() => fitAll(300, true)} title="Fit View" aria-label="Fit View">
          <FitIcon />
        </ControlButton>
        {!model && <ZoomToSelection selectedId={selectedId} edges={graph.edges} floor={floor} />}
      </Controls>
      {model && kit && <kit.OverviewLayer model={model} selectedId={selectedId} onSelect={selectTile} onOpen={openTile} onMenu={tileMenu} />}
      {model && (
        <Panel position="bottom-left" className="pointer-events-none rounded-md bg-white/90 px-2 py-1 text-[11px] font-medium text-slate-600 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900/90 dark:text-slate-300 dark:ring-slate-700">
          Overview · {cards.toLocaleString('en-US')} objects · zoom in or double-click a tile to read its card
        </Panel>
      )}
      {chaos.overlay}
      <FitOnChange ids={fitIds} nodes={plain.nodes} zoomOutAhead={zoomOutAhead} floor={floor} />
    </ReactFlow>
  );
}
