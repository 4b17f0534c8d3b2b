// Grace periods take simulated time: a pod whose PID 1 ignores SIGTERM (`sleep`, with no handler)
// stays Terminating for its terminationGracePeriodSeconds, and `kubectl delete` waits for it.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';

function run(script: string) {
  return runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
}

const START = `kubectl create configmap other --from-literal=a=b
kubectl run sleeper --image=busybox -- sleep 3600
kubectl run web --image=nginx
`;

describe('deleting a pod takes its grace period when PID 1 ignores SIGTERM', () => {
  it('kubectl delete waits the 30 s: the clock moves, other objects age', () => {
    const r = run(`${START}kubectl delete pod sleeper\nkubectl get configmap other --no-headers\nkubectl get pod sleeper\n`);
    expect(r.stdout).toContain('pod "sleeper" deleted from default namespace\n');
    expect(r.stdout).toMatch(/^other +1 +30s$/m);
    expect(r.stderr).toContain('Error from server (NotFound): pods "sleeper" not found');
  });

  it('a server that handles SIGTERM (nginx) goes at once: no time passes', () => {
    const r = run(`${START}kubectl delete pod web\nkubectl get configmap other --no-headers\n`);
    expect(r.stdout).toMatch(/^other +1 +0s$/m);
  });

  it('--wait=false returns at once; the pod is Terminating until the grace period ends', () => {
    const r = run(`${START}kubectl delete pod sleeper --wait=false
kubectl get pod sleeper --no-headers
sleep 29
kubectl get pod sleeper --no-headers
sleep 1
kubectl get pod sleeper
`);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('sleeper'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^sleeper +1\/1 +Terminating +0 +0s$/);
    expect(rows[1]).toMatch(/^sleeper +1\/1 +Terminating +0 +29s$/);
    expect(r.stderr).toContain('Error from server (NotFound): pods "sleeper" not found');
  });

  it('the kubelet says Killing once, when the deletion is asked for', () => {
    const r = run(`${START}kubectl delete pod sleeper --wait=false
sleep 10
kubectl get events --field-selector involvedObject.name=sleeper,reason=Killing --no-headers
`);
    expect(r.stdout.trim().split('\n').filter((l) => l.includes('Killing'))).toEqual([expect.stringMatching(/^10s +Normal +Killing +pod\/sleeper +Stopping container sleeper$/)]);
  });

  it('a shorter terminationGracePeriodSeconds is what it waits; --grace-period overrides it', () => {
    const r = run(`kubectl create configmap other --from-literal=a=b
kubectl run s1 --image=busybox --overrides='{"spec":{"terminationGracePeriodSeconds":5}}' -- sleep 3600
kubectl run s2 --image=busybox -- sleep 3600
kubectl delete pod s1
kubectl get configmap other --no-headers
kubectl delete pod s2 --grace-period=12
kubectl get configmap other --no-headers
kubectl delete pod --all --force --grace-period=0
`);
    expect(r.stdout).toMatch(/^other +1 +5s$/m);
    expect(r.stdout).toMatch(/^other +1 +17s$/m);
  });
});
