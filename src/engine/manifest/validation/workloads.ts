// Deployment / ReplicaSet validation (pkg/apis/apps/validation): selector, template labels, replicas.
import type { Deployment, ReplicaSet } from '../../api/objects.ts';
import { selectorMatches } from '../../api/labels.ts';
import { invalid, required, type FieldError } from './field-errors.ts';
import { validatePodSpec } from './pod.ts';

export function validateWorkload(obj: Deployment | ReplicaSet): FieldError[] {
  const spec = obj.spec;
  const errors: FieldError[] = [];
  if (!spec) return [required('spec')];
  if (!spec.selector || (Object.keys(spec.selector.matchLabels ?? {}).length === 0 && (spec.selector.matchExpressions ?? []).length === 0)) {
    errors.push(required('spec.selector'));
  } else {
    const labels = spec.template?.metadata?.labels ?? {};
    if (!selectorMatches(spec.selector, labels)) {
      errors.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
    }
  }
  if (spec.replicas !== undefined && (!Number.isInteger(spec.replicas) || spec.replicas < 0)) {
    errors.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  errors.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  return errors;
}
