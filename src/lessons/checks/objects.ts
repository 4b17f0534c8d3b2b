// Checks on objects: one exists (or none does), a field has a value, a number of objects fit.
import type { FieldCondition, Matcher, Target } from '../types.ts';
import type { CheckContext } from './context.ts';
import { matchAny, type Outcome } from './matcher.ts';
import { readPaths } from './path.ts';
import { describeObject, findObjects } from './target.ts';

export function exists(ctx: CheckContext, t: Target): Outcome {
  const found = findObjects(ctx, t);
  return found.objects.length > 0 ? { ok: true } : { ok: false, why: found.why };
}

export function absent(ctx: CheckContext, t: Target): Outcome {
  const found = findObjects(ctx, t);
  const o = found.objects[found.objects.length - 1];
  return o ? { ok: false, why: `${describeObject(o)} still exists` } : { ok: true };
}

/** Met when some object that fits the target has the field as asked (with a name: that object). */
export function field(ctx: CheckContext, arg: Target & FieldCondition): Outcome {
  const { path, equals, in: inList, matches, contains, exists: isSet, atLeast, atMost, ...target } = arg;
  const m: Matcher = { equals, in: inList, matches, contains, exists: isSet, atLeast, atMost };
  const found = findObjects(ctx, target);
  if (found.objects.length === 0) return { ok: false, why: found.why };
  let why = '';
  for (const o of found.objects) {
    const r = matchAny(readPaths(o, path), m);
    if (r.ok) return r;
    why ||= `${describeObject(o)}: ${path} ${r.why}`;
  }
  return { ok: false, why };
}

export function count(ctx: CheckContext, arg: Target & Pick<Matcher, 'equals' | 'atLeast' | 'atMost'>): Outcome {
  const { equals, atLeast, atMost, ...target } = arg;
  const n = findObjects(ctx, target).objects.length;
  const what = `${n} that fit`;
  if (equals !== undefined && n !== Number(equals)) return { ok: false, why: `found ${what}, not ${equals}` };
  if (atLeast !== undefined && n < Number(atLeast)) return { ok: false, why: `found ${what}, fewer than ${atLeast}` };
  if (atMost !== undefined && n > Number(atMost)) return { ok: false, why: `found ${what}, more than ${atMost}` };
  return { ok: true };
}
