// An event with a reason on an object (`ProvisioningSucceeded` on a claim, `FailedScheduling` on a
// pod): the Event objects through the read door, and the events the history's steps emitted (so
// an event counts even once its object is gone).
import { listObjects, readerOf, resolveResource } from '../../engine/index.ts';
import type { Target } from '../types.ts';
import type { CheckContext } from './context.ts';
import type { Outcome } from './matcher.ts';
import { describeTarget, kindOf, namespaceOf } from './target.ts';

export function event(ctx: CheckContext, arg: Omit<Target, 'ever' | 'where'> & { reason: string }): Outcome {
  const kind = kindOf(arg.kind);
  const namespaced = resolveResource(arg.kind)?.namespaced ?? true;
  const ns = namespaceOf(arg);
  const about = (o: { kind: string; name: string; namespace?: string | undefined }) =>
    o.kind === kind && (arg.name === undefined || o.name === arg.name) && (!namespaced || (o.namespace ?? 'default') === ns);
  const listed = listObjects(readerOf(ctx.state), 'Event', {});
  const events = [
    ...(listed.ok ? listed.value : []).map((e) => ({ reason: e.reason, obj: e.involvedObject as { kind: string; name: string; namespace?: string } })),
    ...ctx.steps.flatMap((s) => s.events.map((e) => ({ reason: e.reason, obj: e.involvedObject as { kind: string; name: string; namespace?: string } }))),
  ].filter((e) => about(e.obj));
  if (events.some((e) => e.reason === arg.reason)) return { ok: true };
  const seen = [...new Set(events.map((e) => e.reason))];
  return { ok: false, why: `no ${arg.reason} event on ${describeTarget(arg)}${seen.length ? ` (its events: ${seen.join(', ')})` : ''}` };
}
