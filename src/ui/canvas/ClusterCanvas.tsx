// The cluster as a graph: engine state → graph.ts → React Flow. Selecting a card selects the
// object in the store (mouse or keyboard); the inspector shows it.
import { useCallback, useMemo } from 'react';
import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider, type NodeChange } from '@xyflow/react';
import { useAppStore, appStore } from '../../store/index.ts';
import type { ObjectRef } from '../../engine/index.ts';
import { nodeIdOf, toFlowGraph, type FlowEdge, type FlowNode } from './graph.ts';
import { toDockerGraph, type DockerFlowNode } from './docker-graph.ts';
import { nodeTypes } from './node-types.ts';
import { FitOnChange, FIT_OPTIONS } from './FitOnChange.tsx';
import { useResolvedTheme } from '../app/useResolvedTheme.ts';
import { edgeTypes } from './DrawnEdge.tsx';
import { useMotionGraph } from './useMotionGraph.ts';
import { useDraggedPositions } from './useDraggedPositions.ts';

function refOfNode(n: FlowNode | DockerFlowNode): ObjectRef | undefined {
  return n.type === 'object' || n.type === 'k8sNode' ? n.data.ref : undefined;
}

export function ClusterCanvas() {
  const cluster = useAppStore((s) => s.cluster);
  const selected = useAppStore((s) => s.selected);
  const theme = useResolvedTheme();
  const view = useAppStore((s) => s.canvasView);
  const steps = useAppStore((s) => s.latestSteps);
  const plain: { nodes: (FlowNode | DockerFlowNode)[]; edges: FlowEdge[] } = useMemo(() => (view === 'docker' ? toDockerGraph(cluster) : toFlowGraph(cluster)), [cluster, view]);
  const graph = useMotionGraph(plain, steps);
  const selectedId = selected ? nodeIdOf(selected) : null;
  const withSelection = useMemo(() => graph.nodes.map((n) => (n.id === selectedId ? { ...n, selected: true } : n)), [graph, selectedId]);
  // Dragged cards keep their place until the cluster is reset (a new first frame).
  const firstFrame = useAppStore((s) => s.timeline.frames[0]);
  const { nodes, onPositionChanges } = useDraggedPositions(withSelection, firstFrame);
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

  return (
    <ReactFlowProvider>
      <ReactFlow
        aria-label={view === 'docker' ? 'Docker host canvas' : 'Cluster canvas'}
        nodes={nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        colorMode={theme}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.2}
        maxZoom={2}
        nodesDraggable
        nodesConnectable={false}
        edgesFocusable={false}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        deleteKeyCode={null}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={22} size={1.4} color="var(--canvas-dots)" />
        <Controls position="bottom-right" showInteractive={false} fitViewOptions={FIT_OPTIONS} />
        <FitOnChange ids={`${view}|${plain.nodes.map((n) => n.id).join('|')}`} />
      </ReactFlow>
    </ReactFlowProvider>
  );
}
