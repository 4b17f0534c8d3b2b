// Status validation: what a write to a `/status` subresource may not do (ValidateXStatusUpdate in
// pkg/apis/core/validation). The status door keeps the stored spec and metadata, so only the rules
// about status itself are left; among the kinds we model, only a claim's status has one.
import type { AnyStored, Stored } from '../api/objects.ts';
import { parseQuantity, quantityValue } from '../api/quantity.ts';
import { invalid, type FieldError } from '../manifest/validation/field-errors.ts';

export function validateStatusUpdate(_old: AnyStored, next: AnyStored): FieldError[] {
  return next.kind === 'PersistentVolumeClaim' ? persistentVolumeClaimStatus(next) : [];
}

/** ValidatePersistentVolumeClaimStatusUpdate: each capacity must be a quantity that is not negative (validateBasicResource). */
function persistentVolumeClaimStatus(next: Stored<'PersistentVolumeClaim'>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [resource, value] of Object.entries(next.status?.capacity ?? {})) {
    const parsed = parseQuantity(value);
    if (!parsed.ok) continue; // a stored quantity always parses; decoding refuses the others
    const bytes = quantityValue(parsed.quantity);
    if (bytes < 0n) errors.push(invalid(`status.capacity[${resource}]`, Number(bytes), 'must be a valid resource quantity'));
  }
  return errors;
}
