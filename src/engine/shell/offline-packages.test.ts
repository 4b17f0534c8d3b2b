// Package managers in a running container: pip, which the catalogue cannot serve, prints what it
// prints when its index does not resolve, then why; the images that lack a package manager say
// "not found"; a `docker build` RUN step still installs. apt and apk install from the catalogue:
// apt.test.ts, apk.test.ts.
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

describe('images without the package manager', () => {
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
