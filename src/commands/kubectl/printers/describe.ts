// `kubectl describe`: dispatches on the object's kind to the ported describer.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { describeDeployment, describeReplicaSet } from './apps.ts';
import { describeNamespace, describeNode } from './cluster.ts';
import { describeConfigMap, describeSecret } from './config.ts';
import { describeGeneric } from './generic.ts';
import { describePod } from './pods.ts';
import { describeServiceAccount } from './service-accounts.ts';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.ts';
import type { DescribeOptions, PrintableObject } from './types.ts';

/** kubectl prints this between objects when one describe command shows several. */
export const DESCRIBE_SEPARATOR = '\n\n';

/**
 * The text of `kubectl describe` for one object (ending with `\n`). The object must carry its
 * `kind`, as stored objects do. Kinds without a kubectl describer (CSIDriver, VolumeAttachment)
 * get kubectl's generic field dump.
 */
export function describeObject(obj: PrintableObject & { kind?: string }, options: DescribeOptions): string {
  const { now, events } = options;
  switch (obj.kind) {
    case 'PersistentVolume':
      return describePersistentVolume(obj as PersistentVolume, now, events);
    case 'PersistentVolumeClaim':
      return describePersistentVolumeClaim(obj as PersistentVolumeClaim, now, events, options.usedBy);
    case 'StorageClass':
      return describeStorageClass(obj as StorageClass, now, events);
    case 'Pod':
      return describePod(obj as Pod, now, events);
    case 'Node':
      return describeNode(obj as Node, now, events, options.pods, options.lease);
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    case 'ConfigMap':
      return describeConfigMap(obj as ConfigMap, now, events);
    case 'Secret':
      return describeSecret(obj as Secret);
    case 'ServiceAccount':
      return describeServiceAccount(obj as ServiceAccount, now, events);
    case 'Deployment':
      return describeDeployment(obj as Deployment, now, events, options.replicaSets);
    case 'ReplicaSet':
      return describeReplicaSet(obj as ReplicaSet, now, events, options.pods);
    default:
      return describeGeneric(obj, now, events);
  }
}
