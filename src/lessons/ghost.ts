// The goal as a picture (the "goal ghost"): the state a step asks for is the cluster after the
// lesson's setup and the reference solutions of every step up to and including it, run from the
// lesson's start exactly as `kubesim lesson solve` runs them. From that state, the ghost keeps
// only what the step's goals are about (and what those objects hang on: a pod's claims and
// config, a claim's volume and class, a container's volumes and image), so the picture is small
// enough to read at a glance. Pure and deterministic: the same lesson draws the same ghost.
import { claimClass, findContainer, findImage, refKey, resolveResource, viewOf, volumeClass, type AnyStored, type ClusterState, type DockerContainer, type ObjectRef } from '../engine/index.ts';
import { startLesson, runLines, type LessonRun } from './run.ts';
import { findObjects, kindOf } from './checks/target.ts';
import { matchAny } from './checks/matcher.ts';
import { readPaths } from './checks/path.ts';
import { isServiceAccountTokenVolume } from '../engine/cluster/service-account-admission.ts';
import type { CheckContext } from './checks/context.ts';
import type { Check, FieldCondition, Lesson, Target } from './types.ts';

/** A lesson being solved step by step: each step's end state is kept, so later steps cost only their own solution. */
export interface GhostRun {
  lesson: Lesson;
  run: LessonRun;
  /** states[i]: the cluster after step i's solution. The store is copy-on-write, so each stays as it was. */
  states: ClusterState[];
}

export function startGhost(lesson: Lesson): GhostRun {
  return { lesson, run: startLesson(lesson), states: [] };
}

/** The cluster at the end of step `step` (clamped to the lesson's steps), solving the steps not solved yet. */
export function ghostStateAt(g: GhostRun, step: number): ClusterState {
  const last = Math.max(0, Math.min(step, g.lesson.steps.length - 1));
  while (g.states.length <= last) {
    runLines(g.run, g.lesson.steps[g.states.length]!.solution);
    g.states.push(g.run.session.state);
  }
  return g.states[last]!;
}

/** What the Docker host shows, by name (a container or volume name, an image as the learner named it). */
export type DockerRef = { kind: 'DockerImage' | 'DockerContainer' | 'DockerVolume'; name: string };
export type GhostRef = ObjectRef | DockerRef;

/** uses: a pod or container mounts it; bound: claim and volume; provisioned: a volume's class; waiting: a Pending claim's class; config: a ConfigMap or Secret a pod reads; owns: a StatefulSet or Job's pod; image: a container's image. */
export type GhostRelation = 'uses' | 'bound' | 'provisioned' | 'waiting' | 'config' | 'owns' | 'image';

export interface GhostSubject {
  id: string;
  ref: GhostRef;
  /** A goal is about it (the others are there because a subject hangs on them). */
  focus: boolean;
  /** The step wants it gone (a goal says it must be absent): drawn struck through. */
  gone?: true;
}

export interface GhostLink {
  from: string;
  to: string;
  relation: GhostRelation;
}

export interface GhostSubjects {
  subjects: GhostSubject[];
  links: GhostLink[];
}

/** At most this many objects: beyond that a 300-pixel picture is a blur, and the goals' own come first. */
export const GHOST_MAX_OBJECTS = 12;
/** A goal about "any pod with …" keeps this many of them. */
const PER_TARGET = 4;

export const ghostId = (ref: GhostRef): string => (ref.kind.startsWith('Docker') ? `${ref.kind}:${ref.name}` : refKey(ref as ObjectRef));

const isDocker = (ref: GhostRef): ref is DockerRef => ref.kind === 'DockerImage' || ref.kind === 'DockerContainer' || ref.kind === 'DockerVolume';

/**
 * The objects a check looks at, found in `state`; a named object it wants absent goes to `gone`.
 * A check that must not hold (`not`), or is about commands run, shows nothing.
 */
