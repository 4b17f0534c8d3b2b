// `?watch=true`: a stream of watch events (one JSON object per line) for a list's objects, built
// by comparing the cluster as the client last saw it (the state at the resourceVersion it names,
// kept in a short history) with the cluster now, a few times a second. The clock moves on with
// the wall clock meanwhile, so a pod's deletion or a claim's binding arrives as it happens.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listObjects, readerOf, type AnyStored, type ClusterState, type KindInfo } from '../engine/index.ts';
import { statusOf } from './status.ts';
import { tableOf, wantsTable } from './table.ts';
import type { ServeSession } from './session.ts';
import { shiftTimes } from './wire-time.ts';

/** Recent states, oldest first: where a watch from an earlier resourceVersion starts. */
export interface WatchHistory {
  states: ClusterState[];
  /** How often a watch with `allowWatchBookmarks=true` gets a BOOKMARK (the API server: about a minute). */
  bookmarkMs?: number;
}

export const BOOKMARK_MS = 60_000;

const POLL_MS = 100;

export function watchObjects(
  session: ServeSession,
  history: WatchHistory,
  target: { info: KindInfo; namespace?: string },
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const { info } = target;
  const select = (state: ClusterState) =>
    listObjects(readerOf(state), info.kind, {
      ...(info.namespaced && target.namespace !== undefined ? { namespace: target.namespace } : {}),
      ...(query.get('labelSelector') ? { labelSelector: query.get('labelSelector')! } : {}),
      ...(query.get('fieldSelector') ? { fieldSelector: query.get('fieldSelector')! } : {}),
    });
  const first = select(session.state);
  if (!first.ok) {
    const body = JSON.stringify(statusOf(first.error)) + '\n';
    res.writeHead(400, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  const table = wantsTable(req.headers.accept);
  let columnsSent = false;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  // The client waits for the headers before it reads events: send them now, not with the first event.
  res.flushHeaders();
  const emit = (type: string, obj: AnyStored) => {
    let object: unknown = obj;
    if (table) {
      const t = tableOf(info.kind, [obj], session.state.now, obj.metadata.resourceVersion ?? '', 'Metadata') as { columnDefinitions?: unknown };
      // The columns come with the first event only, as the API server sends them.
      if (columnsSent) delete t.columnDefinitions;
      columnsSent = true;
      object = t;
    }
    res.write(JSON.stringify({ type, object: shiftTimes(object, session.offsetMs) }) + '\n');
  };

  // Where the client stands: the state at its resourceVersion, or none (rv 0 or absent, or a
  // watch-list asking for initial events): every current object is then ADDED first.
  const rv = Number(query.get('resourceVersion') ?? '0');
  const initial = query.get('sendInitialEvents') === 'true' || !(rv > 0);
  let seen = new Map<string, AnyStored>();
  if (!initial && rv < history.states[0]!.resourceVersion) {
    // Older than what is kept: the client must list again (its reflector does).
    res.write(JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${rv} (${history.states[0]!.resourceVersion})`, reason: 'Expired', code: 410 } }) + '\n');
    res.end();
    return;
  }
  if (!initial) {
    const base = [...history.states].reverse().find((s) => s.resourceVersion <= rv) ?? history.states[0]!;
    const listed = select(base);
    if (listed.ok) for (const o of listed.value) seen.set(keyOf(o), o);
  }
  const diff = (state: ClusterState = session.state) => {
    const now = select(state);
    if (!now.ok) return;
    const current = new Map(now.value.map((o) => [keyOf(o), o] as const));
    const events: { type: string; obj: AnyStored; rv: number }[] = [];
    for (const [k, o] of current) {
      const before = seen.get(k);
      if (!before) events.push({ type: 'ADDED', obj: o, rv: Number(o.metadata.resourceVersion) });
      else if (before.metadata.resourceVersion !== o.metadata.resourceVersion) events.push({ type: 'MODIFIED', obj: o, rv: Number(o.metadata.resourceVersion) });
    }
    for (const [k, o] of seen) if (!current.has(k)) events.push({ type: 'DELETED', obj: o, rv: state.resourceVersion });
    events.sort((a, b) => a.rv - b.rv);
    for (const e of events) emit(e.type, withType(info, e.obj));
    seen = current;
  };
  // Resuming: step through the states kept since the client's version, so that each change
  // arrives as its own event (ADDED, then MODIFIED), as the API server's watch cache sends them.
  if (!initial) for (const state of history.states) if (state.resourceVersion > rv) diff(state);
  diff();
  if (query.get('sendInitialEvents') === 'true') {
    res.write(
      JSON.stringify({
        type: 'BOOKMARK',
        object: { kind: info.kind, apiVersion: info.apiVersion, metadata: { resourceVersion: String(session.state.resourceVersion), annotations: { 'k8s.io/initial-events-end': 'true' } } },
      }) + '\n',
    );
  }
  const timeout = Number(query.get('timeoutSeconds') ?? '1800');
  const started = Date.now();
  const timer = setInterval(() => {
    // Passive: a watcher never settles a command's writes halfway through it.
    session.sync(undefined, true);
    const last = history.states[history.states.length - 1];
    if (last?.resourceVersion !== session.state.resourceVersion) history.states.push(session.state);
    diff();
    if (Date.now() - started >= timeout * 1000) stop();
  }, POLL_MS);
  // Bookmarks tell a client how far it has seen when nothing it watches changes, so that it
  // resumes from there (and not from an expired version) after a reconnect.
  const bookmarks =
    query.get('allowWatchBookmarks') === 'true'
      ? setInterval(() => {
          res.write(JSON.stringify({ type: 'BOOKMARK', object: { kind: info.kind, apiVersion: info.apiVersion, metadata: { resourceVersion: String(session.state.resourceVersion) } } }) + '\n');
        }, history.bookmarkMs ?? BOOKMARK_MS)
      : undefined;
  const stop = () => {
    clearInterval(timer);
    clearInterval(bookmarks);
    if (!res.writableEnded) res.end();
  };
  req.on('close', stop);
  res.on('close', stop);
}

function keyOf(o: AnyStored): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

/** Watch events carry whole objects, kind and apiVersion included. */
function withType(info: KindInfo, o: AnyStored): AnyStored {
  return { ...o, kind: info.kind, apiVersion: info.apiVersion } as AnyStored;
}
