// `kubesim serve`'s Docker Engine API: node:http on 127.0.0.1, plain HTTP, as `dockerd -H
// tcp://127.0.0.1:2375` would answer it (API 1.47, Docker 27). Ordinary requests are JSON in and
// out; `attach` and `exec` start hijack the connection (`Upgrade: tcp` → 101) and carry the
// multiplexed stream. The served state is the session's, shared with the Kubernetes API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ServeSession } from '../session.ts';
import { createContext, type DockerContext } from './context.ts';
import { ApiError } from './errors.ts';
import { findExec, runExec } from './exec.ts';
import { MULTIPLEXED, frame } from './mux.ts';
import type { DockerReply, DockerRequest } from './reply.ts';
import { findRoute, unversioned } from './routes.ts';
import { API_VERSION, SERVER_HEADERS } from './system.ts';

export interface DockerServer {
  server: Server;
  port: number;
  context: DockerContext;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 500: 'Internal Server Error' };

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function errorReply(e: unknown): DockerReply {
  if (e instanceof ApiError) return { code: e.code, body: { message: e.message } };
  if (e instanceof SyntaxError) return { code: 400, body: { message: `invalid JSON: ${e.message}` } };
  return { code: 500, body: { message: (e as Error).message } };
}

function send(res: ServerResponse, reply: DockerReply): void {
  const headers: Record<string, string> = { ...SERVER_HEADERS, ...reply.headers };
  if (reply.code === 204 || reply.code === 304) {
    res.writeHead(reply.code, headers).end();
    return;
  }
  const body = reply.raw ?? JSON.stringify(reply.body) + '\n';
  headers['Content-Type'] = reply.contentType ?? 'application/json';
  res.writeHead(reply.code, headers).end(body);
}

/** A plain HTTP answer on a connection the client asked to hijack (an error before the upgrade). */
function sendOnSocket(socket: Socket, reply: DockerReply): void {
  const body = JSON.stringify(reply.body) + '\n';
  socket.end(`HTTP/1.1 ${reply.code} ${STATUS_TEXT[reply.code] ?? ''}\r\nContent-Type: application/json\r\nApi-Version: ${API_VERSION}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

const UPGRADED = `HTTP/1.1 101 UPGRADED\r\nContent-Type: ${MULTIPLEXED}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n`;

/** Reads a hijacked request's body (Content-Length bytes), then everything after it until the client closes its side (stdin). */
function hijackedInput(req: IncomingMessage, socket: Socket, head: Buffer): { body: Promise<Buffer>; stdin: () => Promise<string> } {
  const length = Number(req.headers['content-length'] ?? 0);
  let buffered = head;
  let ended = false;
  const waiting: (() => void)[] = [];
  socket.on('data', (d: Buffer) => {
    buffered = Buffer.concat([buffered, d]);
    waiting.splice(0).forEach((w) => w());
  });
  socket.on('end', () => {
    ended = true;
    waiting.splice(0).forEach((w) => w());
  });
  const until = (done: () => boolean) => new Promise<void>((resolve) => {
    const check = () => (done() ? resolve() : waiting.push(check));
    check();
  });
  const body = until(() => buffered.length >= length || ended).then(() => buffered.subarray(0, length));
  return { body, stdin: () => until(() => ended).then(() => buffered.subarray(length).toString('utf8')) };
}

/** `POST /containers/ID/attach` and `POST /exec/ID/start` on a hijacked connection. */
async function hijack(ctx: DockerContext, req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = unversioned(url.pathname);
  const input = hijackedInput(req, socket, head);
  const body = await input.body;
  ctx.session.sync();
  const attach = /^\/containers\/([^/]+)\/attach$/.exec(path);
  const exec = /^\/exec\/([^/]+)\/start$/.exec(path);
  try {
    if (req.method === 'POST' && attach) {
      const ref = decodeURIComponent(attach[1]!);
      const c = Object.values(ctx.session.state.docker.containers).find((x) => x.id === ref || x.name === ref || (ref.length >= 3 && x.id.startsWith(ref)));
      if (!c) throw new ApiError(404, `No such container: ${ref}`);
      socket.write(UPGRADED);
      if (url.searchParams.get('logs') === '1' && c.logs) socket.write(frame('stdout', c.logs));
      if (c.state === 'exited' && url.searchParams.get('stream') !== '1') socket.end();
      else ctx.exits.attach(c.id, socket);
      return;
    }
    if (req.method === 'POST' && exec) {
      const id = decodeURIComponent(exec[1]!);
      if (!findExec(ctx, id)) throw new ApiError(404, `No such exec instance: ${id}`);
      const options = body.length ? (JSON.parse(body.toString('utf8')) as { Detach?: boolean }) : {};
      const record = ctx.execs.get(id)!;
      if (options.Detach) {
        runExec(ctx, id, '');
        return sendOnSocket(socket, { code: 200, body: {} });
      }
      socket.write(UPGRADED);
      const stdin = record.attachStdin ? await input.stdin() : '';
      ctx.session.sync();
      socket.end(runExec(ctx, id, stdin));
      return;
    }
    throw new ApiError(404, 'page not found');
  } catch (e) {
    sendOnSocket(socket, errorReply(e));
  }
}

/** Starts serving on 127.0.0.1:`port` (0: any free port). */
export function startDockerServer(session: ServeSession, port: number): Promise<DockerServer> {
  const ctx = createContext(session);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = unversioned(url.pathname);
      if (path === '/_ping' && (req.method === 'GET' || req.method === 'HEAD')) {
        res.writeHead(200, { ...SERVER_HEADERS, 'Builder-Version': '1', 'Cache-Control': 'no-cache, no-store, must-revalidate', Pragma: 'no-cache', 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end(req.method === 'HEAD' ? undefined : 'OK');
      }
      const route = findRoute(req.method ?? 'GET', path);
      if (!route) return send(res, { code: 404, body: { message: 'page not found' } });
      const request: DockerRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body: raw };
      try {
        session.sync();
        let waiting = false;
        const later = (late: DockerReply) => (waiting ? res.end(JSON.stringify(late.body) + '\n') : send(res, late));
        const reply = route.handler(ctx, request, route.params, later);
        if (reply) send(res, reply);
        else if (!res.writableEnded) {
          // A wait answers later: the daemon sends its headers at once, so the client knows it is waiting.
          waiting = true;
          res.writeHead(200, { ...SERVER_HEADERS, 'Content-Type': 'application/json' });
          res.flushHeaders();
        }
      } catch (e) {
        send(res, errorReply(e));
      }
    }).catch(() => {
      // The client went away mid-request (Ctrl+C on a docker command): nothing to answer.
      res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    // A client that hangs up (Ctrl+C on `docker run`) resets its socket: that ends the stream, not the server.
    socket.on('error', () => socket.destroy());
    void hijack(ctx, req, socket, head).catch(() => socket.destroy());
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        context: ctx,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
