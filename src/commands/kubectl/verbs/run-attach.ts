// `kubectl run -i` attaching to a main process that waits on its open stdin (`-- sh`, `-- cat`, or
// busybox with no command): what the script gives kubectl as its input (a here-document, a pipe;
// nothing at all otherwise) is written to the process line by line, as attach streams it, and
// then stdin closes (`stdinOnce`, unless --leave-stdin-open): a shell reads end of input and
// exits, and its status is the container's. With `tty: true` in the container the process has a
// pseudo-terminal, which echoes each line written and lets the shell prompt after each command
// (its first prompt was printed before kubectl attached, hence "If you don't see a command
// prompt…"). What the process prints is also the container's log, as the runtime records it.
import { act, deleteObject, endMainProcess, getObject, objectKey, readerOf, type ClusterState, type Step, type Stored } from '../../../engine/index.ts';
import { interactiveEnd, interactiveLine, interactivePrompt, openInteractive, type InteractiveStep } from '../../../engine/containers/interactive.ts';
import { containerKey } from '../../../engine/containers/mounts.ts';
import { containerArgv } from '../../../engine/containers/runtime.ts';
import { mainArgv, waitsOnStdin } from '../../../engine/containers/open-stdin.ts';
import type { OutputChunk } from '../../types.ts';
import type { InteractiveLaunch, PodMainProcess } from '../../interactive/launch.ts';

export interface Fed {
  state: ClusterState;
  steps: Step[];
  /** What the attach showed, in order. */
  chunks: OutputChunk[];
}

/** The pod's first container and its main process's argv, when that process waits on its stdin. */
function waitingMain(state: ClusterState, namespace: string, name: string) {
  const got = getObject(readerOf(state), 'Pod', namespace, name);
  if (!got.ok) return undefined;
  const pod = got.value as Stored<'Pod'>;
  const spec = pod.spec?.containers[0];
  if (!spec) return undefined;
  const key = containerKey(pod, spec.name);
  const record = state.containers[key];
  const argv = containerArgv(readerOf(state), pod, spec);
  if (!record || record.exitAt !== undefined || !waitsOnStdin(spec, argv)) return undefined;
  return { pod, spec, key, record, argv: mainArgv(spec, argv) };
}

/**
 * `kubectl run -it` at the browser terminal: attach joins the main process at its prompt, and the
 * terminal feeds it the lines typed next (interactive/launch.ts). Undefined when the process does
 * not wait on its stdin.
 */
export function attachAtTerminal(state: ClusterState, namespace: string, name: string, end: Omit<PodMainProcess, 'namespace' | 'pod' | 'container'>): InteractiveLaunch | undefined {
  const main = waitingMain(state, namespace, name);
  if (!main) return undefined;
  const opened = openInteractive(state, { kind: 'pod', namespace, pod: name, container: main.spec.name }, main.argv, { tty: main.spec.tty === true });
  if (!opened.ok || opened.ended !== undefined) return undefined;
  return { session: opened.session, via: 'kubectl', label: `kubectl run ${name}`, podMain: { namespace, pod: name, container: main.spec.name, ...end } };
}

/**
 * The attached main process ended with `code` (`exit 3`, Ctrl-D): it was the container's, so the
 * container ends and the kubelet acts. Then what kubectl run prints after the attach, in its order:
 * attach's reattach note (restartPolicy Always), the wait for the pod's end (Never, OnFailure),
 * --rm's deferred deletion, then the pod's failure as kubectl's error.
 */
