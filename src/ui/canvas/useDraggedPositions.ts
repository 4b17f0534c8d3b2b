// Where the learner dragged cards to. The layout stays automatic and deterministic; a dragged
// card keeps its new place (relative to the same parent) until the cluster is reset, while
// everything else keeps following the layout.
import { useCallback, useMemo, useState } from 'react';
import type { Node, NodeChange, XYPosition } from '@xyflow/react';

const keyOf = (n: { id: string; parentId?: string }) => `${n.id}|${n.parentId ?? ''}`;

export function useDraggedPositions<N extends Node>(nodes: N[], resetKey: unknown) {
  const [moved, setMoved] = useState<{ key: unknown; at: Map<string, XYPosition> }>({ key: resetKey, at: new Map() });
  const at = moved.key === resetKey ? moved.at : null;
  const placed = useMemo(() => (at && at.size > 0 ? nodes.map((n) => (at.has(keyOf(n)) ? { ...n, position: at.get(keyOf(n))! } : n)) : nodes), [nodes, at]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const onPositionChanges = useCallback(
    (changes: NodeChange<N>[]) => {
      const positions = changes.flatMap((c) => (c.type === 'position' && c.position ? [{ id: c.id, position: c.position }] : []));
      if (positions.length === 0) return;
      setMoved((m) => {
        const next = new Map(m.key === resetKey ? m.at : []);
        for (const p of positions) {
          const n = byId.get(p.id);
          if (n) next.set(keyOf(n), p.position);
        }
        return { key: resetKey, at: next };
      });
    },
    [byId, resetKey],
  );
  return { nodes: placed, onPositionChanges };
}
