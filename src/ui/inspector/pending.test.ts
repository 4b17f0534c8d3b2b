import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { countPending, explainPending } from './pending.ts';

const apply = (text: string, preset: 'bare' | 'kind' = 'bare') => applyManifest(createCluster({ preset, seed: 1 }), text, { mode: 'apply' }).state;

const PV = (name: string, size: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: ${size}
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/${name}
`;
const PVC = (name: string, size: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: ${size}
`;
const POD = (name: string, claim: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: nginx
      volumeMounts: [{ name: data, mountPath: /data }]
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: ${claim}
`;

describe('explainPending', () => {
  it('says nothing when everything is bound and running', () => {
    const state = apply([PV('small', '5Gi'), PVC('data', '2Gi'), POD('web', 'data')].join('---\n'));
    expect(countPending(state)).toBe(0);
    expect(explainPending(state)).toEqual([]);
  });

  it('lists the Pending claims, then the Pending pods, each with every candidate volume and the fix', () => {
    const state = apply([PV('small', '5Gi'), PVC('big', '10Gi'), POD('web', 'big')].join('---\n'));
    const pending = explainPending(state);
    expect(countPending(state)).toBe(2);
    expect(pending.map((p) => `${p.ref.kind}/${p.ref.name}`)).toEqual(['PersistentVolumeClaim/big', 'Pod/web']);
    const claim = pending[0]!.explanation;
    expect(claim.status).toBe('Pending');
    expect(claim.sections[0]!.rows).toEqual([{ name: 'small', verdict: 'no: too small: 5Gi < 10Gi requested' }]);
    expect(claim.fixes.join('\n')).toContain('create a PersistentVolume with 10Gi or more');
    expect(pending[1]!.explanation.subject).toBe('Pod default/web');
  });
});
