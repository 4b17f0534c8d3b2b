// The goal ghost as the worker sends it: a few cards (kind, name, status, colour, facts) and the
// lines between them. Plain JSON and small (a dozen cards at most), so the page never receives a
// ClusterState just to draw a 300-pixel picture; it places them itself (ghost-layout.ts) to fit
// whichever box it draws in.
import { viewOf, type ClusterState, type ObjectRef } from '../../engine/index.ts';
import { lessonGhost, startGhost, type GhostRef, type GhostRelation, type GhostRun } from '../../lessons/ghost.ts';
import type { Lesson } from '../../lessons/types.ts';
import type { Tone } from '../canvas/status.ts';
import { factsOf, GHOST_BADGE } from './ghost-cards.ts';

export interface GhostCard {
  id: string;
  /** What the page looks for in the learner's cluster; a provisioned volume by the claim it is bound to (its name is made up anew each time). */
  ref: GhostRef;
  boundTo?: { namespace: string; name: string };
  kind: string;
  badge: string;
  label: string;
  status: string;
  tone: Tone;
  detail: string;
  /** A goal is about it. */
  focus: boolean;
  /** The step wants it gone. */
  gone: boolean;
}

export interface GhostLine {
  from: string;
  to: string;
  relation: GhostRelation;
  /** "claim example-pvc is bound to volume example-pv", for the line's tooltip. */
  label: string;
}

export interface GhostPicture {
  step: number;
  cards: GhostCard[];
  lines: GhostLine[];
}

const SAYS: Record<GhostRelation, string> = {
  uses: 'uses',
  bound: 'is bound to',
  provisioned: 'is the class of',
  waiting: 'is awaited by',
  config: 'is read by',
  owns: 'owns',
  image: 'is the image of',
};

/** How a line's tooltip names a card's kind. */
const NOUN: Record<string, string> = {
  Pod: 'pod',
  PersistentVolumeClaim: 'claim',
  PersistentVolume: 'volume',
  StorageClass: 'StorageClass',
  DockerImage: 'image',
  DockerContainer: 'container',
  DockerVolume: 'volume',
};

function provisionedClaim(state: ClusterState, ref: GhostRef): GhostCard['boundTo'] {
  if (ref.kind !== 'PersistentVolume') return undefined;
  const pv = viewOf(state).get('PersistentVolume', (ref as ObjectRef).name);
  const claim = pv?.spec?.claimRef;
  if (!pv?.metadata.annotations?.['pv.kubernetes.io/provisioned-by'] || !claim?.name) return undefined;
  return { namespace: claim.namespace ?? 'default', name: claim.name };
}

/** The picture of where step `step` ends; `g` carries the solved steps over from earlier calls. */
export function ghostPicture(lesson: Lesson, step: number, g: GhostRun = startGhost(lesson)): GhostPicture {
  const ghost = lessonGhost(lesson, step, g);
  const cards = ghost.subjects.map((s) => {
    const facts = s.gone ? undefined : factsOf(ghost.state, s.ref);
    const boundTo = provisionedClaim(ghost.state, s.ref);
    return {
      id: s.id,
      ref: s.ref,
      ...(boundTo ? { boundTo } : {}),
      kind: s.ref.kind,
      badge: GHOST_BADGE[s.ref.kind] ?? s.ref.kind,
      label: facts?.label ?? s.ref.name,
      status: facts?.status ?? (s.gone ? 'deleted' : ''),
      tone: facts?.tone ?? 'grey',
      detail: facts?.detail ?? '',
      focus: s.focus,
      gone: !!s.gone,
    } satisfies GhostCard;
  });
  const name = new Map(cards.map((c) => [c.id, `${NOUN[c.kind] ?? c.kind} ${c.label}`]));
  const lines = ghost.links.map((l) => ({ ...l, label: `${name.get(l.from)} ${SAYS[l.relation]} ${name.get(l.to)}` }));
  return { step: Math.max(0, Math.min(step, lesson.steps.length - 1)), cards, lines };
}
