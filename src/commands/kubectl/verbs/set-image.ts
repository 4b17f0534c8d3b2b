// `kubectl set image TYPE/NAME CONTAINER=IMAGE…` (pkg/cmd/set/set_image.go): changes the image of
// the named containers (or every one, with `*`) in a pod or a workload's pod template. A changed
// Deployment template is a new rollout: the deployment controller makes a new ReplicaSet.
import { act, getObject, objectKey, patchObject, type AnyStored } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag } from '../flags.ts';
import type { KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { dryRunOf, dryRunSuffix, serverDryRun } from '../dry-run.ts';
import { outputFormatError, printObject } from '../object-output.ts';
import type { Txn } from '../../../engine/cluster/store.ts';

interface Container {
  name: string;
  image?: string;
}
interface PodSpecLike {
  containers?: Container[];
  initContainers?: Container[];
}

/** Where a kind keeps its pod spec (polymorphichelpers.UpdatePodSpecForObject); undefined for kinds without one. */
function podSpecOf(obj: AnyStored): PodSpecLike | undefined {
  const spec = (obj as { spec?: { template?: { spec?: PodSpecLike } } & PodSpecLike }).spec;
  if (obj.kind === 'Pod') return spec;
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'Job'].includes(obj.kind)) return spec?.template?.spec;
  return undefined;
}

export function setVerb(ctx: KubectlContext): CommandOutput {
  const [sub, ...args] = ctx.flags.args;
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  if (sub !== 'image') {
    // DefaultSubCommandRun: the help, on stderr, and a failure.
    if (sub === undefined) return fail(SET_HELP.trimEnd());
    return fail(`error: unknown command "${sub}"\nSee 'kubectl set -h' for help and examples`);
  }
  return setImage(ctx, args);
}

function setImage(ctx: KubectlContext, args: readonly string[]): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return fail(clientError(dryRun.error));
  const format = flag(ctx.flags, 'output');
  const badFormat = outputFormatError(format, ctx.input.files);
  if (badFormat) return fail(clientError(badFormat));
  // cmdutil.GetResourcesAndPairs: resources first, then NAME=IMAGE pairs.
  const resources: string[] = [];
  const pairArgs: string[] = [];
  for (const a of args) {
    const isPair = (a.includes('=') && a[0] !== '=') || (a.endsWith('-') && a !== '-');
    if (isPair) pairArgs.push(a);
    else if (pairArgs.length > 0) return fail(clientError(`all resources must be specified before image changes: ${a}`));
    else resources.push(a);
  }
  // cmdutil.ParsePairs (no removal for images).
  const invalid = pairArgs.filter((p) => !(p.includes('=') && p[0] !== '='));
  if (invalid.length) return fail(clientError(`invalid image format: ${invalid.join(', ')}`));
  const images = new Map<string, string>();
  for (const p of pairArgs) images.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1));
  // Complete runs the resource builder before Validate: no resource, or one the server lacks, fails first.
  if (resources.length < 1) return fail(NO_RESOURCES);
  const parsed = parseResourceArgs(resources);
  if (!parsed.ok) return fail(clientError(parsed.error));
  const targets = parsed.targets.flatMap((t) => t.names.map((name) => ({ info: t.info, name })));
  if (targets.length === 0) return fail(clientError('resource(s) were provided, but no name was specified'));
  const missing = targets.map((t) => getObject(ctx.api, t.info.kind, ctx.namespace, t.name)).flatMap((g) => (g.ok ? [] : [formatApiError(g.error)]));
  if (missing.length === 1) return fail(missing[0]!);
  if (missing.length > 1) return output(ctx.state, { stderr: missing.map((m) => `${m}\n`).join(''), exitCode: 1 });
  // Validate: every problem, one per line (an aggregate of one is printed as a single error).
  const problems: string[] = [];
  if (images.size < 1) problems.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (problems.length === 1) return fail(clientError(problems[0]!));
  if (problems.length > 1) return output(ctx.state, { stderr: problems.map((p) => `${p}\n`).join(''), exitCode: 1 });


  const stdout: string[] = [];
  const errors: string[] = [];
  const write = (txn: Txn) => {
    for (const { info, name } of targets) {
      const key = objectKey(info.kind, ctx.namespace, name);
      const live = txn.get(info.kind, key) as AnyStored | undefined;
      if (!live) continue;
      const changed = structuredClone(live);
      const spec = podSpecOf(changed);
      if (!spec) {
        errors.push(`error: ${info.plural}/${name} the object is not a pod or does not have a pod template: *v1.${info.kind}\n`);
        continue;
      }
      for (const [container, image] of images) {
        const inInit = setImageIn(spec.initContainers, container, image);
        const inMain = setImageIn(spec.containers, container, image);
        if (!inInit && !inMain) errors.push(`error: unable to find container named "${container}"`);
      }
      // An empty patch is not sent, and nothing is printed for it.
      const patch = templatePatch(live, changed);
      if (!patch) continue;
      if (dryRun.value === 'client') {
        stdout.push(printObject(changed, format, `image updated${dryRunSuffix('client')}`, false, ctx.input.files));
        continue;
      }
      const res = patchObject(txn, info.kind, key, patch);
      if (!res.ok) errors.push(`failed to patch image update to pod template: ${formatApiError(res.error)}`);
      else stdout.push(printObject(res.object, format, `image updated${dryRunSuffix(dryRun.value)}`, false, ctx.input.files));
    }
  };
  const r = dryRun.value === 'none' ? act(ctx.state, `user ran kubectl set image ${resources.join(' ')}`, write) : { state: ctx.state, steps: [], result: serverDryRun(ctx.state, write) };
  return output(r.state, { stdout: stdout.join(''), stderr: errors.map((e) => (e.endsWith('\n') ? e : `${e}\n`)).join(''), exitCode: errors.length ? 1 : 0, steps: r.steps });
}

function setImageIn(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

/** A merge patch carrying the changed container lists whole, or undefined when nothing changed. */
function templatePatch(live: AnyStored, changed: AnyStored): object | undefined {
  const before = podSpecOf(live)!;
  const after = podSpecOf(changed)!;
  const lists: PodSpecLike = {};
  if (JSON.stringify(before.containers) !== JSON.stringify(after.containers)) lists.containers = after.containers!;
  if (JSON.stringify(before.initContainers) !== JSON.stringify(after.initContainers)) lists.initContainers = after.initContainers!;
  if (!lists.containers && !lists.initContainers) return undefined;
  return live.kind === 'Pod' ? { spec: lists } : { spec: { template: { spec: lists } } };
}

/** The resource builder's error when no resource was named (resource.Builder). */
export const NO_RESOURCES = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** `kubectl set` alone (kubectl 1.34's text). */
const SET_HELP = `Configure application resources.

 These commands help you make changes to existing application resources.

Available Commands:
  env              Update environment variables on a pod template
  image            Update the image of a pod template
  resources        Update resource requests/limits on objects with pod templates
  selector         Set the selector on a resource
  serviceaccount   Update the service account of a resource
  subject          Update the user, group, or service account in a role binding or cluster role binding

Usage:
  kubectl set SUBCOMMAND [options]

Use "kubectl set <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
