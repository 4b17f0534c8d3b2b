// The interactive and streaming side of the Docker Engine API, spoken to over raw sockets as the
// docker CLI speaks it: `docker run -it` (create, attach, wait, start, then keys typed into the
// container's shell on a raw TTY stream), `docker run -i` fed line by line, `docker exec -it` and
// `-i`, resize, `docker attach` and its detach, and `docker logs -f`.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { createSession } from '../session.ts';
import { startDockerServer, type DockerServer } from './server.ts';
import { demux } from './mux.ts';

let server: DockerServer;
let base: string;

async function serving(preset: 'bare' | 'kind' = 'bare'): Promise<void> {
  server = await startDockerServer(createSession(createCluster({ preset, seed: 1 })), 0);
  base = `http://127.0.0.1:${server.port}`;
}
afterEach(async () => {
  await server?.close();
});

const call = (method: string, path: string, body?: unknown) =>
  fetch(base + path, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}) });

async function created(body: Record<string, unknown>, name?: string): Promise<string> {
  await (await call('POST', '/v1.47/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&tag=latest')).text();
  const res = await call('POST', `/v1.47/containers/create${name ? `?name=${name}` : ''}`, { Image: 'busybox', ...body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { Id: string }).Id;
}

/** A hijacked connection kept open: keys are written to it over time, as a terminal sends them. */
interface Live {
  head: string;
  /** Everything received after the 101's head. */
  received(): Buffer;
  write(text: string): void;
  /** The client's CloseWrite: its stdin ended. */
  endInput(): void;
  /** Waits (at most 3 s) until what was received passes the test. */
  until(test: (got: string) => boolean): Promise<string>;
  closed: Promise<void>;
}

function live(path: string, body = ''): Promise<Live> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(server.port, '127.0.0.1');
    let all = Buffer.alloc(0);
    let headEnd = -1;
    const waiters: (() => void)[] = [];
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    const received = () => (headEnd < 0 ? Buffer.alloc(0) : all.subarray(headEnd + 4));
    const self: Live = {
      head: '',
      received,
      write: (text) => void socket.write(text),
      endInput: () => void socket.end(),
      until: (test) =>
        new Promise((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`timed out; got ${JSON.stringify(received().toString())}`)), 3000);
          const check = () => {
            if (test(received().toString('latin1'))) {
              clearTimeout(timer);
              done(received().toString('latin1'));
            } else waiters.push(check);
          };
          check();
        }),
      closed,
    };
    socket.on('data', (d: Buffer) => {
      all = Buffer.concat([all, d]);
      if (headEnd < 0 && (headEnd = all.indexOf('\r\n\r\n')) >= 0) {
        self.head = all.subarray(0, headEnd).toString();
        resolve(self);
      }
      waiters.splice(0).forEach((w) => w());
    });
    socket.on('close', () => waiters.splice(0).forEach((w) => w()));
    socket.on('error', reject);
    socket.write(`POST ${path} HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

const ATTACH = '?stream=1&stdin=1&stdout=1&stderr=1';
const RUN_IT = { Cmd: ['sh'], Tty: true, OpenStdin: true, StdinOnce: true, AttachStdin: true, AttachStdout: true, AttachStderr: true };
const RUN_I = { ...RUN_IT, Tty: false };

/** `docker run`'s wait, sent before the start; resolves with the status code. */
const waitFor = (id: string, condition: string) => call('POST', `/v1.47/containers/${id}/wait?condition=${condition}`).then(async (r) => ((await r.json()) as { StatusCode: number }).StatusCode);

describe('docker run -it: the container main process is a shell on a TTY', () => {
  it('echoes keys, runs each line, prompts, and exits the container with the status of `exit 3`', async () => {
    await serving();
    const id = await created(RUN_IT, 'tty');
    const attached = await live(`/v1.47/containers/${id}/attach${ATTACH}`);
    // With a TTY the stream is raw: no 8-byte frame headers.
    expect(attached.head).toContain('HTTP/1.1 101 UPGRADED');
    expect(attached.head).toContain('Content-Type: application/vnd.docker.raw-stream');
    const status = waitFor(id, 'next-exit');
    expect((await call('POST', `/v1.47/containers/${id}/start`)).status).toBe(204);
    expect((await call('POST', `/v1.47/containers/${id}/resize?h=40&w=120`)).status).toBe(200);
    await attached.until((s) => s.endsWith('/ # '));
    attached.write('echo hi\r');
    await attached.until((s) => s.endsWith('echo hi\r\nhi\r\n/ # '));
    attached.write('cd /tmp\r');
    await attached.until((s) => s.endsWith('/tmp # '));
    attached.write('exit 3\r');
    await attached.closed;
    expect(await status).toBe(3);
    const inspect = (await (await call('GET', `/v1.47/containers/${id}/json`)).json()) as { State: { Status: string; ExitCode: number }; Config: { Tty: boolean; OpenStdin: boolean } };
    expect(inspect.State).toMatchObject({ Status: 'exited', ExitCode: 3 });
    expect(inspect.Config).toMatchObject({ Tty: true, OpenStdin: true });
    // The log keeps what the terminal showed, raw.
    const logs = await (await call('GET', `/v1.47/containers/${id}/logs?stdout=1&stderr=1`)).text();
    expect(logs).toContain('/ # echo hi\r\nhi\r\n');
  });

  it('edits the line as a pty does: backspace, Ctrl-U, Ctrl-W, Ctrl-C; arrow keys are swallowed', async () => {
    await serving();
    const id = await created(RUN_IT);
    const attached = await live(`/v1.47/containers/${id}/attach${ATTACH}`);
    await call('POST', `/v1.47/containers/${id}/start`);
    await attached.until((s) => s.endsWith('/ # '));
    attached.write('echx\x7fo \x1b[Aone two\x17three\r');
    await attached.until((s) => s.includes('\r\none three\r\n/ # '));
    expect(attached.received().toString()).toContain('echx\b \bo one two\b \b\b \b\b \bthree\r\n');
    attached.write('junk\x15echo ok\r');
    await attached.until((s) => s.endsWith('ok\r\n/ # '));
    attached.write('sleep 10\x03');
    await attached.until((s) => s.endsWith('sleep 10^C\r\n/ # '));
  });

  it('ends at Ctrl-D on an empty line; --rm removes the container and the removed wait answers', async () => {
    await serving();
    const id = await created({ ...RUN_IT, HostConfig: { AutoRemove: true } });
    const attached = await live(`/v1.47/containers/${id}/attach${ATTACH}`);
    const status = waitFor(id, 'removed');
    await call('POST', `/v1.47/containers/${id}/start`);
    await attached.until((s) => s.endsWith('/ # '));
    attached.write('ls /nope\r');
    await attached.until((s) => s.includes('No such file or directory\r\n/ # '));
    attached.write('abc\x04');
    // Ctrl-D with text on the line is not the end of input.
    await new Promise((r) => setTimeout(r, 100));
    expect((await call('GET', `/v1.47/containers/${id}/json`)).status).toBe(200);
    attached.write('\x15\x04');
    await attached.closed;
    // The shell's last status: ls failed.
    expect(await status).toBe(1);
    expect((await call('GET', `/v1.47/containers/${id}/json`)).status).toBe(404);
  });
});

describe('docker run -i without a TTY: stdin piped in, line by line', () => {
  it('runs each line as it arrives (multiplexed output), even lines sent before the start, and ends with stdin', async () => {
    await serving();
    const id = await created(RUN_I);
    const attached = await live(`/v1.47/containers/${id}/attach${ATTACH}`);
    expect(attached.head).toContain('Content-Type: application/vnd.docker.multiplexed-stream');
    // `docker run` writes its stdin as soon as it is attached, before the start.
    attached.write('echo early\n');
    const status = waitFor(id, 'next-exit');
    await call('POST', `/v1.47/containers/${id}/start`);
    await attached.until((s) => demux(Buffer.from(s, 'latin1')).some((f) => f.text === 'early\n'));
    attached.write('echo err >&2\n');
    await attached.until((s) => demux(Buffer.from(s, 'latin1')).some((f) => f.stream === 'stderr' && f.text === 'err\n'));
    // The container still runs: its stdin is open.
    expect(((await (await call('GET', `/v1.47/containers/${id}/json`)).json()) as { State: { Status: string } }).State.Status).toBe('running');
    attached.write('exit 7');
    attached.endInput();
    await attached.closed;
    expect(await status).toBe(7);
  });
});

describe('docker exec -it and -i', () => {
  async function running(): Promise<string> {
    const id = await created({ Cmd: ['sh', '-c', 'sleep 3600'] }, 'srv');
    await call('POST', `/v1.47/containers/${id}/start`);
    return id;
  }
  const exec = async (container: string, body: Record<string, unknown>) => ((await (await call('POST', `/v1.47/containers/${container}/exec`, body)).json()) as { Id: string }).Id;

  it('gives a shell on a TTY, keeps its cwd between lines, and reports the status of `exit 4`', async () => {
    await serving();
    const c = await running();
    const id = await exec(c, { Cmd: ['sh'], Tty: true, AttachStdin: true, AttachStdout: true, AttachStderr: true });
    const session = await live(`/v1.47/exec/${id}/start`, JSON.stringify({ Detach: false, Tty: true }));
    expect(session.head).toContain('Content-Type: application/vnd.docker.raw-stream');
    expect((await call('POST', `/v1.47/exec/${id}/resize?h=30&w=100`)).status).toBe(200);
    await session.until((s) => s.endsWith('/ # '));
    session.write('cd /tmp && echo x > f\r');
    await session.until((s) => s.endsWith('/tmp # '));
    session.write('cat f\r');
    await session.until((s) => s.endsWith('x\r\n/tmp # '));
    session.write('exit 4\r');
    await session.closed;
    const inspect = (await (await call('GET', `/v1.47/exec/${id}/json`)).json()) as { ExitCode: number; Running: boolean; ProcessConfig: { tty: boolean } };
    expect(inspect).toMatchObject({ ExitCode: 4, Running: false, ProcessConfig: { tty: true } });
    // What the shell wrote stays in the container.
    const again = await exec(c, { Cmd: ['cat', '/tmp/f'], AttachStdout: true });
    const out = await live(`/v1.47/exec/${again}/start`, '{}');
    await out.closed;
    expect(demux(out.received())).toEqual([{ stream: 'stdout', text: 'x\n' }]);
  });

  it('streams a shell fed through a pipe: each line runs before stdin ends', async () => {
    await serving();
    const c = await running();
    const id = await exec(c, { Cmd: ['sh'], AttachStdin: true, AttachStdout: true, AttachStderr: true });
    const session = await live(`/v1.47/exec/${id}/start`, JSON.stringify({ Detach: false, Tty: false }));
    session.write('echo one\n');
    await session.until((s) => demux(Buffer.from(s, 'latin1')).some((f) => f.text === 'one\n'));
    session.write('false\n');
    session.endInput();
    await session.closed;
    expect(((await (await call('GET', `/v1.47/exec/${id}/json`)).json()) as { ExitCode: number }).ExitCode).toBe(1);
  });

  it("runs bash in a kind node's container", async () => {
    await serving('kind');
    const id = await exec('kind-control-plane', { Cmd: ['bash'], Tty: true, AttachStdin: true, AttachStdout: true });
    const session = await live(`/v1.47/exec/${id}/start`, JSON.stringify({ Tty: true }));
    await session.until((s) => s.endsWith('root@kind-control-plane:/# '));
    session.write('hostname\r');
    await session.until((s) => s.endsWith('kind-control-plane\r\nroot@kind-control-plane:/# '));
    session.write('exit\r');
    await session.closed;
  });

  it('refuses a resize for an exec instance that does not exist', async () => {
    await serving();
    const res = await call('POST', '/v1.47/exec/nope/resize?h=1&w=1');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'No such exec instance: nope' });
  });
});

describe('docker attach and docker logs -f', () => {
  it('attaches to a running shell (docker run -dit), and a detach leaves it running', async () => {
    await serving();
    const id = await created({ Cmd: ['sh'], Tty: true, OpenStdin: true }, 'bg');
    await call('POST', `/v1.47/containers/${id}/start`);
    const first = await live(`/v1.47/containers/bg/attach${ATTACH}`);
    first.write('\r');
    await first.until((s) => s.endsWith('/ # '));
    first.write('x=42\r');
    await first.until((s) => s.endsWith('x=42\r\n/ # '));
    // The client's stdin ends (Ctrl-P Ctrl-Q): this attach ends, the shell goes on.
    first.endInput();
    await first.closed;
    const again = await live(`/v1.47/containers/bg/attach${ATTACH}`);
    again.write('echo $x\r');
    await again.until((s) => s.endsWith('42\r\n/ # '));
    again.write('exit\r');
    await again.closed;
  });

  it('follows the log until the container stops', async () => {
    await serving();
    const id = await created({ Cmd: ['sh'], Tty: true, OpenStdin: true }, 'bg');
    await call('POST', `/v1.47/containers/${id}/start`);
    const res = await fetch(`${base}/v1.47/containers/bg/logs?follow=1&stdout=1&stderr=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.docker.raw-stream');
    const body = res.text();
    const shell = await live(`/v1.47/containers/bg/attach${ATTACH}`);
    shell.write('echo followed\r');
    await shell.until((s) => s.includes('followed\r\n'));
    shell.write('exit 0\r');
    await shell.closed;
    expect(await body).toContain('echo followed\r\nfollowed\r\n');
  });

  it('follows a container without a TTY as frames, and answers a missing one with 404', async () => {
    await serving();
    const id = await created({ Cmd: ['sh', '-c', 'echo up; sleep 3600'] }, 'srv');
    await call('POST', `/v1.47/containers/${id}/start`);
    const res = await fetch(`${base}/v1.47/containers/srv/logs?follow=1&stdout=1&stderr=1`);
    const body = res.arrayBuffer();
    await call('POST', `/v1.47/containers/srv/kill`);
    expect(demux(Buffer.from(await body))).toEqual([{ stream: 'stdout', text: 'up\n' }]);
    const missing = await fetch(`${base}/v1.47/containers/nope/logs?follow=1&stdout=1`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'No such container: nope' });
  });
});
