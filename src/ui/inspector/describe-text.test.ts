import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { runScript } from '../../commands/script/run-script.ts';
import { describeArgv, describeText } from './describe-text.ts';

const MANIFEST = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: example-pv
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: example-pvc
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 2Gi
`;

const state = applyManifest(createCluster({ preset: 'bare', seed: 1 }), MANIFEST, { mode: 'apply' }).state;

describe('describeText', () => {
  it('prints what the terminal prints for kubectl describe pvc', () => {
    const ref = { kind: 'PersistentVolumeClaim' as const, namespace: 'default', name: 'example-pvc' };
    const got = describeText(state, ref);
    expect(got.ok).toBe(true);
    const text = got.ok ? got.text : '';
    expect(text).toBe(runScript('kubectl describe pvc example-pvc\n', { state, quiet: true, files: { read: () => undefined } }).chunks.map((c) => c.text).join(''));
    expect(text).toMatch(/^Name:\s+example-pvc\nNamespace:\s+default\nStorageClass:\s+\n/);
    expect(text).toMatch(/\nStatus:\s+Bound\nVolume:\s+example-pv\n/);
  });

  it('leaves the namespace out for cluster-scoped objects and names groups like kubectl', () => {
    expect(describeArgv({ kind: 'PersistentVolume', name: 'example-pv' })).toEqual(['kubectl', 'describe', 'persistentvolume', 'example-pv']);
    expect(describeArgv({ kind: 'StorageClass', name: 'fast' })).toEqual(['kubectl', 'describe', 'storageclass.storage.k8s.io', 'fast']);
    const pv = describeText(state, { kind: 'PersistentVolume', name: 'example-pv' });
    expect(pv.ok && pv.text).toMatch(/^Name:\s+example-pv\n/);
  });

  it("returns kubectl's error for an object that is gone", () => {
    expect(describeText(state, { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'nope' })).toEqual({
      ok: false,
      error: 'Error from server (NotFound): persistentvolumeclaims "nope" not found',
    });
  });
});
