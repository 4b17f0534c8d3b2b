// `kubectl logs (POD | TYPE/NAME) [CONTAINER] [-c C] [--all-containers] [--prefix] [--all-pods] [-p] [--tail=N] [-f]`
// and `kubectl logs -l SELECTOR` (pkg/cmd/logs, polymorphichelpers/logsforobject.go). A workload
// (deployment/x, statefulset/x, job/x, replicaset/x) means its first pod in kubectl's ByLogging
// order, named on stderr when there are several; a selector means every pod it matches, ten lines
// each unless --tail says otherwise. A script has no Ctrl-C, so `-f` prints what is there and ends.
import { getObject, listObjects, readerOf, selectorMatches, type AnyStored, type ClusterState, type Step, type Stored } from '../../../engine/index.ts';
import { output, type CommandOutput, type OutputChunk } from '../../types.ts';
import { clientError, formatApiError, listError, usageErrorf } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { parseGoInt } from '../flag-values.ts';
import { parseGoDuration } from '../go-duration.ts';
import type { KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { waitOnClock } from '../clock-wait.ts';
import { kubeletUnreachable, pickContainer } from './exec.ts';

type Pod = Stored<'Pod'>;

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
/** With a selector and no --tail, each pod shows its last ten lines. */
const SELECTOR_TAIL = '10';

export function logsVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string, state = ctx.state, steps: Step[] = []) => output(state, { stderr: message + '\n', exitCode: 1, steps });
  const args = ctx.flags.args;
  const selector = flag(ctx.flags, 'selector');
  if ((args.length === 0 && selector === undefined) || args.length > 2) return fail(usageErrorf('logs', USAGE));
  if (args.length === 1 && selector !== undefined) return fail(usageErrorf('logs', 'only a selector (-l) or a POD name is allowed'));
  const container = args[1] ?? flag(ctx.flags, 'container');

  // Complete: the builder gets the one object named (a plain name is a pod), or lists pods by selector.
  let object: AnyStored | undefined;
  let selected: Pod[] | undefined;
  let stderr = '';
  if (args.length > 0) {
    const got = getNamed(ctx, args[0]!);
    if ('error' in got) return fail(got.error);
    object = got.object;
  } else {
    const listed = listObjects(ctx.api, 'Pod', { namespace: ctx.namespace, labelSelector: selector!.trim() });
    if (!listed.ok) return fail(listError(listed.error, { apiVersion: 'v1', group: '', plural: 'pods' }, selector!.trim(), ''));
    selected = [...listed.value].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
    if (selected.length === 0) stderr += `No resources found in ${ctx.namespace} namespace.\n`;
  }
  // Validate.
  const allContainers = isSet(ctx.flags, 'all-containers');
  if (allContainers && container) return fail(clientError(`--all-containers=true should not be specified with container name ${container}`));
  if (args.length === 2 && flag(ctx.flags, 'container') !== undefined) return fail(clientError('only one of -c or an inline [CONTAINER] arg is allowed'));
  const limit = flag(ctx.flags, 'limit-bytes');
  if (limit !== undefined && Number(parseGoInt(limit)) < 0) return fail(clientError('--limit-bytes must be greater than 0'));
  const tailText = flag(ctx.flags, 'tail');
  if (tailText !== undefined && Number(parseGoInt(tailText)) < -1) return fail(clientError('--tail must be greater than or equal to -1'));
  const tail = tailText ?? (selector !== undefined ? SELECTOR_TAIL : undefined);
  const allPods = isSet(ctx.flags, 'all-pods');
  const prefix = isSet(ctx.flags, 'prefix') || allPods;

  // LogsForObject: which pods, then which of their containers.
  let state = ctx.state;
  const steps: Step[] = [];
  let pods: Pod[];
  if (selected) pods = selected;
  else if (object!.kind === 'Pod') pods = [object as Pod];
  else {
    const podSelector = selectorOf(object!);
    if (!podSelector) return fail(clientError(`cannot get the logs from *v1.${object!.kind}: selector for *v1.${object!.kind} not implemented`));
    const matching = (s: ClusterState) => {
      const listed = listObjects(readerOf(s), 'Pod', { namespace: object!.metadata.namespace });
      return (listed.ok ? listed.value : []).filter((p) => selectorMatches(podSelector, p.metadata.labels));
    };
    // GetPodList waits (--pod-running-timeout, 20s) for a first pod when there is none yet.
    if (matching(state).length === 0) {
      const timeout = parseGoDuration(flag(ctx.flags, 'pod-running-timeout') ?? '20s');
      const r = waitOnClock(state, timeout.ok ? timeout.ms : 20_000, (s) => matching(s).length > 0);
      state = r.state;
      for (const s of r.steps) steps.push(s);
      if (!r.met) return fail(clientError('timed out waiting for the condition'), state, steps);
    }
    const sorted = byLogging(matching(state));
    if (sorted.length > 1 && !allPods) stderr += `Found ${sorted.length} pods, using pod/${sorted[0]!.metadata.name}\n`;
    pods = allPods ? sorted : [sorted[0]!];
  }

  const follow = isSet(ctx.flags, 'follow');
  const requests: { pod: Pod; container: string }[] = [];
  for (const pod of pods) {
    if (allContainers) {
      for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) requests.push({ pod, container: c.name });
      continue;
    }
    const picked = pickContainer(pod, container);
    // The default container is named on stderr only when one pod's logs are asked for.
    if (!allPods) stderr += picked.note;
    const known = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].some((c) => c.name === picked.name);
    if (!known) return output(state, { stderr: stderr + clientError(`container ${picked.name} is not valid for pod ${pod.metadata.name}`) + '\n', exitCode: 1, steps });
    requests.push({ pod, container: picked.name });
  }
  // More than five streams to follow at once is refused (--max-log-requests).
  const maxRequests = Number(parseGoInt(flag(ctx.flags, 'max-log-requests') ?? '5'));
  if (follow && requests.length > 1 && requests.length > maxRequests) {
    return output(state, {
      stderr: stderr + clientError(`you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`) + '\n',
      exitCode: 1,
      steps,
    });
  }
  // kubectl writes its notes (`Found 3 pods, using pod/…`, the defaulted container) on stderr
  // before it streams any log, and each stream's error when that stream fails: the order is kept.
  const chunks: OutputChunk[] = [{ stream: 'stderr', text: stderr }];
  for (const { pod, container: name } of requests) {
    const got = podLogs(ctx, state, pod, name, tail);
    if ('error' in got) {
      if (isSet(ctx.flags, 'ignore-errors') && follow) {
        chunks.push({ stream: 'stderr', text: clientError(got.error.replace(/^error: /, '')) + '\n' });
        continue;
      }
      chunks.push({ stream: 'stderr', text: got.error + '\n' });
      return output(state, { chunks, exitCode: 1, steps });
    }
    chunks.push({ stream: 'stdout', text: prefix ? prefixLines(got.text, `[pod/${pod.metadata.name}/${name}] `) : got.text });
  }
  return output(state, { chunks, steps });
}

