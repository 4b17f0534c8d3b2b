// Deployment / ReplicaSet validation (pkg/apis/apps/validation ValidateDeploymentSpec,
// ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet): replicas, the selector and its
// labels, the template's labels and annotations (at `spec.template.labels`, as the server
// words it), the selector matching them, and the pod spec.
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Deployment, ReplicaSet } from '../../api/objects.ts';
import { selectorMatches } from '../../api/labels.ts';
import { forbidden, invalid, required, type FieldError } from './field-errors.ts';
import { labelValueErrors, qualifiedNameErrors, validateAnnotations, validateLabels } from './metadata.ts';
import { validatePodSpec } from './pod.ts';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function validateWorkload(obj: Deployment | ReplicaSet): FieldError[] {
  const spec = obj.spec;
  const errors: FieldError[] = [];
  if (!spec) return [required('spec')];
  if (spec.replicas !== undefined && (!Number.isInteger(spec.replicas) || spec.replicas < 0)) {
    errors.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  const selector = spec.selector;
  const emptySelector = !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
  const selectorErrors = emptySelector ? [] : validateLabelSelector(selector, 'spec.selector');
  if (emptySelector) errors.push(required('spec.selector'));
  errors.push(...selectorErrors);
  // LabelSelectorAsSelector fails on what the checks above refuse; then no template check.
  if (selectorErrors.length > 0) errors.push(invalid('spec.selector', selector, 'invalid label selector'));
  const template = spec.template;
  if (!emptySelector && selectorErrors.length === 0) {
    const labels = template?.metadata?.labels ?? {};
    if (!selectorMatches(selector, labels)) {
      errors.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
    }
  }
  errors.push(...validateLabels(template?.metadata?.labels, 'spec.template.labels'));
  errors.push(...validateAnnotations(template?.metadata?.annotations, 'spec.template.annotations'));
  errors.push(...validatePodSpec(template?.spec, 'spec.template.spec'));
  return errors;
}

/** ValidateLabelSelector (strict: invalid values in expressions are refused). */
export function validateLabelSelector(selector: LabelSelector, field: string): FieldError[] {
  const errors = validateLabels(selector.matchLabels, `${field}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    const p = `${field}.matchExpressions[${i}]`;
    const values = expr.values ?? [];
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) errors.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0) errors.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else if (!OPERATORS.includes(expr.operator)) {
      errors.push(invalid(`${p}.operator`, expr.operator, 'not a valid selector operator'));
    }
    for (const msg of qualifiedNameErrors(expr.key ?? '')) errors.push(invalid(`${p}.key`, expr.key ?? '', msg));
    values.forEach((v, j) => {
      for (const msg of labelValueErrors(v)) errors.push(invalid(`${p}.values[${j}]`, v, msg));
    });
  });
  return errors;
}
