// Keeps the graph shown before, so motion.ts can tell new edges and deleted objects apart, and
// drops the fading ghosts once their animation has run.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Step } from '../../engine/index.ts';
import { MOTION_MS, withMotion, type MotionGraph } from './motion.ts';

/** Nodes that exist only for an animation: fading ghosts of deleted objects, flying volumes. */
const TRANSIENT = /^(ghost|flyer):/;

export function useMotionGraph<G extends MotionGraph>(graph: G, steps: readonly Step[]): G {
  const previous = useRef<G | null>(null);
  const beat = useRef<0 | 1>(0);
  const [settledFor, setSettledFor] = useState<G | null>(null);
  const moving = useMemo(() => {
    beat.current = beat.current === 0 ? 1 : 0;
    return withMotion(previous.current, graph, steps, beat.current);
    // Steps and graph change together (one store update); the graph alone changes with the view.
  }, [graph, steps]);
  useEffect(() => {
    previous.current = graph;
    if (moving.nodes.length === graph.nodes.length) return;
    const t = setTimeout(() => setSettledFor(graph), MOTION_MS + 50);
    return () => clearTimeout(t);
  }, [graph, moving]);
  // After the ghosts have faded, show the plain graph (classes stay until the next step replaces them).
  return settledFor === graph ? { ...moving, nodes: moving.nodes.filter((n) => !TRANSIENT.test(n.id)) } : moving;
}
