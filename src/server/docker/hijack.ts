// The Engine API's hijacked connections: `POST /containers/ID/attach` and `POST /exec/ID/start`
// (with `Upgrade: tcp`) answer `101 UPGRADED` and the connection becomes the process's streams,
// both ways: stdin from the client, output back, raw with a TTY and multiplexed without one.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { DockerContext } from './context.ts';
import { ApiError } from './errors.ts';
import { attach } from './attach.ts';
import { findExec, startExec } from './exec.ts';
import type { DockerReply } from './reply.ts';
import { unversioned } from './routes.ts';
import { sendOnSocket } from './upgrade.ts';

/**
 * What the client sends on a hijacked connection: the request's body (Content-Length bytes),
 * then its stdin for as long as it keeps its side open. Input that arrives before a reader
 * takes it over is kept for it.
 */
export class HijackedInput {
  readonly body: Promise<Buffer>;
  private buffered: Buffer;
  private ended = false;
  private waiting: (() => void)[] = [];
  private reader: { data: (chunk: Buffer) => void; end: () => void } | undefined;

  constructor(req: IncomingMessage, socket: Socket, head: Buffer) {
    const length = Number(req.headers['content-length'] ?? 0);
    this.buffered = head;
    socket.on('data', (d: Buffer) => {
      if (this.reader) return this.reader.data(d);
      this.buffered = Buffer.concat([this.buffered, d]);
      this.wake();
    });
    // 'end' is the client's CloseWrite (its stdin ended); 'close' a connection gone without one.
    const end = () => {
      if (this.ended) return;
      this.ended = true;
      if (this.reader) return this.reader.end();
      this.wake();
    };
    socket.on('end', end);
    socket.on('close', end);
    this.body = this.until(() => this.buffered.length >= length || this.ended).then(() => {
      const body = this.buffered.subarray(0, length);
      this.buffered = this.buffered.subarray(length);
      return body;
    });
  }

  /** Everything the client writes until it closes its side (stdin taken whole). */
  all(): Promise<string> {
    return this.until(() => this.ended).then(() => this.buffered.toString('utf8'));
  }

  /** Stdin as it arrives: what came already at once, then each chunk, then its end. */
  stream(data: (chunk: Buffer) => void, end: () => void): void {
    this.reader = { data, end };
    if (this.buffered.length) data(this.buffered);
    this.buffered = Buffer.alloc(0);
    if (this.ended) end();
  }

  private wake(): void {
    this.waiting.splice(0).forEach((w) => w());
  }

  private until(done: () => boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const check = () => (done() ? resolve() : this.waiting.push(check));
      check();
    });
  }
}

/** `POST /containers/ID/attach` and `POST /exec/ID/start` on a hijacked connection. */
export async function hijack(ctx: DockerContext, req: IncomingMessage, socket: Socket, head: Buffer, errorReply: (e: unknown) => DockerReply): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = unversioned(url.pathname);
  const input = new HijackedInput(req, socket, head);
  const body = await input.body;
  ctx.session.sync();
  const attachPath = /^\/containers\/([^/]+)\/attach$/.exec(path);
  const execPath = /^\/exec\/([^/]+)\/start$/.exec(path);
  try {
    if (req.method === 'POST' && attachPath) return attach(ctx, decodeURIComponent(attachPath[1]!), url.searchParams, socket, input);
    if (req.method === 'POST' && execPath) {
      const id = decodeURIComponent(execPath[1]!);
      if (!findExec(ctx, id)) throw new ApiError(404, `No such exec instance: ${id}`);
      const options = body.length ? (JSON.parse(body.toString('utf8')) as { Detach?: boolean; Tty?: boolean }) : {};
      return await startExec(ctx, id, options, socket, input);
    }
    throw new ApiError(404, 'page not found');
  } catch (e) {
    sendOnSocket(socket, errorReply(e));
  }
}
