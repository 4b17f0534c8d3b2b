// StatefulSet validation (pkg/apis/apps/validation ValidateStatefulSetSpec and
// ValidateStatefulSetUpdate): the same selector and template rules as the other workloads, plus
// what a set with stable identities needs (pods that always restart, a known pod management
// policy) and the one-line refusal of changes outside the fields a set may change.
import type { StatefulSet } from '../../api/objects.ts';
import { selectorMatches } from '../../api/labels.ts';
import { deepEqual } from '../../../lib/deep.ts';
import { forbidden, invalid, required, unsupported, type FieldError } from './field-errors.ts';
import { validateAnnotations, validateLabels } from './metadata.ts';
import { validateLabelSelector } from './workloads.ts';

export const STATEFULSET_SPEC_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

const RETENTION = ['Retain', 'Delete'];

export function validateStatefulSet(obj: StatefulSet): FieldError[] {
  const spec = obj.spec;
  if (!spec) return [required('spec')];
  const errors: FieldError[] = [];
  const policy = spec.podManagementPolicy;
  if (policy === undefined || policy === '') errors.push(required('spec.podManagementPolicy', ''));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errors.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = spec.updateStrategy?.type;
  if (strategy !== 'RollingUpdate' && strategy !== 'OnDelete') {
    errors.push(invalid('spec.updateStrategy', spec.updateStrategy, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    if (!RETENTION.includes(retention.whenDeleted ?? '')) {
      errors.push(unsupported('spec.persistentVolumeClaimRetentionPolicy.whenDeleted', retention.whenDeleted ?? '', RETENTION));
    }
    if (!RETENTION.includes(retention.whenScaled ?? '')) {
      errors.push(unsupported('spec.persistentVolumeClaimRetentionPolicy.whenScaled', retention.whenScaled ?? '', RETENTION));
    }
  }
  if (spec.replicas !== undefined && (!Number.isInteger(spec.replicas) || spec.replicas < 0)) {
    errors.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  const selector = spec.selector;
  let selectorOk = false;
  if (!selector) errors.push(required('spec.selector', ''));
  else {
    const selectorErrors = validateLabelSelector(selector, 'spec.selector');
    errors.push(...selectorErrors);
    const empty = Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
    if (empty) errors.push(invalid('spec.selector', selector, 'empty selector is invalid for statefulset'));
    selectorOk = selectorErrors.length === 0 && !empty;
  }
  const template = spec.template;
  if (selectorOk) {
    const labels = template?.metadata?.labels ?? {};
    if (!selectorMatches(selector, labels)) {
      errors.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
    }
  }
  errors.push(...validateLabels(template?.metadata?.labels, 'spec.template.labels'));
  errors.push(...validateAnnotations(template?.metadata?.annotations, 'spec.template.annotations'));
  // ValidatePodTemplateSpecForStatefulSet leaves the pod spec alone: its mounts name claim
  // templates the spec's volumes do not list. A bad spec shows when a pod is created.
  const restart = template?.spec?.restartPolicy ?? '';
  if (restart !== 'Always') errors.push(unsupported('spec.template.spec.restartPolicy', restart, ['Always']));
  (spec.volumeClaimTemplates ?? []).forEach((t, i) => {
    if (!t.metadata?.name) errors.push(required(`spec.volumeClaimTemplates[${i}].metadata.name`, 'name or generateName is required'));
  });
  return errors;
}

/** ValidateStatefulSetUpdate: only the fields the message names may change. */
export function statefulSetUpdate(old: StatefulSet, next: StatefulSet): FieldError[] {
  const mutable = (s: StatefulSet['spec']) =>
    s && { ...s, replicas: 0, ordinals: undefined, template: undefined, updateStrategy: undefined, persistentVolumeClaimRetentionPolicy: undefined, minReadySeconds: 0 };
  return deepEqual(mutable(old.spec), mutable(next.spec)) ? [] : [forbidden('spec', STATEFULSET_SPEC_FORBIDDEN)];
}
