// `sleep` jumps over resyncs that would only repeat events. These scenarios run each script
// twice, once sleeping in one call and once one resync (15 s) at a time as the engine used to,
// and require the same output after every command and the same final state (only the number of
// timeline steps may differ: the jump keeps one copy of the repeated resync's steps).
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

describe('sleep skips idle resyncs without changing what is observed', { timeout: 60_000 }, () => {
  it('a WaitForFirstConsumer claim over an hour: the same event count and last timestamp', () => {
    const r = expectSame(
      `kubectl apply -f - <<EOF
${yaml(pvc('data', { request: '1Gi' }))}EOF
sleep 3600
kubectl get events
kubectl describe pvc data
kubectl get pvc -o yaml
kubectl apply -f - <<EOF
${yaml(pod('web', { claims: ['data'] }))}EOF
sleep 7
kubectl get pods,pvc -o yaml`,
      'kind',
    );
    expect(r.outputs.join('')).toMatch(/WaitForFirstConsumer.*\(x241 over 60m\)|x241/);
  });

  it('an unschedulable pod over 17 minutes: FailedScheduling repeats the same', () => {
    expectSame(
      `kubectl apply -f - <<EOF
${yaml(pod('lost', { nodeSelector: { disk: 'none' } }))}EOF
sleep 1000
kubectl get events -o yaml
kubectl describe pod lost`,
      'kind',
    );
  });

  it('a node failure: NotReady at 50 s, eviction at 300 s, the 6-minute force detach, a zone down', () => {
    expectSame(
      `kubectl apply -f web.yaml
kubesim node fail worker-a1
sleep 400
kubectl get pods -o wide
kubectl get events -o yaml
kubectl delete pods -l app=web --force --grace-period=0
sleep 1000
kubectl get pods,volumeattachments -o yaml
kubesim zone down us-east-1a
sleep 3h
kubectl get events -o yaml
kubesim zone up us-east-1a
sleep 100
kubectl get pods -o yaml`,
      'multi-az',
    );
  });

  it('a crash-looping container over 10 minutes: the same restarts, back-offs and ages', () => {
    const r = expectSame(
      `kubectl apply -f - <<EOF
${yaml(running('crash', 'echo once; exit 1'))}EOF
sleep 600
kubectl get pods
kubectl describe pod crash
kubectl apply -f - <<EOF
${yaml(running('short', 'sleep 100'))}EOF
sleep 7m
kubectl get pods -o yaml
kubectl get events -o yaml`,
      'kind',
    );
    expect(r.outputs.join('')).toContain('CrashLoopBackOff');
  });

  it('pods restarting every hour and a crash loop over two days: whole cycles skipped, the same restarts and events', () => {
    const r = expectSame(
      `kubectl apply -f - <<EOF
${yaml(running('hourly', 'env && sleep 3600'), running('crash', 'echo once; exit 1'))}EOF
sleep 2d
kubectl get pods
kubectl get pods -o yaml
kubectl get events -o yaml
kubectl logs hourly --previous`,
      'kind',
    );
    expect(r.outputs.join('')).toMatch(/hourly +1\/1 +Running +48 \(/);
  });

  it('a cycle is cut short by a wake that is not part of it: a one-off exit, then a node failure', () => {
    expectSame(
      `kubectl apply -f - <<EOF
${yaml(running('crash', 'echo once; exit 1'), running('once', 'sleep 40000'))}EOF
sleep 1d
kubectl get pods -o yaml
kubesim node fail kind-control-plane
sleep 20000
kubectl get pods,nodes -o yaml
kubectl get events -o yaml`,
      'kind',
    );
  });

  it('sleep 99999999 returns at once', () => {
    const { state } = play(
      `kubectl apply -f - <<EOF
${yaml(pvc('data', { request: '1Gi' }))}EOF`,
      'kind',
      jump,
    );
    const t0 = performance.now();
    const after = advanceClock(state, 99_999_999).state;
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(after.now - state.now).toBe(99_999_999_000);
  });

  it('sleep 99999999 over pods that restart every hour returns at once too', () => {
    const { state } = play(
      `kubectl apply -f - <<EOF
${yaml(running('hourly', 'env && sleep 3600'), running('crash', 'echo once; exit 1'))}EOF`,
      'kind',
      jump,
    );
    const t0 = performance.now();
    const r = runScript('sleep 99999999\nkubectl get pods\n', { state, files, quiet: true });
    // About 0.3 s: four hours are simulated before the cycle is certain (2 cores shared in CI).
    expect(performance.now() - t0).toBeLessThan(3000);
    // What resyncing one by one for 220 s printed.
    expect(r.stdout).toMatch(/crash +0\/1 +CrashLoopBackOff +333338 \(54s ago\) +3y62d\nhourly +1\/1 +Running +27777 \(46m ago\) +3y62d\n/);
  });
});
