// The write door's answers that do not depend on a kind: AlreadyExists and NotFound named by the
// qualified resource, and the optimistic lock on a stale resourceVersion.
import { describe, expect, it } from 'vitest';
import { createCluster, type Stored } from '../index.ts';
import { applyManifest } from '../write.ts';

const SC = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: x.io/y\n';
const CM = (rv?: string, value = 'a') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${rv ? `  resourceVersion: "${rv}"\n` : ''}data:\n  k: ${value}\n`;

describe('the write door', () => {
  it('names the resource with its group in AlreadyExists and NotFound', () => {
    const first = applyManifest(createCluster({ preset: 'bare' }), SC, { mode: 'create' });
    expect(applyManifest(first.state, SC, { mode: 'create' }).result[0]!.error?.message).toBe('storageclasses.storage.k8s.io "fast" already exists');
    const gone = applyManifest(first.state, SC.replace('fast', 'slow'), { mode: 'delete' });
    expect(gone.result[0]!.error?.message).toBe('storageclasses.storage.k8s.io "slow" not found');
  });

  it('refuses an apply that carries a stale resourceVersion with a Conflict, and accepts the live one', () => {
    const first = applyManifest(createCluster({ preset: 'bare' }), CM(), { mode: 'apply' });
    const live = first.state.objects.ConfigMap!['default/c']!.metadata.resourceVersion!;
    const stale = applyManifest(first.state, CM(String(Number(live) - 1), 'b'), { mode: 'apply' });
    expect(stale.result[0]!.error?.api).toEqual({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
    });
    expect((stale.state.objects.ConfigMap!['default/c'] as Stored<'ConfigMap'>).data).toEqual({ k: 'a' });
    const current = applyManifest(first.state, CM(live, 'b'), { mode: 'apply' });
    expect(current.result[0]!.outcome).toBe('configured');
  });
});
