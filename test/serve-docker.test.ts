// The real docker CLI against `kubesim serve`'s Docker Engine API: the course's Docker demos
// (examples/docker-*/demo.sh), each `docker` line run by the installed client over HTTP and by
// `kubesim run`'s docker, must print the same, ids and ages aside. The few lines that cannot
// match are listed with the reason, and must still succeed or fail alike.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../src/engine/index.ts';
import { runScript } from '../src/commands/script/run-script.ts';
import { createHostSession, type HostSession } from '../src/commands/shell/host-shell.ts';
import { createSession } from '../src/server/session.ts';
import { startDockerServer, type DockerServer } from '../src/server/docker/server.ts';
import { parseServeArgs, serve } from '../src/cli/serve.ts';
import { createServer } from 'node:net';

function findDocker(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const DOCKER = findDocker();
if (!DOCKER) console.warn('serve-docker: no docker CLI on PATH; the real-client tests are skipped');

/**
 * A demo's command lines (a heredoc stays with its command). `sudo` lines read the Docker host's
 * own disk, which the real client's machine does not have: they are left out on both sides.
 */
export function commandLines(script: string): string[] {
  const out: string[] = [];
  const lines = script.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('sudo ')) continue;
    const heredoc = /<<'?(\w+)'?/.exec(line);
    if (!heredoc) {
      out.push(line);
      continue;
    }
    const body = [line];
    while (i + 1 < lines.length && lines[i]! !== heredoc[1]) body.push(lines[++i]!);
    out.push(body.join('\n'));
  }
  return out;
}

/** Ids, ages and table padding differ between two runs on different clocks; nothing else should. */
export function normalize(text: string): string {
  return text
    .replace(/\b[0-9a-f]{64}\b/g, '<id>')
    .replace(/\b[0-9a-f]{12}\b/g, '<id>')
    .replace(/(Less than a second|About a minute|About an hour|\d+ (seconds?|minutes|hours|days|weeks|months|years))( ago)?/g, '<age>')
    .replace(/"(CreatedAt|Created|StartedAt|FinishedAt|LastTagTime)": "[^"]*"/g, '"$1": "<time>"')
    .replace(/127\.0\.0\.1:\d+->6443/g, '127.0.0.1:<port>->6443')
    // The client names local files by their absolute path, which is the machine's own.
    .replace(/lstat \S*\/([^/\s]+):/g, 'lstat <dir>/$1:')
    .replace(/[ \t]+/g, ' ')
    .replace(/ +\n/g, '\n')
    .trimEnd();
}

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

/** `kubesim run`'s shell over a demo's folder: one for the whole demo, so files it writes carry over. */
function simulatedShell(dir: string): HostSession {
  const files = { read: (p: string) => { try { return readFileSync(resolve(dir, p), 'utf8'); } catch { return undefined; } } };
  return createHostSession(createCluster({ preset: 'kind', seed: 1 }), files);
}

/** What `kubesim run` prints for one line. */
function simulated(shell: HostSession, line: string): Result {
  const r = runScript(line, { state: shell.state, session: shell, quiet: true, files: { read: () => undefined } });
  return { stdout: r.stdout, stderr: r.stderr, code: r.exitCode };
}

function real(line: string, dir: string, port: number): Promise<Result> {
  return new Promise((done) => {
    execFile('bash', ['-c', line], { cwd: dir, env: { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_BUILDKIT: '0', DOCKER_CONFIG: '/tmp/kubesim-docker-test-config' }, timeout: 20_000 }, (err, stdout, stderr) => {
      // The client's own warning for DOCKER_BUILDKIT=0, printed before any build talks to the server.
      const warning = /^DEPRECATED: The legacy builder is deprecated[^\n]*\n[^\n]*\n[^\n]*environment-variable\.\n\n?/;
      done({ stdout, stderr: stderr.replace(warning, ''), code: err ? ((err as { code?: number }).code ?? 1) : 0 });
    });
  });
}

/**
 * Lines whose output cannot match, and why. They must still agree on success or failure.
 * - `docker build` without -q: the classic builder (`DOCKER_BUILDKIT=0`: Step 1/6, ---> id) prints
 *   differently from BuildKit, which `kubesim run` imitates; the real client also warns that the
 *   legacy builder is deprecated and prints `Sending build context to Docker daemon`.
 */
const KNOWN: Record<string, { line: RegExp; why: string }[]> = {
  'docker-layers': [{ line: /^docker build -t/, why: 'classic builder output' }],
  'docker-storage-usage': [{ line: /^docker build -t/, why: 'classic builder output' }],
};

const DEMOS = ['docker-layers', 'docker-storage-usage', 'docker-volumes', 'docker-additions'] as const;

/** The course's other lines and the daemon's refusals, run the same way (from examples/docker-layers). */
const MORE = [
  'docker run --rm busybox echo hi',
  'docker run --name once busybox sh -c "echo out; echo err >&2; exit 3"',
  'docker logs once',
  'docker run -d --name srv -v data:/data busybox sh -c "echo started > /data/log; echo started; sleep 3600"',
  'docker logs srv',
  'docker logs --tail 1 srv',
  'docker exec srv cat /data/log',
  'docker exec -i srv sh <<EOF\necho from stdin\nls /data\nEOF',
  'docker exec srv sh -c "exit 4"',
  'docker exec srv dd if=/dev/zero of=/blob bs=1000 count=300',
  'docker ps',
  'docker ps -a',
  'docker ps -s',
  'docker ps -q',
  'docker system df -v',
  'docker rm srv',
  'docker exec nope ls',
  'docker exec once ls',
  'docker logs nope',
  'docker stop nope',
  'docker volume create spare',
  'docker volume rm data',
  'docker volume inspect nope',
  'docker volume rm nope',
  'docker image history nope',
  'docker image inspect nope',
  'docker pull nosuchimage:1.0',
  'docker run -d --name srv busybox true',
  'docker stop srv',
  'docker rm -f srv once',
  'docker volume rm data spare',
  'docker volume ls',
  'docker system df',
];

