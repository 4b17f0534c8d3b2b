// A bezier edge whose path is measured in units of its own length (pathLength=1) while it draws
// itself in (motion.ts marks new edges), so the CSS dash animation takes the same time on any
// length. Other edges keep the default type, whose dashes (a waiting claim) are in pixels.
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';

export const DrawnEdge = memo(function DrawnEdge(p: EdgeProps) {
  const [path] = getBezierPath({ sourceX: p.sourceX, sourceY: p.sourceY, sourcePosition: p.sourcePosition, targetX: p.targetX, targetY: p.targetY, targetPosition: p.targetPosition });
  return <BaseEdge id={p.id} path={path} pathLength={1} markerEnd={p.markerEnd} style={p.style} interactionWidth={0} />;
});

export const edgeTypes = { drawn: DrawnEdge };
