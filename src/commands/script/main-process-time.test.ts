// Containers whose main process loops with `sleep`, end to end through kubectl and docker: the
// counter pod of kubernetes.io's logging page, a writer and a reader sharing an emptyDir, a `for`
// loop's lifetime, and the same on the Docker host.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

function run(script: string, preset: 'kind' | 'empty' = 'kind') {
  const r = runScript(script, { preset, quiet: true, files: { read: () => undefined } });
  // docker run's first pull reports its progress on stderr; nothing else may go there.
  expect(r.stderr.replace(/^Unable to find image[^]*?Status: Downloaded newer image for busybox:latest\n/, '')).toBe('');
  return r.stdout;
}

// Quoted: the script host's shell must not expand `$(date)` itself.
const COUNTER = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  containers:
  - name: count
    image: busybox:1.28
    args: [/bin/sh, -c, 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done']
EOF
`;

describe('the counter pod (kubernetes.io, Logging Architecture)', () => {
  it('prints a line a second: kubectl logs after a sleep, and --tail=2', () => {
    const out = run(`${COUNTER}sleep 3\nkubectl logs counter\nkubectl logs counter --tail=2\n`);
    expect(out).toBe(
      [
        'pod/counter created',
        '0: Thu Jan  1 00:00:00 UTC 2026',
        '1: Thu Jan  1 00:00:01 UTC 2026',
        '2: Thu Jan  1 00:00:02 UTC 2026',
        '3: Thu Jan  1 00:00:03 UTC 2026',
        '2: Thu Jan  1 00:00:02 UTC 2026',
        '3: Thu Jan  1 00:00:03 UTC 2026',
        '',
      ].join('\n'),
    );
  });

  it('goes quiet, still Running, after its followed sleeps; a long sleep over it stays fast', () => {
    const started = performance.now();
    const out = run(`${COUNTER}sleep 9999999\nkubectl logs counter --tail=1\nkubectl get pod counter --no-headers\n`);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(out).toMatch(/^pod\/counter created\n10000: Thu Jan {2}1 02:46:40 UTC 2026\ncounter +1\/1 +Running +0 +115d\n$/);
  });
});

describe('a writer and a reader sharing an emptyDir', () => {
  const SIDECAR = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  containers:
  - name: writer
    image: busybox
    command: [sh, -c, 'while true; do date >> /data/out.txt; sleep 5; done']
    volumeMounts: [{name: data, mountPath: /data}]
  - name: reader
    image: busybox
    command: [sh, -c, 'tail -f /data/out.txt']
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
    emptyDir: {}
EOF
`;

  it('tail -f in the reader prints what the writer appends: kubectl logs -c reader', () => {
    const out = run(`${SIDECAR}sleep 12\nkubectl logs shared -c reader\nkubectl logs shared -c reader --tail=1\n`);
    expect(out).toBe('pod/shared created\nThu Jan  1 00:00:00 UTC 2026\nThu Jan  1 00:00:05 UTC 2026\nThu Jan  1 00:00:10 UTC 2026\nThu Jan  1 00:00:10 UTC 2026\n');
  });

  it('the file grows every 5 s, and the reader sees it', () => {
    const out = run(`${SIDECAR}kubectl exec shared -c reader -- wc -l /data/out.txt\nsleep 12\nkubectl exec shared -c reader -- cat /data/out.txt\nkubectl get pod shared --no-headers\n`);
    expect(out).toMatch(/^pod\/shared created\n1 \/data\/out.txt\nThu Jan {2}1 00:00:00 UTC 2026\nThu Jan {2}1 00:00:05 UTC 2026\nThu Jan {2}1 00:00:10 UTC 2026\nshared +2\/2 +Running +0 +12s\n$/);
  });
});

describe("a for loop's lifetime", () => {
  it('lives for its three sleeps of 5 s, then ends with its status', () => {
    const script = `kubectl run loop --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo $i; sleep 5; done; exit 3'
sleep 14
kubectl get pod loop --no-headers
sleep 1
kubectl get pod loop --no-headers
kubectl logs loop
`;
    expect(run(script)).toMatch(/^pod\/loop created\nloop +1\/1 +Running +0 +14s\nloop +0\/1 +Error +0 +15s\n1\n2\n3\n$/);
  });
});

describe('docker run -d with a loop', () => {
  it('docker logs grows as the clock moves; a finished loop exits at its own time', () => {
    const script = `docker run -d --name ticker busybox sh -c 'while true; do date; sleep 1; done'
docker run -d --name three busybox sh -c 'for i in 1 2 3; do echo $i; sleep 5; done; exit 3'
sleep 2
docker logs ticker
sleep 18
docker logs three
docker ps -a --format '{{.Names}} {{.Status}}'
`;
    const out = run(script, 'empty');
    expect(out).toContain('Thu Jan  1 00:00:00 UTC 2026\nThu Jan  1 00:00:01 UTC 2026\nThu Jan  1 00:00:02 UTC 2026\n1\n2\n3\n');
    expect(out).toMatch(/three Exited \(3\) 5 seconds ago\nticker Up 20 seconds\n$/);
  });

  it('gives the same log whichever way the clock moves: sleep 60, or sleep 30 twice', () => {
    const start = "docker run -d --name ticker busybox sh -c 'while true; do date +%T; sleep 1; done'\n";
    const once = run(`${start}sleep 60\ndocker logs ticker\n`, 'empty');
    expect(run(`${start}sleep 30\nsleep 30\ndocker logs ticker\n`, 'empty')).toBe(once);
    expect(once.split('\n').filter((l) => /^\d\d:\d\d:\d\d$/.test(l))).toHaveLength(61);
  });

  it('without -d, docker run returns when the main process ends, with what it printed and its status', () => {
    const r = runScript(`docker run --name a busybox sh -c 'echo hi; sleep 2; echo bye; exit 4'\necho $?\ndocker ps -a --format '{{.Names}} {{.Status}}'\n`, {
      preset: 'empty',
      quiet: true,
      files: { read: () => undefined },
    });
    expect(r.stdout).toBe('hi\nbye\n4\na Exited (4) Less than a second ago\n');
  });
});
