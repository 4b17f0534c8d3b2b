// `kubesim serve`'s Docker Engine API: node:http on 127.0.0.1, plain HTTP, as `dockerd -H
// tcp://127.0.0.1:2375` would answer it (API 1.47, Docker 27). Ordinary requests are JSON in and
// out; `attach` and `exec` start hijack the connection (`Upgrade: tcp` → 101) and carry the
// process's streams (hijack.ts); `logs -f` keeps its response open (follow.ts). The served state is the session's, shared with the Kubernetes API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ServeSession } from '../session.ts';
import { createContext, type DockerContext } from './context.ts';
import { ApiError } from './errors.ts';
import { followLogs } from './follow.ts';
import { hijack } from './hijack.ts';
import { queryBool, type DockerReply, type DockerRequest } from './reply.ts';
import { findRoute, unversioned } from './routes.ts';
import { SERVER_HEADERS } from './system.ts';

export interface DockerServer {
  server: Server;
  port: number;
  context: DockerContext;
  close(): Promise<void>;
}

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
      // `docker logs -f`: the response stays open and carries what the container prints next.
      const follow = req.method === 'GET' && /^\/containers\/([^/]+)\/logs$/.exec(path);
      if (follow && queryBool(url.searchParams, 'follow')) {
        session.sync();
        return followLogs(ctx, decodeURIComponent(follow[1]!), url.searchParams, req, res, (e) => send(res, errorReply(e)));
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
    void hijack(ctx, req, socket, head, errorReply).catch(() => socket.destroy());
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
