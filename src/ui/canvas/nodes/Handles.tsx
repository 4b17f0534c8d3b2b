import { Position } from '@xyflow/react';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/**
 * Invisible anchors on every side: graph.ts picks the pair that faces the other end of each edge.
 *
 * Plain elements, not React Flow's <Handle>: ours connect nothing (the canvas is not an editor),
 * and each <Handle> subscribes to React Flow's store, so at 300 cards 2,400 selectors ran on every
 * frame of a pan. React Flow finds a node's handles by these classes and data attributes when it
 * measures the node (`.source`/`.target`, data-handleid, data-handlepos); index.css places them
 * with offsets rather than React Flow's transforms, which cost every repaint a transform each.
 */
export function Handles() {
  return (
    <>
      {SIDES.map(([side, position]) =>
        (['in', 'out'] as const).map((dir) => (
          <div
            key={`${dir}-${side}`}
            aria-hidden
            className={`react-flow__handle react-flow__handle-${side} ${dir === 'in' ? 'target' : 'source'} k8s-handle`}
            data-handleid={`${dir}-${side}`}
            data-handlepos={position}
          />
        )),
      )}
    </>
  );
}
