// apt-get and apt in a running Debian container, without a terminal (`kubectl exec POD -- …`):
// update fetches bookworm's lists, install unpacks catalogue packages into the container's
// writable layer so their programs run (procps's ps, also exec'd directly), an unknown package is
// apt's "Unable to locate", and a restart loses it all. The terminal's version of the same steps
// is in src/store/k8s-docs-interactive.test.ts.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod, type ClusterState } from '../index.ts';
import { applyManifest } from '../write.ts';
import { buildImage } from '../docker/build.ts';
import { aptSize } from './apt.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: c
    image: nginx:1.27
`;

function cluster(): ClusterState {
  return applyManifest(createCluster({ preset: 'bare' }), POD, { mode: 'apply' }).state;
}

/** Runs commands one after another, each seeing what the last wrote. */
function session(state: ClusterState) {
  return (argv: string[]) => {
    const r = execInPod(state, 'default', 'web', 'c', argv, '');
    if (!r.ok) return { ok: false as const, reason: r.reason };
    state = r.state;
    return { stdout: r.stdout, stderr: r.stderr, code: r.code };
  };
}

const NOT_AT_A_TERMINAL = 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n';

describe('apt-get update', () => {
  it('fetches bookworm’s three sources the first time, finds them current after; no "Done" without a terminal', () => {
    const exec = session(cluster());
    expect(exec(['apt-get', 'update'])).toEqual({
      stdout:
        'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\nGet:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\n' +
        'Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\nGet:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]\n' +
        'Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]\nGet:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [276 kB]\n' +
        'Fetched 9336 kB in 1s (9336 kB/s)\nReading package lists...\n',
      stderr: '',
      code: 0,
    });
    expect(exec(['apt-get', 'update'])).toEqual({
      stdout:
        'Hit:1 http://deb.debian.org/debian bookworm InRelease\nHit:2 http://deb.debian.org/debian bookworm-updates InRelease\nHit:3 http://deb.debian.org/debian-security bookworm-security InRelease\nReading package lists...\n',
      stderr: '',
      code: 0,
    });
  });

  it('apt (not apt-get) warns that its CLI is not for scripts when not at a terminal, and says the image is current', () => {
    const r = session(cluster())(['apt', 'update']);
    expect(r).toMatchObject({ code: 0, stderr: '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n' });
    expect('stdout' in r && r.stdout!.endsWith('Reading package lists...\nBuilding dependency tree...\nReading state information...\nAll packages are up to date.\n')).toBe(true);
  });
});

describe('apt-get install', () => {
  it('before any update the image has no package lists: nothing can be located (100)', () => {
    expect(session(cluster())(['apt-get', 'install', '-y', 'procps'])).toEqual({ stdout: NOT_AT_A_TERMINAL, stderr: 'E: Unable to locate package procps\n', code: 100 });
  });

  it('installs procps into the writable layer: ps then runs, in a shell and exec’d directly', () => {
    const exec = session(cluster());
    expect(exec(['bash', '-c', 'ps aux'])).toEqual({ stdout: '', stderr: 'bash: line 1: ps: command not found\n', code: 127 });
    exec(['apt-get', 'update']);
    const install = exec(['apt-get', 'install', '-y', 'procps']);
    expect(install).toMatchObject({ code: 0, stderr: 'debconf: delaying package configuration, since apt-utils is not installed\n' });
    expect('stdout' in install && install.stdout).toBe(
      NOT_AT_A_TERMINAL +
        'The following NEW packages will be installed:\n  procps\n0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n' +
        'Need to get 709 kB of archives.\nAfter this operation, 5000 kB of additional disk space will be used.\n' +
        'Get:1 http://deb.debian.org/debian bookworm/main amd64 procps amd64 2:4.0.2-3 [709 kB]\n' +
        'Fetched 709 kB in 0s (7090 kB/s)\nSelecting previously unselected package procps.\n(Reading database ... 6089 files and directories currently installed.)\n' +
        'Preparing to unpack .../procps_2%3a4.0.2-3_amd64.deb ...\nUnpacking procps (2:4.0.2-3) ...\nSetting up procps (2:4.0.2-3) ...\n',
    );
    // Without a terminal: PID 1 (nginx and its workers) and ps, neither on a tty.
    expect(exec(['ps', 'aux'])).toEqual({
      stdout:
        'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        'root           1  0.0  0.0  11404  7484 ?        Ss   00:00   0:00 nginx: master process nginx -g daemon off;\n' +
        'nginx         29  0.0  0.0  11868  2900 ?        S    00:00   0:00 nginx: worker process\n' +
        'nginx         30  0.0  0.0  11868  2900 ?        S    00:00   0:00 nginx: worker process\n' +
        'root          37  0.0  0.0   8088  4096 ?        Rs   00:00   0:00 ps aux\n',
      stderr: '',
      code: 0,
    });
    expect(exec(['sh', '-c', 'ls -l /usr/bin/ps; cat /var/lib/dpkg/info/procps.list'])).toMatchObject({ stdout: expect.stringMatching(/ 5000000 .* \/usr\/bin\/ps\n\/usr\/bin\/ps\n$/) });
    // Again: apt finds it installed and the database counts it.
    expect(exec(['apt-get', 'install', '-y', 'procps'])).toEqual({ stdout: `${NOT_AT_A_TERMINAL}procps is already the newest version (2:4.0.2-3).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`, stderr: '', code: 0 });
  });

  it('a package the catalogue lacks is not located (100), and nothing is installed; curl is already in the nginx image', () => {
    const exec = session(cluster());
    exec(['apt-get', 'update']);
    expect(exec(['apt-get', 'install', '-y', 'procps', 'vim'])).toEqual({
      stdout: NOT_AT_A_TERMINAL,
      stderr: 'E: Unable to locate package vim\nkubesim: the simulated package catalogue has only ca-certificates, curl, procps\n',
      code: 100,
    });
    expect(exec(['ps'])).toMatchObject({ ok: false, reason: 'executable-not-found' });
    expect(exec(['apt-get', 'install', '-y', 'curl'])).toMatchObject({ stdout: `${NOT_AT_A_TERMINAL}curl is already the newest version (7.88.1-10+deb12u12).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`, code: 0 });
    expect(exec(['apt-get', 'frobnicate'])).toEqual({ stdout: '', stderr: 'E: Invalid operation frobnicate\n', code: 100 });
  });

  it('curl where the image has none (redis): installed, it runs from the pod, exec’d directly and in bash', () => {
    const state = applyManifest(createCluster({ preset: 'bare' }), POD.replace('nginx:1.27', 'redis'), { mode: 'apply' }).state;
    const exec = session(state);
    expect(exec(['curl', '-s', 'http://localhost:6379/'])).toMatchObject({ ok: false, reason: 'executable-not-found' });
    exec(['apt-get', 'update']);
    expect(exec(['apt-get', 'install', '-y', 'curl'])).toMatchObject({ stdout: expect.stringMatching(/\nSetting up curl \(7\.88\.1-10\+deb12u12\) \.\.\.\n$/), code: 0 });
    // Nothing listens on port 80 in redis: curl's own error, so curl is running.
    expect(exec(['curl', '-sS', 'http://localhost/'])).toMatchObject({ stderr: expect.stringMatching(/^curl: \(7\) Failed to connect to localhost port 80/), code: 7 });
    expect(exec(['bash', '-c', 'curl -sS http://localhost/'])).toMatchObject({ stderr: expect.stringMatching(/^curl: \(7\) /), code: 7 });
  });

  it('prints sizes as apt does: SI units, one decimal under 100, none under 10000', () => {
    expect([aptSize(709_000), aptSize(13_500), aptSize(5_000_000), aptSize(11_500_000), aptSize(61_000_000)]).toEqual(['709 kB', '13.5 kB', '5000 kB', '11.5 MB', '61.0 MB']);
  });
});

describe('docker build', () => {
  it('RUN apt-get keeps the build’s own output and sizes', () => {
    const c = createCluster({ preset: 'bare' });
    const built = buildImage(c, c.docker, { tag: 'x', dockerfile: 'FROM nginx\nRUN apt-get update && apt-get install -y procps curl\n', context: () => undefined });
    if (!built.ok) throw new Error('the build failed');
    const image = Object.values(built.host.images).find((i) => i.tags.includes('x:latest'))!;
    expect(image.history.find((h) => h.createdBy.includes('apt-get install'))?.size).toBe(31_000_000);
  });
});

describe('at a kind node (docker exec kind-control-plane)', () => {
  it('apt installs procps there too; ps shows systemd as PID 1', async () => {
    const { execInKindNode } = await import('../docker/kind-nodes.ts');
    let state = createCluster({ preset: 'kind' });
    const exec = (argv: string[]) => {
      const r = execInKindNode(state, 'kind-control-plane', argv, '');
      state = r.state;
      return r.output;
    };
    exec(['apt-get', 'update']);
    expect(exec(['apt-get', 'install', '-y', 'procps']).code).toBe(0);
    expect(exec(['ps', 'aux']).stdout.split('\n')[1]).toBe('root           1  0.0  0.0  21880 12800 ?        Ss   00:00   0:00 /sbin/init');
  });
});
