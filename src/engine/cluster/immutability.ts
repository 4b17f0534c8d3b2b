// Update validation: which fields may change after creation (ValidateXUpdate in
// pkg/apis/*/validation), with the API server's messages.
import type { PersistentVolumeClaim, StorageClass, Stored } from '../api/objects.ts';
import { compareQuantities, mustParseQuantity } from '../api/quantity.ts';
import { PV_SOURCE_FIELDS } from '../api/storage.ts';
import { forbidden, invalid, type FieldError } from '../manifest/validation/field-errors.ts';
import { jsonEqual } from './json-equal.ts';

export const PVC_IMMUTABLE =
  'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';
export const POD_IMMUTABLE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

// Every update is checked, a controller's too: compare without serialising (undefined and null alike, as deepEqual has it).
const same = (a: unknown, b: unknown): boolean => jsonEqual(a ?? null, b ?? null);

// One function per kind (the registry maps each kind to its own): the errors for changing `old`
// into `next`. Kinds not listed here may change freely.

export function persistentVolumeUpdate(old: Stored<'PersistentVolume'>, next: Stored<'PersistentVolume'>): FieldError[] {
  const o = old.spec ?? {};
  const n = next.spec ?? {};
  const errors: FieldError[] = [];
  const src = (s: object) => PV_SOURCE_FIELDS.map((f) => (s as Record<string, unknown>)[f]);
  if (!same(src(o), src(n))) errors.push(forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  if ((o.volumeMode ?? 'Filesystem') !== (n.volumeMode ?? 'Filesystem')) errors.push(invalid('spec.volumeMode', n.volumeMode, 'field is immutable'));
  if (o.nodeAffinity && !same(o.nodeAffinity, n.nodeAffinity)) errors.push(invalid('spec.nodeAffinity', '', 'field is immutable'));
  return errors;
}

export function storageClassUpdate(o: StorageClass, next: StorageClass): FieldError[] {
  const errors: FieldError[] = [];
  if (!same(o.parameters, next.parameters)) errors.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (o.provisioner !== next.provisioner) errors.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (o.reclaimPolicy !== next.reclaimPolicy) errors.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (o.volumeBindingMode !== next.volumeBindingMode) errors.push(invalid('volumeBindingMode', next.volumeBindingMode, 'field is immutable'));
  return errors;
}

export function podUpdate(old: Stored<'Pod'>, next: Stored<'Pod'>): FieldError[] {
  // spec.nodeName is not among the fields an update may change, set or not: only the scheduler's
  // binding (bindPod, POST pods/binding) places a pod.
  const strip = (s: Stored<'Pod'>['spec']) =>
    s && { ...s, containers: s.containers.map((c) => ({ ...c, image: '' })), activeDeadlineSeconds: 0, tolerations: [] };
  return same(strip(old.spec), strip(next.spec)) ? [] : [forbidden('spec', POD_IMMUTABLE)];
}

export function workloadUpdate<T extends Stored<'Deployment'> | Stored<'ReplicaSet'>>(old: T, next: T): FieldError[] {
  return same(old.spec?.selector, next.spec?.selector) ? [] : [invalid('spec.selector', next.spec?.selector, 'field is immutable')];
}

export function configDataUpdate<T extends Stored<'ConfigMap'> | Stored<'Secret'>>(o: T, next: T): FieldError[] {
  if (o.immutable !== true) return [];
  const errors: FieldError[] = [];
  if (!same(o.data, next.data)) errors.push(forbidden('data', 'field is immutable when `immutable` is set'));
  if (next.immutable !== true) errors.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  return errors;
}

/** Kinds whose every field may change after creation (as far as we model them). */
export function noUpdateRules(): FieldError[] {
  return [];
}

export function persistentVolumeClaimUpdate(old: PersistentVolumeClaim, next: PersistentVolumeClaim): FieldError[] {
  const o = old.spec ?? {};
  const n = next.spec ?? {};
  const bound = old.status?.phase === 'Bound';
  // The changes the API server tolerates: volumeName set once, class nil → value once, size while bound.
  const comparable = (s: typeof o) => ({
    ...s,
    resources: bound ? { ...s.resources, requests: undefined } : s.resources,
    volumeName: o.volumeName ? s.volumeName : undefined,
    storageClassName: o.storageClassName === undefined ? undefined : s.storageClassName,
    volumeAttributesClassName: undefined,
  });
  if (!same(comparable(o), comparable(n))) {
    const errors: FieldError[] = [forbidden('spec', PVC_IMMUTABLE)];
    if ((o.volumeMode ?? 'Filesystem') !== (n.volumeMode ?? 'Filesystem')) errors.push(invalid('spec.volumeMode', n.volumeMode, 'field is immutable'));
    return errors;
  }
  const newSize = n.resources?.requests?.['storage'];
  const oldSize = o.resources?.requests?.['storage'];
  const capacity = old.status?.capacity?.['storage'];
  // RecoverVolumeExpansionFailure (GA): a request may shrink, but not to or below the capacity the
  // claim already has. Growing is admission's business (PersistentVolumeClaimResize), not validation's.
  const shrunk = newSize !== undefined && oldSize !== undefined && newSize !== oldSize && compareQuantities(mustParseQuantity(newSize), mustParseQuantity(oldSize)) < 0;
  if (bound && shrunk && capacity && compareQuantities(mustParseQuantity(newSize), mustParseQuantity(capacity)) <= 0) {
    return [forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity')];
  }
  return [];
}
