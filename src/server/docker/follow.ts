// `GET /containers/ID/logs?follow=1` (`docker logs -f`, and `docker run -d` then `logs -f`): what
// the container printed so far, then what it prints next as the simulated clock follows the wall
// clock (a shell attached to its main process, a restart), until the container stops or the
// client hangs up (Ctrl+C).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findContainer } from '../../engine/index.ts';
import { findKindNode } from '../../engine/docker/kind-nodes.ts';
import type { DockerContext } from './context.ts';
import { badRequest, notFound } from './errors.ts';
import { frame, MULTIPLEXED, RAW_STREAM } from './mux.ts';
import { queryBool } from './reply.ts';
import { SERVER_HEADERS } from './system.ts';

const POLL_MS = 200;

/** Log text as the client reads it: raw for a container with a TTY, else stdout frames (the daemon's log keeps no streams apart here). */
export function logBytes(tty: boolean, text: string): Buffer {
  if (text === '') return Buffer.alloc(0);
  return tty ? Buffer.from(text) : frame('stdout', text);
}

/** The last `tail` lines of the log (`--tail N`; `all` or absent: everything). */
export function tailOf(text: string, tail: string | null): string {
  if (!tail || tail === 'all' || !/^\d+$/.test(tail)) return text;
  const lines = text.split('\n').slice(0, -1);
  const rest = text.endsWith('\n') ? '' : text.slice(text.lastIndexOf('\n') + 1);
  const kept = lines.slice(Math.max(0, lines.length - Number(tail)));
  return kept.map((l) => l + '\n').join('') + (Number(tail) > 0 ? rest : '');
}

export function followLogs(ctx: DockerContext, ref: string, query: URLSearchParams, req: IncomingMessage, res: ServerResponse, fail: (e: unknown) => void): void {
  const state = ctx.session.state;
  const c = findContainer(state.docker, ref);
  const node = c ? undefined : findKindNode(state, ref);
  if (!c && !node) return fail(notFound(`No such container: ${ref}`));
  if (!queryBool(query, 'stdout') && !queryBool(query, 'stderr')) return fail(badRequest('Bad parameters: you must choose at least one stream'));
  const tty = c ? (ctx.terminals.get(c.id)?.tty ?? false) : false;
  res.writeHead(200, { ...SERVER_HEADERS, 'Content-Type': tty ? RAW_STREAM : MULTIPLEXED });
  res.flushHeaders();
  // A kind node's own output is not modelled: the stream stays open, empty, while the node runs.
  if (!c) return void req.on('close', () => res.end());
  const id = c.id;
  res.write(logBytes(tty, tailOf(c.logs, query.get('tail'))));
  let sent = c.logs.length;
  const timer = setInterval(() => {
    ctx.session.sync(undefined, true);
    const now = ctx.session.state.docker.containers[id];
    if (now && now.logs.length > sent) res.write(logBytes(tty, now.logs.slice(sent)));
    sent = now?.logs.length ?? sent;
    if (now?.state !== 'running') stop();
  }, POLL_MS);
  const stop = () => {
    clearInterval(timer);
    if (!res.writableEnded) res.end();
  };
  if (c.state !== 'running') stop();
  req.on('close', stop);
  res.on('close', stop);
}
