// Deployment → ReplicaSet → Pods, with Kubernetes-style generated names.
import { describe, expect, it } from 'vitest';
import { act, deleteObject, viewOf } from '../../index.ts';
import { TestCluster } from '../../testing/harness.ts';

const deployment = (replicas: number, image = 'nginx:1.27') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } } },
});

describe('deployment and replicaset controllers', () => {
  it('create a ReplicaSet named <deployment>-<pod-template-hash> and pods named <replicaset>-<5 chars>', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(deployment(3));
    const view = viewOf(tc.state);
    const [rs] = view.list('ReplicaSet');
    expect(rs!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs!.metadata.labels?.['pod-template-hash']).toBe(rs!.metadata.name.slice(4));
    const pods = view.list('Pod');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rs!.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.status?.phase).toBe('Running');
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rs!.metadata.name, controller: true });
    }
    expect(tc.get('Deployment', 'default/web')!.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(tc.events('Deployment', 'web')).toEqual([`Normal ScalingReplicaSet Scaled up replica set ${rs!.metadata.name} from 0 to 3`]);
  });

  it('scales, and a new template rolls out a new ReplicaSet while the old one goes to zero', () => {
    const tc = TestCluster.of('kind-multinode');
    tc.apply(deployment(2));
    const first = viewOf(tc.state).list('ReplicaSet')[0]!.metadata.name;
    tc.apply(deployment(4));
    expect(viewOf(tc.state).list('Pod')).toHaveLength(4);
    tc.apply(deployment(4, 'nginx:1.28'));
    const sets = viewOf(tc.state).list('ReplicaSet');
    expect(sets).toHaveLength(2);
    expect(sets.find((s) => s.metadata.name === first)!.spec?.replicas).toBe(0);
    expect(viewOf(tc.state).list('Pod').every((p) => p.spec?.containers[0]!.image === 'nginx:1.28')).toBe(true);
  });

  it('deleting the deployment removes its ReplicaSets and pods (garbage collection)', () => {
    const tc = TestCluster.of('kind');
    tc.apply(deployment(2));
    tc.state = act(tc.state, 'delete', (txn) => deleteObject(txn, 'Deployment', 'default/web')).state;
    expect(viewOf(tc.state).list('ReplicaSet')).toEqual([]);
    expect(viewOf(tc.state).list('Pod')).toEqual([]);
  });
});
