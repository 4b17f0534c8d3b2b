// `kubectl port-forward pod/NAME 8080:80` (and svc/…, deploy/…, which kubectl turns into a pod
// itself): POST /api/v1/namespaces/NS/pods/NAME/portforward, upgraded to SPDY inside WebSocket
// messages (`SPDY/3.1+portforward.k8s.io`, what kubectl 1.32 tries first) or to plain SPDY
// (`Upgrade: SPDY/3.1`, its fallback). kubectl listens locally, prints `Forwarding from …`, and
// for each local connection opens an `error` and a `data` stream carrying `port` and
// `requestID` headers. Here the kubelet's side: the bytes on the data stream are HTTP requests to
// the pod's port, answered by the engine's simulated web servers exactly as `curl` inside the
// pod is answered (net/http.ts, from the pod's own loopback, as the runtime dials
// `localhost:PORT` in the pod's network namespace), access log line included. A port nobody
// listens on gets the runtime's error on the error stream, which kubectl prints.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { getObject, readerOf, type Stored } from '../engine/index.ts';
import { httpRequest } from '../engine/net/http.ts';
import type { HttpResponse } from '../engine/net/responses.ts';
import { digestHex } from '../engine/runtime/ids.ts';
import type { ServeSession } from './session.ts';
import { refuseUpgrade } from './exec.ts';
import { FrameReader, FrameWriter, type SpdyFrame } from './port-forward-spdy.ts';

export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
/** client-go's tunnelling prefix (constants.WebsocketsSPDYTunnelingPrefix). */
export const TUNNELING_PROTOCOL = `SPDY/3.1+${PORT_FORWARD_PROTOCOL}`;

export function portForwardTarget(pathname: string): { namespace: string; pod: string } | undefined {
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward$/.exec(pathname);
  return m ? { namespace: decodeURIComponent(m[1]!), pod: decodeURIComponent(m[2]!) } : undefined;
}

export interface PortForwardServer {
  wss: WebSocketServer;
  /** Connections upgraded to plain SPDY, which the HTTP server no longer tracks. */
  sockets: Set<Duplex>;
  close(): void;
}

/**
 * The `ws` server checks subprotocols as RFC 6455 tokens, which `SPDY/3.1+portforward.k8s.io`
 * (with its `/`) is not: it would answer 400 and kubectl would fall back to plain SPDY. So the
 * offer is checked here, taken off the request, and the chosen protocol put back on the 101.
 */
export function createPortForwardServer(): PortForwardServer {
  const wss = new WebSocketServer({ noServer: true });
  wss.on('headers', (headers, req) => {
    if (tunnelled.has(req)) headers.push(`Sec-WebSocket-Protocol: ${TUNNELING_PROTOCOL}`);
  });
  const sockets = new Set<Duplex>();
  return {
    wss,
    sockets,
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      for (const s of sockets) s.destroy();
    },
  };
}

const tunnelled = new WeakSet<IncomingMessage>();

/** A byte pipe both transports offer: the WebSocket tunnel and the raw upgraded socket. */
interface Transport {
  write(data: Buffer): void;
  close(): void;
}

