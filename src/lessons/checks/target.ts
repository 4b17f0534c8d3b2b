// Finding the objects a check is about, through the engine's read door (listObjects/getObject):
// by kind, name or label selector, namespace and field conditions; with `ever`, also as they were
// at any moment since the lesson started.
import { getObject, listObjects, readerOf, resolveResource, selectorMatches, parseSelector, type AnyStored, type Kind } from '../../engine/index.ts';
import type { Target } from '../types.ts';
import type { CheckContext } from './context.ts';
import { matchAny } from './matcher.ts';
import { readPaths } from './path.ts';

export interface Found {
  kind: Kind;
  /** Objects that fit every condition (with `ever`: past versions too, newest last). */
  objects: AnyStored[];
  /** Why the nearest candidates were left out, for the goal's detail. */
  why: string;
}

export function kindOf(typed: string): Kind {
  const info = resolveResource(typed);
  // The lesson was validated: an unknown kind cannot get here.
  if (!info) throw new Error(`unknown kind "${typed}"`);
  return info.kind;
}

export function namespaceOf(t: { namespace?: string }): string {
  return t.namespace ?? 'default';
}

/** `persistentvolumeclaim "data"`, `a persistentvolumeclaim with app=web`: how a detail names what it looked for. */
export function describeTarget(t: Pick<Target, 'kind' | 'name' | 'selector'>): string {
  const singular = resolveResource(t.kind)?.singular ?? t.kind;
  if (t.name) return `${singular} "${t.name}"`;
  return t.selector ? `a ${singular} labelled ${t.selector}` : `a ${singular}`;
}

export function findObjects(ctx: CheckContext, t: Target): Found {
  const kind = kindOf(t.kind);
  const reader = readerOf(ctx.state);
  let candidates: AnyStored[];
  if (t.name !== undefined) {
    const r = getObject(reader, kind, namespaceOf(t), t.name);
    candidates = r.ok ? [r.value as AnyStored] : [];
  } else {
    const r = listObjects(reader, kind, { namespace: namespaceOf(t), ...(t.selector ? { labelSelector: t.selector } : {}) });
    candidates = r.ok ? (r.value as AnyStored[]) : [];
  }
  if (t.ever) candidates = [...pastVersions(ctx, kind, t), ...candidates];
  if (candidates.length === 0) return { kind, objects: [], why: `there is no ${describeTarget(t).replace(/^an? /, '')}` };
  let why = '';
  const objects = candidates.filter((o) => {
    for (const c of t.where ?? []) {
      const m = matchAny(readPaths(o, c.path), c);
      if (!m.ok) {
        why ||= `${describeObject(o)}: ${c.path} ${m.why}`;
        return false;
      }
    }
    return true;
  });
  return { kind, objects, why };
}

export function describeObject(o: AnyStored): string {
  return `${resolveResource(o.kind)?.singular ?? o.kind} "${o.metadata.name}"`;
}

/** The objects as the history's changes left them, oldest first (a deleted one too, as it was). */
function pastVersions(ctx: CheckContext, kind: Kind, t: Target): AnyStored[] {
  const selector = t.selector ? parseSelector(t.selector) : undefined;
  const out: AnyStored[] = [];
  for (const step of ctx.steps) {
    for (const c of step.changes) {
      const o = c.object ?? c.before;
      if (!o || c.ref.kind !== kind) continue;
      if (t.name !== undefined && o.metadata.name !== t.name) continue;
      if (o.metadata.namespace !== undefined && o.metadata.namespace !== namespaceOf(t)) continue;
      if (selector && (!selector.ok || !selectorMatches({ matchExpressions: selector.requirements }, o.metadata.labels))) continue;
      out.push(o);
    }
  }
  return out;
}
