// `kubectl rollout status|restart|pause|resume|history|undo` (pkg/cmd/rollout, pkg/polymorphichelpers)
// for Deployments and StatefulSets. `status` watches until the rollout is done: here that advances
// the simulated clock (clock-wait.ts), printing each new status line as kubectl prints each event's.
import { act, getObject, listObjects, patchObject, readerOf, rfc3339, objectKey, type AnyStored, type ClusterState, type KindInfo, type Step } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError, listError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import type { KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { namedInFiles } from '../file-targets.ts';
import { parseGoDuration } from '../go-duration.ts';
import { parseGoInt } from '../flag-values.ts';
import { outputFormatError, printObject } from '../object-output.ts';
import { A_WEEK_MS, waitOnClock } from '../clock-wait.ts';
import { rolloutStatus } from './rollout-status.ts';
import { historyVerb, undoVerb } from './rollout-history.ts';

/** `kubectl rollout` with no subcommand prints its help (kubectl 1.34's text). */
const ROLLOUT_HELP = `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]

Use "kubectl rollout <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export type RolloutTarget = { info: KindInfo; object: AnyStored };

export function rolloutVerb(ctx: KubectlContext): CommandOutput {
  const [sub, ...args] = ctx.flags.args;
  if (sub === undefined) return output(ctx.state, { stdout: ROLLOUT_HELP });
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  const run = { status: statusVerb, restart: restartVerb, pause: (c: KubectlContext, a: string[]) => pauseVerb(c, a, true), resume: (c: KubectlContext, a: string[]) => pauseVerb(c, a, false), history: historyVerb, undo: undoVerb }[sub];
  if (!Object.prototype.hasOwnProperty.call({ status: 1, restart: 1, pause: 1, resume: 1, history: 1, undo: 1 }, sub) || !run) {
    return fail(`error: unknown command "${sub}"\nSee 'kubectl rollout -h' for help and examples`);
  }
  if (args.length === 0 && (ctx.flags.values['filename'] ?? []).length === 0) return fail(clientError('required resource not specified'));
  const revision = flag(ctx.flags, 'revision');
  if (revision !== undefined && (sub === 'status' || sub === 'history') && Number(parseGoInt(revision)) < 0) return fail(clientError(`revision must be a positive integer: ${revision}`));
  return run(ctx, args);
}

/** The resource builder over TYPE/NAME, TYPE NAME…, or TYPE -l SELECTOR: the objects, or kubectl's error. */
export function rolloutTargets(ctx: KubectlContext, args: readonly string[]): { targets: RolloutTarget[]; errors: string[] } | { fatal: string } {
  const targets: RolloutTarget[] = [];
  const errors: string[] = [];
  if ((ctx.flags.values['filename'] ?? []).length > 0) {
    const named = namedInFiles(ctx, 'skip');
    if ('fatal' in named) return named;
    for (const { info, namespace, name } of named.refs) {
      const got = getObject(ctx.api, info.kind, info.namespaced ? namespace : undefined, name);
      if (got.ok) targets.push({ info, object: got.value as AnyStored });
      else errors.push(formatApiError(got.error));
    }
    return { targets, errors };
  }
  const parsed = parseResourceArgs(args);
  if (!parsed.ok) return { fatal: clientError(parsed.error) };
  const selector = flag(ctx.flags, 'selector');
  for (const { info, names } of parsed.targets) {
    if (names.length > 0) {
      for (const name of names) {
        const got = getObject(ctx.api, info.kind, ctx.namespace, name);
        if (got.ok) targets.push({ info, object: got.value as AnyStored });
        else errors.push(formatApiError(got.error));
      }
      continue;
    }
    if (selector === undefined) return { fatal: clientError('resource(s) were provided, but no name was specified') };
    const listed = listObjects(ctx.api, info.kind, { namespace: ctx.namespace, labelSelector: selector.trim() });
    if (!listed.ok) return { fatal: listError(listed.error, info, selector.trim(), '') };
    for (const o of listed.value) targets.push({ info, object: o as AnyStored });
  }
  return { targets, errors };
}

function statusVerb(ctx: KubectlContext, args: string[]): CommandOutput {
  const found = rolloutTargets(ctx, args);
  if ('fatal' in found) return output(ctx.state, { stderr: found.fatal + '\n', exitCode: 1 });
  if (found.errors.length) return output(ctx.state, { stderr: found.errors.join('\n') + '\n', exitCode: 1 });
  if (found.targets.length === 0) return output(ctx.state, { stderr: `No resources found in ${ctx.namespace} namespace.\n` });
  const watch = isSet(ctx.flags, 'watch') || flag(ctx.flags, 'watch') === undefined;
  const revision = Number(parseGoInt(flag(ctx.flags, 'revision') ?? '0') ?? 0n);
  // --timeout=0 (the default) means never give up; a script has no Ctrl-C, so it waits a week at most.
  const given = parseGoDuration(flag(ctx.flags, 'timeout') ?? '0s');
  const timeoutMs = given.ok && given.ms > 0 ? given.ms : A_WEEK_MS;
  let state = ctx.state;
  const steps: Step[] = [];
  let stdout = '';
  for (const { info, object } of found.targets) {
    if (info.kind !== 'Deployment' && info.kind !== 'StatefulSet') {
      return output(state, { stdout, stderr: clientError(`no status viewer has been implemented for ${info.kind}`) + '\n', exitCode: 1, steps });
    }
    const look = (s: ClusterState) => {
      const got = getObject(readerOf(s), info.kind, object.metadata.namespace, object.metadata.name);
      return got.ok ? rolloutStatus(got.value as AnyStored, revision) : { message: '', done: true, error: 'object has been deleted' };
    };
    let last = look(state);
    if (last.error) return output(state, { stdout, stderr: clientError(last.error) + '\n', exitCode: 1, steps });
    stdout += last.message;
    if (last.done || !watch) continue;
    // Each change of the status is a watch event kubectl prints.
    const r = waitOnClock(state, timeoutMs, () => last.done || last.error !== undefined, (s) => {
      const now = look(s);
      if (now.error || now.message !== last.message) {
        if (!now.error) stdout += now.message;
        last = now;
      }
    });
    state = r.state;
    for (const s of r.steps) steps.push(s);
    if (last.error) return output(state, { stdout, stderr: clientError(last.error) + '\n', exitCode: 1, steps });
    if (!r.met) return output(state, { stdout, stderr: clientError('timed out waiting for the condition') + '\n', exitCode: 1, steps });
  }
  return output(state, { stdout, steps });
}

/** What `restart`, `pause`, `resume` share: patch each object, print `deployment.apps/x VERB`, gather errors. */
function patchEach(ctx: KubectlContext, args: string[], verb: string, patchFor: (t: RolloutTarget) => { patch?: object; error?: string; raw?: string }): CommandOutput {
  const format = flag(ctx.flags, 'output');
  const badFormat = outputFormatError(format, ctx.input.files);
  if (badFormat) return output(ctx.state, { stderr: clientError(badFormat) + '\n', exitCode: 1 });
  const found = rolloutTargets(ctx, args);
  if ('fatal' in found) return output(ctx.state, { stderr: found.fatal + '\n', exitCode: 1 });
  const errors = [...found.errors];
  if (found.targets.length === 0 && errors.length === 0) return output(ctx.state, { stderr: `No resources found in ${ctx.namespace} namespace.\n` });
  let state = ctx.state;
  const steps: Step[] = [];
  let stdout = '';
  for (const t of found.targets) {
    const p = patchFor(t);
    if (p.raw) {
      errors.push(p.raw);
      continue;
    }
    if (p.error) {
      const resource = t.info.group ? `${t.info.plural}.${t.info.group}` : t.info.plural;
      errors.push(`error: ${resource} "${t.object.metadata.name}" ${p.error}`);
      continue;
    }
    const key = objectKey(t.info.kind, t.object.metadata.namespace, t.object.metadata.name);
    const r = act(state, `user ran kubectl rollout ${verb} ${t.info.kind.toLowerCase()}/${t.object.metadata.name}`, (txn) => patchObject(txn, t.info.kind, key, p.patch!));
    if (!r.result.ok) {
      errors.push(`failed to patch: ${formatApiError(r.result.error).replace(/^Error from server \(\w+\): /, '')}`);
      continue;
    }
    state = r.state;
    for (const s of r.steps) steps.push(s);
    stdout += printObject(r.result.object as AnyStored, format, verb === 'restart' ? 'restarted' : `${verb}d`, false, ctx.input.files);
  }
  // utilerrors.NewAggregate: one error as it is, several as [a, b].
  const stderr = errors.length === 0 ? '' : errors.length === 1 ? withErrorPrefix(errors[0]!) : `error: [${errors.join(', ')}]`;
  return output(state, { stdout, stderr: stderr ? stderr + '\n' : '', exitCode: errors.length ? 1 : 0, steps });
}

const withErrorPrefix = (m: string) => (m.startsWith('error: ') || m.startsWith('Error from server') ? m : `error: ${m}`);

function restartVerb(ctx: KubectlContext, args: string[]): CommandOutput {
  const at = rfc3339(ctx.state.now);
  return patchEach(ctx, args, 'restart', ({ info, object }) => {
    if (info.kind !== 'Deployment' && info.kind !== 'StatefulSet') return { error: 'restarting is not supported' };
    const spec = (object as { spec?: { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } } }).spec;
    if (info.kind === 'Deployment' && spec?.paused) return { error: "can't restart paused deployment (run rollout resume first)" };
    // The same second twice is an empty patch, which kubectl refuses.
    if (spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] === at) {
      return { raw: `failed to create patch for ${object.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another` };
    }
    return { patch: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } } };
  });
}

function pauseVerb(ctx: KubectlContext, args: string[], pause: boolean): CommandOutput {
  return patchEach(ctx, args, pause ? 'pause' : 'resume', ({ info, object }) => {
    if (info.kind !== 'Deployment') return { error: pause ? 'pausing is not supported' : 'resuming is not supported' };
    const paused = (object as { spec?: { paused?: boolean } }).spec?.paused === true;
    if (paused === pause) return { error: pause ? 'is already paused' : 'is not paused' };
    return { patch: { spec: { paused: pause ? true : null } } };
  });
}
