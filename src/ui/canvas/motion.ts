// What moves on the canvas, decided from the engine's steps (never guessed from a diff alone):
// objects a step created enter (a volume a provisioner created flies in from its class), objects
// a step updated pulse, edges that appear next to a changed object draw themselves, and objects
// a step deleted fade out where they were. Pure: graph in, graph with motion classes out.
import type { Node } from '@xyflow/react';
import { refKey, type Step } from '../../engine/index.ts';

/** The parts of a React Flow graph motion reads and decorates. */
export interface MotionGraph<N extends Node = Node, E extends { id: string; source: string; target: string; type?: string; className?: string } = { id: string; source: string; target: string; type?: string; className?: string }> {
  nodes: N[];
  edges: E[];
}

/** How long the CSS animations last (index.css uses the same figure): ghosts are dropped after it. */
export const MOTION_MS = 700;

/**
 * A batch that touches more objects than this shows its result without motion: three hundred
 * cards fading in and rings pulsing at once say nothing a learner can follow, and cost the canvas
 * seconds of dropped frames. Playback steps through the same changes one at a time, with motion.
 */
export const MOTION_MAX_OBJECTS = 40;

export interface StepChanges {
  created: Set<string>;
  updated: Set<string>;
  deleted: Set<string>;
  /** Volume node id → class node id, for volumes an external provisioner created. */
  provisionedFrom: Map<string, string>;
}

export function changesOf(steps: readonly Step[]): StepChanges {
  const out: StepChanges = { created: new Set(), updated: new Set(), deleted: new Set(), provisionedFrom: new Map() };
  for (const step of steps) {
    for (const c of step.changes) {
      const id = refKey(c.ref);
      if (c.type === 'created') {
        out.created.add(id);
        out.deleted.delete(id);
        const cls = c.ref.kind === 'PersistentVolume' ? (c.object as { spec?: { storageClassName?: string } } | undefined)?.spec?.storageClassName : undefined;
        if (cls && step.actor !== 'user') out.provisionedFrom.set(id, refKey({ kind: 'StorageClass', name: cls }));
      } else if (c.type === 'updated') {
        if (!out.created.has(id)) out.updated.add(id);
      } else {
        out.deleted.add(id);
        out.created.delete(id);
        out.updated.delete(id);
      }
    }
  }
  return out;
}

/**
 * Whether the steps touch more than `max` distinct objects. Each object changesOf() counts lands
 * in at least one of its sets, so past `max` distinct objects its sets hold more than `max`: this
 * answers withMotion's question after `max + 1` objects, not after all 10,000 of a large Apply.
 */
export function touchesMoreThan(steps: readonly Step[], max: number): boolean {
  const seen = new Set<string>();
  for (const step of steps) {
    for (const c of step.changes) {
      seen.add(refKey(c.ref));
      if (seen.size > max) return true;
    }
  }
  return false;
}

/** A node's absolute position (React Flow positions children relative to their parent). */
function absolute(nodes: ReadonlyMap<string, Node>, n: Node): { x: number; y: number } {
  let x = n.position.x;
  let y = n.position.y;
  let p = n.parentId ? nodes.get(n.parentId) : undefined;
  while (p) {
    x += p.position.x;
    y += p.position.y;
    p = p.parentId ? nodes.get(p.parentId) : undefined;
  }
  return { x, y };
}

const withClass = (base: string | undefined, extra: string) => (base ? `${base} ${extra}` : extra);

/**
 * Decorates `next` with the motion of `steps`. `prev` is the graph shown before (for ghosts and
 * for telling a new edge from one that was already there); `beat` alternates 0/1 between
 * successive step batches so the same animation restarts on consecutive frames.
 */
export function withMotion<G extends MotionGraph>(prev: G | null, next: G, steps: readonly Step[], beat: 0 | 1): G {
  if (steps.length === 0) return next;
  if (touchesMoreThan(steps, MOTION_MAX_OBJECTS)) return next;
  const ch = changesOf(steps);
  if (ch.created.size + ch.updated.size + ch.deleted.size > MOTION_MAX_OBJECTS) return next;
  const byId = new Map(next.nodes.map((n) => [n.id, n as Node]));
  // Animations change only opacity and shadows on the cards themselves: React Flow measures a
  // card's handles when it mounts, and a transformed card would leave its edges misplaced. The
  // flight of a provisioned volume is drawn by a separate "flyer" node with no handles.
  const flyers: Node[] = [];
  const nodes = next.nodes.map((n) => {
    if (ch.created.has(n.id)) {
      const from = ch.provisionedFrom.get(n.id);
      const cls = from ? byId.get(from) : undefined;
      if (cls) {
        const a = absolute(byId, n);
        const b = absolute(byId, cls);
        flyers.push({
          id: `flyer:${n.id}`,
          type: 'flyer',
          position: a,
          width: n.width,
          height: n.height,
          data: { label: (n.data as { label?: string }).label ?? n.id },
          className: `motion-fly-${beat}`,
          style: { '--fly-x': `${Math.round(b.x - a.x)}px`, '--fly-y': `${Math.round(b.y - a.y)}px` } as Node['style'],
          selectable: false,
          focusable: false,
          draggable: false,
          zIndex: 1000,
          domAttributes: { 'aria-hidden': true },
        } as Node);
        return { ...n, className: withClass(n.className, `motion-land-${beat}`) };
      }
      return { ...n, className: withClass(n.className, `motion-enter-${beat}`) };
    }
    if (ch.updated.has(n.id)) return { ...n, className: withClass(n.className, `motion-pulse-${beat}`) };
    return n;
  });
  const touched = (id: string) => ch.created.has(id) || ch.updated.has(id);
  const before = new Set(prev?.edges.map((e) => e.id) ?? []);
  const edges = next.edges.map((e) => (!before.has(e.id) && (touched(e.source) || touched(e.target)) ? { ...e, type: 'drawn', className: withClass(e.className, `motion-draw-${beat}`) } : e));
  // Deleted objects fade out where they were drawn (absolute position: their parent may be gone too).
  const prevById = new Map(prev?.nodes.map((n) => [n.id, n as Node]) ?? []);
  const ghosts: Node[] = [];
  for (const id of ch.deleted) {
    const old = prevById.get(id);
    if (!old || byId.has(id)) continue;
    const { parentId: _p, extent: _e, ...rest } = old;
    ghosts.push({ ...rest, id: `ghost:${id}`, position: absolute(prevById, old), className: withClass(old.className?.replace(/\bmotion-\S+/g, '').trim() || undefined, 'motion-leave'), selectable: false, focusable: false, draggable: false, ariaLabel: undefined, domAttributes: { 'aria-hidden': true } } as Node);
  }
  return { ...next, nodes: [...nodes, ...ghosts, ...flyers] as G['nodes'], edges: edges as G['edges'] };
}
