// Job validation (pkg/apis/batch/validation ValidateJob, ValidateJobSpec, ValidateJobUpdate):
// counts that may not be negative, pods that end (restartPolicy OnFailure or Never), a selector
// the server generates unless `manualSelector` says otherwise, and a template and completion
// count fixed once the Job exists.
import type { Job } from '../../api/objects.ts';
import { selectorMatches } from '../../api/labels.ts';
import { deepEqual } from '../../../lib/deep.ts';
import { invalid, required, unsupported, type FieldError } from './field-errors.ts';
import { validateAnnotations, validateLabels } from './metadata.ts';
import { validatePodSpec } from './pod.ts';
import { validateLabelSelector } from './workloads.ts';

/** The label the server's generated selector matches on (batch.kubernetes.io/controller-uid). */
export const JOB_CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';

export function validateJob(job: Job): FieldError[] {
  const spec = job.spec;
  if (!spec) return [required('spec')];
  const errors: FieldError[] = [];
  for (const field of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'] as const) {
    const v = spec[field];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) errors.push(invalid(`spec.${field}`, v, 'must be greater than or equal to 0'));
  }
  const selector = spec.selector;
  if (spec.manualSelector === true) {
    if (!selector) errors.push(required('spec.selector', ''));
    else {
      errors.push(...validateLabelSelector(selector, 'spec.selector'));
      const labels = spec.template?.metadata?.labels ?? {};
      if (!selectorMatches(selector, labels)) {
        errors.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
      }
    }
  } else if (selector && (job.metadata?.uid === undefined || selector.matchLabels?.[JOB_CONTROLLER_UID] !== job.metadata.uid)) {
    // A selector the learner wrote (on create there is no uid yet): the server only accepts its own.
    errors.push(invalid('spec.selector', selector, '`selector` not auto-generated'));
  }
  errors.push(...validateLabels(spec.template?.metadata?.labels, 'spec.template.labels'));
  errors.push(...validateAnnotations(spec.template?.metadata?.annotations, 'spec.template.annotations'));
  errors.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
  // The template's restartPolicy was defaulted to Always when left out: both read as "missing".
  const restart = spec.template?.spec?.restartPolicy ?? '';
  if (restart === 'Always' || restart === '') {
    errors.push(required('spec.template.spec.restartPolicy', 'valid values: "OnFailure", "Never"'));
  } else if (restart !== 'OnFailure' && restart !== 'Never') {
    errors.push(unsupported('spec.template.spec.restartPolicy', restart, ['OnFailure', 'Never']));
  }
  return errors;
}

/** ValidateJobSpecUpdate: the selector, the template (of a Job that is not suspended) and completions are fixed. */
export function jobUpdate(old: Job, next: Job): FieldError[] {
  const errors: FieldError[] = [];
  if (!deepEqual(old.spec?.selector, next.spec?.selector)) errors.push(invalid('spec.selector', next.spec?.selector, 'field is immutable'));
  if (!deepEqual(old.spec?.template, next.spec?.template) && old.spec?.suspend !== true) {
    errors.push(invalid('spec.template', next.spec?.template, 'field is immutable'));
  }
  if (old.spec?.completions !== next.spec?.completions) errors.push(invalid('spec.completions', next.spec?.completions, 'field is immutable'));
  return errors;
}
