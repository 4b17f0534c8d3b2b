// Which of the ghost's cards the learner already has, read from the cluster the page shows: by
// kind and name (a provisioned volume by the claim it is bound to) and, where the card has one,
// the same status. Display only: the goals themselves are checked by the lesson store.
import { viewOf, type ClusterState, type Stored } from '../../engine/index.ts';
import { factsOf } from './ghost-cards.ts';
import type { GhostCard } from './ghost-picture.ts';

/** have: there, as the goal has it; differs: there, with another status (`now`); missing: not there yet (or, for a card the step wants gone, still there). */
export type Presence = { state: 'have' } | { state: 'differs'; now: string } | { state: 'missing' };

export function presenceOf(card: GhostCard, cluster: ClusterState): Presence {
  const ref = card.boundTo ? volumeBoundTo(cluster, card.boundTo) : card.ref;
  const facts = ref ? factsOf(cluster, ref) : undefined;
  if (card.gone) return facts ? { state: 'missing' } : { state: 'have' };
  if (!facts) return { state: 'missing' };
  return facts.status === card.status ? { state: 'have' } : { state: 'differs', now: facts.status };
}

function volumeBoundTo(cluster: ClusterState, claim: { namespace: string; name: string }): GhostCard['ref'] | undefined {
  const pvc = viewOf(cluster).get('PersistentVolumeClaim', `${claim.namespace}/${claim.name}`) as Stored<'PersistentVolumeClaim'> | undefined;
  const name = pvc?.spec?.volumeName;
  return name ? { kind: 'PersistentVolume', name } : undefined;
}

/** Presence of every card, by card id. */
export function presenceMap(cards: readonly GhostCard[], cluster: ClusterState): Record<string, Presence> {
  const out: Record<string, Presence> = {};
  for (const c of cards) out[c.id] = presenceOf(c, cluster);
  return out;
}