export function finishPodMain(state: ClusterState, p: PodMainProcess, code: number): { state: ClusterState; text: string; steps: Step[] } {
  const ended = act(state, `${p.pod}: main process exited with ${code}`, (txn) => {
    const live = getObject(readerOf(txn.state), 'Pod', p.namespace, p.pod);
    if (live.ok) endMainProcess(txn, live.value as Stored<'Pod'>, p.container, code);
  });
  let next = ended.state;
  const steps = [...ended.steps];
  let text = '';
  if (p.restartPolicy === 'Always') text += `Session ended, resume using 'kubectl attach ${p.pod} -c ${p.container} -i -t' command when the pod is running\n`;
  let failure = '';
  if (p.restartPolicy !== 'Always' && !p.leaveStdinOpen) {
    const got = getObject(readerOf(next), 'Pod', p.namespace, p.pod);
    const pod = got.ok ? got.value : undefined;
    const terminated = pod?.status?.containerStatuses?.[0]?.state?.terminated;
    if (pod?.status?.phase === 'Failed') {
      const rc = terminated?.exitCode ?? 0;
      failure = rc === 0 ? `error: pod ${p.namespace}/${p.pod} failed with unknown exit code\n` : `pod ${p.namespace}/${p.pod} terminated (${terminated?.reason ?? 'Error'})\n${terminated?.message ?? ''}`.replace(/\n?$/, '\n');
    } else if (pod?.status?.phase !== 'Succeeded') failure = 'error: timed out waiting for the condition\n';
  }
  if (p.remove) {
    const r = act(next, `user ran kubectl run ${p.pod} --rm: pod ${p.pod} deleted`, (txn) => deleteObject(txn, 'Pod', objectKey('Pod', p.namespace, p.pod)));
    next = r.state;
    steps.push(...r.steps);
    if (r.result.ok) text += `pod "${p.pod}" deleted from ${p.namespace} namespace\n`;
  }
  return { state: next, text: text + failure, steps };
}

/**
 * Feeds `input` to the pod's main process when it waits on stdin; undefined when it does not
 * (it ignores its input, or has ended), so the caller shows its output as it streams instead.
 */
export function feedMainProcess(state: ClusterState, namespace: string, name: string, input: string, closeStdin: boolean): Fed | undefined {
  const main = waitingMain(state, namespace, name);
  if (!main) return undefined;
  const { spec, key, record } = main;
  const tty = spec.tty === true;
  const opened = openInteractive(state, { kind: 'pod', namespace, pod: name, container: spec.name }, main.argv, { tty });
  if (!opened.ok || opened.ended !== undefined) return undefined;
  const chunks: OutputChunk[] = [];
  // A pseudo-terminal has one output: the echo, the prompts and both streams, all on stdout.
  const show = (stream: OutputChunk['stream'], text: string) => text && chunks.push({ stream: tty ? 'stdout' : stream, text });
  const print = (step: InteractiveStep) => {
    for (const c of step.output.chunks ?? [{ stream: 'stdout' as const, text: step.output.stdout }, { stream: 'stderr' as const, text: step.output.stderr }]) show(c.stream, c.text);
  };
  let current = state;
  let session = opened.session;
  let ended: number | undefined;
  const lines = input === '' ? [] : input.replace(/\n$/, '').split('\n');
  for (const line of lines) {
    if (tty) show('stdout', `${line}\n`);
    const step = interactiveLine(current, session, line);
    current = step.state;
    session = step.session;
    print(step);
    if (step.ended !== undefined) {
      ended = step.ended;
      break;
    }
    if (tty) show('stdout', interactivePrompt(session));
  }
  if (ended === undefined && closeStdin) {
    const step = interactiveEnd(current, session);
    current = step.state;
    print(step);
    ended = step.ended;
  }
  // The container's log is what it printed; then, if it ended, the kubelet acts on its status.
  const logged = chunks.map((c) => c.text).join('');
  const summary = ended === undefined ? `${name}: input written to the main process` : `${name}: main process exited with ${ended}`;
  const r = act(current, summary, (txn) => {
    const now = txn.state.containers[key];
    if (!now || now.startedAt !== record.startedAt) return;
    txn.state.containers[key] = { ...now, logs: now.logs + logged };
    const live = getObject(readerOf(txn.state), 'Pod', namespace, name);
    if (ended !== undefined && live.ok) endMainProcess(txn, live.value as Stored<'Pod'>, spec.name, ended);
  });
  return { state: r.state, steps: r.steps, chunks };
}
