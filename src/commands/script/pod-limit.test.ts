// The stated pod limit: a ReplicaSet stops at it with a FailedCreate event and a ReplicaFailure
// condition that kubectl shows, and the engine stays linear in the number of pods.
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../engine/index.ts';
import { runScript } from './run-script.ts';
import { MAX_PODS } from '../../engine/controllers/workloads/pod-limit.ts';

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
`;

/** A kind cluster already holding `count` pods (bound to a node whose machine is off, so nothing acts on them). */
function withPods(count: number): ClusterState {
  const state = createCluster({ preset: 'kind' });
  // The node must exist: the pod garbage collector removes pods bound to a node that does not.
  const base = Object.values(state.objects.Node ?? {})[0] as { spec?: object };
  const node = { ...base, spec: { ...base.spec, unschedulable: true }, metadata: { name: 'gone', uid: 'u-gone', resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' } };
  const table: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const name = `filler-${i}`;
    table[`other/${name}`] = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'other', uid: `u-${i}`, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { nodeName: 'gone', containers: [{ name: 'c', image: 'busybox' }] },
      status: { phase: 'Pending' },
    };
  }
  return { ...state, poweredOff: { gone: 0 }, objects: { ...state.objects, Node: { ...state.objects.Node, gone: node } as never, Pod: table as never } };
}

describe(`at most ${MAX_PODS} pods`, () => {
  it('a ReplicaSet stops at the limit and says why, in an event and a condition kubectl shows', () => {
    const files = { read: () => deployment(4) };
    const r = runScript('kubectl apply -f d.yaml\nkubectl get deploy web\nkubectl get events --field-selector reason=FailedCreate\nkubectl get rs -o yaml\nkubectl get deploy web -o yaml\n', { state: withPods(MAX_PODS - 1), files, quiet: true });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('web    1/4     1            1           0s');
    expect(r.stdout).toMatch(/Warning {3}FailedCreate {3}replicaset\/web-\w+ {3}Error creating: pods "web-\w+-" is forbidden: the playground simulates at most 1000 pods\n/);
    // On the ReplicaSet (calculateStatus) and copied to the Deployment (getReplicaFailures).
    expect(r.stdout).toMatch(/ {4}conditions:\n {4}- lastTransitionTime: "2026-01-01T00:00:00Z"\n {6}message: 'pods "web-\w+-" is forbidden: the playground simulates at most 1000 pods'\n {6}reason: FailedCreate\n {6}status: "True"\n {6}type: ReplicaFailure\n/);
    expect(r.stdout).toMatch(/\n {2}- message: 'pods "web-\w+-" is forbidden: the playground simulates at most 1000 pods'\n {4}reason: FailedCreate\n {4}status: "True"\n {4}type: ReplicaFailure\n/);
    expect(Object.keys(r.state.objects.Pod!)).toHaveLength(MAX_PODS);
  });

  it('the condition goes once pods can be created again', () => {
    const files = { read: (p: string) => (p === 'd.yaml' ? deployment(2) : undefined) };
    const r = runScript('kubectl apply -f d.yaml\nkubectl delete pods -n other --all --force --grace-period=0 > /dev/null\nsleep 1\nkubectl get deploy web\nkubectl get rs -o yaml\n', { state: withPods(MAX_PODS - 1), files, quiet: true });
    expect(r.stdout).toContain('web    2/2     2            2           1s');
    expect(r.stdout).not.toContain('ReplicaFailure');
  });

  it(`placing pods stays linear: ${MAX_PODS} pods take well under 16 times what ${MAX_PODS / 4} take`, () => {
    const time = (n: number) => {
      const t0 = performance.now();
      const r = runScript('kubectl apply -f d.yaml\n', { preset: 'kind', files: { read: () => deployment(n) }, quiet: true });
      expect(r.exitCode).toBe(0);
      return { ms: performance.now() - t0, pods: Object.keys(r.state.objects.Pod ?? {}).length };
    };
    time(MAX_PODS / 8); // warm up
    const small = time(MAX_PODS / 4);
    const large = time(MAX_PODS);
    expect(large.pods).toBe(MAX_PODS);
    expect(large.ms / small.ms).toBeLessThan(8);
  }, 60_000);
});
