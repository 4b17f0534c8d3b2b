// ObjectMeta validation (apimachinery pkg/api/validation ValidateObjectMetaAccessor and
// pkg/apis/meta/v1/validation ValidateLabels), with v1.34's exact messages: name and
// generateName by the kind's rule, label keys and values, annotation keys and total size.
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { invalid, required, tooLong, type FieldError } from './field-errors.ts';
import { nameMessages, type NameRule } from './names.ts';

/** apimachinery TotalAnnotationSizeLimitB: keys plus values, in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** Bytes of a string as Go's len() counts them (UTF-8; a lone surrogate is encoded as U+FFFD), counted without encoding it: every write validates its annotations. */
export function byteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** IsQualifiedName: `[prefix/]name`, the prefix a DNS subdomain, the name ≤ 63 characters. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    return [`a qualified name ${QUALIFIED_NAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errs: string[] = [];
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') errs.push('prefix part must be non-empty');
    else errs.push(...nameMessages(prefix, 'subdomain').map((m) => `prefix part ${m}`));
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME_RE.test(name)) errs.push(`name part ${QUALIFIED_NAME_MSG}`);
  return errs;
}

/** IsValidLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE_RE.test(value)) errs.push(LABEL_VALUE_MSG);
  return errs;
}

/**
 * ValidateLabels. Go walks the map in random order; we walk keys sorted so the message is stable.
 * A non-string value (the decoder's business) is skipped here.
 */
export function validateLabels(labels: Readonly<Record<string, unknown>> | undefined, field: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(labels ?? {}).sort()) {
    for (const msg of qualifiedNameErrors(key)) errors.push(invalid(field, key, msg));
    const value = labels![key];
    if (typeof value === 'string') for (const msg of labelValueErrors(value)) errors.push(invalid(field, value, msg));
  }
  return errors;
}

/** Annotation keys come from a small set and every write checks them again: each is checked once. */
const ANNOTATION_KEY_ERRORS = new Map<string, string[]>();
function annotationKeyErrors(key: string): string[] {
  let errors = ANNOTATION_KEY_ERRORS.get(key);
  if (!errors) {
    errors = qualifiedNameErrors(key.toLowerCase());
    if (ANNOTATION_KEY_ERRORS.size < 4096) ANNOTATION_KEY_ERRORS.set(key, errors);
  }
  return errors;
}

/** ValidateAnnotations: keys are qualified names (case-insensitive), and all of it fits in 256 KiB. */
export function validateAnnotations(annotations: Readonly<Record<string, unknown>> | undefined, field: string): FieldError[] {
  const errors: FieldError[] = [];
  let total = 0;
  for (const key of Object.keys(annotations ?? {}).sort()) {
    for (const msg of annotationKeyErrors(key)) errors.push(invalid(field, key, msg));
    const value = annotations![key];
    total += byteLength(key) + (typeof value === 'string' ? byteLength(value) : 0);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errors.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errors;
}

/** ValidateObjectMetaAccessor for create and update: generateName, name, labels, annotations. */
export function validateObjectMeta(meta: ObjectMeta, rule: NameRule): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof meta.generateName === 'string' && meta.generateName !== '') {
    for (const msg of nameMessages(meta.generateName, rule, true)) errors.push(invalid('metadata.generateName', meta.generateName, msg));
  }
  const name = meta.name;
  if (typeof name !== 'string' || name === '') errors.push(required('metadata.name', 'name or generateName is required'));
  else for (const msg of nameMessages(name, rule)) errors.push(invalid('metadata.name', name, msg));
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  errors.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errors;
}