function refsOfCheck(ctx: CheckContext, check: Check, out: GhostRef[], gone: GhostRef[]): void {
  const found = (t: Target, field?: FieldCondition) => {
    const { ever: _ever, ...now } = t;
    const objects = findObjects(ctx, now).objects;
    // A field goal: the objects that meet it first (the one the learner is asked to make), else any that fit.
    const meeting = field ? objects.filter((o) => matchAny(readPaths(o, field.path), field).ok) : [];
    for (const o of (meeting.length > 0 ? meeting : objects).slice(0, PER_TARGET)) out.push(refOfStored(o));
  };
  const pods = (p: { pod?: string; selector?: string; where?: Target['where']; namespace?: string }) =>
    found({ kind: 'Pod', ...(p.pod !== undefined ? { name: p.pod } : {}), ...(p.selector ? { selector: p.selector } : {}), ...(p.where ? { where: p.where } : {}), ...(p.namespace ? { namespace: p.namespace } : {}) });
  if ('exists' in check) found(check.exists);
  else if ('absent' in check) {
    const t = check.absent;
    if (t.name !== undefined) gone.push(resolveResource(t.kind)?.namespaced === false ? { kind: kindOf(t.kind), name: t.name } : { kind: kindOf(t.kind), namespace: t.namespace ?? 'default', name: t.name });
  }
  else if ('field' in check) found(check.field, check.field);
  else if ('count' in check) found(check.count);
  else if ('zone' in check) found(check.zone);
  else if ('file' in check) pods(check.file);
  else if ('env' in check) pods(check.env);
  else if ('event' in check) {
    if (check.event.name !== undefined) found({ kind: check.event.kind, name: check.event.name, ...(check.event.namespace ? { namespace: check.event.namespace } : {}) });
  } else if ('docker' in check) {
    const d = check.docker;
    const host = ctx.state.docker;
    if (d.container !== undefined && d.exists === false) gone.push({ kind: 'DockerContainer', name: d.container });
    else if (d.volume !== undefined && d.exists === false) gone.push({ kind: 'DockerVolume', name: d.volume });
    else if (d.container !== undefined) {
      const c = findContainer(host, d.container);
      if (c) out.push({ kind: 'DockerContainer', name: c.name });
    } else if (d.volume !== undefined && d.exists !== false && Object.hasOwn(host.volumes, d.volume)) out.push({ kind: 'DockerVolume', name: d.volume });
    else if (d.image !== undefined && d.exists !== false && findImage(host, d.image)) out.push({ kind: 'DockerImage', name: d.image });
  } else if ('all' in check) for (const c of check.all) refsOfCheck(ctx, c, out, gone);
  else if ('any' in check) for (const c of check.any) refsOfCheck(ctx, c, out, gone);
  // not, output, error, used: nothing to draw.
}

function refOfStored(o: AnyStored): ObjectRef {
  return { kind: o.kind, ...(o.metadata.namespace !== undefined ? { namespace: o.metadata.namespace } : {}), name: o.metadata.name };
}

/** The objects `ref` hangs on (and how), as the state records them: never inferred. */
function neighbours(state: ClusterState, ref: GhostRef): { ref: GhostRef; link: (self: string, other: string) => GhostLink }[] {
  const out: ReturnType<typeof neighbours> = [];
  const from = (relation: GhostRelation) => (self: string, other: string): GhostLink => ({ from: self, to: other, relation });
  const into = (relation: GhostRelation) => (self: string, other: string): GhostLink => ({ from: other, to: self, relation });
  if (isDocker(ref)) {
    if (ref.kind !== 'DockerContainer') return out;
    const c: DockerContainer | undefined = findContainer(state.docker, ref.name);
    if (!c) return out;
    for (const m of c.mounts) if (m.type === 'volume' && Object.hasOwn(state.docker.volumes, m.source)) out.push({ ref: { kind: 'DockerVolume', name: m.source }, link: from('uses') });
    if (findImage(state.docker, c.image)) out.push({ ref: { kind: 'DockerImage', name: c.image }, link: into('image') });
    return out;
  }
  const view = viewOf(state);
  const ns = ref.namespace ?? 'default';
  const get = (r: ObjectRef) => view.getRef(r) as AnyStored | undefined;
  const obj = get(ref);
  if (!obj) return out;
  const add = (r: ObjectRef, link: (self: string, other: string) => GhostLink) => {
    if (get(r)) out.push({ ref: r, link });
  };
  switch (obj.kind) {
    case 'Pod': {
      for (const v of obj.spec?.volumes ?? []) {
        if (v.persistentVolumeClaim) add({ kind: 'PersistentVolumeClaim', namespace: ns, name: v.persistentVolumeClaim.claimName }, from('uses'));
        // A generic ephemeral volume's claim is named `<pod>-<volume>`.
        if (v.ephemeral) add({ kind: 'PersistentVolumeClaim', namespace: ns, name: `${obj.metadata.name}-${v.name}` }, from('uses'));
        if (v.configMap?.name) add({ kind: 'ConfigMap', namespace: ns, name: v.configMap.name }, into('config'));
        if (v.secret?.secretName) add({ kind: 'Secret', namespace: ns, name: v.secret.secretName }, into('config'));
        // Every pod's token volume (kube-root-ca.crt) would be the same clutter on every picture.
        if (v.projected && isServiceAccountTokenVolume(v)) continue;
        for (const s of v.projected?.sources ?? []) {
          if (s.configMap?.name) add({ kind: 'ConfigMap', namespace: ns, name: s.configMap.name }, into('config'));
          if (s.secret?.name) add({ kind: 'Secret', namespace: ns, name: s.secret.name }, into('config'));
        }
      }
      for (const c of obj.spec?.containers ?? []) {
        for (const e of c.env ?? []) {
          if (e.valueFrom?.configMapKeyRef?.name) add({ kind: 'ConfigMap', namespace: ns, name: e.valueFrom.configMapKeyRef.name }, into('config'));
          if (e.valueFrom?.secretKeyRef?.name) add({ kind: 'Secret', namespace: ns, name: e.valueFrom.secretKeyRef.name }, into('config'));
        }
        for (const e of c.envFrom ?? []) {
          if (e.configMapRef?.name) add({ kind: 'ConfigMap', namespace: ns, name: e.configMapRef.name }, into('config'));
          if (e.secretRef?.name) add({ kind: 'Secret', namespace: ns, name: e.secretRef.name }, into('config'));
        }
      }
      for (const o of obj.metadata.ownerReferences ?? []) {
        if (o.kind === 'StatefulSet' || o.kind === 'Job') add({ kind: o.kind, namespace: ns, name: o.name }, into('owns'));
      }
      break;
    }
    case 'PersistentVolumeClaim': {
      const volume = obj.spec?.volumeName;
      if (volume) add({ kind: 'PersistentVolume', name: volume }, from('bound'));
      const cls = claimClass(obj);
      // Bound claims reach their class through the volume; a Pending one waits on it directly.
      if (cls && !volume) add({ kind: 'StorageClass', name: cls }, into('waiting'));
      break;
    }
    case 'PersistentVolume': {
      const claim = obj.spec?.claimRef;
      if (claim?.name) add({ kind: 'PersistentVolumeClaim', namespace: claim.namespace ?? 'default', name: claim.name }, into('bound'));
      const cls = volumeClass(obj);
      if (cls) add({ kind: 'StorageClass', name: cls }, into('provisioned'));
      break;
    }
    case 'StatefulSet': {
      // Its claims are named by the controller's rule, `<template>-<set>-<ordinal>` (as the canvas links them).
      const replicas = obj.spec?.replicas ?? 1;
      for (const t of obj.spec?.volumeClaimTemplates ?? []) {
        for (let i = 0; i < replicas; i++) add({ kind: 'PersistentVolumeClaim', namespace: ns, name: `${t.metadata?.name}-${obj.metadata.name}-${i}` }, from('owns'));
      }
      break;
    }
    default:
      break;
  }
  return out;
}

