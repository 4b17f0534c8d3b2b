// `kubesim node fail|recover NODE…`, `kubesim zone down|up ZONE`, `kubesim container kill POD`:
// the things that happen to a cluster rather than being asked of its API. A failed node's machine
// is off; the control plane finds out on its own, on the simulated clock (`sleep N`).
import {
  act,
  endMainProcess,
  isPoweredOff,
  LABEL_ZONE,
  nodesInZone,
  getObject,
  notFound,
  readerOf,
  powerOff,
  powerOn,
  type ClusterState,
  type Stored,
  type Txn,
  viewOf,
} from '../../engine/index.ts';
import { output, type CommandOutput } from '../types.ts';
import { formatApiError } from '../kubectl/errors.ts';

const FAILED = 'failed (powered off: its kubelet stopped posting status)';
const RECOVERED = 'recovered (powered on: its kubelet posts status again)';

type Power = 'fail' | 'recover';

/** `kubesim node fail|recover NODE…` */
export function nodeCommand(state: ClusterState, action: string | undefined, names: readonly string[], usage: string): CommandOutput {
  if ((action !== 'fail' && action !== 'recover') || names.length === 0) return output(state, { stderr: usage, exitCode: 1 });
  return switchNodes(state, action, names, `kubesim node ${action} ${names.join(' ')}`);
}

/** `kubesim zone down|up ZONE`: every node labelled with the zone fails, or comes back. */
export function zoneCommand(state: ClusterState, action: string | undefined, args: readonly string[], usage: string): CommandOutput {
  const [zone, extra] = args;
  if ((action !== 'down' && action !== 'up') || !zone || extra) return output(state, { stderr: usage, exitCode: 1 });
  const nodes = nodesInZone(viewOf(state), zone);
  if (nodes.length === 0) {
    return output(state, { stderr: `error: zone "${zone}" not found: no node has the label ${LABEL_ZONE}=${zone}\n`, exitCode: 1 });
  }
  return switchNodes(state, action === 'down' ? 'fail' : 'recover', nodes.map((n) => n.metadata.name), `kubesim zone ${action} ${zone}`);
}

function switchNodes(state: ClusterState, action: Power, names: readonly string[], line: string): CommandOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const r = act(state, `user ran ${line}`, (txn) => {
    for (const name of names) {
      const result = action === 'fail' ? powerOff(txn, name) : powerOn(txn, name);
      if (result === 'not-found') stderr.push(formatApiError(notFound('Node', name)));
      else if (result === 'unchanged') stdout.push(`node/${name} already ${action === 'fail' ? 'failed' : 'running'}`);
      else stdout.push(`node/${name} ${action === 'fail' ? FAILED : RECOVERED}`);
    }
  });
  return output(r.state, { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length > 0 ? 1 : 0, steps: r.steps });
}

/**
 * `kubesim container kill POD [-c CONTAINER]`: the node's runtime kills the container's main
 * process with SIGKILL, as the OOM killer or `crictl stop` would. Unlike `kill 1` from inside,
 * this always works: the signal comes from outside the container's PID namespace.
 */
export function killContainerCommand(state: ClusterState, args: readonly string[], namespace: string, wanted: string | undefined, usage: string): CommandOutput {
  const [target, extra] = args;
  if (!target || extra) return output(state, { stderr: usage, exitCode: 1 });
  const name = target.replace(/^(pod|pods|po)\//, '');
  const got = getObject(readerOf(state), 'Pod', namespace, name);
  if (!got.ok) return output(state, { stderr: formatApiError(got.error) + '\n', exitCode: 1 });
  const pod = got.value;
  const container = wanted ?? pod.spec?.containers[0]?.name ?? '';
  if (!pod.spec?.containers.some((c) => c.name === container)) return output(state, { stderr: `error: container ${container} is not valid for pod ${name}\n`, exitCode: 1 });
  const node = pod.spec.nodeName;
  if (node && isPoweredOff(state, node)) return output(state, { stderr: `error: pod ${name} is on node ${node}, which is powered off: nothing runs there\n`, exitCode: 1 });
  const r = act(state, `user ran kubesim container kill ${name} -c ${container}`, (txn: Txn) => endMainProcess(txn, pod, container, 137));
  if (!r.result) return output(state, { stderr: `error: container ${container} of pod ${name} is not running\n`, exitCode: 1 });
  return output(r.state, { stdout: `pod/${name} container ${container} killed (SIGKILL, exit code 137)\n`, steps: r.steps });
}

function joinLines(list: readonly string[]): string {
  return list.map((l) => `${l}\n`).join('');
}
