// Create- and update-time validation for every kind a learner may apply: the object's metadata
// (name by the kind's rule, labels, annotations), then the kind's own rules.

export { formatFieldError, formatInvalid, type FieldError } from './field-errors.ts';

/** The per-kind dispatch (name rule, validate, validateUpdate) lives in the kind registry (src/engine/registry). */
export { validateObject, validateUpdate } from '../../registry/index.ts';
