// `kubectl wait (TYPE/NAME… | TYPE -l SELECTOR | TYPE --all) --for=create|delete|condition=C[=V]|jsonpath='{…}'[=V] [--timeout=30s]`
// (pkg/cmd/wait). The objects are found once, then each is waited for in turn within one overall
// timeout; a met condition prints `pod/x condition met`, the first failure ends the command. In
// the simulator waiting advances the clock (clock-wait.ts), as `sleep` does.
import { getObject, listObjects, readerOf, type AnyStored, type ClusterState, type KindInfo, type Step } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError, listError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import type { KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { namedInFiles } from '../file-targets.ts';
import { outputFormatError, printObject } from '../object-output.ts';
import { parseGoDuration } from '../go-duration.ts';
import { A_WEEK_MS, waitOnClock } from '../clock-wait.ts';
import { parseWaitConditions, type WaitCondition } from './wait-conditions.ts';

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";
/** wait.ErrorInterrupted's text, which kubectl extends with the resource it was waiting on. */
const TIMED_OUT = 'timed out waiting for the condition';

type Target = { info: KindInfo; namespace: string; name: string; object: AnyStored | undefined };

export function waitVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  const format = flag(ctx.flags, 'output');
  const badFormat = outputFormatError(format, ctx.input.files);
  if (badFormat) return fail(clientError(badFormat));
  const conditions = parseWaitConditions(ctx.flags.values['for'] ?? []);
  if (!conditions.ok) return fail(clientError(conditions.error));
  // pflag has checked the duration; a negative one means a week.
  const given = parseGoDuration(flag(ctx.flags, 'timeout') ?? '30s');
  const timeoutMs = given.ok ? (given.ms < 0 ? A_WEEK_MS : given.ms) : 30_000;
  const forDelete = conditions.value.some((c) => c.type === 'delete');
  const forCreate = conditions.value.some((c) => c.type === 'create');

  let state = ctx.state;
  const steps: Step[] = [];
  let spent = 0;
  const advance = (limitMs: number, done: (s: ClusterState) => boolean): boolean => {
    const before = state.now;
    const r = waitOnClock(state, limitMs, done);
    state = r.state;
    for (const s of r.steps) steps.push(s);
    spent += state.now - before;
    return r.met;
  };

  // --for=create is waited for first: until the builder finds every object named.
  if (forCreate) {
    const found = (s: ClusterState) => {
      const t = findTargets(ctx, s);
      return 'targets' in t && t.targets.length > 0 && t.targets.every((x) => x.object);
    };
    if (!advance(timeoutMs, found)) return output(state, { stderr: clientError(TIMED_OUT) + '\n', exitCode: 1, steps });
  }
  const found = findTargets(ctx, state);
  if ('fatal' in found) return output(state, { stderr: found.fatal + '\n', exitCode: 1, steps });
  const stdout: string[] = [];
  const finish = (error?: string) => output(state, { stdout: stdout.join(''), stderr: error ? error + '\n' : '', exitCode: error ? 1 : 0, steps });
  let visited = 0;
  for (const target of found.targets) {
    if (!target.object) {
      // The builder's NotFound, which --for=delete ignores.
      if (forDelete) continue;
      return finish(formatApiError({ reason: 'NotFound', message: `${qualified(target.info)} "${target.name}" not found` }));
    }
    visited++;
    for (const condition of conditions.value) {
      const result = waitFor(target, condition);
      if (result.error) return finish(result.error);
      stdout.push(printObject(result.object ?? target.object, format, 'condition met', false, ctx.input.files));
    }
  }
  if (visited === 0 && !forDelete) return finish(clientError('no matching resources found'));
  return finish();

  function waitFor(target: Target, condition: WaitCondition): { object?: AnyStored; error?: string } {
    const live = (s: ClusterState) => {
      const got = getObject(readerOf(s), target.info.kind, target.info.namespaced ? target.namespace : undefined, target.name);
      return got.ok ? (got.value as AnyStored) : undefined;
    };
    const objectName = `${target.info.plural}/${target.name}`;
    if (condition.type === 'create') return { object: target.object };
    if (condition.type === 'delete') {
      const gone = (s: ClusterState) => live(s)?.metadata.uid !== target.object!.metadata.uid;
      if (gone(state)) return { object: target.object };
      if (timeoutMs === 0) return { error: clientError(`condition not met for ${objectName}`) };
      return advance(timeoutMs - spent, gone) ? { object: target.object } : { error: clientError(`${TIMED_OUT} on ${objectName}`) };
    }
    const first = live(state);
    if (!first) return { error: formatApiError({ reason: 'NotFound', message: `${qualified(target.info)} "${target.name}" not found` }) };
    const check = (o: AnyStored) => condition.check(o);
    const initial = check(first);
    if (initial.error) return { error: clientError(initial.error) };
    if (initial.met) return { object: first };
    if (timeoutMs === 0) return { error: clientError(`condition not met for ${objectName}`) };
    // Each look either finds the condition met, the object gone (the watch's precondition), or an error.
    let stop: { error?: string; object?: AnyStored } | undefined;
    const settled = (s: ClusterState) => {
      const o = live(s);
      if (!o) stop = { error: formatApiError({ reason: 'NotFound', message: `${qualified(target.info)} "${target.name}" not found` }) };
      else {
        const c = check(o);
        if (c.error) stop = { error: clientError(c.error) };
        else if (c.met) stop = { object: o };
      }
      return stop !== undefined;
    };
    if (!advance(Math.max(0, timeoutMs - spent), settled)) return { error: clientError(`${TIMED_OUT} on ${objectName}`) };
    return stop!;
  }
}

/** The resource builder: named objects (missing ones kept, for the caller to report), or a list by selector or --all. */
function findTargets(ctx: KubectlContext, state: ClusterState): { targets: Target[] } | { fatal: string } {
  const api = readerOf(state);
  if ((ctx.flags.values['filename'] ?? []).length > 0) {
    const named = namedInFiles(ctx);
    if ('fatal' in named) return named;
    return {
      targets: named.refs.map(({ info, namespace, name }) => {
        const got = getObject(api, info.kind, info.namespaced ? namespace : undefined, name);
        return { info, namespace, name, object: got.ok ? (got.value as AnyStored) : undefined };
      }),
    };
  }
  const parsed = parseResourceArgs(ctx.flags.args);
  if (!parsed.ok) return { fatal: clientError(parsed.error) };
  if (parsed.targets.length === 0) return { fatal: NO_RESOURCES };
  const selector = flag(ctx.flags, 'selector');
  const targets: Target[] = [];
  for (const { info, names } of parsed.targets) {
    const namespace = info.namespaced ? ctx.namespace : '';
    if (names.length > 0) {
      for (const name of names) {
        const got = getObject(api, info.kind, info.namespaced ? namespace : undefined, name);
        targets.push({ info, namespace, name, object: got.ok ? (got.value as AnyStored) : undefined });
      }
      continue;
    }
    if (selector === undefined && !isSet(ctx.flags, 'all')) return { fatal: clientError('resource(s) were provided, but no name was specified') };
    const labelSelector = selector?.trim() ?? '';
    const listed = listObjects(api, info.kind, { ...(ctx.allNamespaces ? {} : { namespace }), labelSelector });
    if (!listed.ok) return { fatal: listError(listed.error, info, labelSelector, '') };
    for (const o of listed.value) targets.push({ info, namespace: o.metadata.namespace ?? '', name: o.metadata.name, object: o as AnyStored });
  }
  return { targets };
}

/** `deployments.apps`, `pods`: how the server names a resource in its errors. */
function qualified(info: KindInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}
