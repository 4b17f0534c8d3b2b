// Create-time validation of PersistentVolume, PersistentVolumeClaim and StorageClass
// (pkg/apis/core/validation, pkg/apis/storage/validation), with the API server's wording.
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/objects.ts';
import { parseQuantity } from '../../api/quantity.ts';
import { ACCESS_MODES, PV_SOURCE_FIELDS } from '../../api/storage.ts';
import { forbidden, invalid, required, unsupported, type FieldError } from './field-errors.ts';

const VOLUME_MODES = ['Block', 'Filesystem'] as const;
const PV_RECLAIM = ['Delete', 'Recycle', 'Retain'] as const;
const SC_RECLAIM = ['Delete', 'Retain'] as const;
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'] as const;

export function validateAccessModes(modes: unknown, field: string, requiredDetail?: string): FieldError[] {
  if (!Array.isArray(modes) || modes.length === 0) return [required(field, requiredDetail)];
  const errors: FieldError[] = [];
  for (const m of modes) {
    if (!(ACCESS_MODES as readonly unknown[]).includes(m)) errors.push(unsupported(field, m, ACCESS_MODES));
  }
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
    errors.push(forbidden(field, 'may not use ReadWriteOncePod with other access modes'));
  }
  return errors;
}

function validateVolumeMode(mode: unknown, field: string): FieldError[] {
  if (mode === undefined || (VOLUME_MODES as readonly unknown[]).includes(mode)) return [];
  return [unsupported(field, mode, VOLUME_MODES)];
}

function positiveQuantity(value: unknown, field: string): FieldError[] {
  if (value === undefined || value === null) return [required(field)];
  const q = parseQuantity(value as string | number);
  if (q.ok && q.quantity.nanos <= 0n) return [invalid(field, String(value), 'must be greater than zero')];
  return [];
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldError[] {
  const spec = pvc.spec ?? {};
  const errors = validateAccessModes(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required');
  const storage = spec.resources?.requests?.['storage'];
  errors.push(...positiveQuantity(storage, 'spec.resources[storage]'));
  errors.push(...validateVolumeMode(spec.volumeMode, 'spec.volumeMode'));
  return errors;
}

export function validatePersistentVolume(pv: PersistentVolume): FieldError[] {
  const spec = pv.spec ?? {};
  const errors: FieldError[] = [];
  if (!spec.capacity || Object.keys(spec.capacity).length === 0) {
    errors.push(required('spec.capacity'));
  } else {
    errors.push(...positiveQuantity(spec.capacity['storage'], 'spec.capacity[storage]'));
  }
  errors.push(...validateAccessModes(spec.accessModes, 'spec.accessModes'));
  const sources = PV_SOURCE_FIELDS.filter((f) => (spec as Record<string, unknown>)[f] !== undefined);
  if (sources.length === 0) errors.push(required('spec', 'must specify a volume type'));
  for (const extra of sources.slice(1)) errors.push(forbidden(`spec.${extra}`, 'may not specify more than 1 volume type'));
  if (spec.local && !spec.nodeAffinity) errors.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy !== undefined && !(PV_RECLAIM as readonly string[]).includes(policy)) {
    errors.push(unsupported('spec.persistentVolumeReclaimPolicy', policy, PV_RECLAIM));
  }
  if (policy === 'Recycle' && spec.hostPath?.path === '/') {
    errors.push(forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"));
  }
  if (spec.hostPath && !spec.hostPath.path) errors.push(required('spec.hostPath.path'));
  errors.push(...validateVolumeMode(spec.volumeMode, 'spec.volumeMode'));
  return errors;
}

/** Warnings the API server returns with a successful create (`Warning: …` on kubectl's stderr). */
export function persistentVolumeWarnings(pv: PersistentVolume): string[] {
  return pv.spec?.persistentVolumeReclaimPolicy === 'Recycle'
    ? [
        'spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.',
      ]
    : [];
}

export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errors: FieldError[] = [];
  if (!sc.provisioner) errors.push(required('provisioner'));
  if (sc.reclaimPolicy !== undefined && !(SC_RECLAIM as readonly string[]).includes(sc.reclaimPolicy)) {
    errors.push(unsupported('reclaimPolicy', sc.reclaimPolicy, SC_RECLAIM));
  }
  if (sc.volumeBindingMode !== undefined && !(BINDING_MODES as readonly string[]).includes(sc.volumeBindingMode)) {
    errors.push(unsupported('volumeBindingMode', sc.volumeBindingMode, BINDING_MODES));
  }
  return errors;
}
