// `sleep` over actors whose periods do not line up: a pod restarting every 1000 s, a crash loop
// at its 5-minute back-off, a pod exiting every 95 s. The cluster as a whole repeats only after
// the least common multiple of their periods; each actor is moved by its own cycles
// (runtime/actor-skip.ts). Each scenario runs once sleeping in one call and once resync by
// resync, and must print the same and end in the same state (restart counts, events with their
// count, firstTimestamp and lastTimestamp, lastState, resourceVersions, ages).
import { describe, expect, it } from 'vitest';
import { advanceClock, type ClusterState, type PresetName } from '../../engine/index.ts';
import { pod, pvc, yaml } from '../../engine/testing/builders.ts';
import { runScript } from './run-script.ts';
import { files, jump, play, resyncByResync, running, withoutStepCount } from './sleep-harness.ts';

function expectSame(script: string, preset: PresetName): { outputs: string[]; state: ClusterState } {
  const fast = play(script, preset, jump);
  const slow = play(script, preset, resyncByResync);
  expect(fast.outputs).toEqual(slow.outputs);
  expect(withoutStepCount(fast.state)).toBe(withoutStepCount(slow.state));
  return fast;
}

const unaligned = yaml(running('long', 'sleep 1000'), running('crash', 'echo once; exit 1'), running('quick', 'echo $HOSTNAME; sleep 95'));

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: flaky
spec:
  replicas: 2
  selector:
    matchLabels:
      app: flaky
  template:
    metadata:
      labels:
        app: flaky
    spec:
      containers:
      - name: app
        image: busybox
        command: ["sh", "-c", "echo starting; sleep 400; exit 3"]
`;

/** The state after applying `manifests`, ready to sleep. */
function applied(manifests: string, preset: PresetName = 'kind'): ClusterState {
  return runScript(`kubectl apply -f - <<EOF\n${manifests}EOF\n`, { preset, files, quiet: true }).state;
}

describe('sleep moves each repeating actor by its own cycles', { timeout: 60_000 }, () => {
  it('a 1000 s pod, a crash loop and a 95 s pod over 7 hours: the same restarts, events, logs and resourceVersions', () => {
    const r = expectSame(
      `kubectl apply -f - <<EOF
${unaligned}EOF
sleep 7h
kubectl get pods
kubectl get events
kubectl get pods -o yaml
kubectl get events -o yaml
kubectl describe pod long
kubectl logs quick --previous
sleep 5000
kubectl get pods -o yaml`,
      'kind',
    );
    expect(r.outputs.join('')).toMatch(/crash +0\/1 +CrashLoopBackOff +88 \(4m15s ago\) +7h\nlong +1\/1 +Running +25 \(80s ago\) +7h\n/);
  });

  it('a crash-looping Deployment, a WaitForFirstConsumer claim, an unschedulable pod and a 1000 s pod over 8 hours', () => {
    expectSame(
      `kubectl apply -f - <<EOF
${deployment}---
${yaml(pvc('data', { request: '1Gi' }), pod('lost', { nodeSelector: { disk: 'none' } }), running('long', 'sleep 1000'))}EOF
sleep 8h
kubectl get deploy,rs,pods -o yaml
kubectl get events -o yaml
kubectl describe pvc data
kubectl describe pod lost`,
      'kind',
    );
  });

  it('a node failure beside unaligned restarts: the timers and the cycles both hold', () => {
    expectSame(
      `kubectl apply -f web.yaml
kubectl apply -f - <<EOF
${yaml(running('long', 'sleep 1000', { nodeName: 'worker-b1' }), running('crash', 'exit 1', { nodeName: 'worker-c1' }), running('once', 'sleep 20000', { nodeName: 'worker-b2' }))}EOF
kubesim node fail worker-a1
sleep 8h
kubectl get pods,nodes,volumeattachments -o yaml
kubectl get events -o yaml`,
      'multi-az',
    );
  });

  it('a crash-looping StatefulSet with claims, a Job retried with back-off and a 1000 s pod over 8 hours', () => {
    expectSame(
      `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: busybox
        command: ["sh", "-c", "echo up > /data/state; sleep 250; exit 1"]
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
---
apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: flaky
        image: busybox
        command: ["sh", "-c", "sleep 700; exit 1"]
---
${yaml(running('long', 'sleep 1000'))}EOF
sleep 8h
kubectl get sts,jobs,pods,pvc -o yaml
kubectl get events -o yaml`,
      'kind',
    );
  });

  it('skips: the one-call sleep runs a small part of the resyncs', () => {
    const state = applied(unaligned);
    const fast = advanceClock(state, 12 * 3600);
    let steps = 0;
    let slow = state;
    for (let left = 12 * 3600; left > 0; left -= 15) {
      const r = advanceClock(slow, Math.min(left, 15));
      steps += r.steps.length;
      slow = r.state;
    }
    expect(withoutStepCount(fast.state)).toBe(withoutStepCount(slow));
    expect(fast.steps.length).toBeLessThan(steps / 3);
  });

  it('sleep 2147483647 over unaligned restarts returns at once, and agrees with two shorter sleeps', () => {
    const state = applied(unaligned);
    const t0 = performance.now();
    const once = advanceClock(state, 2 ** 31 - 1).state;
    // About 50 ms on an idle machine: the actors' first cycles are simulated until each repeats (2 cores shared in CI).
    expect(performance.now() - t0).toBeLessThan(2000);
    const twice = advanceClock(advanceClock(state, 1_234_567_890).state, 2 ** 31 - 1 - 1_234_567_890).state;
    expect(withoutStepCount(once)).toBe(withoutStepCount(twice));
    const out = runScript('kubectl get pods\n', { state: once, files, quiet: true }).stdout;
    // After the first back-offs, one restart per 300 s for the crash loop (2^31 / 300 = 7158278), and
    // per 1005 s for the 1000 s pod (1000 s, then the next resync; it ran more than 10 minutes, so the
    // kubelet's back-off entry has expired and it restarts at once: 2^31 / 1005 = 2136800).
    expect(out).toMatch(/crash +0\/1 +CrashLoopBackOff +7158283 \(3m22s ago\) +68y\n/);
    expect(out).toMatch(/long +1\/1 +Running +2136799 \(10m ago\) +68y\n/);
  });
});
