// `docker version` and `docker info`: `kubesim run`'s docker and the real docker CLI pointed at
// `kubesim serve`'s Engine API must name the same daemon (Docker 27.5.1, API 1.47) and the same
// client (28.2.2, negotiated down from API 1.50), word for word.
import { execFile, execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../src/engine/index.ts';
import { runScript } from '../src/commands/script/run-script.ts';
import { createSession } from '../src/server/session.ts';
import { startDockerServer, type DockerServer } from '../src/server/docker/server.ts';

function simulated(line: string): string {
  const r = runScript(line, { state: createCluster({ preset: 'kind', seed: 1 }), quiet: true, files: { read: () => undefined } });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('kubesim run: docker version and docker info', () => {
  it('docker version names the 28.2.2 client negotiated down to the 27.5.1 daemon', () => {
    const out = simulated('docker version');
    expect(out).toContain('Client:\n Version:           28.2.2\n API version:       1.47 (downgraded from 1.50)\n');
    expect(out).toContain('Server: Docker Engine - Community\n Engine:\n  Version:          27.5.1\n  API version:      1.47 (minimum version 1.24)\n');
    expect(out).not.toContain('Docker version');
  });

  it('docker --version is the client line only', () => {
    expect(simulated('docker --version')).toBe('Docker version 28.2.2, build e6534b4\n');
  });

  it('docker info names the daemon version the Engine API reports, with its runtimes and id', () => {
    const out = simulated('docker info');
    expect(out).toContain(' Server Version: 27.5.1\n');
    expect(out).toContain(' Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n');
    expect(out).toContain(' ID: d7f5a8c2-3b1e-4f6a-9c0d-kubesim000001\n');
    expect(simulated('docker system info')).toBe(out);
  });
});

function findDocker(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const DOCKER = findDocker();
const clientVersion = DOCKER ? execFileSync(DOCKER, ['--version'], { encoding: 'utf8' }) : '';
// The comparison holds for the client the simulation names; another installed version would differ.
const SAME_CLIENT = clientVersion === 'Docker version 28.2.2, build e6534b4\n';
if (!SAME_CLIENT) console.warn(`serve-docker-version: no docker 28.2.2 CLI (found ${JSON.stringify(clientVersion.trim())}); skipped`);

describe.skipIf(!SAME_CLIENT)('the real docker CLI against kubesim serve prints what kubesim run prints', () => {
  let server: DockerServer;
  beforeAll(async () => {
    server = await startDockerServer(createSession(createCluster({ preset: 'kind', seed: 1 })), 0);
  });
  afterAll(async () => {
    await server?.close();
  });

  const real = (args: string[]) =>
    new Promise<string>((done, fail) => {
      execFile(DOCKER!, args, { env: { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${server.port}`, DOCKER_CONFIG: '/tmp/kubesim-docker-version-test-config' }, timeout: 20_000 }, (err, stdout, stderr) => (err ? fail(new Error(stderr)) : done(stdout)));
    });

  for (const args of [['version'], ['info'], ['--version']]) {
    it(`docker ${args.join(' ')}`, async () => {
      // Line by line, so that a difference shows where it is. docker info lists the runtimes by
      // ranging over a Go map (cli/command/system/info.go), in no fixed order: compared as a set.
      const lines = (text: string) => text.split('\n').map((l) => (l.startsWith(' Runtimes: ') ? ` Runtimes: ${l.slice(11).split(' ').sort().join(' ')}` : l));
      expect(lines(await real(args))).toEqual(lines(simulated(`docker ${args.join(' ')}`)));
    });
  }
});

describe.skipIf(!SAME_CLIENT)('docker version --format and extra arguments, against the real CLI', () => {
  let server: DockerServer;
  beforeAll(async () => {
    server = await startDockerServer(createSession(createCluster({ preset: 'kind', seed: 1 })), 0);
  });
  afterAll(async () => {
    await server?.close();
  });
  const real = (args: string[]) =>
    new Promise<{ stdout: string; stderr: string; code: number }>((done) => {
      execFile(DOCKER!, args, { env: { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${server.port}`, DOCKER_CONFIG: '/tmp/kubesim-docker-version-test-config' }, timeout: 20_000 }, (err, stdout, stderr) =>
        done({ stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 }),
      );
    });
  const cases = [
    ['version', '--format', '{{.Server.Version}}/{{.Server.APIVersion}}/{{.Client.APIVersion}}/{{.Client.Version}}/{{.Server.MinAPIVersion}}'],
    ['version', '-f', 'x{{.Server.Foo}}'],
    ['version', '--format', '{{.Client.Foo}}'],
    ['version', 'extra'],
    ['info', 'extra'],
  ];
  for (const args of cases) {
    it(`docker ${args.join(' ')}`, async () => {
      const r = runScript(`docker ${args.map((a) => `'${a}'`).join(' ')}\n`, { state: createCluster({ preset: 'kind', seed: 1 }), quiet: true, files: { read: () => undefined } });
      expect(await real(args)).toEqual({ stdout: r.stdout, stderr: r.stderr, code: r.exitCode });
    });
  }
});
