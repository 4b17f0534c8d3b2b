// Evaluating one check: pure over the state, the steps since the lesson started and the learner's
// commands. Each primitive lives in its own file; this only dispatches and combines.
import type { Check } from '../types.ts';
import type { CheckContext } from './context.ts';
import { docker, type DockerArg } from './docker.ts';
import { event } from './event.ts';
import { env, file, type FileArg } from './file.ts';
import { error, output, used } from './history.ts';
import type { Outcome } from './matcher.ts';
import { absent, count, exists, field } from './objects.ts';
import { zone } from './zone.ts';

export type { CheckContext } from './context.ts';
export type { Outcome } from './matcher.ts';

export function evaluateCheck(ctx: CheckContext, check: Check): Outcome {
  if ('exists' in check) return exists(ctx, check.exists);
  if ('absent' in check) return absent(ctx, check.absent);
  if ('field' in check) return field(ctx, check.field);
  if ('count' in check) return count(ctx, check.count);
  if ('zone' in check) return zone(ctx, check.zone);
  if ('file' in check) return file(ctx, check.file as FileArg);
  if ('env' in check) return env(ctx, check.env);
  if ('output' in check) return output(ctx, check.output);
  if ('error' in check) return error(ctx, check.error);
  if ('event' in check) return event(ctx, check.event);
  if ('used' in check) return used(ctx, check.used);
  if ('docker' in check) return docker(ctx.state, check.docker as DockerArg);
  if ('all' in check) {
    for (const c of check.all) {
      const r = evaluateCheck(ctx, c);
      if (!r.ok) return r;
    }
    return { ok: true };
  }
  if ('any' in check) {
    const whys: string[] = [];
    for (const c of check.any) {
      const r = evaluateCheck(ctx, c);
      if (r.ok) return r;
      whys.push(r.why);
    }
    return { ok: false, why: whys.join('; and ') };
  }
  const r = evaluateCheck(ctx, check.not);
  return r.ok ? { ok: false, why: 'it is the case, and it should not be' } : { ok: true };
}