/** ResourceNames("pods", arg): `x` is pod x, `TYPE/NAME` any kind; NotFound gets the namespace added. */
function getNamed(ctx: KubectlContext, arg: string): { object: AnyStored } | { error: string } {
  const parsed = parseResourceArgs(arg.includes('/') ? [arg] : ['pods', arg]);
  if (!parsed.ok) return { error: clientError(parsed.error) };
  const { info, names } = parsed.targets[0]!;
  const got = getObject(ctx.api, info.kind, info.namespaced ? ctx.namespace : undefined, names[0]!);
  if (!got.ok) {
    if (got.error.reason === 'NotFound') return { error: clientError(`error from server (NotFound): ${got.error.message} in namespace "${ctx.namespace}"`) };
    return { error: formatApiError(got.error) };
  }
  return { object: got.value as AnyStored };
}

/** SelectorsForObject: the pod selector of the kinds that have one. */
function selectorOf(obj: AnyStored): Parameters<typeof selectorMatches>[0] | undefined {
  if (obj.kind !== 'Deployment' && obj.kind !== 'ReplicaSet' && obj.kind !== 'StatefulSet' && obj.kind !== 'Job') return undefined;
  return (obj as { spec?: { selector?: Parameters<typeof selectorMatches>[0] } }).spec?.selector ?? {};
}

