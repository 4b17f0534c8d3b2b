// Package managers in a running container with no network: what apt-get, apt, apk and pip print
// when their mirror does not resolve, then why; the images that lack them say "not found"; a
// `docker build` RUN step still installs.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod } from '../index.ts';
import { applyManifest } from '../write.ts';
import { buildImage } from '../docker/build.ts';
import { NO_NETWORK } from './offline-packages.ts';

const pod = (name: string, image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: ${image}
    command: ["sh", "-c", "sleep 3600"]
`;

const cluster = createCluster({ preset: 'bare' });
const state = applyManifest(cluster, [pod('bb', 'busybox'), pod('al', 'alpine:3.22'), pod('py', 'python:3.9-slim'), pod('web', 'nginx:1.27')].join('---\n'), { mode: 'apply' }).state;

function exec(name: string, argv: string[]) {
  const r = execInPod(state, 'default', name, 'c', argv, '');
  if (!r.ok) throw new Error(r.reason);
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

const RESOLVE = "Temporary failure resolving 'deb.debian.org'";

describe('apt-get and apt in a Debian image', () => {
  it('update: each of bookworm’s three sources fails to resolve; apt-get still exits 0', () => {
    const r = exec('web', ['apt-get', 'update']);
    expect(r.stdout).toBe(
      `Err:1 http://deb.debian.org/debian bookworm InRelease\n  ${RESOLVE}\nErr:2 http://deb.debian.org/debian bookworm-updates InRelease\n  ${RESOLVE}\n` +
        `Err:3 http://deb.debian.org/debian-security bookworm-security InRelease\n  ${RESOLVE}\nReading package lists...\n`,
    );
    expect(r.stderr).toBe(
      `W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  ${RESOLVE}\n` +
        `W: Failed to fetch http://deb.debian.org/debian/dists/bookworm-updates/InRelease  ${RESOLVE}\n` +
        `W: Failed to fetch http://deb.debian.org/debian-security/dists/bookworm-security/InRelease  ${RESOLVE}\n` +
        'W: Some index files failed to download. They have been ignored, or old ones used instead.\n' +
        NO_NETWORK,
    );
    expect(r.code).toBe(0);
  });

  it('install: no package lists, so the package cannot be located (100); apt warns about its CLI first', () => {
    expect(exec('web', ['apt-get', 'install', '-y', 'procps'])).toEqual({
      stdout: 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
      stderr: `E: Unable to locate package procps\n${NO_NETWORK}`,
      code: 100,
    });
    const apt = exec('web', ['sh', '-c', 'apt install -y procps']);
    expect(apt.stderr).toBe(`\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\nE: Unable to locate package procps\n${NO_NETWORK}`);
    expect(apt.code).toBe(100);
    expect(exec('web', ['bash', '-c', 'apt-get install -y procps >/dev/null 2>&1; ps aux'])).toEqual({ stdout: '', stderr: 'bash: line 1: ps: command not found\n', code: 127 });
  });
});

describe('apk in alpine', () => {
  it('add: both repositories fail to fetch, no package can be selected (1)', () => {
    const r = exec('al', ['apk', 'add', 'curl']);
    expect(r.stdout).toBe('fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz\n');
    expect(r.stderr).toBe(
      'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.22/main: temporary error (try again later)\n' +
        'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.22/community: temporary error (try again later)\n' +
        `ERROR: unable to select packages:\n  curl (no such package):\n    required by: world[curl]\n${NO_NETWORK}`,
    );
    expect(r.code).toBe(1);
  });

  it('busybox has no apk, alpine and busybox no apt-get: the shell says not found, exec cannot start it', () => {
    expect(exec('bb', ['sh', '-c', 'apk add curl'])).toEqual({ stdout: '', stderr: 'sh: apk: not found\n', code: 127 });
    expect(exec('al', ['sh', '-c', 'apt-get update'])).toEqual({ stdout: '', stderr: 'sh: apt-get: not found\n', code: 127 });
    // Run directly (kubectl exec bb -- apk), the runtime finds no such executable.
    expect(execInPod(state, 'default', 'bb', 'c', ['apk', 'add', 'curl'], '')).toEqual({ ok: false, reason: 'executable-not-found', detail: 'apk' });
    expect(execInPod(state, 'default', 'web', 'c', ['pip', 'install', 'flask'], '')).toEqual({ ok: false, reason: 'executable-not-found', detail: 'pip' });
  });
});

describe('pip in python', () => {
  it('five retries, then no version found (1)', () => {
    const r = exec('py', ['pip', 'install', 'flask']);
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 5).map((l) => /Retry\(total=(\d)/.exec(l)?.[1])).toEqual(['4', '3', '2', '1', '0']);
    expect(lines[0]).toBe(
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f5c3e2a1d30>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/flask/",
    );
    expect(lines.slice(5).join('\n')).toBe(`ERROR: Could not find a version that satisfies the requirement flask (from versions: none)\nERROR: No matching distribution found for flask\n${NO_NETWORK}`);
    expect(r.code).toBe(1);
    expect(exec('web', ['sh', '-c', 'pip install flask']).stderr).toBe('sh: 1: pip: not found\n');
  });
});

describe('docker build', () => {
  it('RUN apk add and pip install still install into the layer', () => {
    const alpine = buildImage(cluster, cluster.docker, { tag: 'a', dockerfile: 'FROM alpine\nRUN apk add curl\n', context: () => undefined });
    expect(alpine.ok).toBe(true);
    const python = buildImage(cluster, cluster.docker, { tag: 'p', dockerfile: 'FROM python:3.9-slim\nRUN pip install flask\n', context: () => undefined });
    expect(python.ok && python.image.history.some((h) => h.createdBy.includes('pip install flask') && h.size > 11_000_000)).toBe(true);
  });
});