/** Answers an upgrade on a portforward path; `changed` runs when a request wrote the cluster (an access log). */
export function upgradePortForward(server: PortForwardServer, session: ServeSession, req: IncomingMessage, socket: Duplex, head: Buffer, changed: () => void): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const target = portForwardTarget(url.pathname)!;
  session.sync();
  const got = getObject(readerOf(session.state), 'Pod', target.namespace, target.pod);
  if (!got.ok) return refuseUpgrade(socket, 404, 'NotFound', `pods "${target.pod}" not found`, target.pod);
  const upgrade = (req.headers.upgrade ?? '').toLowerCase();
  if (upgrade === 'websocket') {
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(TUNNELING_PROTOCOL)) return refuseUpgrade(socket, 400, 'BadRequest', 'Upgrade request required', target.pod);
    delete req.headers['sec-websocket-protocol'];
    tunnelled.add(req);
    server.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const conn = spdyConnection(session, target, { write: (d) => ws.send(d), close: () => ws.close(1000) }, changed);
      ws.on('message', (data: Buffer) => conn.push(Buffer.isBuffer(data) ? data : Buffer.from(data)));
      ws.on('close', () => conn.gone());
    });
    return;
  }
  if (upgrade.startsWith('spdy/3.1')) {
    // The plain SPDY upgrade: the socket itself carries the frames from here on.
    server.sockets.add(socket);
    socket.on('close', () => server.sockets.delete(socket));
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}\r\n\r\n`);
    const conn = spdyConnection(session, target, { write: (d) => socket.write(d), close: () => socket.end() }, changed);
    if (head.length > 0) conn.push(head);
    socket.on('data', (d: Buffer) => conn.push(d));
    socket.on('close', () => conn.gone());
    socket.on('error', () => conn.gone());
    return;
  }
  refuseUpgrade(socket, 400, 'BadRequest', 'Upgrade request required', target.pod);
}

interface Pair {
  port: number;
  error?: number;
  data?: number;
  /** Request bytes not yet answered (latin1: one character per byte). */
  pending: string;
  /** Both streams are finished on our side. */
  done: boolean;
}

function spdyConnection(session: ServeSession, target: { namespace: string; pod: string }, out: Transport, changed: () => void): { push(chunk: Buffer): void; gone(): void } {
  const reader = new FrameReader();
  const writer = new FrameWriter();
  const pairs = new Map<string, Pair>();
  const byStream = new Map<number, Pair>();
  let closed = false;
  const send = (b: Buffer) => {
    if (!closed) out.write(b);
  };

  /** Ends the forwarding of one connection: FIN on both streams, as the kubelet closes them. */
  const finish = (pair: Pair, error?: string) => {
    if (pair.done) return;
    pair.done = true;
    if (pair.error !== undefined) send(writer.data(pair.error, Buffer.from(error ?? ''), true));
    if (pair.data !== undefined) send(error ? writer.rst(pair.data) : writer.data(pair.data, Buffer.alloc(0), true));
  };

  /** Both streams are there: the runtime dials the port now, and fails at once when nobody listens. */
  const start = (pair: Pair) => {
    const failure = dialFailure(session, target, pair.port);
    if (failure) finish(pair, failure);
  };

  const onData = (pair: Pair, data: Buffer) => {
    pair.pending += data.toString('latin1');
    for (;;) {
      const request = takeRequest(pair);
      if (!request) return;
      const answer = respond(session, target, pair.port, request);
      changed();
      if (typeof answer === 'string') return finish(pair, answer);
      send(writer.data(pair.data!, answer.bytes));
      if (answer.close) return finish(pair);
    }
  };

  const handle = (frame: SpdyFrame) => {
    switch (frame.kind) {
      case 'syn-stream': {
        send(writer.synReply(frame.streamId));
        const id = frame.headers['requestid'] ?? '';
        const pair = pairs.get(id) ?? { port: Number(frame.headers['port'] ?? '0'), pending: '', done: false };
        pairs.set(id, pair);
        byStream.set(frame.streamId, pair);
        if (frame.headers['streamtype'] === 'error') pair.error = frame.streamId;
        else if (frame.headers['streamtype'] === 'data') pair.data = frame.streamId;
        if (pair.error !== undefined && pair.data !== undefined) start(pair);
        return;
      }
      case 'data': {
        const pair = byStream.get(frame.streamId);
        if (!pair || pair.done || frame.streamId !== pair.data) return;
        if (frame.data.length > 0) onData(pair, frame.data);
        // The local client hung up: the forwarding of this connection is over.
        if (frame.fin) finish(pair);
        return;
      }
      case 'rst': {
        const pair = byStream.get(frame.streamId);
        if (pair) pair.done = true;
        byStream.delete(frame.streamId);
        return;
      }
      case 'ping':
        send(writer.ping(frame.id));
        return;
      case 'goaway':
        closed = true;
        out.close();
        return;
      default:
        return;
    }
  };

  return {
    push(chunk) {
      if (closed) return;
      let frames: SpdyFrame[];
      try {
        frames = reader.push(chunk);
      } catch {
        // Bytes that are not SPDY: nothing sensible can follow.
        closed = true;
        out.close();
        return;
      }
      for (const f of frames) handle(f);
    },
    gone() {
      closed = true;
    },
  };
}

interface HttpRequestLine {
  method: string;
  target: string;
  host: string;
  agent: string;
  /** The client asked to close after this one (`Connection: close`, or HTTP/1.0 without keep-alive). */
  close: boolean;
}

/** The next complete request in the stream's bytes, if one has arrived (its body is skipped). */
function takeRequest(pair: Pair): HttpRequestLine | undefined {
  const end = pair.pending.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = pair.pending.slice(0, end).split('\r\n');
  const headers = new Map<string, string>();
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const length = Number(headers.get('content-length') ?? '0') || 0;
  if (pair.pending.length < end + 4 + length) return undefined;
  pair.pending = pair.pending.slice(end + 4 + length);
  const [method = 'GET', target = '/', version = 'HTTP/1.1'] = (head[0] ?? '').split(' ');
  const connection = (headers.get('connection') ?? '').toLowerCase();
  return {
    method,
    target,
    host: headers.get('host') ?? '',
    agent: headers.get('user-agent') ?? '-',
    close: connection === 'close' || (version === 'HTTP/1.0' && connection !== 'keep-alive'),
  };
}

function podOf(session: ServeSession, target: { namespace: string; pod: string }): Stored<'Pod'> | undefined {
  const got = getObject(readerOf(session.state), 'Pod', target.namespace, target.pod);
  return got.ok ? got.value : undefined;
}

/** The runtime's words when nothing answers on the pod's loopback (containerd's CRI port forward). */
function refusedMessage(pod: Stored<'Pod'> | undefined, target: { pod: string }, port: number): string {
  // containerd names the pod by its sandbox id and its network namespace by a CNI id: stable per pod here.
  const sandbox = digestHex(`sandbox|${pod?.metadata.uid ?? target.pod}`);
  const ns = digestHex(`netns|${pod?.metadata.uid ?? target.pod}`);
  const netns = `cni-${ns.slice(0, 8)}-${ns.slice(8, 12)}-${ns.slice(12, 16)}-${ns.slice(16, 20)}-${ns.slice(20, 32)}`;
  const cause = `failed to connect to localhost:${port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `;
  return `error forwarding port ${port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "/var/run/netns/${netns}": ${cause}`;
}

/** Whether a connection to the pod's port would be refused: asked without keeping what the asking changed. */
function dialFailure(session: ServeSession, target: { namespace: string; pod: string }, port: number): string | undefined {
  session.sync();
  const pod = podOf(session, target);
  if (!pod) return refusedMessage(pod, target, port);
  const probe = httpRequest(session.state, { kind: 'pod', pod }, { scheme: 'http', host: '127.0.0.1', port, target: '/', hostHeader: '127.0.0.1' }, 'HEAD');
  return probe.outcome.kind === 'response' ? undefined : refusedMessage(pod, target, port);
}

/** One request through the engine's network; the answer's bytes, or the error when it was refused. */
function respond(session: ServeSession, target: { namespace: string; pod: string }, port: number, req: HttpRequestLine): { bytes: Buffer; close: boolean } | string {
  session.sync();
  const pod = podOf(session, target);
  if (!pod) return refusedMessage(pod, target, port);
  const r = httpRequest(session.state, { kind: 'pod', pod }, { scheme: 'http', host: '127.0.0.1', port, target: req.target, hostHeader: req.host }, req.method, req.agent);
  session.state = r.state;
  if (r.outcome.kind !== 'response') return refusedMessage(pod, target, port);
  const response = r.outcome.response;
  return { bytes: wire(response, req.method === 'HEAD'), close: req.close || closes(response) };
}

function closes(r: HttpResponse): boolean {
  return r.version === 'HTTP/1.0' || r.headers.some(([k, v]) => k.toLowerCase() === 'connection' && v.toLowerCase() === 'close');
}

/** The response as the server writes it on the connection. */
function wire(r: HttpResponse, head: boolean): Buffer {
  const text = `${r.version} ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(text, 'utf8'), head ? Buffer.alloc(0) : Buffer.from(r.body, 'utf8')]);
}