const EXIT_CODES: Record<string, number> = {
  'docker run --name once busybox sh -c "echo out; echo err >&2; exit 3"': 3,
  'docker exec srv sh -c "exit 4"': 4,
  'docker exec nope ls': 1,
  'docker pull nosuchimage:1.0': 1,
};

describe.skipIf(!DOCKER)('the real docker CLI against kubesim serve', () => {
  let server: DockerServer;
  let port: number;
  let session: ReturnType<typeof createSession>;

  // The real client runs in a copy of the examples (the demos write files there).
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kubesim-docker-'));
    for (const demo of DEMOS) cpSync(join('examples', demo), join(work, demo), { recursive: true });
    session = createSession(createCluster({ preset: 'kind', seed: 1 }));
    server = await startDockerServer(session, 0);
    port = server.port;
  });
  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const demo of DEMOS) {
    it(`runs examples/${demo}/demo.sh as kubesim run does`, async () => {
      // Each demo from a fresh host on both sides.
      session.state = createCluster({ preset: 'kind', seed: 1 });
      server.context.commit(session.state);
      const shell = simulatedShell(join('examples', demo));
      const differing: string[] = [];
      const knownLines: string[] = [];
      for (const line of commandLines(readFileSync(join('examples', demo, 'demo.sh'), 'utf8'))) {
        const sim = simulated(shell, line);
        const got = await real(line, join(work, demo), port);
        expect({ line, code: got.code === 0 }).toEqual({ line, code: sim.code === 0 });
        const known = (KNOWN[demo] ?? []).find((k) => k.line.test(line));
        const same = normalize(got.stdout) === normalize(sim.stdout) && normalize(got.stderr) === normalize(sim.stderr);
        if (known) {
          knownLines.push(line);
          if (!same) differing.push(line);
          continue;
        }
        expect({ line, stdout: normalize(got.stdout), stderr: normalize(got.stderr) }).toEqual({ line, stdout: normalize(sim.stdout), stderr: normalize(sim.stderr) });
      }
      // The listed lines do differ (or the list is stale and should shrink).
      expect(differing).toEqual(knownLines);
    }, 120_000);
  }

  it('runs the other course lines and the daemon refusals as kubesim run does', async () => {
    session.state = createCluster({ preset: 'kind', seed: 1 });
    server.context.commit(session.state);
    const shell = simulatedShell(join('examples', 'docker-layers'));
    for (const line of MORE) {
      const sim = simulated(shell, line);
      const got = await real(line, join(work, 'docker-layers'), port);
      expect({ line, ok: got.code === 0, stdout: normalize(got.stdout), stderr: normalize(got.stderr) }).toEqual({ line, ok: sim.code === 0, stdout: normalize(sim.stdout), stderr: normalize(sim.stderr) });
      // `kubesim run` exits 1 for any failure; the real client passes the container's or exec's own status on.
      if (EXIT_CODES[line] !== undefined) expect({ line, code: got.code }).toEqual({ line, code: EXIT_CODES[line] });
    }
  }, 120_000);
});

describe('kubesim serve --docker-port', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
  };

  it('defaults to 2375, takes 0 for off, and refuses a port that is not one', () => {
    expect(parseServeArgs([], io().io)?.dockerPort).toBe(2375);
    expect(parseServeArgs(['--docker-port', '0'], io().io)?.dockerPort).toBe(0);
    expect(parseServeArgs(['--docker-port=12375'], io().io)?.dockerPort).toBe(12375);
    const bad = io();
    expect(parseServeArgs(['--docker-port', 'x'], bad.io)).toBeUndefined();
    expect(bad.out.stderr).toBe('kubesim: invalid port "x": must be a number from 0 to 65535\n');
  });

  it('serves the Docker Engine API beside the Kubernetes API and prints the DOCKER_HOST line', async () => {
    // A port that was free a moment ago.
    const probe = createServer();
    const free = await new Promise<number>((r) => probe.listen(0, '127.0.0.1', () => r((probe.address() as { port: number }).port)));
    await new Promise((r) => probe.close(r));
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-serve-'));
    const { out, io: cli } = io();
    const server = await serve(['--port', '0', '--docker-port', String(free), '--kubeconfig', join(dir, 'config')], cli);
    try {
      expect(server?.docker?.port).toBe(free);
      expect(out.stdout).toContain(`  export DOCKER_HOST=tcp://127.0.0.1:${free}\n`);
      const ping = await fetch(`http://127.0.0.1:${free}/_ping`);
      expect(ping.headers.get('api-version')).toBe('1.47');
      // One session behind both: kind's node container is on the Docker host the cluster runs on.
      const list = (await (await fetch(`http://127.0.0.1:${free}/v1.47/containers/json`)).json()) as { Names: string[] }[];
      expect(list.map((c) => c.Names[0])).toEqual(['/kind-control-plane']);
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on a busy --docker-port it was given (a busy default one is only warned about)', async () => {
    const holder = createServer();
    const busy = await new Promise<number>((r) => holder.listen(0, '127.0.0.1', () => r((holder.address() as { port: number }).port)));
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-serve-'));
    try {
      const given = io();
      expect(await serve(['--port', '0', '--docker-port', String(busy), '--kubeconfig', join(dir, 'config')], given.io)).toBeUndefined();
      expect(given.out.stderr).toBe(`kubesim: cannot listen on 127.0.0.1:${busy}: address already in use\n`);
    } finally {
      await new Promise((r) => holder.close(r));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
