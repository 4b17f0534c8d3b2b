// The streams kubectl keeps open, spoken to in-process as kubectl speaks them: `exec -it` behind a
// pseudo-terminal, `exec -i` fed line by line, `attach`, and `port-forward`'s SPDY inside
// WebSocket messages (the same framing kubectl's own client sends; test/serve-kubectl-tty.test.ts
// drives the real kubectl).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { createCluster } from '../engine/index.ts';
import { createSession, type ServeSession } from './session.ts';
import { startKubeServer, type KubeServer } from './server.ts';
import { encodeHeaderBlock, FrameReader, FrameWriter, HeaderCompressor, type SpdyFrame } from './port-forward-spdy.ts';

let server: KubeServer;
let session: ServeSession;
const wall = 1_000_000;

beforeEach(async () => {
  session = createSession(createCluster({ preset: 'kind', seed: 1 }), () => wall);
  server = await startKubeServer(session, 0);
});
afterEach(() => server.close());

async function createPod(name: string, container: Record<string, unknown>): Promise<void> {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name, ...container }] } };
  const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/namespaces/default/pods`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(pod) });
  expect(res.status).toBe(201);
  session.settle();
}

/** A remote-command client: what arrived per channel, and a way to wait for some of it. */
function remote(path: string, protocol = 'v5.channel.k8s.io') {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, [protocol]);
  const got: Record<number, string> = { 1: '', 2: '', 3: '' };
  let closed = false;
  const waiters: (() => void)[] = [];
  const poke = () => waiters.splice(0).forEach((w) => w());
  ws.on('message', (data: Buffer) => {
    got[data[0]!] = (got[data[0]!] ?? '') + data.subarray(1).toString('utf8');
    poke();
  });
  ws.on('close', () => {
    closed = true;
    poke();
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', reject);
  });
  return {
    got,
    async send(text: string) {
      await opened;
      ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(text)]));
    },
    async closeStdin() {
      await opened;
      ws.send(Buffer.from([255, 0]));
    },
    /** Resolves once `test` holds, or fails after 3 s with what did arrive. */
    until(test: () => boolean, what: string): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(got)}`)), 3000);
        const check = () => {
          if (test()) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
    closed: () => closed,
    end: () => ws.terminate(),
  };
}

const EXEC = '/api/v1/namespaces/default/pods/bb/exec';
const q = (...command: string[]) => command.map((c) => `command=${encodeURIComponent(c)}`).join('&');

