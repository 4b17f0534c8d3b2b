// `kubectl scale KIND NAME… --replicas=N [--current-replicas=M]`, `-f FILE`, `-l SELECTOR`,
// `--all`: sets spec.replicas through the scale subresource (pkg/cmd/scale, pkg/scale). Any kind
// whose objects carry a numeric spec.replicas has one (Deployment, ReplicaSet, StatefulSet…);
// the others are refused by the server as having no such resource.
import { act, getObject, listObjects, objectKey, patchObject, type AnyStored, type KindInfo, type Step } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError, listError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { parseGoInt } from '../flag-values.ts';
import { lines, type KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { dryRunOf, dryRunSuffix, serverDryRun } from '../dry-run.ts';
import { outputFormatError, printObject } from '../object-output.ts';
import { aggregateMessage, builderErrors, checkErr, visitFiles, visitedObjects, type ErrTree } from '../resource-builder.ts';

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

export function scaleVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  const replicasText = flag(ctx.flags, 'replicas');
  if (replicasText === undefined) return fail(clientError('required flag(s) "replicas" not set'));
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return fail(clientError(dryRun.error));
  const format = flag(ctx.flags, 'output');
  const badFormat = outputFormatError(format, ctx.input.files);
  if (badFormat) return fail(clientError(badFormat));
  // pflag has already refused values that are not ints.
  const replicas = Number(parseGoInt(replicasText));
  const currentText = flag(ctx.flags, 'current-replicas');
  const current = currentText === undefined ? -1 : Number(parseGoInt(currentText));
  if (replicas < 0) return fail(clientError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'));
  if (current < -1) return fail(clientError('The --current-replicas must specify an integer of -1 or greater'));

  // The resource builder: what to scale, and the errors of the ones it could not get.
  const found = findTargets(ctx);
  if ('fatal' in found) return fail(found.fatal);
  const { objects, errors, fromBuilder = [] } = found;
  if (objects.length === 0) {
    if (fromBuilder.length > 0) return fail(clientError(`no objects passed to scale ${aggregateMessage(fromBuilder)}`));
    if (errors.length) return output(ctx.state, { stderr: lines(errors), exitCode: 1 });
    return fail(clientError('no objects passed to scale'));
  }
  const stdout: string[] = [];
  const stderr: string[] = [];
  let state = ctx.state;
  const steps: Step[] = [];
  const suffix = dryRunSuffix(dryRun.value);
  for (const { info, live } of objects) {
    const scaled = withReplicas(live, replicas);
    if (dryRun.value === 'client') {
      stdout.push(printObject(scaled, format, `scaled${suffix}`, false, ctx.input.files));
      continue;
    }
    const key = objectKey(info.kind, live.metadata.namespace, live.metadata.name);
    const write = (txn: Parameters<typeof patchObject>[0]) => {
      const now = txn.get(info.kind, key);
      if (!now) return { error: formatApiError({ reason: 'NotFound', message: `${qualified(info)} "${live.metadata.name}" not found` }) };
      const size = replicasOf(now);
      if (size === undefined) return { error: formatApiError({ reason: 'NotFound', message: 'the server could not find the requested resource' }) };
      if (current !== -1 && size !== current) return { error: clientError(`Expected replicas to be ${current}, was ${size}`) };
      const res = patchObject(txn, info.kind, key, { spec: { replicas } });
      return res.ok ? { object: res.object } : { error: formatApiError(res.error) };
    };
    let result: { error?: string; object?: AnyStored };
    if (dryRun.value === 'server') {
      result = serverDryRun(state, write);
    } else {
      const r = act(state, `user ran kubectl scale ${info.kind.toLowerCase()} ${live.metadata.name} --replicas=${replicas}`, write);
      result = r.result;
      if (!result.error) {
        state = r.state;
        for (const s of r.steps) steps.push(s);
      }
    }
    if (result.error) {
      // kubectl stops at the first object it cannot scale.
      stderr.push(result.error);
      return output(state, { stdout: stdout.join(''), stderr: lines(stderr), exitCode: 1, steps });
    }
    // kubectl prints the object it fetched, with the new size.
    stdout.push(printObject(scaled, format, `scaled${suffix}`, false, ctx.input.files));
  }
  for (const e of errors) stderr.push(e);
  // RunScale returns the builder's error last.
  if (fromBuilder.length > 0) stderr.push(checkErr(fromBuilder).replace(/\n$/, ''));
  return output(state, { stdout: stdout.join(''), stderr: lines(stderr), exitCode: stderr.length ? 1 : 0, steps });
}

type Target = { info: KindInfo; live: AnyStored };

function findTargets(ctx: KubectlContext): { objects: Target[]; errors: string[]; fromBuilder?: ErrTree[] } | { fatal: string } {
  const objects: Target[] = [];
  const errors: string[] = [];
  const files = ctx.flags.values['filename'] ?? [];
  const add = (info: KindInfo, namespace: string, name: string) => {
    const got = getObject(ctx.api, info.kind, namespace, name);
    if (got.ok) objects.push({ info, live: got.value });
    else errors.push(formatApiError(got.error));
  };
  if (files.length > 0) {
    // The files as the resource builder reads them; what it cannot decode or map is its infoErr.
    const built = visitFiles(ctx);
    if (!built?.ok) return { fatal: built?.stderr.replace(/\n$/, '') ?? '' };
    for (const o of visitedObjects(built.visited)) if (o.name !== '') add(o.info, o.namespace, o.name);
    return { objects, errors, fromBuilder: builderErrors(built.visited) };
  }
  const parsed = parseResourceArgs(ctx.flags.args);
  if (!parsed.ok) return { fatal: clientError(parsed.error) };
  if (parsed.targets.length === 0) return { fatal: NO_RESOURCES };
  const selector = flag(ctx.flags, 'selector');
  for (const { info, names } of parsed.targets) {
    if (names.length > 0) {
      for (const name of names) add(info, ctx.namespace, name);
      continue;
    }
    if (selector === undefined && !isSet(ctx.flags, 'all')) return { fatal: clientError('resource(s) were provided, but no name was specified') };
    const labelSelector = selector?.trim() ?? '';
    const listed = listObjects(ctx.api, info.kind, { namespace: ctx.namespace, labelSelector });
    if (!listed.ok) return { fatal: listError(listed.error, info, labelSelector, '') };
    for (const o of listed.value) objects.push({ info, live: o });
  }
  return { objects, errors };
}

function replicasOf(obj: AnyStored): number | undefined {
  const r = (obj as { spec?: { replicas?: unknown } }).spec?.replicas;
  return typeof r === 'number' ? r : undefined;
}

function withReplicas(obj: AnyStored, replicas: number): AnyStored {
  const spec = (obj as { spec?: object }).spec;
  return { ...obj, spec: { ...spec, replicas } } as AnyStored;
}

/** `deployments.apps`, `pods`: how the server names a resource in its errors. */
function qualified(info: KindInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}
