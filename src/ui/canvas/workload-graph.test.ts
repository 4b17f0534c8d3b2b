// The canvas shows StatefulSets and Jobs with edges to what they own.
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../engine/testing/harness.ts';
import { toFlowGraph } from './graph.ts';

describe('workloads on the canvas', () => {
  it('a StatefulSet card owns its pods and its claims; a Job card owns its pods', () => {
    const tc = TestCluster.of('kind');
    tc.apply({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql' }] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    });
    tc.apply({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['true'] }] } } } });
    const g = toFlowGraph(tc.state);
    const card = g.nodes.find((n) => n.id === 'StatefulSet:default/db');
    expect(card?.data).toMatchObject({ kind: 'StatefulSet', status: '2/2 ready', note: 'claims: data' });
    expect(g.nodes.find((n) => n.id === 'Job:default/once')?.data).toMatchObject({ kind: 'Job' });
    const owns = g.edges.filter((e) => e.data?.relation === 'owns').map((e) => `${e.source} -> ${e.target}`).sort();
    const jobPod = owns.find((e) => e.startsWith('Job:default/once -> Pod:default/once-'));
    expect(jobPod).toBeDefined();
    expect(owns.filter((e) => e.startsWith('StatefulSet'))).toEqual([
      'StatefulSet:default/db -> PersistentVolumeClaim:default/data-db-0',
      'StatefulSet:default/db -> PersistentVolumeClaim:default/data-db-1',
      'StatefulSet:default/db -> Pod:default/db-0',
      'StatefulSet:default/db -> Pod:default/db-1',
    ]);
    expect(g.nodes.some((n) => n.id === 'heading:workloads')).toBe(true);
  });
});
