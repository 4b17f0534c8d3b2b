// `kubectl exec POD [-c CONTAINER] [-it] -- COMMAND…`, and what `kubectl logs` shares with it (logs.ts).
import { act, execInPod, getObject, isPoweredOff, listObjects, type Stored } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { formatApiError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import type { KubectlContext } from '../context.ts';
import { getOwn } from '../../../lib/own.ts';
import { openInteractive } from '../../../engine/containers/interactive.ts';
import type { InteractiveLaunch } from '../../interactive/launch.ts';
import { stdinIsTerminal } from '../../interactive/terminal-stdin.ts';

type ExecFailure = 'pod-not-found' | 'container-not-found' | 'not-running' | 'completed' | 'executable-not-found';

/** kubectl's default container: the annotated one, else the first; says so when there are several. */
export function pickContainer(pod: Stored<'Pod'>, wanted: string | undefined): { name: string; note: string } {
  if (wanted) return { name: wanted, note: '' };
  const names = pod.spec?.containers.map((c) => c.name) ?? [];
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const name = annotated && names.includes(annotated) ? annotated : names[0]!;
  return { name, note: names.length > 1 ? `Defaulted container "${name}" out of: ${names.join(', ')}\n` : '' };
}

/** `pod/NAME`, `NAME`, or `deploy/NAME` (kubectl then picks the deployment's first pod). */
function targetPod(ctx: KubectlContext, target: string): string {
  const m = /^(deploy|deployment|deployments|deployment\.apps)\/(.+)$/.exec(target);
  if (!m) return target.replace(/^(pod|pods|po)\//, '');
  const got = getObject(ctx.api, 'Deployment', ctx.namespace, m[2]!);
  const d = got.ok ? got.value : undefined;
  const wanted = d?.spec?.selector.matchLabels ?? {};
  const listed = listObjects(ctx.api, 'Pod', { namespace: ctx.namespace });
  const pods = listed.ok ? listed.value : [];
  const first = pods
    .filter((p) => d && Object.entries(wanted).every(([k, v]) => getOwn(p.metadata.labels, k) === v) && p.status?.phase === 'Running')
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0];
  return first?.metadata.name ?? m[2]!;
}

export function execVerb(ctx: KubectlContext): CommandOutput {
  // ExecOptions.Complete then Validate: the pod is the first word unless `--` comes first, the
  // command is what follows `--`, and words before `--` after the pod are ignored.
  const { args, argsAtDash } = ctx.flags;
  const podName = args.length > 0 && argsAtDash !== 0 ? args[0] : undefined;
  if (argsAtDash === undefined && args.length > 1) {
    return output(ctx.state, { stderr: 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples\n', exitCode: 1 });
  }
  if (!podName) return output(ctx.state, { stderr: "error: pod, type/name or --filename must be specified\n", exitCode: 1 });
  if (ctx.flags.rest.length === 0) return output(ctx.state, { stderr: 'error: you must specify at least one command for the container\n', exitCode: 1 });
  const name = targetPod(ctx, podName);
  const got = getObject(ctx.api, 'Pod', ctx.namespace, name);
  if (!got.ok) return output(ctx.state, { stderr: formatApiError(got.error) + '\n', exitCode: 1 });
  const pod = got.value;
  const { name: container, note } = pickContainer(pod, flag(ctx.flags, 'container'));
  const unreachable = kubeletUnreachable(ctx, pod);
  if (unreachable) return output(ctx.state, { stderr: note + unreachable, exitCode: 1 });
  // exec.go SetupTTY: `-t` with `-i` whose input is not a terminal (a heredoc or a pipe: the
  // only input a script or the simulated terminal can give) runs without a TTY, and says so.
  const ttyNote = isSet(ctx.flags, 'stdin') && isSet(ctx.flags, 'tty') && !isSet(ctx.flags, 'quiet') && (ctx.input.stdin ?? '') !== ''
    ? 'Unable to use a TTY - input is not a terminal or the right kind of file\n'
    : '';
  // In the browser terminal `-it` with nothing redirected gets the terminal: the process stays open for the lines typed next.
  if (isSet(ctx.flags, 'stdin') && isSet(ctx.flags, 'tty') && stdinIsTerminal(ctx.input)) return execInteractive(ctx, pod, name, container, note);
  const r = execInPod(ctx.state, ctx.namespace, name, container, ctx.flags.rest, ctx.input.stdin ?? '');
  if (!r.ok) {
    const message = execFailure(pod, name, container, r);
    // The pod and container checks come before SetupTTY; the stream's own failures after it.
    const afterTty = r.reason === 'not-running' || r.reason === 'executable-not-found' ? ttyNote : '';
    return output(ctx.state, { stderr: `${note}${afterTty}${message}\n`, exitCode: 1 });
  }
  const failed = r.code !== 0 ? `command terminated with exit code ${r.code}\n` : '';
  if (!r.mainEnded) return output(r.state, { stdout: r.stdout, stderr: note + ttyNote + r.stderr + failed, exitCode: r.code });
  // The command stopped the container's main process: let the kubelet notice and restart it.
  const settled = act(r.state, `user ran kubectl exec ${name} -c ${container} -- ${ctx.flags.rest.join(' ')}`, () => undefined);
  return output(settled.state, { stdout: r.stdout, stderr: note + ttyNote + r.stderr + failed, exitCode: r.code, steps: settled.steps });
}

/** Why an exec could not start, as kubectl prints it. */
function execFailure(pod: Stored<'Pod'>, name: string, container: string, r: { reason: ExecFailure; detail: string }): string {
  return {
    'pod-not-found': `Error from server (NotFound): pods "${name}" not found`,
    'container-not-found': `error: container ${container} is not valid for pod ${name}`,
    'not-running': `error: unable to upgrade connection: container not found ("${container}")`,
    completed: `error: cannot exec into a container in a completed pod; current phase is ${r.detail}`,
    'executable-not-found': `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${pod.metadata.uid?.replace(/-/g, '')}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${r.detail}": executable file not found in $PATH: unknown`,
  }[r.reason];
}

/**
 * `kubectl exec -it POD -- sh` at a terminal: the engine opens the process, and the terminal
 * feeds it the lines typed next (src/commands/interactive/launch.ts). Nothing is printed yet but
 * kubectl's own note; the exit status is reported when the process ends.
 */
function execInteractive(ctx: KubectlContext, pod: Stored<'Pod'>, name: string, container: string, note: string): CommandOutput {
  const command = ctx.flags.rest;
  const opened = openInteractive(ctx.state, { kind: 'pod', namespace: ctx.namespace, pod: name, container }, command);
  if (!opened.ok) {
    const reason = opened.reason === 'no-such-container' ? 'container-not-found' : opened.reason;
    return output(ctx.state, { stderr: `${note}${execFailure(pod, name, container, { reason, detail: opened.detail })}\n`, exitCode: 1 });
  }
  const label = `kubectl exec ${name} -c ${container} -- ${command.join(' ')}`;
  // A program that reads no input (`-- ls /data`) has run to its end already, as a one-off exec.
  if (opened.ended !== undefined) {
    const failed = opened.ended !== 0 ? `command terminated with exit code ${opened.ended}\n` : '';
    const printed = { stdout: opened.output.stdout, stderr: note + opened.output.stderr + failed, exitCode: opened.ended };
    if (!opened.mainEnded) return output(opened.state ?? ctx.state, printed);
    const settled = act(opened.state ?? ctx.state, `user ran ${label}`, () => undefined);
    return output(settled.state, { ...printed, steps: settled.steps });
  }
  const launch: InteractiveLaunch = { session: opened.session, via: 'kubectl', label };
  return output(ctx.state, { stdout: opened.output.stdout, stderr: note + opened.output.stderr, interactive: launch });
}

/**
 * exec and logs go through the API server to the node's kubelet (port 10250); when the node's
 * machine is off, that connection times out.
 */
export function kubeletUnreachable(ctx: KubectlContext, pod: Stored<'Pod'>): string | undefined {
  const nodeName = pod.spec?.nodeName;
  if (!nodeName || !isPoweredOff(ctx.state, nodeName)) return undefined;
  const got = getObject(ctx.api, 'Node', undefined, nodeName);
  const node = got.ok ? got.value : undefined;
  const ip = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? nodeName;
  return `Error from server: error dialing backend: dial tcp ${ip}:10250: i/o timeout\n`;
}
