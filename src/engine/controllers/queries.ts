// Read-only questions controllers ask of the store.
import type { Stored } from '../api/objects.ts';
import { pickDefaultClass, podVolumeClaimName } from '../api/storage.ts';
import type { Txn } from '../cluster/store.ts';

type Reader = Pick<Txn, 'list' | 'get'>;

/** Pods in the claim's namespace that name it in `spec.volumes`. */
export function podsUsingClaim(txn: Reader, claim: Stored<'PersistentVolumeClaim'>): Stored<'Pod'>[] {
  return txn
    .list('Pod', claim.metadata.namespace)
    .filter((pod) => (pod.spec?.volumes ?? []).some((v) => podVolumeClaimName(pod, v) === claim.metadata.name));
}

export function isPodTerminated(pod: Stored<'Pod'>): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

export function storageClassOf(txn: Reader, name: string): Stored<'StorageClass'> | undefined {
  return name ? txn.get('StorageClass', name) : undefined;
}

/** WaitForFirstConsumer? A missing class counts as Immediate (IsDelayBindingMode returns false on NotFound). */
export function isDelayBinding(txn: Reader, className: string): boolean {
  return storageClassOf(txn, className)?.volumeBindingMode === 'WaitForFirstConsumer';
}

export function defaultClass(txn: Reader): Stored<'StorageClass'> | undefined {
  return pickDefaultClass(txn.list('StorageClass'));
}

export function claimKeyOf(claim: Stored<'PersistentVolumeClaim'>): string {
  return `${claim.metadata.namespace}/${claim.metadata.name}`;
}
