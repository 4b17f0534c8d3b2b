// A container's main process in simulated time (main-process.ts): its sleeps end on the clock,
// what it prints goes to the log when it prints it, its end is the container's, and however the
// clock is moved (one long sleep or many short ones) the result is the same, byte for byte.
import { describe, expect, it } from 'vitest';
import { advanceClock, execInPod, type ClusterState } from '../index.ts';
import { TestCluster } from '../testing/harness.ts';
import { runArgv } from '../shell/interpreter.ts';
import { memoryFs } from '../shell/testing.ts';
import { FOLLOWED_SLEEPS, followMainProcess, sleepMs, type FollowInput } from './main-process.ts';

const pod = (script: string, restartPolicy = 'Always') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    restartPolicy,
    containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script], volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
});

const record = (state: ClusterState) => Object.values(state.containers).find((r) => r.pod === 'default/p' && r.container === 'c')!;
const podStatus = (state: ClusterState) =>
  (state.objects.Pod?.['default/p'] as unknown as { status: { phase: string; containerStatuses: { state: Record<string, { exitCode?: number; finishedAt?: string }> }[] } }).status;
const sleepFor = (state: ClusterState, seconds: number) => advanceClock(state, seconds).state;
function cat(state: ClusterState, path: string): string {
  const r = execInPod(state, 'default', 'p', 'c', ['cat', path], '');
  if (!r.ok) throw new Error(r.reason);
  return r.stdout;
}

describe('sleepMs', () => {
  it('adds up its operands with their units, as busybox sleep does; infinity is for good', () => {
    expect(sleepMs(['5'])).toBe(5000);
    expect(sleepMs(['1m', '30s', '0.5'])).toBe(90_500);
    expect(sleepMs(['1h'])).toBe(3_600_000);
    expect(sleepMs(['infinity'])).toBeUndefined();
  });
});

describe('followMainProcess', () => {
  // A process run straight on a small filesystem: what it prints and writes, run after run.
  function follow(script: string, now: number, completed?: number, files = memoryFs()) {
    const input: FollowInput = {
      startedAt: 0,
      now,
      ...(completed !== undefined ? { completed } : {}),
      run: (attach, onOutput) => {
        const world = attach({ fs: files });
        return runArgv(['sh', '-c', script], { fs: world.fs, env: {}, cwd: '/', hostname: 'p', lastCode: 0, main: { stopsOn: [], waits: world.waits } }, '', onOutput);
      },
    };
    return { result: followMainProcess(input), files };
  }

  it('runs live up to the first sleep that ends after now, and says when that one ends', () => {
    const { result, files } = follow('i=0; while true; do echo $i; echo $i >> /tmp/log; i=$((i+1)); sleep 10; done', 25_000);
    expect(result).toMatchObject({ running: true, output: '0\n1\n2\n', sleeps: 2, wakeAt: 30_000 });
    expect(files.read('/tmp/log')).toEqual({ ok: true, value: '0\n1\n2\n' });
  });

  it('replays what it did before without printing or writing, then goes on live', () => {
    const files = memoryFs({ '/tmp/log': '0\n1\n2\n' });
    const { result } = follow('i=0; while true; do echo $i; echo $i >> /tmp/log; i=$((i+1)); sleep 10; done', 45_000, 2, files);
    expect(result).toMatchObject({ running: true, output: '3\n4\n', sleeps: 4, wakeAt: 50_000 });
    expect(files.read('/tmp/log')).toEqual({ ok: true, value: '0\n1\n2\n3\n4\n' });
  });

  it("gives `date` the process's own time: its start plus the sleeps so far", () => {
    const { result } = follow('date +%s; sleep 30; date +%s; sleep 1; date +%s', 31_000);
    expect(result).toMatchObject({ running: false, output: '0\n30\n31\n', at: 31_000, code: 0 });
  });

  it('ends at the instant the program ends, with its status', () => {
    expect(follow('for i in 1 2 3; do echo $i; sleep 5; done; exit 3', 60_000).result).toMatchObject({ running: false, output: '1\n2\n3\n', at: 15_000, code: 3 });
  });

  it('waits for good at sleep infinity and tail -f, and after its last followed sleep', () => {
    expect(follow('echo a; sleep infinity; echo b', 10_000).result).toEqual({ running: true, output: 'a\n', stdout: 'a\n', stderr: '', sleeps: 0 });
    expect(follow('echo a; tail -f /tmp/x; echo b', 10_000, undefined, memoryFs({ '/tmp/x': 'x\n' })).result).toMatchObject({ running: true, output: 'a\nx\n', sleeps: 0 });
    const parked = follow('while true; do sleep 1; done', 10_000_000).result;
    expect(parked).toMatchObject({ running: true, sleeps: FOLLOWED_SLEEPS });
    expect(parked).not.toHaveProperty('wakeAt');
  });

  it('waits inside a nested shell as a whole: nothing after it runs', () => {
    expect(follow("sh -c 'echo in; sleep 5'; echo after", 1000).result).toMatchObject({ running: true, output: 'in\n', wakeAt: 5000 });
  });
});

describe('a pod whose main process loops with sleep', () => {
  const COUNTER = 'i=0; while true; do echo "$i: $(date)"; echo "$i: $(date)" >> /data/out.txt; i=$((i+1)); sleep 1; done';

  it('prints a line a second into its log and its file, on the clock', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod(COUNTER));
    const started = record(tc.state).startedAt!;
    expect(record(tc.state).logs).toBe(
      `0: ${new Date(started).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (.*) GMT$/, (_, d, n, m, y, t) => `${d} ${m} ${n.replace(/^0/, ' ')} ${t} UTC ${y}`)}\n`,
    );
    const later = sleepFor(tc.state, 5);
    const lines = record(later).logs.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toMatch(/^5: /);
    expect(cat(later, '/data/out.txt')).toBe(record(later).logs);
    expect(record(later)).toMatchObject({ sleeps: 5, wakeAt: started + 6000 });
  });

  it('gives the same bytes whichever way the clock moves: sleep 60, sleep 30 twice, or sixty sleep 1', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod(COUNTER));
    const once = sleepFor(tc.state, 60);
    const twice = sleepFor(sleepFor(tc.state, 30), 30);
    let sixty = tc.state;
    for (let i = 0; i < 60; i++) sixty = sleepFor(sixty, 1);
    for (const other of [twice, sixty]) {
      expect(record(other).logs).toBe(record(once).logs);
      expect(cat(other, '/data/out.txt')).toBe(cat(once, '/data/out.txt'));
      expect(record(other)).toEqual(record(once));
    }
    expect(record(once).logs.trimEnd().split('\n')).toHaveLength(61);
  });

  it('ends its container when the loop ends: 15 s for three sleeps of 5, with the exit status, then the restart policy', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('for i in 1 2 3; do echo $i; sleep 5; done; exit 3', 'Never'));
    const startedAt = record(tc.state).startedAt!;
    const at10 = sleepFor(tc.state, 10);
    expect(podStatus(at10).phase).toBe('Running');
    const at20 = sleepFor(at10, 10);
    expect(podStatus(at20).phase).toBe('Failed');
    expect(podStatus(at20).containerStatuses[0]!.state['terminated']).toMatchObject({ exitCode: 3, finishedAt: new Date(startedAt + 15_000).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    expect(record(at20).logs).toBe('1\n2\n3\n');
  });
});
