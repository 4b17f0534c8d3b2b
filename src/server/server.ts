// `kubesim serve`'s HTTP face of the Kubernetes API: node:http on 127.0.0.1, plain HTTP, no
// authentication. It routes each request to discovery, OpenAPI, the read door or the write door;
// the engine does the rest. Node only: the browser bundle never imports src/server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { aggregatedDiscovery, AGGREGATED_DISCOVERY, apiGroupList, apiResourceList, apiVersions, groupVersions, VERSION_INFO, wantsAggregated } from './discovery.ts';
import { openApi } from './openapi.ts';
import { route, type Route } from './paths.ts';
import { withDeprecation } from './deprecation.ts';
import { scaleRequest } from './scale.ts';
import { evict } from './eviction.ts';
import { podLogs } from './logs.ts';
import { readObjects } from './reads.ts';
import { failure } from './status.ts';
import type { Reply } from './reply.ts';
import { QUIET_MS, type ServeSession } from './session.ts';
import { watchObjects, type WatchHistory } from './watch.ts';
import { shiftTimes } from './wire-time.ts';
import { fieldManagerOf, writeObjects } from './writes.ts';
import { PROTOBUF, protobufToJson } from './proto/decode.ts';
import { createExecServer, execTarget, upgradeExec } from './exec.ts';
import { attachTarget, upgradeAttach } from './attach.ts';
import { createPortForwardServer, portForwardTarget, upgradePortForward } from './port-forward.ts';

/** The API server's default request body limit (3 MiB). */
const MAX_BODY = 3 * 1024 * 1024;

export interface KubeServer {
  server: Server;
  port: number;
  /** How many watch streams are open (a client waiting for something to happen). */
  watching(): number;
  close(): Promise<void>;
}

