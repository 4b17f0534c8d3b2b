// `kubectl exec` (and `kubectl cp`, which runs tar through it): the WebSocket remote-command
// protocol kubectl 1.32 speaks first (k8s.io/apimachinery/pkg/util/remotecommand). Every binary
// message starts with its channel: 0 stdin, 1 stdout, 2 stderr, 3 the error channel (a Status
// JSON, Success or NonZeroExitCode with the exit code as cause `ExitCode`), 4 terminal resize;
// in v5 a client closes stdin with [255, 0]. The simulated command reads all its stdin at once,
// so it runs once stdin closes (or at once when no stdin was asked for), through the same exec
// path `kubectl exec` in `kubesim run` uses (execInPod).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { act, execInPod, getObject, readerOf } from '../engine/index.ts';
import { failure } from './status.ts';
import type { ServeSession } from './session.ts';

/** Newest first, as the server prefers them; v5 adds the stdin close signal. */
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

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

/** Answers an upgrade request on an exec path; `done` runs after the command changed the cluster. */
export function upgradeExec(wss: WebSocketServer, session: ServeSession, req: IncomingMessage, socket: Duplex, head: Buffer, done: () => void): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const target = execTarget(url.pathname)!;
  const q = url.searchParams;
  const command = q.getAll('command');
  const wantsStdin = q.get('stdin') === 'true' || q.get('stdin') === '1';
  session.sync();
  const got = getObject(readerOf(session.state), 'Pod', target.namespace, target.pod);
  // Refusals before the upgrade are plain HTTP Statuses, as the API server sends them.
  const refuse = (code: number, reason: string, message: string) => {
    const body = JSON.stringify(failure(code, reason, message, reason === 'NotFound' ? { name: target.pod, kind: 'pods' } : undefined));
    socket.end(`HTTP/1.1 ${code} ${code === 404 ? 'Not Found' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  if (!got.ok) return refuse(404, 'NotFound', `pods "${target.pod}" not found`);
  const pod = got.value;
  const container = q.get('container') ?? pod.spec?.containers[0]?.name ?? '';
  if (command.length === 0) return refuse(400, 'BadRequest', 'you must specify at least one command for the container');
  if (!pod.spec?.containers.some((c) => c.name === container)) return refuse(400, 'BadRequest', `container ${container} is not valid for pod ${target.pod}`);
  wss.handleUpgrade(req, socket, head, (ws) => {
    const v5 = ws.protocol === 'v5.channel.k8s.io';
    const chunks: Buffer[] = [];
    let ran = false;
    const run = () => {
      if (ran) return;
      ran = true;
      execute(ws, session, target, container, command, Buffer.concat(chunks));
      done();
    };
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const frame = isBinary ? data : Buffer.from(data);
      if (frame.length === 0) return;
      if (frame[0] === STDIN) chunks.push(frame.subarray(1));
      else if (v5 && frame[0] === CLOSE && frame[1] === STDIN) run();
    });
    // v4 has no close signal: the client closing its side ends stdin.
    ws.on('close', () => {
      if (!ran && wantsStdin && !v5) run();
    });
    if (!wantsStdin) run();
  });
}

function execute(ws: WebSocket, session: ServeSession, target: { namespace: string; pod: string }, container: string, command: string[], input: Buffer): void {
  // A tar archive is bytes, which the simulated shell carries one character per byte (shell/tar.ts);
  // anything else is text.
  const binary = command[0] === 'tar';
  session.sync();
  const r = execInPod(session.state, target.namespace, target.pod, container, command, binary ? input.toString('latin1') : input.toString('utf8'));
  const send = (channel: number, text: string, encoding: BufferEncoding = 'utf8') => {
    if (text !== '') ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text, encoding)]));
  };
  if (!r.ok) {
    const got = getObject(readerOf(session.state), 'Pod', target.namespace, target.pod);
    const uid = got.ok ? (got.value.metadata.uid ?? '').replace(/-/g, '') : '';
    const message = {
      'pod-not-found': `pods "${target.pod}" not found`,
      'container-not-found': `container ${container} is not valid for pod ${target.pod}`,
      'not-running': `container not found ("${container}")`,
      completed: `cannot exec into a container in a completed pod; current phase is ${r.detail}`,
      // The exec's id, as `kubectl exec` in `kubesim run` words it: the pod's uid without dashes.
      'executable-not-found': `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${uid}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${r.detail}": executable file not found in $PATH: unknown`,
    }[r.reason];
    send(ERROR, JSON.stringify({ metadata: {}, status: 'Failure', message, reason: 'InternalError', details: { causes: [{ message }] }, code: 500 }));
    ws.close(1000);
    return;
  }
  session.state = r.mainEnded ? act(r.state, `user ran kubectl exec ${target.pod} -c ${container} -- ${command.join(' ')}`, () => undefined).state : r.state;
  // The shell hands back stdout and stderr apart. tar says what it says (`removing leading '/'`)
  // before its archive, and kubectl cp stops reading once the archive ends: its words go first.
  if (binary) send(STDERR, r.stderr);
  send(STDOUT, r.stdout, binary ? 'latin1' : 'utf8');
  if (!binary) send(STDERR, r.stderr);
  const status =
    r.code === 0
      ? { metadata: {}, status: 'Success' }
      : {
          metadata: {},
          status: 'Failure',
          message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${r.code}`,
          reason: 'NonZeroExitCode',
          details: { causes: [{ reason: 'ExitCode', message: String(r.code) }] },
        };
  send(ERROR, JSON.stringify(status));
  ws.close(1000);
}
