// Which defaults a pod template gets: the API's PodSpec defaults (dnsPolicy, restartPolicy,
// schedulerName, securityContext, terminationGracePeriodSeconds) but not the pod-only ones
// (enableServiceLinks from SetDefaults_Pod; priority, preemptionPolicy and the not-ready /
// unreachable tolerations from admission plugins), which the pods made from it get.
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/harness.ts';

const DEPLOYMENT = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
};

describe('pod template defaults', () => {
  it('a template gets the PodSpec defaults only; its pods get the pod-only ones too', () => {
    const tc = TestCluster.of('kind');
    tc.apply(DEPLOYMENT);
    const template = tc.get('Deployment', 'default/web')!.spec!.template.spec!;
    expect(template).toMatchObject({ dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30 });
    for (const podOnly of ['enableServiceLinks', 'priority', 'preemptionPolicy', 'tolerations']) expect(template).not.toHaveProperty(podOnly);
    const pod = tc.list('Pod')[0]!;
    expect(pod.spec).toMatchObject({ enableServiceLinks: true, priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    expect(pod.spec!.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });
});