describe('exec -it: a pseudo-terminal', () => {
  it('echoes keys, shows the prompt, runs each line, merges stderr, and ends with the exit status', async () => {
    await createPod('bb', { image: 'busybox', command: ['sleep', '3600'] });
    const c = remote(`${EXEC}?${q('sh')}&stdin=true&stdout=true&tty=true`);
    await c.until(() => c.got[1]!.endsWith('# '), 'the first prompt');
    const prompt = c.got[1]!;
    await c.send('echo hi; ls /nope\r');
    await c.until(() => c.got[1]!.split('# ').length === 3, 'the next prompt');
    expect(c.got[1]).toBe(`${prompt}echo hi; ls /nope\r\nhi\r\nls: /nope: No such file or directory\r\n${prompt}`);
    // Typing, erasing and an arrow key: only the line as edited runs.
    await c.send('echo ab\x7fc\x1b[Ad\r');
    await c.until(() => c.got[1]!.includes('acd\r\n'), 'the edited line');
    expect(c.got[1]).toContain('echo ab\b \bcd\r\nacd\r\n');
    await c.send('exit 3\r');
    await c.until(() => c.closed(), 'the end');
    expect(c.got[2]).toBe('');
    expect(JSON.parse(c.got[3]!)).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } });
  });

  it('Ctrl-C drops the line and shows a fresh prompt; Ctrl-D on an empty line ends the shell', async () => {
    await createPod('bb', { image: 'busybox', command: ['sleep', '3600'] });
    const c = remote(`${EXEC}?${q('sh')}&stdin=true&stdout=true&tty=true`);
    await c.until(() => c.got[1]!.endsWith('# '), 'the first prompt');
    const prompt = c.got[1]!;
    await c.send('echo never\x03');
    await c.until(() => c.got[1]!.length > prompt.length + 14, 'the prompt after ^C');
    expect(c.got[1]).toBe(`${prompt}echo never^C\r\n${prompt}`);
    await c.send('\x04');
    await c.until(() => c.closed(), 'the end');
    expect(JSON.parse(c.got[3]!)).toEqual({ metadata: {}, status: 'Success' });
  });

  it('cat answers each line as it arrives; Ctrl-C ends it with 130', async () => {
    await createPod('bb', { image: 'busybox', command: ['sleep', '3600'] });
    const c = remote(`${EXEC}?${q('cat')}&stdin=true&stdout=true&tty=true`);
    await c.send('hello\r');
    await c.until(() => c.got[1] === 'hello\r\nhello\r\n', 'the line and its copy');
    await c.send('\x03');
    await c.until(() => c.closed(), 'the end');
    expect(JSON.parse(c.got[3]!)).toMatchObject({ reason: 'NonZeroExitCode', details: { causes: [{ message: '130' }] } });
  });

  it('a program that reads no input runs at once, its output as a terminal shows it', async () => {
    await createPod('bb', { image: 'busybox', command: ['sleep', '3600'] });
    const c = remote(`${EXEC}?${q('sh', '-c', 'echo a; echo b >&2; exit 2')}&stdin=true&stdout=true&tty=true`);
    await c.until(() => c.closed(), 'the end');
    expect(c.got[1]).toBe('a\r\nb\r\n');
    expect(JSON.parse(c.got[3]!)).toMatchObject({ reason: 'NonZeroExitCode', details: { causes: [{ message: '2' }] } });
  });
});

describe('exec -i without a terminal: a shell reading a pipe', () => {
  it('runs each line as it arrives, with no prompt and no echo, and ends when stdin closes', async () => {
    await createPod('bb', { image: 'busybox', command: ['sleep', '3600'] });
    const c = remote(`${EXEC}?${q('sh')}&stdin=true&stdout=true&stderr=true`);
    await c.send('echo one\n');
    await c.until(() => c.got[1] === 'one\n', 'the first line’s output');
    // Stdin is still open: the shell waits, with nothing more printed.
    expect(c.closed()).toBe(false);
    await c.send('echo two >&2; x=5\necho $x');
    await c.until(() => c.got[2] === 'two\n', 'the second line’s output');
    expect(c.got[1]).toBe('one\n');
    await c.closeStdin();
    await c.until(() => c.closed(), 'the end');
    // The last line, without its newline, still ran; the shell kept its variables.
    expect(c.got[1]).toBe('one\n5\n');
    expect(JSON.parse(c.got[3]!)).toEqual({ metadata: {}, status: 'Success' });
  });
});

