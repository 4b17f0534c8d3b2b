// The WebSocket remote-command protocol's channels, as exec and attach both use them
// (k8s.io/apimachinery/pkg/util/remotecommand, client-go tools/remotecommand/websocket.go):
// every binary message starts with its channel byte: 0 stdin, 1 stdout, 2 stderr, 3 the error
// channel (a Status JSON), 4 terminal resize (`{"Width":W,"Height":H}` JSON); in v5 a client
// closes stdin with [255, 0]. In v4 there is no close signal: the client closing ends stdin.
import type { WebSocket } from 'ws';

export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const ERROR = 3;
export const RESIZE = 4;
const CLOSE = 255;

export interface TerminalSize {
  width: number;
  height: number;
}

export interface Channels {
  /** Writes on a channel; empty text sends nothing. */
  send(channel: number, data: string | Buffer, encoding?: BufferEncoding): void;
  /** Sends the final status on the error channel and closes: 0 Success, else NonZeroExitCode. */
  finish(code: number, command: readonly string[]): void;
  /** Sends a Failure Status (an error before or instead of running) and closes. */
  fail(message: string): void;
  closed(): boolean;
}

export interface ChannelHandlers {
  stdin?(data: Buffer): void;
  /** The client closed stdin (v5's CLOSE, or a v4 client closing the connection). */
  stdinClosed?(): void;
  resize?(size: TerminalSize): void;
  /** The connection went away, whatever the reason. */
  gone?(): void;
}

/** The exit status as the API server words it; kubectl prints `command terminated with exit code N`. */
export function exitStatus(code: number, command: readonly string[]): object {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/**
 * With a TTY the client sends the terminal's size as soon as it connects; closing before it
 * arrives makes kubectl log `"Unhandled Error" err="websocket: close sent"` from its resize
 * writer. So a session that ends at once (a program that reads nothing, a failed exec) waits
 * for that first resize, a moment at most, before it closes.
 */
const RESIZE_GRACE_MS = 300;

export function channelsOf(ws: WebSocket, handlers: ChannelHandlers, options: { tty?: boolean } = {}): Channels {
  const v5 = ws.protocol === 'v5.channel.k8s.io';
  let done = false;
  let resized = !options.tty;
  let closeWhenResized: (() => void) | undefined;
  const close = () => {
    if (resized) return ws.close(1000);
    const timer = setTimeout(() => closeWhenResized?.(), RESIZE_GRACE_MS);
    closeWhenResized = () => {
      closeWhenResized = undefined;
      clearTimeout(timer);
      ws.close(1000);
    };
  };
  let stdinOpen = true;
  const closeStdin = () => {
    if (!stdinOpen) return;
    stdinOpen = false;
    handlers.stdinClosed?.();
  };
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const frame = isBinary ? data : Buffer.from(data);
    if (frame.length === 0) return;
    if (frame[0] === STDIN && stdinOpen) handlers.stdin?.(frame.subarray(1));
    else if (frame[0] === RESIZE) {
      resized = true;
      closeWhenResized?.();
      try {
        const size = JSON.parse(frame.subarray(1).toString('utf8')) as { Width?: number; Height?: number };
        handlers.resize?.({ width: size.Width ?? 0, height: size.Height ?? 0 });
      } catch {
        // A malformed resize changes nothing, as the kubelet's decoder just logs it.
      }
    } else if (v5 && frame[0] === CLOSE && frame[1] === STDIN) closeStdin();
  });
  ws.on('close', () => {
    if (!v5) closeStdin();
    done = true;
    handlers.gone?.();
  });
  const channels: Channels = {
    send(channel, data, encoding = 'utf8') {
      if (done || data.length === 0) return;
      ws.send(Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data, encoding) : data]));
    },
    finish(code, command) {
      if (done) return;
      channels.send(ERROR, JSON.stringify(exitStatus(code, command)));
      done = true;
      close();
    },
    fail(message) {
      if (done) return;
      channels.send(ERROR, JSON.stringify({ metadata: {}, status: 'Failure', message, reason: 'InternalError', details: { causes: [{ message }] }, code: 500 }));
      done = true;
      close();
    },
    closed: () => done,
  };
  return channels;
}
