// The kubelet's init containers pass by pass (init-containers.ts): the sandbox pass already
// shows the pod initializing; then each init container is started, followed to its end and
// completed before the next, and the app containers start only after the last; statuses and
// conditions as the kubelet's status manager writes them. Failures per restartPolicy, sidecars.
import { describe, expect, it } from 'vitest';
import { beginTxn, type Txn } from '../../cluster/store.ts';
import { CONTROLLERS } from '../registry.ts';
import { applyDocuments } from '../../manifest/apply-documents.ts';
import { parseManifestText } from '../../manifest/parse.ts';
import { runOnce, runUntilSettled } from '../../runtime/settle.ts';
import { advanceClock, createCluster } from '../../runtime/simulation.ts';
import { yaml } from '../../testing/builders.ts';
import { TestCluster } from '../../testing/harness.ts';
import { execInPod } from '../../containers/runtime.ts';
import { containerKey } from '../../containers/mounts.ts';
import { kubelet } from './index.ts';

function initPod(inits: Record<string, unknown>[], opts: { restartPolicy?: string; app?: Record<string, unknown> } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      ...(opts.restartPolicy ? { restartPolicy: opts.restartPolicy } : {}),
      initContainers: inits.map((c) => ({ image: 'busybox:1.28', volumeMounts: [{ name: 'w', mountPath: '/w' }], ...c })),
      containers: [{ name: 'app', image: 'busybox:1.28', command: ['sh', '-c', 'cat /w/out; sleep 3600'], volumeMounts: [{ name: 'w', mountPath: '/w' }], ...opts.app }],
      volumes: [{ name: 'w', emptyDir: {} }],
    },
  };
}

/** Every controller but the kubelet settled: the pod is bound, the kubelet has not run. */
function bound(...objects: unknown[]): Txn {
  const txn = beginTxn(createCluster({ preset: 'kind' }));
  applyDocuments(txn, parseManifestText(yaml(...objects)), { mode: 'apply' });
  runUntilSettled(
    txn,
    CONTROLLERS.filter((c) => c !== kubelet),
    [],
  );
  return txn;
}

const podOf = (txn: Txn) => txn.get('Pod', 'default/p')!;
const condition = (txn: Txn, type: string) => podOf(txn).status?.conditions?.find((c) => c.type === type);

