// What a container sees at /var/run/secrets/kubernetes.io/serviceaccount: the kubelet's ..data
// layout with token, ca.crt and namespace, on a read-only tmpfs.
import { describe, expect, it } from 'vitest';
import { execInPod } from '../index.ts';
import { TestCluster } from '../testing/harness.ts';
import { CLUSTER_CA_CRT } from '../controllers/root-ca-cert-publisher/index.ts';

const DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

describe('the service account token volume inside a container', () => {
  const tc = TestCluster.of('kind');
  tc.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  tc.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sh', namespace: 'team' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }] } });
  const run = (cmd: string) => {
    const r = execInPod(tc.state, 'team', 'sh', 'c', ['sh', '-c', cmd], '');
    if (!r.ok) throw new Error(r.reason);
    return r;
  };

  it('holds namespace, ca.crt and token as ..data symlinks', () => {
    expect(run(`ls ${DIR}`).stdout.split(/\s+/).filter(Boolean)).toEqual(['ca.crt', 'namespace', 'token']);
    expect(run(`ls -l ${DIR}/namespace`).stdout).toContain('namespace -> ..data/namespace');
    expect(run(`cat ${DIR}/namespace`).stdout).toBe('team');
    expect(run(`cat ${DIR}/ca.crt`).stdout).toBe(CLUSTER_CA_CRT);
  });

  it('the token is a JWT bound to the pod and its account', () => {
    const token = run(`cat ${DIR}/token`).stdout;
    const parts = token.split('.');
    expect(parts).toHaveLength(3);
    const claims = JSON.parse(atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(claims).toMatchObject({
      sub: 'system:serviceaccount:team:default',
      'kubernetes.io': { namespace: 'team', pod: { name: 'sh' }, serviceaccount: { name: 'default' } },
    });
    expect(claims['kubernetes.io'].warnafter - claims.iat).toBe(3607);
    expect(claims['kubernetes.io'].serviceaccount.uid).toBe(tc.get('ServiceAccount', 'team/default')!.metadata.uid);
  });

  it('is a read-only tmpfs', () => {
    expect(run('mount').stdout).toContain(`tmpfs on ${DIR} type tmpfs (ro,relatime)\n`);
    expect(run(`echo x > ${DIR}/extra`).code).not.toBe(0);
  });
});
