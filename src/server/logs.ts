// GET …/pods/NAME/log: a container's output as the kubelet serves it, plain text. `previous`,
// `tailLines`, `limitBytes` as the kubelet applies them; `follow` keeps the response open and
// sends what the container prints next, as the simulated clock moves on with the wall clock.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getObject, readerOf, type Stored } from '../engine/index.ts';
import { failure, statusOf, type Status } from './status.ts';
import type { ServeSession } from './session.ts';

const POLL_MS = 200;

type Logs = { ok: true; text: string } | { ok: false; status: Status };

function logsOf(session: ServeSession, namespace: string, name: string, query: URLSearchParams): Logs {
  const got = getObject(readerOf(session.state), 'Pod', namespace, name);
  if (!got.ok) return { ok: false, status: statusOf(got.error, { kind: 'Pod', name }) };
  const pod = got.value as Stored<'Pod'>;
  const names = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name);
  let container = query.get('container') ?? '';
  if (container === '') {
    if ((pod.spec?.containers ?? []).length !== 1) {
      return { ok: false, status: failure(400, 'BadRequest', `a container name must be specified for pod ${name}, choose one of: [${(pod.spec?.containers ?? []).map((c) => c.name).join(' ')}]`) };
    }
    container = pod.spec!.containers[0]!.name;
  }
  if (!names.includes(container)) return { ok: false, status: failure(400, 'BadRequest', `container ${container} is not valid for pod ${name}`) };
  const record = session.state.containers[`${pod.metadata.uid}/${container}`];
  if (!record) {
    const waiting = pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.waiting?.reason ?? 'ContainerCreating';
    return { ok: false, status: failure(400, 'BadRequest', `container "${container}" in pod "${name}" is waiting to start: ${waiting}`) };
  }
  if (query.get('previous') === 'true') {
    if (record.previousLogs === undefined) return { ok: false, status: failure(400, 'BadRequest', `previous terminated container "${container}" in pod "${name}" not found`) };
    return { ok: true, text: record.previousLogs };
  }
  return { ok: true, text: record.logs };
}

/** The last `n` lines (the kubelet's tailLines). */
function tail(text: string, n: number): string {
  if (n === 0 || text === '') return '';
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  return lines.slice(-n).join('\n') + (text.endsWith('\n') ? '\n' : '');
}

export function podLogs(session: ServeSession, namespace: string, name: string, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
  const first = logsOf(session, namespace, name, query);
  if (!first.ok) {
    const body = JSON.stringify(first.status) + '\n';
    res.writeHead(first.status.code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  const tailLines = query.get('tailLines');
  let text = tailLines !== null && Number(tailLines) >= 0 ? tail(first.text, Number(tailLines)) : first.text;
  const limit = Number(query.get('limitBytes') ?? '0');
  if (limit > 0) text = Buffer.from(text).subarray(0, limit).toString('utf8');
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.write(text);
  if (query.get('follow') !== 'true') {
    res.end();
    return;
  }
  // Follow: what the container prints from now on; the stream ends when the client goes.
  let sent = first.text.length;
  const timer = setInterval(() => {
    session.sync(undefined, true);
    const now = logsOf(session, namespace, name, query);
    if (!now.ok) return stop();
    // A restarted container starts a new log: follow it from its start.
    if (now.text.length < sent) sent = 0;
    if (now.text.length > sent) res.write(now.text.slice(sent));
    sent = now.text.length;
  }, POLL_MS);
  const stop = () => {
    clearInterval(timer);
    if (!res.writableEnded) res.end();
  };
  req.on('close', stop);
  res.on('close', stop);
}