/** Starts serving `session` on 127.0.0.1:`port` (0: any free port). */
export function startKubeServer(session: ServeSession, port: number, options: { bookmarkMs?: number } = {}): Promise<KubeServer> {
  const history: WatchHistory = { states: [session.state], ...(options.bookmarkMs !== undefined ? { bookmarkMs: options.bookmarkMs } : {}) };
  // Each connection is a client whose writes settle together (session.ts).
  const clients = new WeakMap<Socket, number>();
  let nextClient = 1;
  let open = 0;
  let quiet: NodeJS.Timeout | undefined;
  const settleSoon = () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      session.settle();
      remember(history, session.state);
    }, QUIET_MS);
  };
  const server = createServer((req, res) => {
    let client = clients.get(req.socket);
    if (client === undefined) {
      const id = nextClient++;
      client = id;
      clients.set(req.socket, id);
      req.socket.on('close', () => {
        if (session.pending === id) {
          session.settle();
          remember(history, session.state);
        }
      });
    }
    const self = client;
    readBody(req)
      .then((raw) => {
        if (raw === undefined) return send(res, { code: 413, body: failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728') });
        const body = requestText(raw, req.headers['content-type']);
        if (typeof body !== 'string') return send(res, body);
        session.sync(self);
        remember(history, session.state);
        const url = new URL(req.url ?? '/', 'http://localhost');
        const r = route(url.pathname);
        // Streams answer on their own: logs (text, -f) and watches.
        if (req.method === 'GET' && r.type === 'object' && r.subresource === 'log' && r.name !== undefined && r.info.kind === 'Pod') {
          return podLogs(session, r.namespace ?? 'default', r.name, url.searchParams, req, res);
        }
        if (req.method === 'GET' && (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1')) {
          if (r.type === 'object' && r.name === undefined && r.subresource === undefined) {
            open++;
            res.on('close', () => open--);
            return watchObjects(session, history, r, url.searchParams, req, res);
          }
        }
        const reply = withDeprecation(handle(session, req, url, body, self), r);
        remember(history, session.state);
        if (session.pending !== undefined) settleSoon();
        send(res, reply);
      })
      .catch((err: unknown) => send(res, { code: 500, body: failure(500, 'InternalError', `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`) }));
  });
  // exec (and cp through it) and attach upgrade to the WebSocket remote-command protocol;
  // port-forward to SPDY, inside WebSocket messages or on the bare connection.
  const execServer = createExecServer();
  const portForwardServer = createPortForwardServer();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const changed = () => remember(history, session.state);
    if (execTarget(url.pathname)) return upgradeExec(execServer, session, req, socket, head, changed);
    if (attachTarget(url.pathname)) return upgradeAttach(execServer, session, req, socket, head, changed);
    if (portForwardTarget(url.pathname)) return upgradePortForward(portForwardServer, session, req, socket, head, changed);
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolvePromise({
        server,
        port: address.port,
        watching: () => open,
        close: () =>
          new Promise<void>((done) => {
            clearTimeout(quiet);
            for (const ws of execServer.clients) ws.terminate();
            execServer.close();
            portForwardServer.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function remember(history: WatchHistory, state: WatchHistory['states'][number]): void {
  const last = history.states[history.states.length - 1];
  // Only a write moves the resourceVersion; a state the clock alone moved lists the same objects.
  if (last?.resourceVersion !== state.resourceVersion) history.states.push(state);
  // Enough to resume a watch a client started a moment ago; older ones get 410 Gone.
  if (history.states.length > 500) history.states.splice(0, history.states.length - 500);
}

function handle(session: ServeSession, req: IncomingMessage, url: URL, body: string, client: number): Reply {
  const method = req.method ?? 'GET';
  const accept = req.headers.accept;
  const r = route(url.pathname);
  const get = method === 'GET' || method === 'HEAD';
  switch (r.type) {
    case 'version':
      return get ? { code: 200, body: VERSION_INFO } : notAllowed();
    case 'api':
      if (wantsAggregated(accept)) return { code: 200, body: aggregatedDiscovery(true), headers: { 'Content-Type': AGGREGATED_DISCOVERY } };
      return { code: 200, body: apiVersions(req.headers.host ?? '127.0.0.1') };
    case 'apis':
      if (wantsAggregated(accept)) return { code: 200, body: aggregatedDiscovery(false), headers: { 'Content-Type': AGGREGATED_DISCOVERY } };
      return { code: 200, body: apiGroupList() };
    case 'group': {
      const g = groupVersions().find((v) => v.group === r.group && v.group !== '');
      if (!g) return notFound();
      const gv = { groupVersion: g.groupVersion, version: g.version };
      return { code: 200, body: { kind: 'APIGroup', apiVersion: 'v1', name: g.group, versions: [gv], preferredVersion: gv } };
    }
    case 'resources': {
      const list = apiResourceList(r.group, r.version);
      return list ? { code: 200, body: list } : notFound();
    }
    case 'openapi':
      return openApi(r.path, url.searchParams, accept);
    case 'object': {
      // Objects travel with wall-clock timestamps; the engine keeps simulated ones (wire-time.ts).
      const reply = objectRequest(session, req, url, r, onSimulatedClock(body, session.offsetMs), client);
      return { ...reply, body: shiftTimes(reply.body, session.offsetMs) };
    }
    default:
      return notFound();
  }
}

/** A request body's timestamps moved back onto the simulated clock (a body that is not JSON is left for the handler to refuse). */
function onSimulatedClock(body: string, offsetMs: number): string {
  if (body.trim() === '' || offsetMs === 0) return body;
  try {
    return JSON.stringify(shiftTimes(JSON.parse(body) as unknown, -offsetMs));
  } catch {
    return body;
  }
}

function objectRequest(session: ServeSession, req: IncomingMessage, url: URL, r: Extract<Route, { type: 'object' }>, body: string, client: number): Reply {
  const method = req.method ?? 'GET';
  const accept = req.headers.accept;
  const get = method === 'GET' || method === 'HEAD';
  if (r.subresource === 'eviction' && method === 'POST') return evict(session, r, body, client);
  if (r.subresource === 'scale') return scaleRequest(session, method, r, body, req.headers['content-type'], client, fieldManagerOf(url.searchParams, req.headers['user-agent']));
  if (r.subresource === 'status' && get && r.name !== undefined) {
    // GET …/status answers the whole object, as the API server does; writes to status are the controllers'.
    return readObjects(session.state, { info: r.info, ...(r.namespace !== undefined ? { namespace: r.namespace } : {}), name: r.name, query: url.searchParams });
  }
  // exec, attach and portforward are served as upgrades (exec.ts, attach.ts, port-forward.ts); a plain request is refused as the API server does.
  if ((r.subresource === 'exec' || r.subresource === 'attach' || r.subresource === 'portforward') && r.info.kind === 'Pod') return { code: 400, body: failure(400, 'BadRequest', 'Upgrade request required') };
  if (r.subresource !== undefined) {
    // The other subresources come in a later round: say so rather than pretend the pod is missing.
    return { code: 404, body: failure(404, 'NotFound', `kubesim serve does not serve ${r.info.plural}/${r.subresource} yet`, {}) };
  }
  if (get) return readObjects(session.state, { info: r.info, ...(r.namespace !== undefined ? { namespace: r.namespace } : {}), ...(r.name !== undefined ? { name: r.name } : {}), query: url.searchParams, ...(accept ? { accept } : {}) });
  return writeObjects(session, {
    method,
    info: r.info,
    ...(r.namespace !== undefined ? { namespace: r.namespace } : {}),
    ...(r.name !== undefined ? { name: r.name } : {}),
    query: url.searchParams,
    ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
    ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
    body,
    client,
  });
}

/** What the API server answers for a path it does not serve. */
function notFound(): Reply {
  return { code: 404, body: failure(404, 'NotFound', 'the server could not find the requested resource', {}) };
}

function notAllowed(): Reply {
  return { code: 405, body: failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource') };
}

function send(res: ServerResponse, reply: Reply): void {
  // A Buffer goes as it is (the protobuf OpenAPI v2 document); everything else is JSON.
  const data = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(JSON.stringify(reply.body) + '\n');
  res.writeHead(reply.code, { 'Content-Type': 'application/json', ...reply.headers, 'Content-Length': data.length });
  res.end(data);
}

/** The body as JSON text: protobuf (kubectl's typed clients) is read into JSON first. */
function requestText(raw: Buffer, contentType: string | undefined): string | Reply {
  if (!(contentType ?? '').startsWith(PROTOBUF)) return raw.toString('utf8');
  try {
    return protobufToJson(raw);
  } catch (e) {
    return { code: 400, body: failure(400, 'BadRequest', (e as Error).message) };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolveBody(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
