// The canvas's graph of a large cluster, built in a task of its own. Building the view-model of
// 10,000 objects (graph.ts) and then React's render of what follows from it (motion, handles,
// the overview) took one task of 150 ms and more; past STAGE_ABOVE_OBJECTS the graph is built in
// a timer task and the canvas renders it in the next, keeping the graph it showed until then. A
// small cluster's graph is built in the render, so its steps animate from the same frame as ever.
import { useEffect, useMemo, useRef, useState } from 'react';
import { countObjects, type ClusterState, type Step } from '../../engine/index.ts';

/** Clusters with more objects than this get their graph built in a task of its own. */
export const STAGE_ABOVE_OBJECTS = 2_000;

/**
 * `make(cluster)` with the steps it goes with: at once for a small cluster, a task later for a
 * large one (until then, the last graph built). `key` names what else the graph depends on.
 */
export function useStagedGraph<G>(cluster: ClusterState, steps: Step[], key: unknown, make: (cluster: ClusterState) => G): { graph: G; steps: Step[] } {
  const large = useMemo(() => countObjects(cluster) > STAGE_ABOVE_OBJECTS, [cluster]);
  const direct = useMemo(() => (large ? null : { graph: make(cluster), steps }), [large, cluster, steps, key]); // eslint-disable-line react-hooks/exhaustive-deps
  const [staged, setStaged] = useState<{ graph: G; steps: Step[]; for: ClusterState; key: unknown } | null>(null);
  useEffect(() => {
    if (!large || (staged?.for === cluster && staged.key === key)) return;
    const t = setTimeout(() => setStaged({ graph: make(cluster), steps, for: cluster, key }), 0);
    return () => clearTimeout(t);
  }, [large, cluster, steps, key]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = useRef<{ graph: G; steps: Step[] } | null>(null);
  // Meanwhile the graph shown before stays (with no steps: nothing of it moves again); only a
  // canvas that never showed one builds it here.
  const out = direct ?? (staged?.for === cluster && staged.key === key ? staged : null) ?? (shown.current ? { graph: shown.current.graph, steps: NO_STEPS } : { graph: make(cluster), steps });
  shown.current = out;
  return out;
}

const NO_STEPS: Step[] = [];
