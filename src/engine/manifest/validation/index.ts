// Create- and update-time validation for every kind a learner may apply: the object's metadata
// (name by the kind's rule, labels, annotations), then the kind's own rules.
import type { AnyStored, Kind } from '../../api/objects.ts';
import type { FieldError } from './field-errors.ts';
import { validateObjectMeta } from './metadata.ts';
import type { NameRule } from './names.ts';
import { validatePod } from './pod.ts';
import { validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass } from './storage.ts';
import { validateWorkload } from './workloads.ts';
import { validateConfigMap, validateSecret } from './config.ts';

export { formatFieldError, formatInvalid, type FieldError } from './field-errors.ts';

/**
 * Each kind's ValidateXName: a Namespace is a DNS-1123 label (it becomes a DNS name part); every
 * other kind we model (Pod, Node, ConfigMap, Secret, ServiceAccount, PV, PVC, StorageClass,
 * CSIDriver, Deployment, ReplicaSet, …) is a DNS-1123 subdomain.
 */
export function nameRule(kind: Kind): NameRule {
  return kind === 'Namespace' ? 'label' : 'subdomain';
}

export function validateObject(obj: AnyStored): FieldError[] {
  const errors = validateObjectMeta(obj.metadata, nameRule(obj.kind));
  switch (obj.kind) {
    case 'PersistentVolume':
      return [...errors, ...validatePersistentVolume(obj)];
    case 'PersistentVolumeClaim':
      return [...errors, ...validatePersistentVolumeClaim(obj)];
    case 'StorageClass':
      return [...errors, ...validateStorageClass(obj)];
    case 'Pod':
      return [...errors, ...validatePod(obj)];
    case 'Deployment':
    case 'ReplicaSet':
      return [...errors, ...validateWorkload(obj)];
    case 'ConfigMap':
      return [...errors, ...validateConfigMap(obj)];
    case 'Secret':
      return [...errors, ...validateSecret(obj)];
    default:
      return errors;
  }
}