/** podutils.ByLogging: on a node first, then Running < Unknown < Pending, ready first and ready longest, most restarts, oldest. */
function byLogging(pods: readonly Pod[]): Pod[] {
  const phaseRank = (p: Pod) => ({ Running: 0, Unknown: 1, Pending: 2 })[p.status?.phase ?? ''] ?? 3;
  const readySince = (p: Pod) => {
    const c = p.status?.conditions?.find((x) => x.type === 'Ready');
    return c?.status === 'True' ? (c.lastTransitionTime ?? '') : undefined;
  };
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
  const byName = [...pods].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  return byName.sort((a, b) => {
    const onNode = Number(!a.spec?.nodeName) - Number(!b.spec?.nodeName);
    if (onNode) return onNode;
    if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
    const ra = readySince(a);
    const rb = readySince(b);
    if ((ra === undefined) !== (rb === undefined)) return ra === undefined ? 1 : -1;
    // RFC 3339 times in UTC compare as strings; an empty one sorts last.
    if (ra !== undefined && rb !== undefined && ra !== rb) return ra === '' ? 1 : rb === '' ? -1 : ra < rb ? -1 : 1;
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    const ca = a.metadata.creationTimestamp ?? '';
    const cb = b.metadata.creationTimestamp ?? '';
    if (ca !== cb) return ca === '' ? 1 : cb === '' ? -1 : ca < cb ? -1 : 1;
    return 0;
  });
}

/** One container's log as the kubelet serves it, or the error kubectl prints. */
function podLogs(ctx: KubectlContext, state: ClusterState, pod: Pod, container: string, tail: string | undefined): { text: string } | { error: string } {
  const name = pod.metadata.name;
  const unreachable = kubeletUnreachable(ctx, pod);
  if (unreachable) return { error: unreachable.replace(/\n$/, '') };
  const record = state.containers[`${pod.metadata.uid}/${container}`];
  if (!record) {
    const waiting = pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.waiting?.reason ?? 'ContainerCreating';
    return { error: formatApiError({ reason: 'BadRequest', message: `container "${container}" in pod "${name}" is waiting to start: ${waiting}` }) };
  }
  if (isSet(ctx.flags, 'previous')) {
    if (record.previousLogs === undefined) return { error: formatApiError({ reason: 'BadRequest', message: `previous terminated container "${container}" in pod "${name}" not found` }) };
    return { text: limitBytes(tailLines(record.previousLogs, tail), flag(ctx.flags, 'limit-bytes')) };
  }
  return { text: limitBytes(tailLines(record.logs, tail), flag(ctx.flags, 'limit-bytes')) };
}

/** `--tail=N`: the kubelet's last N lines; negative (kubectl's default -1) means all of them. */
export function tailLines(logs: string, tail: string | undefined): string {
  const n = tail === undefined ? -1 : Number(parseGoInt(tail) ?? -1n);
  if (n < 0) return logs;
  if (n === 0 || logs === '') return '';
  const all = logs.endsWith('\n') ? logs.slice(0, -1).split('\n') : logs.split('\n');
  return all.slice(-n).join('\n') + (logs.endsWith('\n') ? '\n' : '');
}

/** `--limit-bytes=N`: the kubelet stops after N bytes. */
function limitBytes(text: string, limit: string | undefined): string {
  if (limit === undefined) return text;
  const n = Number(parseGoInt(limit) ?? 0n);
  if (n <= 0) return text;
  const bytes = new TextEncoder().encode(text);
  return bytes.length <= n ? text : new TextDecoder().decode(bytes.slice(0, n));
}

/** kubectl's prefixingWriter: each line read (and a last line without its newline) gets the prefix. */
function prefixLines(text: string, prefix: string): string {
  if (text === '') return '';
  const parts = text.split(/(?<=\n)/);
  return parts.map((line) => prefix + line).join('');
}
