// The kubelet forgets a container's crash-loop back-off when the container finished more than
// 10 minutes (2 × the 5-minute maximum) after the restart that last set it (client-go
// flowcontrol.Backoff's hasExpired, checked by kuberuntime's doBackOff with the FinishedAt of the
// exited container): a container that runs 620 s is restarted at once every time, with no
// CrashLoopBackOff and no BackOff event, while one that runs 590 s backs off 10 s, 20 s, 40 s …
// Each script runs once sleeping in one call and once resync by resync: the same output and state.
import { describe, expect, it } from 'vitest';
import { yaml } from '../../engine/testing/builders.ts';
import { jump, play, resyncByResync, running, withoutStepCount } from './sleep-harness.ts';

function expectSame(script: string): string {
  const fast = play(script, 'kind', jump);
  const slow = play(script, 'kind', resyncByResync);
  expect(fast.outputs).toEqual(slow.outputs);
  expect(withoutStepCount(fast.state)).toBe(withoutStepCount(slow.state));
  return fast.outputs.join('');
}

const waiting = (pod: string) => `kubectl get pod ${pod} -o jsonpath='{.status.containerStatuses[0].state.waiting.message}{"\\n"}'`;

describe('the crash-loop back-off resets after a long run', { timeout: 60_000 }, () => {
  it('620 s runs restart at once; 590 s runs back off, doubling', () => {
    const out = expectSame(`kubectl apply -f - <<EOF
${yaml(running('long', 'sleep 620'), running('short', 'sleep 590'))}EOF
sleep 3000
kubectl get pods
kubectl get events --field-selector reason=BackOff -o custom-columns=OBJECT:.involvedObject.name,COUNT:.count
sleep 3000
kubectl get pods
${waiting('short')}
${waiting('long')}`);
    expect(out).toMatch(/long +1\/1 +Running +4 \(8m10s ago\) +50m\nshort +1\/1 +Running +4 \(9m55s ago\) +50m\n/);
    // Only the 590 s container ever backed off.
    expect(out).toMatch(/OBJECT +COUNT\nshort +3\n\$/);
    expect(out).not.toMatch(/back-off .* pod=long_/);
  });

  it('the back-off message is a Go duration: 1m20s, 2m40s, 5m0s', () => {
    const out = expectSame(`kubectl apply -f - <<EOF
${yaml(running('crash', 'echo once; exit 1'))}EOF
sleep 100
${waiting('crash')}
sleep 200
${waiting('crash')}
sleep 600
${waiting('crash')}`);
    expect(out.match(/back-off \S+ restarting failed container=app pod=crash_default/g)).toEqual([
      'back-off 1m20s restarting failed container=app pod=crash_default',
      'back-off 2m40s restarting failed container=app pod=crash_default',
      'back-off 5m0s restarting failed container=app pod=crash_default',
    ]);
  });
});
