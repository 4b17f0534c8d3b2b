// Randomized mixes of repeating actors, most of whose periods do not line up: containers that
// exit at once or after a random time, with each restart policy, crash-looping Deployments, a
// claim waiting for its first consumer and an unschedulable pod (events repeated every resync).
// Each mix sleeps long enough for the actor skip to apply, once in one call and once resync by
// resync, and must print the same and end in the same state. Seeded, so a failure reproduces;
// RUNS=40 SEED=7 npx vitest run … tries more mixes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pod, pvc, yaml } from '../../engine/testing/builders.ts';
import { jump, play, resyncByResync, running, withoutStepCount } from './sleep-harness.ts';

const command = fc.oneof(
  fc.constant('exit 1'),
  fc.constant('echo hi'),
  fc.integer({ min: 16, max: 600 }).map((s) => `sleep ${s}`),
  fc.integer({ min: 16, max: 400 }).map((s) => `echo up; sleep ${s}; exit 2`),
  // A file rewritten each run repeats; a log appended to grows, and its pod never repeats.
  fc.integer({ min: 16, max: 400 }).map((s) => `echo tick > /scratch/last; sleep ${s}`),
  fc.integer({ min: 16, max: 400 }).map((s) => `echo tick >> /scratch/log; sleep ${s}`),
  fc.integer({ min: 16, max: 400 }).map((s) => `echo tick > /host/last; sleep ${s}`),
);
const policy = fc.constantFrom('Always', 'Always', 'Always', 'OnFailure', 'Never');

const deployment = (replicas: number, script: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: flaky
spec:
  replicas: ${replicas}
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
        command: ["sh", "-c", "${script}"]
---
`;

const mix = fc.record({
  pods: fc.array(fc.record({ script: command, restartPolicy: policy, sidecar: fc.option(command, { nil: undefined }) }), { minLength: 2, maxLength: 4 }),
  deployment: fc.option(fc.tuple(fc.integer({ min: 1, max: 2 }), command), { nil: undefined }),
  waiting: fc.boolean(),
  first: fc.integer({ min: 14_000, max: 24_000 }),
  second: fc.integer({ min: 1, max: 9_000 }),
});

describe('sleep over random mixes of repeating actors', () => {
  it('ends where resyncing one by one ends', () => {
    fc.assert(
      fc.property(mix, (m) => {
        const objects = [
          ...m.pods.map((p, i) => running(`p${i}`, p.script, { restartPolicy: p.restartPolicy, scratch: true, ...(p.sidecar ? { sidecar: p.sidecar } : {}) })),
          ...(m.waiting ? [pvc('data', { request: '1Gi' }), pod('lost', { nodeSelector: { disk: 'none' } })] : []),
        ];
        const script = `kubectl apply -f - <<EOF
${m.deployment ? deployment(...m.deployment) : ''}${yaml(...objects)}EOF
sleep ${m.first}
kubectl get pods
kubectl get events
kubectl delete pod p0 --wait=false
sleep ${m.second}
kubectl get pods -o yaml`;
        const fast = play(script, 'kind', jump);
        const slow = play(script, 'kind', resyncByResync);
        expect(fast.outputs).toEqual(slow.outputs);
        expect(withoutStepCount(fast.state)).toBe(withoutStepCount(slow.state));
      }),
      { seed: Number(process.env.SEED ?? 20261206), numRuns: Number(process.env.RUNS ?? 6) },
    );
  }, 240_000);
});