describe('init containers, pass by pass', () => {
  it('sandbox, then each init container to completion, then the app', () => {
    const txn = bound(
      initPod([
        { name: 'one', command: ['sh', '-c', 'echo a > /w/out'] },
        { name: 'two', command: ['sh', '-c', 'echo b >> /w/out'] },
      ]),
    );
    // Pass 1: the sandbox. Already initializing: Init:0/2 in kubectl.
    runOnce(txn, kubelet, []);
    expect(podOf(txn).status?.phase).toBe('Pending');
    expect(podOf(txn).status?.initContainerStatuses?.map((s) => s.state?.waiting?.reason)).toEqual(['PodInitializing', 'PodInitializing']);
    expect(podOf(txn).status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    expect(condition(txn, 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [one two]' });
    expect(condition(txn, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });

    // Pass 2: `one` starts; `two` and the app do not.
    runOnce(txn, kubelet, []);
    const pod = podOf(txn);
    expect(pod.status?.initContainerStatuses?.[0]).toMatchObject({ name: 'one', started: true, ready: false, state: { running: {} } });
    expect(txn.state.containers[containerKey(pod, 'two')]).toBeUndefined();
    expect(txn.state.containers[containerKey(pod, 'app')]).toBeUndefined();

    // Pass 3: `one` has ended: Completed, ready, no longer started.
    runOnce(txn, kubelet, []);
    expect(podOf(txn).status?.initContainerStatuses?.[0]).toMatchObject({ ready: true, started: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(condition(txn, 'Initialized')?.message).toBe('containers with incomplete status: [two]');

    runUntilSettled(txn, [kubelet], []);
    expect(podOf(txn).status?.phase).toBe('Running');
    expect(condition(txn, 'Initialized')?.status).toBe('True');
    expect(condition(txn, 'Ready')?.status).toBe('True');
    expect(txn.state.containers[containerKey(podOf(txn), 'app')]?.logs).toBe('a\nb\n');
  });

  it('the next init container waits for the previous one to end', () => {
    const tc = TestCluster.of('kind');
    tc.apply(initPod([{ name: 'slow', command: ['sh', '-c', 'sleep 30; echo done > /w/out'] }, { name: 'next', command: ['true'] }]));
    const pod = tc.get('Pod', 'default/p')!;
    expect(tc.state.containers[containerKey(pod, 'next')]).toBeUndefined();
    expect(tc.phase('Pod', 'default/p')).toBe('Pending');
    tc.state = advanceClock(tc.state, 29).state;
    expect(tc.state.containers[containerKey(pod, 'next')]).toBeUndefined();
    tc.state = advanceClock(tc.state, 1).state;
    expect(tc.phase('Pod', 'default/p')).toBe('Running');
    const cat = execInPod(tc.state, 'default', 'p', 'app', ['cat', '/w/out'], '');
    expect(cat.ok && cat.stdout).toBe('done\n');
    expect(tc.events('Pod', 'p').filter((e) => e.includes('Started container'))).toEqual(['Normal Started Started container slow', 'Normal Started Started container next', 'Normal Started Started container app']);
  });
});

describe('a failing init container', () => {
  it('restartPolicy Never: the pod fails, the app never starts', () => {
    const tc = TestCluster.of('kind');
    tc.apply(initPod([{ name: 'bad', command: ['sh', '-c', 'exit 2'] }], { restartPolicy: 'Never' }));
    const pod = tc.get('Pod', 'default/p')!;
    expect(pod.status?.phase).toBe('Failed');
    expect(pod.status?.initContainerStatuses?.[0]).toMatchObject({ ready: false, restartCount: 0, state: { terminated: { exitCode: 2, reason: 'Error' } } });
    expect(tc.state.containers[containerKey(pod, 'app')]).toBeUndefined();
    // Nothing left to wake for.
    expect(tc.state.containers[containerKey(pod, 'bad')]?.exitAt).toBeUndefined();
  });

  it('restartPolicy OnFailure: retried with back-off 10 s, 20 s, … and CrashLoopBackOff between', () => {
    const tc = TestCluster.of('kind');
    tc.apply(initPod([{ name: 'bad', command: ['sh', '-c', 'exit 1'] }], { restartPolicy: 'OnFailure' }));
    const status = () => tc.get('Pod', 'default/p')!.status!.initContainerStatuses![0]!;
    expect(status().restartCount).toBe(1);
    expect(status().state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(status().state?.waiting?.message).toMatch(/^back-off 10s restarting failed container=bad pod=p_default\(/);
    tc.state = advanceClock(tc.state, 10).state;
    expect(status().restartCount).toBe(2);
    expect(status().state?.waiting?.message).toMatch(/^back-off 20s /);
    expect(tc.phase('Pod', 'default/p')).toBe('Pending');
  });
});

describe('native sidecars', () => {
  it('started, not awaited; the app starts beside it and the sidecar keeps running', () => {
    const tc = TestCluster.of('kind');
    tc.apply(initPod([{ name: 'side', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do date >> /w/out; sleep 5; done'] }]));
    const pod = tc.get('Pod', 'default/p')!;
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.initContainerStatuses?.[0]).toMatchObject({ started: true, ready: true, state: { running: {} } });
    expect(tc.state.containers[containerKey(pod, 'app')]?.logs).toBe('Thu Jan  1 00:00:00 UTC 2026\n');
    tc.state = advanceClock(tc.state, 10).state;
    const cat = execInPod(tc.state, 'default', 'p', 'app', ['wc', '-l', '/w/out'], '');
    expect(cat.ok && cat.stdout).toBe('3 /w/out\n');
  });

  it('when the app containers end for good (a Job\'s pod), the kubelet stops the sidecar', () => {
    const tc = TestCluster.of('kind');
    tc.apply(initPod([{ name: 'side', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do sleep 5; done'] }], { restartPolicy: 'Never', app: { command: ['sh', '-c', 'sleep 20'] } }));
    tc.state = advanceClock(tc.state, 30).state;
    const pod = tc.get('Pod', 'default/p')!;
    expect(pod.status?.phase).toBe('Succeeded');
    // sh as PID 1 ignores SIGTERM: SIGKILLed.
    expect(pod.status?.initContainerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(tc.events('Pod', 'p')).toContain('Normal Killing Stopping container side');
    expect(tc.state.containers[containerKey(pod, 'side')]?.wakeAt).toBeUndefined();
  });

  it('a sidecar that exits is restarted, whatever its exit code', () => {
    const tc = TestCluster.of('kind');
    tc.apply(initPod([{ name: 'side', restartPolicy: 'Always', command: ['sh', '-c', 'sleep 5'] }]));
    tc.state = advanceClock(tc.state, 5).state;
    const s = tc.get('Pod', 'default/p')!.status!.initContainerStatuses![0]!;
    expect(s.restartCount).toBe(1);
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(tc.phase('Pod', 'default/p')).toBe('Running');
  });
});
