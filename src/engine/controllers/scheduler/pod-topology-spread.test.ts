// PodTopologySpread: a workload's replicas spread over zones by default, and a pod's own
// DoNotSchedule constraints filter nodes with the scheduler's wording.
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/harness.ts';

const ZONE = 'topology.kubernetes.io/zone';

function replicaSet(name: string, replicas: number, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...extra } },
    },
  };
}

function zonesOf(tc: TestCluster, app: string): string[] {
  const zoneOfNode = new Map(tc.list('Node').map((n) => [n.metadata.name, n.metadata.labels?.[ZONE]]));
  return tc
    .list('Pod')
    .filter((p) => p.metadata.labels?.app === app)
    .map((p) => zoneOfNode.get(p.spec?.nodeName ?? '') ?? 'unscheduled')
    .sort();
}

describe('PodTopologySpread', () => {
  it("spreads a workload's replicas over the zones before doubling up in one (the default constraints)", () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(replicaSet('web', 3));
    expect(zonesOf(tc, 'web')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    tc.apply(replicaSet('web', 6));
    expect(zonesOf(tc, 'web')).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1b', 'us-east-1c', 'us-east-1c']);
    // Six replicas on six nodes: the hostname constraint spreads within each zone too.
    expect(new Set(tc.list('Pod').map((p) => p.spec?.nodeName)).size).toBe(6);
  });

  it('counts each workload on its own: a second one starts over in the first zone', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(replicaSet('one', 2), replicaSet('two', 3));
    expect(zonesOf(tc, 'one')).toEqual(['us-east-1a', 'us-east-1b']);
    expect(zonesOf(tc, 'two')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('a bare pod that nothing selects is placed by load alone', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    );
    expect(tc.get('Pod', 'default/a')!.spec?.nodeName).toBe('worker-a1');
    expect(tc.get('Pod', 'default/b')!.spec?.nodeName).toBe('worker-a2');
  });

  it('a Service selecting bare pods makes them spread', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { selector: { app: 'x' }, ports: [{ port: 80 }] } });
    tc.apply(
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    );
    expect(tc.get('Pod', 'default/b')!.spec?.nodeName).toBe('worker-b1');
  });

  it('a DoNotSchedule constraint keeps the extra replica Pending, with the scheduler\'s message', () => {
    const tc = TestCluster.of('multi-az');
    const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }], nodeSelector: { [ZONE]: 'us-east-1a' } };
    tc.apply(replicaSet('web', 2, spread));
    // Both must go to zone a (the node selector), but one there already makes the skew 2 > 1.
    const pods = tc.list('Pod');
    expect(pods.filter((p) => p.spec?.nodeName).length).toBe(1);
    const pending = pods.find((p) => !p.spec?.nodeName)!;
    expect(tc.events('Pod', pending.metadata.name)).toContain(
      "Warning FailedScheduling 0/6 nodes are available: 2 node(s) didn't match pod topology spread constraints, 4 node(s) didn't match Pod's node affinity/selector. preemption: 0/6 nodes are available: 2 No preemption victims found for incoming pod, 4 Preemption is not helpful for scheduling.",
    );
  });

  it('a node without the topology label fails a DoNotSchedule constraint as unresolvable', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { app: 'p' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }], topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'p' } } }] },
    });
    expect(tc.events('Pod', 'p')[0]).toContain("2 node(s) didn't match pod topology spread constraints (missing required label)");
  });
});
