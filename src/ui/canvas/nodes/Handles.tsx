import { Handle, Position } from '@xyflow/react';

/** Invisible anchors on both sides: graph.ts picks the pair that faces the other end of each edge. */
export function Handles() {
  return (
    <>
      <Handle id="in-left" type="target" position={Position.Left} isConnectable={false} className="k8s-handle" />
      <Handle id="out-left" type="source" position={Position.Left} isConnectable={false} className="k8s-handle" />
      <Handle id="in-right" type="target" position={Position.Right} isConnectable={false} className="k8s-handle" />
      <Handle id="out-right" type="source" position={Position.Right} isConnectable={false} className="k8s-handle" />
    </>
  );
}
