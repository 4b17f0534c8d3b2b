import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import type { Stored } from '../../api/objects.ts';
import { stableStringify } from '../../../lib/deep.ts';
import { fnv1a, safeEncodeHash } from '../../runtime/ids.ts';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** `pod-template-hash`: a stable hash of the template, encoded like ComputeHash + SafeEncodeString. */
export function templateHash(template: PodTemplateSpec | undefined): string {
  return safeEncodeHash(fnv1a(stableStringify(template ?? {})));
}

export function ownerRef(owner: Stored<'Deployment'> | Stored<'ReplicaSet'>): OwnerReference {
  return { apiVersion: 'apps/v1', kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export function isOwnedBy(meta: ObjectMeta, owner: { metadata: ObjectMeta }): boolean {
  return (meta.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid);
}
