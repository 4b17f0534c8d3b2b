// The docker CLI against the real engine: formats, errors, and what survives stop, rm and restart.
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { docker } from './index.ts';
import { parseDockerFlags } from './flags.ts';
import { humanSize, humanSize4, humanDuration } from './format.ts';

const FILES: Record<string, string> = {
  'app/Dockerfile': 'FROM python:3.9-slim\nWORKDIR /app\nADD app.py app.py\nRUN pip install flask\nEXPOSE 5000\nCMD ["python", "app.py"]\n',
  'app/app.py': 'x'.repeat(170),
};

/** A tiny session: each call runs `docker …` on the state the previous one left. */
function session(state: ClusterState = createCluster({ preset: 'empty' })) {
  const call = (line: string, stdin?: string) => {
    const argv = ['docker', ...(line.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map((a) => a.replace(/^'(.*)'$|^"(.*)"$/, '$1$2'))];
    const out = docker({ state, argv, files: { read: (p) => FILES[p] }, ...(stdin !== undefined ? { stdin } : {}) });
    state = out.state;
    return out;
  };
  return { call, get state() { return state; } };
}

describe('docker output helpers (go-units)', () => {
  it('sizes are decimal with three significant digits', () => {
    expect([0, 170, 11_500_000, 97_100_036, 108_600_206, 4_000_000].map((n) => humanSize(n))).toEqual(['0B', '170B', '11.5MB', '97.1MB', '109MB', '4MB']);
  });
  it('system df sizes have four significant digits (units.HumanSize), and Go\'s %g turns 999.5kB into 1e+03kB at three', () => {
    expect([0, 2048, 43_580_000, 196_123_456, 999_999].map((n) => humanSize4(n))).toEqual(['0B', '2.048kB', '43.58MB', '196.1MB', '1000kB']);
    expect([2048, 999_500, 999_499].map((n) => humanSize(n))).toEqual(['2.05kB', '1e+03kB', '999kB']);
  });
  it('durations read like docker ps', () => {
    expect([500, 1000, 30_000, 90_000, 3_600_000, 17 * 3_600_000, 90 * 86_400_000].map(humanDuration)).toEqual(['Less than a second', '1 second', '30 seconds', 'About a minute', 'About an hour', '17 hours', '3 months']);
  });
  it('flags combine like the docker CLI, and run stops at the image', () => {
    const p = parseDockerFlags(['-dit', '--name=web', '-v', 'v:/data', 'nginx', '-v', 'x'], { bool: ['d', 'i', 't'], value: ['name', 'v'], stopAtPositional: true });
    expect(p.ok && [...p.flags.entries()]).toEqual([['d', ['true']], ['i', ['true']], ['t', ['true']], ['name', ['web']], ['v', ['v:/data']]]);
    expect(p.ok && p.positional).toEqual(['nginx', '-v', 'x']);
    expect(parseDockerFlags(['--bogus'], { bool: [], value: [] })).toEqual({ ok: false, error: 'unknown flag: --bogus' });
  });
});

describe('docker build and image history', () => {
  it("the course's my-image: FROM, ADD and RUN make layers, the rest are 0B", () => {
    const s = session();
    const b = s.call('build -t my-image app');
    expect(b.exitCode).toBe(0);
    expect(b.stderr).toContain('#6 [4/4] RUN pip install flask');
    const lines = s.call('image history my-image').stdout.split('\n');
    expect(lines[0]).toBe('IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT');
    expect(lines[1]).toMatch(/^[0-9a-f]{12} {3}Less than a second ago {3}CMD \["python" "app.py"\] {25}0B {8}buildkit\.dockerfile\.v0$/);
    expect(lines.slice(2, 6).map((l) => l.replace(/ {2,}/g, '|'))).toEqual([
      '<missing>|Less than a second ago|EXPOSE map[5000/tcp:{}]|0B|buildkit.dockerfile.v0',
      '<missing>|Less than a second ago|RUN /bin/sh -c pip install flask # buildkit|11.5MB|buildkit.dockerfile.v0',
      '<missing>|Less than a second ago|ADD app.py app.py # buildkit|170B|buildkit.dockerfile.v0',
      '<missing>|Less than a second ago|WORKDIR /app|0B|buildkit.dockerfile.v0',
    ]);
    // The base image's own rows follow, and add up to python:3.9-slim's 97.1MB.
    expect(lines.at(-2)).toMatch(/^<missing> {6}3 months ago {13}# debian\.sh --arch 'amd64' out\/ 'bookworm' '… {3}74\.8MB {4}debuerreotype 0\.15$/);
    expect(s.call('images').stdout).toMatch(/^REPOSITORY {3}TAG {7}IMAGE ID {7}CREATED {18}SIZE\nmy-image {5}latest {4}[0-9a-f]{12} {3}Less than a second ago {3}109MB\n$/);
  });

  it('image inspect lists the layer digests; rebuilding the same steps gives the same image (the build cache)', () => {
    const s = session();
    s.call('build -t my-image app');
    const inspected = JSON.parse(s.call('image inspect my-image').stdout) as { Id: string; RootFS: { Layers: string[] } }[];
    expect(inspected[0]!.RootFS.Layers).toHaveLength(6);
    const again = s.call('build -q -t copy app');
    expect(again.stdout.trim()).toBe(inspected[0]!.Id);
    expect(s.call('images -q').stdout).toBe(`${inspected[0]!.Id.slice(7, 19)}\n`);
  });

  it('images that share a prefix share its layers: docker system df -v splits shared from unique', () => {
    const s = session();
    s.call('build -t base - ', 'FROM busybox\nRUN dd if=/dev/zero of=/big bs=1000000 count=20\n');
    s.call('build -t child - ', 'FROM busybox\nRUN dd if=/dev/zero of=/big bs=1000000 count=20\nRUN dd if=/dev/zero of=/more bs=1000000 count=5\n');
    const df = s.call('system df -v').stdout;
    // SIZE has three digits (imageContext.Size); SHARED and UNIQUE SIZE four (units.HumanSize).
    expect(df).toMatch(/child {8}latest {4}[0-9a-f]{12} .* 29\.3MB {4}24\.27MB {7}5MB {11}0\n/);
    expect(df).toMatch(/base {9}latest {4}[0-9a-f]{12} .* 24\.3MB {4}24\.27MB {7}0B {12}0\n/);
    expect(s.call('system df').stdout).toContain('Images          2         0         29.27MB   29.27MB (100%)');
  });

  it('bad Dockerfiles fail like BuildKit', () => {
    const s = session();
    expect(s.call('build -t x -', 'FROM nosuchimage:1\n').stderr).toContain('failed to resolve source metadata for docker.io/library/nosuchimage:1: pull access denied, repository does not exist');
    expect(s.call('build -t x -', 'FROM busybox\nFROB it\n').stderr).toContain('dockerfile parse error on line 2: unknown instruction: FROB');
    expect(s.call('build -t x -', 'FROM busybox\nCOPY missing.txt /\n').stderr).toContain('"/missing.txt": not found');
    const failing = s.call('build -t x -', 'FROM busybox\nRUN cat /nope\n');
    expect(failing.exitCode).toBe(1);
    expect(failing.stderr).toContain("cat: can't open '/nope': No such file or directory");
    expect(failing.stderr).toContain('ERROR: failed to build: failed to solve: process "/bin/sh -c cat /nope" did not complete successfully: exit code: 1');
    expect(s.call('images').stdout.split('\n')).toHaveLength(2);
  });
});

describe('containers: what survives', () => {
  it('a stopped container keeps its writable layer; a removed one loses it', () => {
    const s = session();
    s.call('run -d --name c1 busybox sleep 3600');
    s.call("exec c1 sh -c 'echo delta > /delta.txt'");
    s.call('stop c1');
    expect(s.call('ps -a').stdout).toMatch(/c1\n$/);
    expect(s.call('ps -a').stdout).toContain('Exited (137) Less than a second ago');
    expect(s.call('exec c1 cat /delta.txt').stderr).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/);
    s.call('start c1');
    expect(s.call('exec c1 cat /delta.txt').stdout).toBe('delta\n');
    expect(s.call('rm c1').stderr).toBe('Error response from daemon: cannot remove container "/c1": container is running: stop the container before removing or force remove\n');
    expect(s.call('rm -f c1').stdout).toBe('c1\n');
    s.call('run -d --name c1 busybox sleep 3600');
    expect(s.call('exec c1 cat /delta.txt').stderr).toBe("cat: can't open '/delta.txt': No such file or directory\n");
  });

  it('a named volume outlives rm -f; a bind mount is the host directory; tmpfs is gone on stop', () => {
    const s = session();
    s.call('volume create my-vol');
    s.call('run -d --name a -v my-vol:/app -v /srv/shared:/shared --mount type=tmpfs,target=/scratch busybox sleep 3600');
    s.call("exec a sh -c 'echo kept > /app/f; echo host > /shared/h; echo mem > /scratch/m'");
    expect(s.call('exec a mount').stdout).toContain('tmpfs on /scratch type tmpfs (rw,relatime)');
    s.call('restart a');
    expect(s.call('exec a ls /scratch').stdout).toBe('');
    s.call('rm -f a');
    expect(s.call('run --rm -v my-vol:/data busybox cat /data/f').stdout).toBe('kept\n');
    expect(s.call('run --rm -v /srv/shared:/x busybox cat /x/h').stdout).toBe('host\n');
    expect(s.call('ps -a -q').stdout).toBe('');
    expect(s.call('volume ls').stdout).toBe('DRIVER    VOLUME NAME\nlocal     my-vol\n');
    expect(s.call('system df').stdout).toContain('Local Volumes   1         0         5B        5B (100%)');
  });

  it('volumes in use cannot be removed; prune -a -f removes the unused ones', () => {
    const s = session();
    s.call('run -d --name a -v v1:/d busybox sleep 3600');
    s.call('volume create v2');
    expect(s.call('volume rm v1').stderr).toMatch(/^Error response from daemon: remove v1: volume is in use - \[[0-9a-f]{64}\]\n$/);
    expect(s.call('volume prune -f').stdout).toBe('Total reclaimed space: 0B\n');
    expect(s.call('volume prune -a -f').stdout).toBe('Deleted Volumes:\nv2\n\nTotal reclaimed space: 0B\n');
    expect(s.call('volume inspect v2').stderr).toBe('Error response from daemon: get v2: no such volume\n');
  });

  it('anonymous volumes (-v /path) get a 64-hex name; rm -v and a plain prune remove them, never named ones', () => {
    const s = session();
    s.call('run -d --name a -v /cache -v named:/data busybox sleep 3600');
    const names = s.call('volume ls -q').stdout.trim().split('\n');
    expect(names).toHaveLength(2);
    expect(names.find((n) => n !== 'named')).toMatch(/^[0-9a-f]{64}$/);
    s.call('rm -f -v a');
    expect(s.call('volume ls -q').stdout).toBe('named\n');
    s.call('run --rm -v /tmp/x busybox true');
    s.call('run --name b -v /tmp/y busybox true');
    s.call('rm b');
    expect(s.call('volume prune -f').stdout).toMatch(/^Deleted Volumes:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    expect(s.call('volume ls -q').stdout).toBe('named\n');
  });

  it('the command runs at start: a finished command exits the container, its output is in the logs', () => {
    const s = session();
    const r = s.call("run --name once busybox sh -c 'echo hello; exit 3'");
    expect(r.stdout).toBe('hello\n');
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toContain("Unable to find image 'busybox:latest' locally\nlatest: Pulling from library/busybox\n");
    expect(s.call('logs once').stdout).toBe('hello\n');
    expect(s.call('ps -a').stdout).toContain('Exited (3) Less than a second ago');
    expect(s.call('run --rm busybox echo gone').stdout).toBe('gone\n');
    expect(s.call('ps -a -q').stdout.split('\n')).toHaveLength(2);
  });

  it('docker run -i feeds a heredoc to the container\'s shell, as the course\'s `-it … alpine sh` session', () => {
    const s = session();
    s.call("run --rm -v my-vol:/app busybox sh -c 'echo hi > /app/file.txt'");
    const r = s.call('run -i --rm -v my-vol:/app alpine sh', 'cd /app\nls\ncat file.txt\n');
    expect(r.stdout).toBe('file.txt\nhi\n');
    expect(s.call('run --rm -v my-vol:/app alpine sh', 'cat /app/file.txt\n').stdout).toBe('');
  });

  it('docker inspect shows the state, the overlay2 directories and the mounts', () => {
    const s = session();
    s.call('run -d --name c1 -v my-vol:/app -v /srv:/srv:ro busybox sleep 3600');
    const [c] = JSON.parse(s.call('inspect c1').stdout) as { Name: string; State: { Status: string }; GraphDriver: { Name: string; Data: { UpperDir: string; LowerDir: string } }; Mounts: { Type: string; Source: string; RW: boolean }[] }[];
    expect(c!.Name).toBe('/c1');
    expect(c!.State.Status).toBe('running');
    expect(c!.GraphDriver.Name).toBe('overlay2');
    expect(c!.GraphDriver.Data.UpperDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    expect(c!.GraphDriver.Data.LowerDir.split(':')).toHaveLength(2);
    expect(c!.Mounts.map((m) => [m.Type, m.Source, m.RW])).toEqual([['volume', '/var/lib/docker/volumes/my-vol/_data', true], ['bind', '/srv', false]]);
    expect(JSON.parse(s.call('inspect busybox').stdout)[0].RootFS.Type).toBe('layers');
    expect(s.call('inspect nope').stderr).toBe('Error: No such object: nope\n');
    expect(s.call('container inspect busybox').stderr).toBe('Error response from daemon: No such container: busybox\n');
  });

  it('errors read like the docker CLI', () => {
    const s = session();
    s.call('run -d --name web nginx');
    expect(s.call('run -d --name web nginx').stderr).toMatch(/^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n\nRun 'docker run --help' for more information\n$/);
    const denied = s.call('run nosuch');
    expect(denied.exitCode).toBe(125);
    expect(denied.stderr).toContain("Unable to find image 'nosuch:latest' locally\ndocker: Error response from daemon: pull access denied for nosuch");
    expect(s.call('exec nope ls').stderr).toBe('Error response from daemon: No such container: nope\n');
    expect(s.call('frob').stderr).toBe("docker: 'frob' is not a docker command.\nSee 'docker --help'\n");
    expect(s.call('ps --bogus').stderr).toBe("unknown flag: --bogus\nSee 'docker ps --help'.\n");
    expect(s.call('info').stdout).toContain(' Storage Driver: overlay2\n');
    expect(s.call('ps').stdout).toMatch(/"\/docker-entrypoint\.…" {3}Less than a second ago {3}Up Less than a second {3}80\/tcp {4}web\n$/);
  });
});
