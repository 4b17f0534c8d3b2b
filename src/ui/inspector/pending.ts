// Every Pending claim and pod with the engine's explanation of it, for the Explain tab when
// nothing is selected (pending-count.ts says which objects are Pending).
import { viewOf, type ClusterState, type ObjectRef } from '../../engine/index.ts';
import { explainClaim, explainPod, type Explanation } from '../../engine/explain/index.ts';
import { pendingObjects } from './pending-count.ts';

export { countPending } from './pending-count.ts';

/** Every Pending claim and pod with the engine's explanation of it. */
export function explainPending(cluster: ClusterState): { ref: ObjectRef; explanation: Explanation }[] {
  const view = viewOf(cluster);
  const { claims, pods } = pendingObjects(cluster);
  return [
    ...claims.map((c) => ({ ref: { kind: 'PersistentVolumeClaim' as const, namespace: c.metadata.namespace, name: c.metadata.name }, explanation: explainClaim(view, c) })),
    ...pods.map((p) => ({ ref: { kind: 'Pod' as const, namespace: p.metadata.namespace, name: p.metadata.name }, explanation: explainPod(view, p) })),
  ];
}
