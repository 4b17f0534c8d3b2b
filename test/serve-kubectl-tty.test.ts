// The real kubectl's streams against `kubesim serve`, as a learner uses them: `exec -it` typed at
// a terminal (a pseudo-terminal made by util-linux `script`, keys written over time), `exec -i`
// fed by a pipe that stays open, `attach`, and `port-forward` with HTTP requests through
// kubectl's local listener. Every child is killed when its test ends, whatever happened.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../src/engine/index.ts';
import { createSession, type ServeSession } from '../src/server/session.ts';
import { startKubeServer, type KubeServer } from '../src/server/server.ts';
import { kubeconfigText } from '../src/server/kubeconfig.ts';

function onPath(tool: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const KUBECTL = onPath('kubectl');
const SCRIPT = onPath('script');
if (!KUBECTL || !SCRIPT) console.warn('serve-kubectl-tty: needs kubectl and util-linux script on PATH; skipped');

const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: bb
spec:
  containers:
  - name: bb
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 8080
    targetPort: 80
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!KUBECTL || !SCRIPT)('the real kubectl’s streams against kubesim serve', () => {
  let server: KubeServer;
  let session: ServeSession;
  let dir: string;
  const children: ChildProcessWithoutNullStreams[] = [];
  const env = () => ({ ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir });

  /** A kubectl (or a command line under `script`, for a terminal) whose output is collected as it comes. */
  function start(argv: string[], terminal = false) {
    const child = terminal
      ? spawn(SCRIPT!, ['-qefc', [KUBECTL!, ...argv].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' '), '/dev/null'], { cwd: dir, env: env() })
      : spawn(KUBECTL!, argv, { cwd: dir, env: env() });
    children.push(child);
    let stdout = '';
    let stderr = '';
    const waiters: (() => void)[] = [];
    const poke = () => waiters.splice(0).forEach((w) => w());
    child.stdout.on('data', (d: Buffer) => ((stdout += d.toString('utf8')), poke()));
    child.stderr.on('data', (d: Buffer) => ((stderr += d.toString('utf8')), poke()));
    const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => (resolve(code ?? (signal ? 128 : 1)), poke())));
    return {
      get stdout() {
        return stdout;
      },
      get stderr() {
        return stderr;
      },
      type: (text: string) => child.stdin.write(text),
      closeStdin: () => child.stdin.end(),
      exited,
      /** Waits until `test` holds; fails after `ms` with what arrived. */
      until(test: () => boolean, what: string, ms = 8000): Promise<void> {
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}: ${JSON.stringify({ stdout, stderr })}`)), ms);
          const check = () => {
            if (test()) {
              clearTimeout(timer);
              resolve();
            } else waiters.push(check);
          };
          check();
        });
      },
    };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubesim-tty-'));
    session = createSession(createCluster({ preset: 'kind', seed: 1 }));
    server = await startKubeServer(session, 0);
    writeFileSync(join(dir, 'kubeconfig'), kubeconfigText(server.port));
    writeFileSync(join(dir, 'pods.yaml'), PODS);
    const applied = start(['apply', '-f', 'pods.yaml']);
    expect(await applied.exited).toBe(0);
    const ready = start(['wait', '--for=condition=Ready', 'pod/bb', 'pod/web', '--timeout=20s']);
    expect(await ready.exited).toBe(0);
  }, 30_000);
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exec -it POD -- sh: prompt, echo, editing keys, ^C, and the exit status', async () => {
    const k = start(['exec', '-it', 'bb', '--', 'sh'], true);
    await k.until(() => k.stdout.endsWith('/ # '), 'the prompt');
    k.type('echo hi; ls /nope\r');
    await k.until(() => k.stdout.split('/ # ').length === 3, 'the second prompt');
    expect(k.stdout).toBe('/ # echo hi; ls /nope\r\nhi\r\nls: /nope: No such file or directory\r\n/ # ');
    // Backspace, an arrow key, Ctrl-U and Ctrl-C: only what is left on the line runs.
    k.type('echo ax\x7fb\x1b[D\r');
    await k.until(() => k.stdout.includes('ab\r\n/ # '), 'the edited line');
    k.type('rm -rf /\x15echo kept\x03');
    await k.until(() => k.stdout.endsWith('^C\r\n/ # '), 'the prompt after ^C');
    expect(k.stdout).not.toContain('kept\r\n');
    k.type('x=41; echo $((x+1))\r');
    await k.until(() => k.stdout.includes('42\r\n'), 'variables kept between lines');
    k.type('exit 3\r');
    expect(await k.exited).toBe(3);
    expect(k.stdout.endsWith('/ # exit 3\r\ncommand terminated with exit code 3\r\n')).toBe(true);
  }, 30_000);

  it('exec -ti -c CONTAINER -- /bin/bash ends on Ctrl-D with status 0', async () => {
    const k = start(['exec', '-ti', 'web', '-c', 'nginx', '--', '/bin/bash'], true);
    await k.until(() => k.stdout.endsWith('root@web:/# '), 'bash’s prompt');
    k.type('cd /usr/share/nginx/html && ls\r');
    await k.until(() => k.stdout.endsWith('root@web:/usr/share/nginx/html# '), 'the prompt after cd');
    expect(k.stdout).toContain('index.html');
    k.type('\x04');
    expect(await k.exited).toBe(0);
  }, 30_000);

  it('exec -i POD -- sh without a terminal runs each line as it arrives', async () => {
    const k = start(['exec', '-i', 'bb', '--', 'sh']);
    k.type('echo one\n');
    await k.until(() => k.stdout === 'one\n', 'the first line’s output, while stdin is still open');
    await sleep(200);
    expect(k.stdout).toBe('one\n');
    k.type('echo two >&2\nexit 4\n');
    expect(await k.exited).toBe(4);
    expect(k.stderr).toBe('two\ncommand terminated with exit code 4\n');
  }, 30_000);

  it('attach shows what the main process prints from now on; -it to a container without a TTY says so', async () => {
    const a = start(['attach', 'web']);
    // The attach must be in place before the request it is to see.
    await sleep(800);
    const e = start(['exec', 'web', '--', 'curl', '-s', '-o', '/dev/null', 'localhost/attach-check']);
    expect(await e.exited).toBe(0);
    await a.until(() => a.stdout.includes('"GET /attach-check HTTP/1.1" 404'), 'the access log line');
    expect(a.stderr).toContain("If you don't see a command prompt, try pressing enter.");
    const t = start(['attach', '-it', 'web'], true);
    await t.until(() => t.stdout.includes("If you don't see a command prompt, try pressing enter."), 'the notes');
    expect(t.stdout).toContain('error: Unable to use a TTY - container nginx did not allocate one');
  }, 30_000);

  it('attach -it to a shell on stdin and a TTY, and run -it --rm: a fresh prompt on Enter, exit ends the main process', async () => {
    const created = start(['run', 'sh1', '--image=busybox', '--stdin', '--tty', '--attach=false']);
    expect(await created.exited).toBe(0);
    expect((await start(['wait', '--for=condition=Ready', 'pod/sh1', '--timeout=20s']).exited)).toBe(0);
    const a = start(['attach', '-it', 'sh1'], true);
    await a.until(() => a.stdout.includes("If you don't see a command prompt, try pressing enter.\r\n"), 'the notes');
    // Attach joins a shell already at its prompt: nothing until Enter.
    await sleep(300);
    expect(a.stdout).toBe("If you don't see a command prompt, try pressing enter.\r\n");
    a.type('\r');
    await a.until(() => a.stdout.endsWith('\r\n/ # '), 'a fresh prompt');
    a.type('echo in $HOSTNAME\r');
    await a.until(() => a.stdout.includes('in sh1\r\n/ # '), 'the output');
    a.type('exit 5\r');
    expect(await a.exited).toBe(0);
    expect(a.stdout).toMatch(/Session ended, resume using 'kubectl attach sh1 -c sh1 -i -t' command when the pod is running\r\n$/);
    // The shell was the container's main process: the kubelet restarts it.
    const got = start(['get', 'pod', 'sh1', '-o', 'jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.exitCode}']);
    await got.exited;
    expect(got.stdout).toBe('1 5');
    const run = start(['run', '-it', 'tmp', '--image=busybox', '--rm', '--restart=Never'], true);
    await run.until(() => run.stdout.includes('try pressing enter.'), 'the notes');
    run.type('\recho hello\rexit\r');
    expect(await run.exited).toBe(0);
    expect(run.stdout).toMatch(/\/ # echo hello\r\nhello\r\n\/ # exit\r\npod "tmp" deleted\r\n$/);
  }, 40_000);

  it('run -it --rm -- sh (an explicit shell on stdin): it waits at its prompt; exit 2 is the pod’s failure', async () => {
    const run = start(['run', '-it', 'sh2', '--image=busybox', '--rm', '--restart=Never', '--', 'sh'], true);
    await run.until(() => run.stdout.includes('try pressing enter.'), 'the notes');
    run.type('\r');
    await run.until(() => run.stdout.endsWith('\r\n/ # '), 'a fresh prompt');
    run.type('echo $((6*7))\r');
    await run.until(() => run.stdout.includes('42\r\n/ # '), 'the output');
    run.type('exit 2\r');
    expect(await run.exited).toBe(2);
    expect(run.stdout).toMatch(/\/ # exit 2\r\npod "sh2" deleted\r\npod default\/sh2 terminated \(Error\)\r\n\r?\n?$/);
  }, 30_000);

  it('exec -it POD -- cat answers each line as it comes, Ctrl-C ends it (130); busybox has no bash', async () => {
    const k = start(['exec', '-it', 'bb', '--', 'cat'], true);
    await sleep(300);
    k.type('hello\r');
    await k.until(() => k.stdout === 'hello\r\nhello\r\n', 'the echo and cat’s copy');
    k.type('\x03');
    expect(await k.exited).toBe(130);
    expect(k.stdout).toBe('hello\r\nhello\r\n^Ccommand terminated with exit code 130\r\n');
    const b = start(['exec', '-it', 'bb', '--', 'bash'], true);
    expect(await b.exited).toBe(1);
    expect(b.stdout).toMatch(/OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown/);
  }, 30_000);

  /** Starts a port-forward with a local port kubectl picks, and returns that port. */
  async function forward(target: string, remote: string) {
    const pf = start(['port-forward', target, `:${remote}`]);
    await pf.until(() => /Forwarding from 127\.0\.0\.1:\d+ ->/.test(pf.stdout), 'the listener');
    const port = Number(/Forwarding from 127\.0\.0\.1:(\d+) ->/.exec(pf.stdout)![1]);
    return { pf, port };
  }

  it('port-forward pod/, svc/ and deploy/ reach the simulated web server through kubectl’s listener', async () => {
    const { pf, port } = await forward('pod/web', '80');
    expect(pf.stdout).toMatch(/^Forwarding from 127\.0\.0\.1:\d+ -> 80\nForwarding from \[::1\]:\d+ -> 80\n/);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('server')).toMatch(/^nginx\//);
    expect(await res.text()).toContain('<title>Welcome to nginx!</title>');
    expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
    await pf.until(() => pf.stdout.includes(`Handling connection for ${port}`), 'kubectl’s note');
    // The Service's port 8080 is translated by kubectl to the pod's target port.
    const svc = await forward('svc/web', '8080');
    expect(svc.pf.stdout).toContain('-> 80\n');
    expect((await fetch(`http://127.0.0.1:${svc.port}/`)).status).toBe(200);
    // A Deployment: kubectl picks one of its pods.
    expect(await start(['create', 'deployment', 'site', '--image=nginx']).exited).toBe(0);
    expect(await start(['rollout', 'status', 'deployment/site', '--timeout=20s']).exited).toBe(0);
    const deploy = await forward('deploy/site', '80');
    expect((await fetch(`http://127.0.0.1:${deploy.port}/index.html`)).status).toBe(200);
    const logs = start(['logs', 'web', '--tail=1']);
    await logs.exited;
    expect(logs.stdout).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "node" "-"\n$/);
  }, 30_000);

  it('port-forward to a port nobody listens on: the runtime’s error, then kubectl gives up', async () => {
    const { pf, port } = await forward('pod/web', '81');
    await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
    expect(await pf.exited).toBe(1);
    expect(pf.stderr).toMatch(/an error occurred forwarding \d+ -> 81: error forwarding port 81 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace \\"\/var\/run\/netns\/cni-[0-9a-f-]+\\": failed to connect to localhost:81 inside namespace \\"[0-9a-f]{64}\\", IPv4: dial tcp4 127\.0\.0\.1:81: connect: connection refused IPv6 dial tcp6 \[::1\]:81: connect: connection refused /);
    expect(pf.stderr).toMatch(/error: lost connection to pod\n$/);
  }, 30_000);
});
