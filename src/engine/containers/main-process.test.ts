// `kill 1` from inside a container, and the runtime killing a container from its node: the main
// process ends, the kubelet restarts the container per restartPolicy with a fresh writable layer,
// and the pod's emptyDir stays.
import { describe, expect, it } from 'vitest';
import { act, endMainProcess, execInPod, type ClusterState } from '../index.ts';
import { TestCluster } from '../testing/harness.ts';
import { mainProcessStopSignals } from './process.ts';

const podWith = (image: string, command?: string[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    containers: [{ name: 'app', image, ...(command ? { command } : {}), volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }] }],
    volumes: [{ name: 'scratch', emptyDir: {} }],
  },
});

function exec(tc: TestCluster, ...argv: string[]) {
  const r = execInPod(tc.state, 'default', 'p', 'app', argv, '');
  if (!r.ok) throw new Error(`exec failed: ${r.reason}`);
  // What `kubectl exec` does after a command that ended PID 1: let the cluster settle.
  tc.state = r.mainEnded ? act(r.state, 'exec', () => undefined).state : r.state;
  return r;
}
const status = (state: ClusterState) => (state.objects.Pod?.['default/p'] as { status: { containerStatuses: { restartCount: number; lastState?: unknown; state: unknown }[] } }).status.containerStatuses[0]!;

describe('kill 1 inside a container', () => {
  it('stops a server that handles SIGTERM; the kubelet restarts it: RESTARTS 1, Completed (0), a fresh writable layer, the emptyDir kept', () => {
    const tc = TestCluster.of('kind');
    tc.apply(podWith('nginx:1.27'));
    exec(tc, 'sh', '-c', 'echo kept > /scratch/a; echo gone > /tmp/b');
    const r = exec(tc, 'kill', '1');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '', mainEnded: { signal: 'TERM' } });
    expect(status(tc.state)).toMatchObject({ restartCount: 1, lastState: { terminated: { reason: 'Completed', exitCode: 0 } }, state: { running: {} } });
    expect(exec(tc, 'cat', '/scratch/a').stdout).toBe('kept\n');
    // nginx is Debian-based: GNU cat's wording, not busybox's.
    expect(exec(tc, 'cat', '/tmp/b')).toMatchObject({ code: 1, stderr: 'cat: /tmp/b: No such file or directory\n' });
    expect(tc.events('Pod', 'p')).toContain('Normal Pulled Container image "nginx:1.27" already present on machine');
  });

  it('does nothing to a shell or sleep as PID 1, which has no handler, not even with -9: the kernel drops the signal', () => {
    const tc = TestCluster.of('kind');
    tc.apply(podWith('busybox:1.36', ['sh', '-c', 'sleep 3600']));
    for (const argv of [['kill', '1'], ['kill', '-9', '1'], ['kill', '-s', 'KILL', '1'], ['sh', '-c', 'kill -TERM 1']]) {
      const r = exec(tc, ...argv);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.mainEnded).toBeUndefined();
    }
    expect(status(tc.state)).toMatchObject({ restartCount: 0, state: { running: {} } });
  });

  it('reports what busybox reports for other pids and bad signals', () => {
    const tc = TestCluster.of('kind');
    tc.apply(podWith('nginx:1.27'));
    expect(exec(tc, 'kill', '42')).toMatchObject({ code: 1, stderr: "kill: can't kill pid 42: No such process\n" });
    expect(exec(tc, 'kill', '-FOO', '1')).toMatchObject({ code: 1, stderr: "kill: bad signal name 'FOO'\n" });
    expect(exec(tc, 'kill')).toMatchObject({ code: 1, stderr: 'Usage: kill [-l] [-SIG] PID...\n' });
    // HUP reloads nginx's configuration: it keeps running.
    expect(exec(tc, 'kill', '-HUP', '1').mainEnded).toBeUndefined();
    expect(status(tc.state).restartCount).toBe(0);
  });
});

describe('the runtime killing a container from its node', () => {
  it('ends any main process with SIGKILL: Error (137), restarted with a fresh writable layer', () => {
    const tc = TestCluster.of('kind');
    tc.apply(podWith('busybox:1.36', ['sh', '-c', 'sleep 3600']));
    exec(tc, 'sh', '-c', 'echo gone > /tmp/b');
    tc.state = act(tc.state, 'kill', (txn) => endMainProcess(txn, txn.get('Pod', 'default/p')!, 'app', 137)).state;
    expect(status(tc.state)).toMatchObject({ restartCount: 1, lastState: { terminated: { reason: 'Error', exitCode: 137 } }, state: { running: {} } });
    expect(exec(tc, 'ls', '/tmp').stdout).toBe('');
  });

  it('a second kill soon after waits out the 10 s back-off (CrashLoopBackOff)', () => {
    const tc = TestCluster.of('kind');
    tc.apply(podWith('nginx:1.27'));
    exec(tc, 'kill', '1');
    exec(tc, 'kill', '1');
    expect(status(tc.state)).toMatchObject({ restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } });
  });
});

describe('which signals end a main process', () => {
  it.each([
    [['nginx', '-g', 'daemon off;'], 'nginx', ['TERM', 'INT', 'QUIT']],
    [undefined, 'nginx:1.27', ['TERM', 'INT', 'QUIT']],
    [undefined, 'docker.io/library/postgres:16', ['TERM', 'INT', 'QUIT']],
    [undefined, 'busybox', []],
    [['sh', '-c', 'sleep 3600'], 'busybox', []],
    [['/bin/sleep', '3600'], 'busybox', []],
    [['python3', 'app.py'], 'python:3.9-slim', []],
  ])('%j in %s: %j', (command, image, expected) => {
    expect(mainProcessStopSignals(command, image)).toEqual(expected);
  });
});
