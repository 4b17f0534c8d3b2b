// `kubectl exec` (and `kubectl cp`, which runs tar through it): the WebSocket remote-command
// protocol kubectl 1.32 speaks first (tty/channels.ts has the channels). Three ways to run:
// - a shell whose stdin stays open (`exec -i POD -- sh`, `exec -it POD -- sh`): the engine's
//   interactive process fed line by line as input arrives, behind a pseudo-terminal's line
//   discipline with `-t` (tty/process-stream.ts);
// - with `-t`, any program: the same process, which runs at once when it reads no input (`ls`)
//   and otherwise waits for what is typed (`cat` until Ctrl-D);
// - anything else: the simulated command reads all its stdin at once, so it runs once stdin
//   closes (or at once when no stdin was asked for), through the same exec path `kubectl exec`
//   in `kubesim run` uses (execInPod). With `-t` its output comes back as a terminal shows it.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { act, execInPod, getObject, readerOf, type Stored } from '../engine/index.ts';
import { failure } from './status.ts';
import type { ServeSession } from './session.ts';
import { channelsOf, EXEC_PROTOCOLS, STDERR, STDOUT, type Channels } from './tty/channels.ts';
import { toTerminal } from './tty/line-discipline.ts';
import { openProcessStream } from './tty/process-stream.ts';
import { readsInput } from '../engine/shell/reads-input.ts';

export { EXEC_PROTOCOLS } from './tty/channels.ts';

/** What an exec path names: /api/v1/namespaces/NS/pods/NAME/exec. */
export function execTarget(pathname: string): { namespace: string; pod: string } | undefined {
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/.exec(pathname);
  return m ? { namespace: decodeURIComponent(m[1]!), pod: decodeURIComponent(m[2]!) } : undefined;
}

export function createExecServer(): WebSocketServer {
  return new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => EXEC_PROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
}

const flag = (q: URLSearchParams, name: string) => q.get(name) === 'true' || q.get(name) === '1';

/** A refusal before the upgrade: a plain HTTP Status, as the API server sends it. */
export function refuseUpgrade(socket: Duplex, code: number, reason: string, message: string, name: string): void {
  const body = JSON.stringify(failure(code, reason, message, reason === 'NotFound' ? { name, kind: 'pods' } : undefined));
  socket.end(`HTTP/1.1 ${code} ${code === 404 ? 'Not Found' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** A shell started to read its stdin (`sh`, `/bin/bash -i`), not one given a command or a script. */
function readsCommands(command: readonly string[]): boolean {
  const base = command[0]!.slice(command[0]!.lastIndexOf('/') + 1);
  return ['sh', 'ash', 'bash', 'dash'].includes(base) && readsInput(command);
}

/** Why the container cannot run a command, worded as the API server and the runtime word it. */
export function execFailure(pod: Stored<'Pod'> | undefined, target: { pod: string }, container: string, reason: string, detail: string): string {
  // The exec's id, as `kubectl exec` in `kubesim run` words it: the pod's uid without dashes.
  const uid = (pod?.metadata.uid ?? '').replace(/-/g, '');
  const messages: Record<string, string> = {
    'pod-not-found': `pods "${target.pod}" not found`,
    'container-not-found': `container ${container} is not valid for pod ${target.pod}`,
    'not-running': `container not found ("${container}")`,
    completed: `cannot exec into a container in a completed pod; current phase is ${detail}`,
    'executable-not-found': `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${uid}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${detail}": executable file not found in $PATH: unknown`,
  };
  return messages[reason] ?? `container not found ("${container}")`;
}

