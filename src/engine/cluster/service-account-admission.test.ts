// ServiceAccount admission on pod create: the default account, the Forbidden error for a missing
// one, the kube-api-access-* projected volume and its mounts, and pods made by a ReplicaSet.
import { describe, expect, it } from 'vitest';
import { act, createCluster, viewOf } from '../index.ts';
import { TestCluster } from '../testing/harness.ts';
import { admitPodServiceAccount, API_TOKEN_MOUNT_PATH, tokenVolume } from './service-account-admission.ts';
import { beginTxn } from './store.ts';
import { writeObject } from './apply.ts';
import type { Stored } from '../api/objects.ts';

const pod = (spec: Record<string, unknown> = {}, name = 'web') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
});
const SUFFIX = /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

describe('ServiceAccount admission', () => {
  it('runs a pod as default and mounts the token volume read-only in every container and init container', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod({ initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] }));
    const p = tc.get('Pod', 'default/web')!;
    expect(p.spec!.serviceAccountName).toBe('default');
    expect(p.spec!.serviceAccount).toBe('default');
    const [volume] = p.spec!.volumes!;
    expect(volume!.name).toMatch(SUFFIX);
    expect(volume).toEqual(tokenVolume(volume!.name));
    expect(volume!.projected!.sources).toEqual([
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ]);
    for (const c of [...p.spec!.initContainers!, ...p.spec!.containers]) {
      expect(c.volumeMounts).toEqual([{ name: volume!.name, readOnly: true, mountPath: API_TOKEN_MOUNT_PATH }]);
    }
    expect(p.status?.phase).toBe('Running');
  });

  it('refuses a pod whose account does not exist, in the API server\'s words', () => {
    const tc = TestCluster.of('kind');
    const [r] = tc.apply(pod({ serviceAccountName: 'robot' }));
    expect(r!.error?.api).toEqual({
      reason: 'Forbidden',
      message: 'pods "web" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found',
    });
    expect(tc.get('Pod', 'default/web')).toBeUndefined();
  });

  it('takes the deprecated serviceAccount field when it is the only one given', () => {
    const tc = TestCluster.of('kind');
    tc.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } }, pod({ serviceAccount: 'robot' }));
    expect(tc.get('Pod', 'default/web')!.spec).toMatchObject({ serviceAccountName: 'robot', serviceAccount: 'robot' });
  });

  it('mounts nothing when the pod, or else its account, says automountServiceAccountToken: false', () => {
    const tc = TestCluster.of('kind');
    tc.apply(
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'quiet' }, automountServiceAccountToken: false },
      pod({ automountServiceAccountToken: false }, 'a'),
      pod({ serviceAccountName: 'quiet' }, 'b'),
      pod({ serviceAccountName: 'quiet', automountServiceAccountToken: true }, 'c'),
    );
    expect(tc.get('Pod', 'default/a')!.spec!.volumes).toBeUndefined();
    expect(tc.get('Pod', 'default/b')!.spec!.containers[0]!.volumeMounts).toBeUndefined();
    expect(tc.get('Pod', 'default/c')!.spec!.volumes?.[0]?.name).toMatch(SUFFIX);
  });

  it('admits a pod in a namespace whose default account the controller has yet to make (the plugin waits for it)', () => {
    const base = createCluster({ preset: 'kind' });
    const r = act(base, 'apply', (txn) => {
      writeObject(txn, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fresh' } } as Stored<'Namespace'>, 'apply');
      return writeObject(txn, { ...pod(), metadata: { name: 'web', namespace: 'fresh' } } as Stored<'Pod'>, 'apply');
    });
    expect(r.result.ok).toBe(true);
    expect(viewOf(r.state).get('ServiceAccount', 'fresh/default')).toBeDefined();
  });

  it('keeps a kube-api-access volume the manifest already has (a copy of kubectl get -o yaml) and copies imagePullSecrets', () => {
    const txn = beginTxn(createCluster({ preset: 'kind' }));
    const sa = txn.get('ServiceAccount', 'default/default')!;
    txn.update({ ...sa, imagePullSecrets: [{ name: 'regcred' }] });
    const copied = {
      ...pod({
        containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'kube-api-access-abcde', mountPath: API_TOKEN_MOUNT_PATH, readOnly: true }] }],
        volumes: [tokenVolume('kube-api-access-abcde')],
      }),
      metadata: { name: 'web', namespace: 'default' },
    } as Stored<'Pod'>;
    const r = admitPodServiceAccount(txn, copied);
    expect(r.ok && r.object.spec!.volumes!.map((v) => v.name)).toEqual(['kube-api-access-abcde']);
    expect(r.ok && r.object.spec!.containers[0]!.volumeMounts).toHaveLength(1);
    expect(r.ok && r.object.spec!.imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });

  it('the same seed gives the same volume name; applying the same manifest again changes nothing', () => {
    const one = TestCluster.of('kind', 7);
    const two = TestCluster.of('kind', 7);
    one.apply(pod());
    two.apply(pod());
    expect(one.get('Pod', 'default/web')!.spec!.volumes).toEqual(two.get('Pod', 'default/web')!.spec!.volumes);
    const [again] = one.apply(pod());
    expect(again!.error).toBeUndefined();
    expect(again!.outcome).toBe('unchanged');
  });

  it('a ReplicaSet\'s pods go through it too: a missing account is a FailedCreate event naming the generateName', () => {
    const tc = TestCluster.of('kind');
    const template = { metadata: { labels: { app: 'web' } }, spec: { serviceAccountName: 'ghost', containers: [{ name: 'c', image: 'nginx' }] } };
    tc.apply({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template } });
    expect(viewOf(tc.state).list('Pod')).toEqual([]);
    expect(tc.events('ReplicaSet', 'web')).toEqual([
      'Warning FailedCreate Error creating: pods "web-" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found',
    ]);
    tc.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ghost' } });
    tc.state = act(tc.state, 'resync', () => undefined).state;
    const pods = viewOf(tc.state).list('Pod');
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.spec!.volumes!.some((v) => SUFFIX.test(v.name)))).toBe(true);
  });
});
