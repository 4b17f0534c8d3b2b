// What is Pending right now, for the Explain tab when nothing is selected and for its badge:
// every claim and pod whose phase is Pending (and is not being deleted), claims first, by name.
import { explainClaim, explainPod, viewOf, type ClusterState, type Explanation, type ObjectRef, type Stored } from '../../engine/index.ts';

type Claim = Stored<'PersistentVolumeClaim'>;
type Pod = Stored<'Pod'>;

const byKey = (a: { metadata: { namespace?: string; name: string } }, b: { metadata: { namespace?: string; name: string } }) =>
  `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`);

function pendingObjects(cluster: ClusterState): { claims: Claim[]; pods: Pod[] } {
  const view = viewOf(cluster);
  const pending = (o: Claim | Pod) => !o.metadata.deletionTimestamp && (o.status?.phase ?? 'Pending') === 'Pending';
  return {
    claims: view.list('PersistentVolumeClaim').filter(pending).sort(byKey),
    pods: view.list('Pod').filter(pending).sort(byKey),
  };
}

/** How many claims and pods are Pending (the Explain tab's badge). */
export function countPending(cluster: ClusterState): number {
  const { claims, pods } = pendingObjects(cluster);
  return claims.length + pods.length;
}

/** Every Pending claim and pod with the engine's explanation of it. */
export function explainPending(cluster: ClusterState): { ref: ObjectRef; explanation: Explanation }[] {
  const view = viewOf(cluster);
  const { claims, pods } = pendingObjects(cluster);
  return [
    ...claims.map((c) => ({ ref: { kind: 'PersistentVolumeClaim' as const, namespace: c.metadata.namespace, name: c.metadata.name }, explanation: explainClaim(view, c) })),
    ...pods.map((p) => ({ ref: { kind: 'Pod' as const, namespace: p.metadata.namespace, name: p.metadata.name }, explanation: explainPod(view, p) })),
  ];
}