describe('attach', () => {
  it('streams what the main process prints from now on', async () => {
    await createPod('web', { image: 'nginx' });
    const c = remote('/api/v1/namespaces/default/pods/web/attach?container=web&stdout=true&stderr=true');
    await new Promise((r) => setTimeout(r, 300));
    // A request from inside the pod lands in nginx's access log, which attach shows as it comes.
    const exec = remote(`/api/v1/namespaces/default/pods/web/exec?${q('curl', '-s', '-o', '/dev/null', 'localhost/')}&stdout=true`);
    await exec.until(() => exec.closed(), 'curl');
    await c.until(() => c.got[1]!.includes('"GET / HTTP/1.1" 200'), 'the access log line');
    expect(c.got[1]).not.toContain('start worker process');
    c.end();
  });

  it('a shell main process on stdin and a TTY: typed lines run in it, the terminal is logged, exit ends the container', async () => {
    await createPod('sh1', { image: 'busybox', stdin: true, stdinOnce: true, tty: true });
    const c = remote('/api/v1/namespaces/default/pods/sh1/attach?container=sh1&stdin=true&stdout=true&tty=true');
    await c.send('\r');
    // Attach joins the shell at its prompt: Enter shows a fresh one.
    await c.until(() => c.got[1] === '\r\n/ # ', 'a fresh prompt');
    await c.send('echo hi >&2\r');
    await c.until(() => c.got[1]!.endsWith('hi\r\n/ # '), 'the output');
    await c.send('exit 5\r');
    await c.until(() => c.closed(), 'the end');
    // Attach itself succeeded; the exit status is the container's.
    expect(JSON.parse(c.got[3]!)).toEqual({ metadata: {}, status: 'Success' });
    // The kubelet restarted it at once (the first restart has no back-off); the last run's log is the terminal's.
    const record = Object.values(session.state.containers).find((r) => r.pod === 'default/sh1')!;
    expect(record.previousLogs).toBe('\n/ # echo hi >&2\nhi\n/ # exit 5\n');
    const status = (await fetch(`http://127.0.0.1:${server.port}/api/v1/namespaces/default/pods/sh1`).then((r) => r.json()) as { status: { containerStatuses: { restartCount: number; lastState: { terminated: { exitCode: number } } }[] } }).status.containerStatuses[0]!;
    expect([status.restartCount, status.lastState.terminated.exitCode]).toEqual([1, 5]);
  });

  it('refuses a request that asks for no stream', async () => {
    await createPod('web', { image: 'nginx' });
    const refused = await new Promise<{ code: number; body: string }>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/namespaces/default/pods/web/attach?container=web`, ['v5.channel.k8s.io']);
      ws.on('unexpected-response', (_req, r) => {
        let body = '';
        r.on('data', (d: Buffer) => (body += d.toString()));
        r.on('end', () => resolve({ code: r.statusCode ?? 0, body }));
      });
      ws.on('error', () => undefined);
    });
    expect(refused.code).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ reason: 'BadRequest', message: 'you must specify at least 1 of stdin, stdout, stderr' });
  });
});

/**
 * A raw connection to the portforward path, upgraded as kubectl upgrades it: to WebSocket with the
 * tunnelling subprotocol (which the `ws` client refuses to offer: it has a `/`), or to plain SPDY.
 * Returns the SPDY bytes pipe.
 */
function upgraded(pod: string, how: 'websocket' | 'spdy'): Promise<{ write(b: Buffer): void; onData(cb: (b: Buffer) => void): void; close(): void; response: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    const path = `/api/v1/namespaces/default/pods/${pod}/portforward`;
    socket.write(
      how === 'websocket'
        ? `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: SPDY/3.1+portforward.k8s.io\r\n\r\n`
        : `POST ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n`,
    );
    let buffer = Buffer.alloc(0);
    let response: string | undefined;
    let listener: (b: Buffer) => void = () => undefined;
    // Server-to-client WebSocket frames are unmasked: opcode byte, length (7 bits, or 16/64-bit extended), payload.
    const unframe = () => {
      for (;;) {
        if (buffer.length < 2) return;
        let len = buffer[1]! & 0x7f;
        let at = 2;
        if (len === 126) [len, at] = [buffer.readUInt16BE(2), 4];
        else if (len === 127) [len, at] = [Number(buffer.readBigUInt64BE(2)), 10];
        if (buffer.length < at + len) return;
        const opcode = buffer[0]! & 0x0f;
        const payload = buffer.subarray(at, at + len);
        buffer = buffer.subarray(at + len);
        if (opcode === 2) listener(payload);
      }
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (response === undefined) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        response = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        resolve({
          response,
          write(b) {
            if (how === 'spdy') return socket.write(b);
            // Client frames are masked; a zero mask keeps the payload as it is.
            const head = b.length < 126 ? Buffer.from([0x82, 0x80 | b.length]) : Buffer.from([0x82, 0x80 | 126, b.length >> 8, b.length & 0xff]);
            socket.write(Buffer.concat([head, Buffer.alloc(4), b]));
          },
          onData(cb) {
            listener = cb;
          },
          close: () => socket.destroy(),
        });
      }
      if (how === 'spdy') {
        const rest = buffer;
        buffer = Buffer.alloc(0);
        if (rest.length > 0) listener(rest);
      } else unframe();
    });
    socket.on('error', reject);
  });
}

describe('port-forward: SPDY, inside WebSocket messages or on the upgraded connection', () => {
  /** kubectl's side of one local connection: an error and a data stream, then the request bytes. */
  async function forward(pod: string, port: number, request: string, how: 'websocket' | 'spdy' = 'websocket'): Promise<{ data: string; error: string; frames: SpdyFrame[]; response: string }> {
    const conn = await upgraded(pod, how);
    return new Promise((resolve, reject) => {
      const headers = new HeaderCompressor();
      const writer = new FrameWriter();
      const reader = new FrameReader();
      const frames: SpdyFrame[] = [];
      let data = '';
      let error = '';
      const syn = (id: number, type: string) => {
        const block = headers.compress(encodeHeaderBlock({ streamtype: type, port: String(port), requestid: '0' }));
        const head = Buffer.alloc(18);
        head.writeUInt16BE(0x8003, 0);
        head.writeUInt16BE(1, 2);
        head.writeUIntBE(10 + block.length, 5, 3);
        head.writeUInt32BE(id, 8);
        return Buffer.concat([head, block]);
      };
      const timer = setTimeout(() => reject(new Error(`port-forward timed out: ${JSON.stringify({ data, error })}`)), 3000);
      conn.onData((chunk) => {
        for (const f of reader.push(chunk)) {
          frames.push(f);
          if (f.kind === 'data' && f.streamId === 3) data += f.data.toString('utf8');
          if (f.kind === 'data' && f.streamId === 1) error += f.data.toString('utf8');
          // The error stream's FIN is the end of this connection's forwarding.
          if (f.kind === 'data' && f.streamId === 1 && f.fin) {
            clearTimeout(timer);
            conn.close();
            resolve({ data, error, frames, response: conn.response });
          }
        }
      });
      conn.write(syn(1, 'error'));
      conn.write(writer.data(1, Buffer.alloc(0), true));
      conn.write(syn(3, 'data'));
      conn.write(writer.ping(1));
      if (request !== '') conn.write(writer.data(3, Buffer.from(request)));
    });
  }

  it('answers HTTP requests on the pod port from the simulated web server, access log included', async () => {
    await createPod('web', { image: 'nginx' });
    const r = await forward('web', 80, 'GET / HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: curl/8.5.0\r\nConnection: close\r\n\r\n');
    expect(r.response).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    expect(r.response).toContain('Sec-WebSocket-Protocol: SPDY/3.1+portforward.k8s.io');
    expect(r.error).toBe('');
    expect(r.data).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/[\d.]+\r\n/);
    expect(r.data).toContain('<title>Welcome to nginx!</title>');
    // Each stream was answered before its data, and the ping echoed.
    expect(r.frames.filter((f) => f.kind === 'other').length).toBe(2);
    expect(r.frames).toContainEqual({ kind: 'ping', id: 1 });
    const logs = await fetch(`http://127.0.0.1:${server.port}/api/v1/namespaces/default/pods/web/log`).then((x) => x.text());
    expect(logs).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.5\.0" "-"$/m);
  });

  it('serves keep-alive requests one after another on the plain SPDY upgrade', async () => {
    await createPod('web', { image: 'nginx' });
    const conn = await upgraded('web', 'spdy');
    expect(conn.response).toBe('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io');
    conn.close();
    const r = await forward('web', 80, 'HEAD / HTTP/1.1\r\nHost: a\r\n\r\nGET /missing HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n', 'spdy');
    expect(r.data.match(/^HTTP\/1\.1 \d+ [^\r]*/gm)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found']);
    expect(r.data).toContain('<center><h1>404 Not Found</h1></center>');
  });

  it('a port nobody listens on gets the runtime’s connection-refused error on the error stream', async () => {
    await createPod('web', { image: 'nginx' });
    const r = await forward('web', 81, '');
    expect(r.data).toBe('');
    expect(r.error).toMatch(
      /^error forwarding port 81 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace "\/var\/run\/netns\/cni-[0-9a-f-]{36}": failed to connect to localhost:81 inside namespace "[0-9a-f]{64}", IPv4: dial tcp4 127\.0\.0\.1:81: connect: connection refused IPv6 dial tcp6 \[::1\]:81: connect: connection refused $/,
    );
  });
});
