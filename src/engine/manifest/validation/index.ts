// Create-time validation for every kind a learner may apply.
import type { AnyStored } from '../../api/objects.ts';
import type { FieldError } from './field-errors.ts';
import { validateName } from './names.ts';
import { validatePod } from './pod.ts';
import { validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass } from './storage.ts';
import { validateWorkload } from './workloads.ts';
import { validateConfigMap, validateSecret } from './config.ts';

export { formatFieldError, formatInvalid, type FieldError } from './field-errors.ts';

export function validateObject(obj: AnyStored): FieldError[] {
  const rule = obj.kind === 'Namespace' ? 'label' : 'subdomain';
  const errors = validateName(obj.metadata.name, rule);
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
