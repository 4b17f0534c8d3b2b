// Container resources (pkg/apis/core/validation ValidateContainerResourceRequirements): no
// negative quantity, and a request no bigger than its limit (equal, for hugepages), worded as
// the API server words them.
import type { ResourceRequirements } from 'kubernetes-types/core/v1';
import { canonicalQuantity, compareQuantities, parseQuantity } from '../../api/quantity.ts';
import { invalid, type FieldError } from './field-errors.ts';

const NEGATIVE = 'must be greater than or equal to 0';

export function validateResources(resources: ResourceRequirements | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const limits = resources?.limits ?? {};
  const requests = resources?.requests ?? {};
  for (const name of Object.keys(limits).sort()) errors.push(...nonNegative(limits[name], `${path}.limits[${name}]`));
  for (const name of Object.keys(requests).sort()) {
    errors.push(...nonNegative(requests[name], `${path}.requests[${name}]`));
    const req = quantity(requests[name]);
    const lim = Object.hasOwn(limits, name) ? quantity(limits[name]) : undefined;
    if (!req || !lim) continue;
    const cmp = compareQuantities(req, lim);
    const [reqText, limText] = [canonicalQuantity(requests[name]), canonicalQuantity(limits[name])];
    // Hugepages cannot be overcommitted: request and limit must be equal.
    if (name.startsWith('hugepages-') && cmp !== 0) errors.push(invalid(`${path}.requests`, reqText, `must be equal to ${name} limit of ${limText}`));
    else if (cmp > 0) errors.push(invalid(`${path}.requests`, reqText, `must be less than or equal to ${name} limit of ${limText}`));
  }
  return errors;
}

function nonNegative(value: unknown, field: string): FieldError[] {
  const q = quantity(value);
  return q && q.nanos < 0n ? [invalid(field, canonicalQuantity(value as string), NEGATIVE)] : [];
}

function quantity(value: unknown) {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const r = parseQuantity(value);
  return r.ok ? r.quantity : undefined;
}