/**
 * What a step's goals are about in `state`, and what those hang on (followed as far as the
 * object limit allows: a pod, its claim, the claim's volume, the volume's class), with the links
 * between them as the state records them.
 */
export function goalSubjects(lesson: Lesson, step: number, state: ClusterState): GhostSubjects {
  const goals = lesson.steps[step]?.goals ?? [];
  const ctx: CheckContext = { state, steps: [], history: [] };
  const focus: GhostRef[] = [];
  const gone: GhostRef[] = [];
  for (const g of goals) refsOfCheck(ctx, g.check, focus, gone);

  const subjects = new Map<string, GhostSubject>();
  const links = new Map<string, GhostLink>();
  const queue: GhostRef[] = [];
  for (const ref of focus) {
    const id = ghostId(ref);
    if (subjects.has(id) || subjects.size >= GHOST_MAX_OBJECTS) continue;
    subjects.set(id, { id, ref, focus: true });
    queue.push(ref);
  }
  // Breadth first, so the nearest relations win the places left.
  for (let i = 0; i < queue.length; i++) {
    const self = ghostId(queue[i]!);
    for (const n of neighbours(state, queue[i]!)) {
      const id = ghostId(n.ref);
      if (!subjects.has(id)) {
        if (subjects.size >= GHOST_MAX_OBJECTS) continue;
        subjects.set(id, { id, ref: n.ref, focus: false });
        queue.push(n.ref);
      }
      const link = n.link(self, id);
      links.set(`${link.relation}:${link.from}>${link.to}`, link);
    }
  }
  for (const ref of gone) {
    const id = ghostId(ref);
    if (!subjects.has(id) && subjects.size < GHOST_MAX_OBJECTS) subjects.set(id, { id, ref, focus: true, gone: true });
  }
  return { subjects: [...subjects.values()], links: [...links.values()] };
}

/** A step's ghost from scratch: its end state and what to draw of it. */
export function lessonGhost(lesson: Lesson, step: number, g: GhostRun = startGhost(lesson)): GhostSubjects & { state: ClusterState } {
  const state = ghostStateAt(g, step);
  return { state, ...goalSubjects(lesson, Math.max(0, Math.min(step, lesson.steps.length - 1)), state) };
}
