import { Handle, Position } from '@xyflow/react';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/** Invisible anchors on every side: graph.ts picks the pair that faces the other end of each edge. */
export function Handles() {
  return (
    <>
      {SIDES.map(([side, position]) => [
        <Handle key={`in-${side}`} id={`in-${side}`} type="target" position={position} isConnectable={false} className="k8s-handle" />,
        <Handle key={`out-${side}`} id={`out-${side}`} type="source" position={position} isConnectable={false} className="k8s-handle" />,
      ])}
    </>
  );
}
