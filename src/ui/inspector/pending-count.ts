// What is Pending right now, for the Explain tab's badge: every claim and pod whose phase is
// Pending (and is not being deleted), claims first, by name. Apart from pending.ts so the badge,
// on the first screen, does not pull the engine's explanations (loaded with the Explain tab).
import { viewOf, type ClusterState, type Stored } from '../../engine/index.ts';

type Claim = Stored<'PersistentVolumeClaim'>;
type Pod = Stored<'Pod'>;

const byKey = (a: { metadata: { namespace?: string; name: string } }, b: { metadata: { namespace?: string; name: string } }) =>
  `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`);

export function pendingObjects(cluster: ClusterState): { claims: Claim[]; pods: Pod[] } {
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
