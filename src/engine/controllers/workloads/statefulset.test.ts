// StatefulSet: stable pods and per-replica claims, ordered start, scale down keeping claims,
// the retention policy's owner references, and the update rules.
import { describe, expect, it } from 'vitest';
import { act, deleteObject, patchObject, viewOf } from '../../index.ts';
import { TestCluster } from '../../testing/harness.ts';

const ZONE = 'topology.kubernetes.io/zone';

const set = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    serviceName: 'web',
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    ...spec,
  },
});

function patch(tc: TestCluster, body: unknown) {
  const r = act(tc.state, 'patch', (txn) => patchObject(txn, 'StatefulSet', 'default/web', body));
  tc.state = r.state;
  return r.result;
}

/** No claim templates, and a container that mounts none. */
const plain = { volumeClaimTemplates: [], template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } };

const names = (tc: TestCluster, kind: 'Pod' | 'PersistentVolumeClaim') => viewOf(tc.state).list(kind).map((o) => o.metadata.name);

describe('statefulset-controller', () => {
  it('gives each replica its pod <set>-<n> and its claim <template>-<set>-<n>, provisioned in the pod\'s zone (WaitForFirstConsumer)', () => {
    const tc = TestCluster.of('multi-az');
    expect(tc.apply(set())[0]!.outcome).toBe('created');
    const view = viewOf(tc.state);
    expect(names(tc, 'Pod')).toEqual(['web-0', 'web-1', 'web-2']);
    expect(names(tc, 'PersistentVolumeClaim')).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    for (const i of [0, 1, 2]) {
      const pod = tc.get('Pod', `default/web-${i}`)!;
      expect(pod.status?.phase).toBe('Running');
      expect(pod.spec).toMatchObject({ hostname: `web-${i}`, subdomain: 'web' });
      expect(pod.spec?.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: `www-web-${i}` } });
      expect(pod.metadata.labels).toMatchObject({ app: 'web', 'statefulset.kubernetes.io/pod-name': `web-${i}`, 'apps.kubernetes.io/pod-index': String(i) });
      expect(pod.metadata.labels?.['controller-revision-hash']).toMatch(/^web-/);
      expect(pod.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'StatefulSet', name: 'web', controller: true })]);
      const claim = tc.get('PersistentVolumeClaim', `default/www-web-${i}`)!;
      // Through the create door: the default class (admission) and the selector's labels.
      expect(claim.spec?.storageClassName).toBe('gp3');
      expect(claim.metadata.labels).toEqual({ app: 'web' });
      expect(claim.status?.phase).toBe('Bound');
      const pv = view.get('PersistentVolume', claim.spec!.volumeName!)!;
      const zone = view.get('Node', pod.spec!.nodeName!)!.metadata.labels![ZONE];
      expect(pv.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]!.matchExpressions![0]).toMatchObject({ key: ZONE, values: [zone] });
    }
    expect(tc.events('StatefulSet', 'web')).toEqual([
      'Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'Normal SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      'Normal SuccessfulCreate create Claim www-web-2 Pod web-2 in StatefulSet web success',
      'Normal SuccessfulCreate create Pod web-2 in StatefulSet web successful',
    ]);
    expect(tc.get('StatefulSet', 'default/web')!.status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, collisionCount: 0 });
  });

  it('OrderedReady waits for each pod to be Running and Ready; Parallel creates them all', () => {
    // No node: web-0 stays Pending, so an ordered set goes no further.
    const ordered = TestCluster.of('empty');
    ordered.apply(set(plain));
    expect(names(ordered, 'Pod')).toEqual(['web-0']);
    const parallel = TestCluster.of('empty');
    parallel.apply(set({ ...plain, podManagementPolicy: 'Parallel' }));
    expect(names(parallel, 'Pod')).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('scales down from the highest ordinal and keeps the claims, which the pods get back on scale up', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(set());
    const volumes = [0, 1, 2].map((i) => tc.get('PersistentVolumeClaim', `default/www-web-${i}`)!.spec!.volumeName);
    patch(tc, { spec: { replicas: 1 } });
    expect(names(tc, 'Pod')).toEqual(['web-0']);
    expect(names(tc, 'PersistentVolumeClaim')).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
    const deletes = tc.events('StatefulSet', 'web').filter((e) => e.includes('SuccessfulDelete'));
    expect(deletes).toEqual(['Normal SuccessfulDelete delete Pod web-2 in StatefulSet web successful', 'Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful']);
    expect(tc.get('StatefulSet', 'default/web')!.status).toMatchObject({ replicas: 1, readyReplicas: 1 });
    patch(tc, { spec: { replicas: 3 } });
    expect(names(tc, 'Pod')).toEqual(['web-0', 'web-1', 'web-2']);
    expect([0, 1, 2].map((i) => tc.get('PersistentVolumeClaim', `default/www-web-${i}`)!.spec!.volumeName)).toEqual(volumes);
    expect(tc.phase('Pod', 'default/web-2')).toBe('Running');
  });

  it('whenScaled: Delete hands a condemned pod\'s claim to the pod, and the garbage collector removes it', () => {
    const tc = TestCluster.of('kind');
    tc.apply(set({ persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } }));
    expect(tc.get('StatefulSet', 'default/web')!.spec?.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Delete' });
    expect(tc.get('PersistentVolumeClaim', 'default/www-web-2')!.metadata.ownerReferences).toBeUndefined();
    patch(tc, { spec: { replicas: 2 } });
    expect(names(tc, 'PersistentVolumeClaim')).toEqual(['www-web-0', 'www-web-1']);
  });

  it('whenDeleted: Delete makes the set own the claims, so they go with it; Retain keeps them', () => {
    const tc = TestCluster.of('kind');
    tc.apply(set({ replicas: 2, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }));
    const uid = tc.get('StatefulSet', 'default/web')!.metadata.uid;
    expect(tc.get('PersistentVolumeClaim', 'default/www-web-0')!.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid, controller: true, blockOwnerDeletion: true },
    ]);
    tc.state = act(tc.state, 'delete', (txn) => deleteObject(txn, 'StatefulSet', 'default/web')).state;
    expect(names(tc, 'PersistentVolumeClaim')).toEqual([]);

    const kept = TestCluster.of('kind');
    kept.apply(set({ replicas: 2 }));
    kept.state = act(kept.state, 'delete', (txn) => deleteObject(txn, 'StatefulSet', 'default/web')).state;
    expect(names(kept, 'PersistentVolumeClaim')).toEqual(['www-web-0', 'www-web-1']);
  });

  it('a new template rolls out from the highest ordinal down', () => {
    const tc = TestCluster.of('kind');
    tc.apply(set({ ...plain, replicas: 2 }));
    patch(tc, { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    expect(viewOf(tc.state).list('Pod').map((p) => p.spec?.containers[0]!.image)).toEqual(['nginx:1.28', 'nginx:1.28']);
    const s = tc.get('StatefulSet', 'default/web')!.status!;
    expect(s.currentRevision).toBe(s.updateRevision);
    expect(tc.events('StatefulSet', 'web').filter((e) => e.includes('SuccessfulDelete'))).toEqual([
      'Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
      'Normal SuccessfulDelete delete Pod web-0 in StatefulSet web successful',
    ]);
  });

  it('a template the pod rules refuse shows as FailedCreate, in the API server\'s words (not kubectl\'s "The …")', () => {
    const tc = TestCluster.of('kind');
    // The container mounts `www`, but no claim template or volume of that name exists.
    tc.apply(set({ volumeClaimTemplates: [] }));
    expect(names(tc, 'Pod')).toEqual([]);
    expect(tc.events('StatefulSet', 'web')).toEqual([
      'Warning FailedCreate create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "www"',
    ]);
  });

  it('refuses changes outside the mutable fields, pods that do not always restart, and an empty selector, in the API server\'s words', () => {
    const tc = TestCluster.of('kind');
    tc.apply(set({ replicas: 1 }));
    const r = patch(tc, { spec: { serviceName: 'other' } });
    expect(r.ok ? '' : r.error.message).toBe(
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
    expect(patch(tc, { spec: { replicas: 2 } }).ok).toBe(true);
    const bad = TestCluster.of('kind').apply({ ...set(), spec: { ...set().spec, template: { ...set().spec.template, spec: { ...set().spec.template.spec, restartPolicy: 'Never' } } } });
    expect(bad[0]!.error?.message).toBe('The StatefulSet "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
    const empty = TestCluster.of('kind').apply(set({ selector: {} }));
    expect(empty[0]!.error?.message).toContain('spec.selector: Invalid value: {}: empty selector is invalid for statefulset');
  });
});