/** Answers an upgrade request on an exec path; `done` runs after the command changed the cluster. */
export function upgradeExec(wss: WebSocketServer, session: ServeSession, req: IncomingMessage, socket: Duplex, head: Buffer, done: () => void): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const target = execTarget(url.pathname)!;
  const q = url.searchParams;
  const command = q.getAll('command');
  const wantsStdin = flag(q, 'stdin');
  const tty = flag(q, 'tty');
  session.sync();
  const got = getObject(readerOf(session.state), 'Pod', target.namespace, target.pod);
  if (!got.ok) return refuseUpgrade(socket, 404, 'NotFound', `pods "${target.pod}" not found`, target.pod);
  const pod = got.value;
  const container = q.get('container') ?? pod.spec?.containers[0]?.name ?? '';
  if (command.length === 0) return refuseUpgrade(socket, 400, 'BadRequest', 'you must specify at least one command for the container', target.pod);
  if (!pod.spec?.containers.some((c) => c.name === container)) return refuseUpgrade(socket, 400, 'BadRequest', `container ${container} is not valid for pod ${target.pod}`, target.pod);
  wss.handleUpgrade(req, socket, head, (ws) => {
    if (wantsStdin && (tty || readsCommands(command))) {
      streamProcess(ws, session, { kind: 'pod', ...target, container }, command, tty, done);
      return;
    }
    const chunks: Buffer[] = [];
    let ran = false;
    const channels = channelsOf(ws, {
      stdin: (data) => chunks.push(data),
      stdinClosed: () => run(),
    }, { tty });
    const run = () => {
      if (ran) return;
      ran = true;
      execute(channels, session, target, container, command, Buffer.concat(chunks), tty);
      done();
    };
    if (!wantsStdin) run();
  });
}

/** A program fed as its input arrives (tty/process-stream.ts). */
function streamProcess(ws: import('ws').WebSocket, session: ServeSession, target: { kind: 'pod'; namespace: string; pod: string; container: string }, command: string[], tty: boolean, done: () => void): void {
  let stream: ReturnType<typeof openProcessStream> | undefined;
  const channels = channelsOf(ws, {
    stdin: (data) => stream?.ok && stream.stream.input(data),
    stdinClosed: () => stream?.ok && stream.stream.close(),
  }, { tty });
  stream = openProcessStream(session, target, command, tty, {
    stdout: (text) => channels.send(STDOUT, text),
    stderr: (text) => channels.send(STDERR, text),
    exit: (code) => channels.finish(code, command),
  }, done);
  if (!stream.ok) {
    const got = getObject(readerOf(session.state), 'Pod', target.namespace, target.pod);
    channels.fail(execFailure(got.ok ? got.value : undefined, target, target.container, stream.reason, stream.detail));
  }
}

function execute(channels: Channels, session: ServeSession, target: { namespace: string; pod: string }, container: string, command: string[], input: Buffer, tty: boolean): void {
  // A tar archive is bytes, which the simulated shell carries one character per byte (shell/tar.ts);
  // anything else is text.
  const binary = command[0] === 'tar';
  session.sync();
  const r = execInPod(session.state, target.namespace, target.pod, container, command, binary ? input.toString('latin1') : input.toString('utf8'));
  if (!r.ok) {
    const got = getObject(readerOf(session.state), 'Pod', target.namespace, target.pod);
    channels.fail(execFailure(got.ok ? got.value : undefined, target, container, r.reason, r.detail));
    return;
  }
  session.state = r.mainEnded ? act(r.state, `user ran kubectl exec ${target.pod} -c ${container} -- ${command.join(' ')}`, () => undefined).state : r.state;
  if (tty) {
    // A pseudo-terminal has one output, and turns newlines into CR NL.
    channels.send(STDOUT, toTerminal(r.stdout + r.stderr));
  } else {
    // The shell hands back stdout and stderr apart. tar says what it says (`removing leading '/'`)
    // before its archive, and kubectl cp stops reading once the archive ends: its words go first.
    if (binary) channels.send(STDERR, r.stderr);
    channels.send(STDOUT, r.stdout, binary ? 'latin1' : 'utf8');
    if (!binary) channels.send(STDERR, r.stderr);
  }
  channels.finish(r.code, command);
}
