// `kubectl attach POD [-c C] [-it]` (and `kubectl run -it`, which attaches after creating the
// pod): POST …/pods/NAME/attach over the same WebSocket remote-command protocol as exec. Attach
// reaches the container's main process, not a new one. kubectl itself prints the notices (`If
// you don't see a command prompt, try pressing enter.`, `Unable to use a TTY - container x did
// not allocate one`) and forces the TTY to match the container's.
// - A main process that is a shell reading its stdin (`stdin: true`, as `kubectl run -it x
//   --image=busybox` makes it: the image runs `sh`) is the engine's interactive process, joined
//   at its prompt (Enter shows a fresh one): what is typed runs, with the prompt
//   and line discipline when the container has `tty: true`; what the terminal shows is also
//   the container's log, as a runtime records a TTY's output. `exit` ends the main process, so
//   the kubelet restarts the container or the pod completes.
// - Any other main process (nginx, `sleep 3600`) gets no input (its stdin is not open); the
//   client sees what it prints from now on, as the runtime streams it, until it ends.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { act, endMainProcess, getObject, readerOf, type Stored } from '../engine/index.ts';
import { containerKey } from '../engine/containers/mounts.ts';
import { readsInput } from '../engine/shell/reads-input.ts';
import type { ServeSession } from './session.ts';
import { execFailure, refuseUpgrade } from './exec.ts';
import { channelsOf, STDERR, STDOUT } from './tty/channels.ts';
import { openProcessStream } from './tty/process-stream.ts';

const POLL_MS = 200;
const SHELLS = ['sh', 'ash', 'bash', 'dash'];

export function attachTarget(pathname: string): { namespace: string; pod: string } | undefined {
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/attach$/.exec(pathname);
  return m ? { namespace: decodeURIComponent(m[1]!), pod: decodeURIComponent(m[2]!) } : undefined;
}

type Pod = Stored<'Pod'>;

/** The main process's argv as the kubelet starts it: command and args, or the image's default (a shell for busybox and alpine). */
function mainArgv(pod: Pod, container: string): string[] {
  const c = pod.spec?.containers.find((x) => x.name === container);
  const argv = [...(c?.command ?? []), ...(c?.args ?? [])];
  if (argv.length > 0) return argv;
  return /^(docker\.io\/)?(library\/)?(busybox|alpine)(:|@|$)/.test(c?.image ?? '') ? ['sh'] : [];
}

/** Whether the container runs now (its main process can be reached). */
function running(pod: Pod, container: string): boolean {
  return pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.running !== undefined;
}

export function upgradeAttach(wss: WebSocketServer, session: ServeSession, req: IncomingMessage, socket: Duplex, head: Buffer, changed: () => void): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const target = attachTarget(url.pathname)!;
  const q = url.searchParams;
  session.sync();
  const got = getObject(readerOf(session.state), 'Pod', target.namespace, target.pod);
  if (!got.ok) return refuseUpgrade(socket, 404, 'NotFound', `pods "${target.pod}" not found`, target.pod);
  const pod = got.value;
  const container = q.get('container') ?? pod.spec?.containers[0]?.name ?? '';
  const spec = pod.spec?.containers.find((c) => c.name === container);
  if (!spec) return refuseUpgrade(socket, 400, 'BadRequest', `container ${container} is not valid for pod ${target.pod}`, target.pod);
  const flag = (name: string) => q.get(name) === 'true' || q.get(name) === '1';
  if (!flag('stdin') && !flag('stdout') && !flag('stderr')) {
    return refuseUpgrade(socket, 400, 'BadRequest', 'you must specify at least 1 of stdin, stdout, stderr', target.pod);
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    if (!running(pod, container)) {
      channelsOf(ws, {}, { tty: spec.tty === true }).fail(execFailure(pod, target, container, 'not-running', ''));
      return;
    }
    const argv = mainArgv(pod, container);
    const base = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
    if (spec.stdin === true && SHELLS.includes(base) && readsInput(argv)) attachShell(ws, session, pod, container, argv, spec.tty === true, changed);
    else followOutput(ws, session, pod, container);
  });
}

/** The main process is a shell on an open stdin: typed lines run in it. */
function attachShell(ws: WebSocket, session: ServeSession, pod: Pod, container: string, argv: string[], tty: boolean, changed: () => void): void {
  const target = { kind: 'pod' as const, namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name, container };
  const key = containerKey(pod, container);
  // A TTY's output is what the runtime logs for the container.
  const log = (text: string) => {
    const record = session.state.containers[key];
    if (record) session.state = { ...session.state, containers: { ...session.state.containers, [key]: { ...record, logs: record.logs + text.replace(/\r\n/g, '\n') } } };
  };
  const startedAt = session.state.containers[key]?.startedAt;
  let stream: ReturnType<typeof openProcessStream> | undefined;
  const channels = channelsOf(ws, {
    stdin: (data) => stream?.ok && stream.stream.input(data),
    stdinClosed: () => stream?.ok && stream.stream.close(),
  }, { tty });
  stream = openProcessStream(session, target, argv, tty, {
    stdout: (text) => {
      if (tty) log(text);
      channels.send(STDOUT, text);
    },
    stderr: (text) => channels.send(STDERR, text),
    exit: (code) => {
      // The shell was the main process: its end is the container's, and the kubelet acts on it.
      // Unless the container it ran in is gone already (restarted, deleted): then there is nothing left to end.
      if (session.state.containers[key]?.startedAt === startedAt) {
        session.state = act(session.state, `${target.pod}: main process exited with ${code}`, (txn) => {
          const now = getObject(readerOf(txn.state), 'Pod', target.namespace, target.pod);
          if (now.ok) endMainProcess(txn, now.value, container, code);
        }).state;
      }
      changed();
      channels.finish(0, argv);
    },
  }, changed, { initialPrompt: false });
  if (!stream.ok) channels.fail(execFailure(pod, target, container, stream.reason, stream.detail));
}

/** Any other main process: what it prints from now on, until it ends or the client goes. */
function followOutput(ws: WebSocket, session: ServeSession, pod: Pod, container: string): void {
  const key = containerKey(pod, container);
  const startedAt = session.state.containers[key]?.startedAt;
  let sent = session.state.containers[key]?.logs.length ?? 0;
  const channels = channelsOf(ws, { gone: () => clearInterval(timer) });
  const timer = setInterval(() => {
    session.sync(undefined, true);
    const record = session.state.containers[key];
    // The process attached to is gone (ended, restarted, the pod deleted): the stream ends.
    if (!record || record.startedAt !== startedAt || (record.exitAt !== undefined && record.exitAt <= session.state.now)) {
      if (record && record.startedAt === startedAt && record.logs.length > sent) channels.send(STDOUT, record.logs.slice(sent));
      clearInterval(timer);
      channels.finish(0, []);
      return;
    }
    if (record.logs.length > sent) channels.send(STDOUT, record.logs.slice(sent));
    sent = record.logs.length;
  }, POLL_MS);
}
