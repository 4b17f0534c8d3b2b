// The real docker CLI, on a real pseudo-terminal (util-linux `script`), against `kubesim serve`'s
// Docker Engine API: what learners type most. `docker run -it busybox sh` and `exit 3`, `--rm`
// with Ctrl-D, `docker exec -it` into a container and into kind's node, `docker attach`, a shell
// fed through a pipe line by line, and `docker logs -f`. Keys are sent one step at a time, each
// once the screen shows what it waits for; every child is killed after a timeout.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../src/engine/index.ts';
import { createSession } from '../src/server/session.ts';
import { startDockerServer, type DockerServer } from '../src/server/docker/server.ts';

function onPath(tool: string): boolean {
  try {
    return execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}
const READY = onPath('docker') && onPath('script');
if (!READY) console.warn('serve-docker-tty: no docker CLI or no `script` on PATH; skipped');

let server: DockerServer;
const env = () => ({ ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${server.port}`, DOCKER_CONFIG: '/tmp/kubesim-docker-test-config', TERM: 'xterm' });

/** A docker command line, run to its end (no terminal). */
function docker(line: string, stdin?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((done) => {
    const child = execFile('bash', ['-c', line], { env: env(), timeout: 15_000 }, (err, stdout, stderr) => done({ stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 }));
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

/** A command on a pseudo-terminal of 40×100 (so the client sends resizes), as a learner's terminal. */
class Terminal {
  private child: ChildProcess;
  private out = '';
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;
  private killer: NodeJS.Timeout;

  constructor(line: string) {
    this.child = spawn('script', ['-qefc', `stty rows 40 cols 100; ${line}`, '/dev/null'], { env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    const take = (d: Buffer) => {
      this.out += d.toString('utf8');
      this.waiters.splice(0).forEach((w) => w());
    };
    this.child.stdout!.on('data', take);
    this.child.stderr!.on('data', take);
    this.killer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    this.exited = new Promise((done) =>
      this.child.on('exit', (code) => {
        clearTimeout(this.killer);
        this.waiters.splice(0).forEach((w) => w());
        done(code);
      }),
    );
  }

  /** What the terminal showed so far. */
  get screen(): string {
    return this.out;
  }

  /** Waits (at most 8 s) until the screen ends with `tail` (or passes the test). */
  until(tail: string | RegExp): Promise<void> {
    const ok = () => (typeof tail === 'string' ? this.out.endsWith(tail) : tail.test(this.out));
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`waited for ${JSON.stringify(String(tail))}; screen: ${JSON.stringify(this.out)}`)), 8_000);
      const check = () => {
        if (ok()) {
          clearTimeout(timer);
          done();
        } else this.waiters.push(check);
      };
      check();
    });
  }

  type(keys: string): void {
    this.child.stdin!.write(keys);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

describe.skipIf(!READY)('the real docker CLI on a terminal against kubesim serve', () => {
  const open: Terminal[] = [];
  const terminal = (line: string) => {
    const t = new Terminal(line);
    open.push(t);
    return t;
  };

  beforeAll(async () => {
    server = await startDockerServer(createSession(createCluster({ preset: 'kind', seed: 1 })), 0);
    // Pulled first, so that the sessions below show only the shell.
    expect((await docker('docker pull -q busybox && docker pull -q alpine')).code).toBe(0);
  });
  afterAll(async () => {
    for (const t of open) t.kill();
    await server?.close();
  });

  it('docker run -it busybox sh: a prompt, echo, output, and `exit 3` stops the container with 3', async () => {
    const t = terminal('docker run -it --name shell busybox sh');
    await t.until('/ # ');
    t.type('echo hello\r');
    await t.until('hello\r\n/ # ');
    t.type('mkdir /work; cd /work\r');
    await t.until('/work # ');
    t.type('exit 3\r');
    expect(await t.exited).toBe(3);
    expect(t.screen).toBe('/ # echo hello\r\nhello\r\n/ # mkdir /work; cd /work\r\n/work # exit 3\r\n');
    const ps = await docker("docker ps -a --filter name=shell --format '{{.Status}}'");
    expect(ps.stdout).toMatch(/^Exited \(3\) /);
    // The writable layer stays with the stopped container.
    expect((await docker('docker start shell >/dev/null; docker exec shell ls -d /work; docker rm -f shell >/dev/null')).stdout).toBe('/work\n');
  }, 30_000);

  it('docker run -it --rm alpine sh: Ctrl-C drops the line, Ctrl-D ends the shell, and the container is gone', async () => {
    const t = terminal('docker run -it --rm alpine sh');
    await t.until('/ # ');
    t.type('sleep 100\x03');
    await t.until('sleep 100^C\r\n/ # ');
    t.type('\x04');
    expect(await t.exited).toBe(0);
    expect((await docker('docker ps -aq --filter ancestor=alpine')).stdout).toBe('');
  }, 30_000);

  it('docker exec -it C sh keeps the shell between lines and passes `exit 4` on', async () => {
    expect((await docker('docker run -d --name srv busybox sh -c "sleep 3600"')).code).toBe(0);
    const t = terminal('docker exec -it srv sh');
    await t.until('/ # ');
    t.type('x=5; cd /tmp\r');
    await t.until('/tmp # ');
    t.type('echo $x > f; cat f\r');
    await t.until('5\r\n/tmp # ');
    t.type('exit 4\r');
    expect(await t.exited).toBe(4);
    expect((await docker('docker exec srv cat /tmp/f')).stdout).toBe('5\n');
  }, 30_000);

  it('docker exec -it C bash in busybox: no bash there, the runtime says so and the status is 126', async () => {
    expect((await docker('docker run -d --name nobash busybox sleep 3600')).code).toBe(0);
    const t = terminal('docker exec -it nobash bash');
    expect(await t.exited).toBe(126);
    expect(t.screen).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\r\n');
    const piped = await docker('docker exec nobash bash -c "echo hi"');
    expect([piped.code, piped.stdout]).toEqual([126, 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\r\n']);
  }, 30_000);

  it('docker exec -it kind-control-plane bash', async () => {
    const t = terminal('docker exec -it kind-control-plane bash');
    await t.until('root@kind-control-plane:/# ');
    t.type('hostname\r');
    await t.until('kind-control-plane\r\nroot@kind-control-plane:/# ');
    t.type('exit\r');
    expect(await t.exited).toBe(0);
  }, 30_000);

  it('docker attach to a shell started with -dit', async () => {
    expect((await docker('docker run -dit --name bg busybox sh')).code).toBe(0);
    const t = terminal('docker attach bg');
    // As with a real daemon, nothing shows until Enter brings a prompt.
    await new Promise((r) => setTimeout(r, 300));
    t.type('\r');
    await t.until('\r\n/ # ');
    t.type('exit 2\r');
    expect(await t.exited).toBe(2);
    expect((await docker("docker ps -a --filter name=bg --format '{{.Status}}'")).stdout).toMatch(/^Exited \(2\) /);
  }, 30_000);

  it('docker start -ai brings a stopped -it shell back on the terminal; a program that reads nothing runs at once', async () => {
    const t = terminal('docker create -it --name shell2 busybox sh >/dev/null && docker start -ai shell2');
    await t.until('/ # ');
    t.type('exit 6\r');
    expect(await t.exited).toBe(6);
    const again = terminal('docker start -ai shell2');
    await again.until('/ # ');
    again.type('echo back\r');
    await again.until('back\r\n/ # ');
    again.type('exit\r');
    expect(await again.exited).toBe(0);
    const ls = terminal('docker run -it --rm busybox ls /nope');
    expect(await ls.exited).toBe(1);
    expect(ls.screen).toBe('ls: /nope: No such file or directory\r\n');
  }, 30_000);

  it('a shell fed through a pipe: `docker run -i` and `docker exec -i`', async () => {
    expect(await docker('docker run -i --rm busybox sh', 'echo hi\nls /nope\nexit 3\n')).toEqual({ stdout: 'hi\n', stderr: 'ls: /nope: No such file or directory\n', code: 3 });
    // Each line runs as it arrives: its output comes back while stdin is still open.
    const child = spawn('docker', ['exec', '-i', 'srv', 'sh'], { env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    let out = '';
    const got = new Promise<void>((done) => child.stdout.on('data', (d: Buffer) => ((out += d.toString()), out.includes('one\n') && done())));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => (clearTimeout(killer), done(code))));
    child.stdin.write('echo one\n');
    await got;
    child.stdin.end('echo two\nfalse\n');
    expect(await exited).toBe(1);
    expect(out).toBe('one\ntwo\n');
  }, 30_000);

  it('docker logs -f follows what an attached shell prints, and ends when the container stops', async () => {
    expect((await docker('docker run -dit --name followed busybox sh')).code).toBe(0);
    const logs = docker('docker logs -f followed');
    const t = terminal('docker attach followed');
    await new Promise((r) => setTimeout(r, 300));
    t.type('echo seen\r');
    await t.until('seen\r\n/ # ');
    t.type('exit\r');
    await t.exited;
    const followed = await logs;
    expect(followed.code).toBe(0);
    // The shell's first prompt was printed at its start, before anyone attached: the log has it.
    expect(followed.stdout).toBe('/ # echo seen\r\nseen\r\n/ # exit\r\n');
  }, 30_000);
});
