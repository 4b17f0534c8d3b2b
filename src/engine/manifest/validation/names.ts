// Object-name rules (k8s.io/apimachinery/pkg/util/validation) with their exact messages.
import { invalid, required, type FieldError } from './field-errors.ts';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export function validateName(name: unknown, rule: 'label' | 'subdomain'): FieldError[] {
  if (typeof name !== 'string' || name === '') return [required('metadata.name', 'name or generateName is required')];
  const errors: FieldError[] = [];
  const max = rule === 'label' ? 63 : 253;
  if (name.length > max) errors.push(invalid('metadata.name', name, `must be no more than ${max} characters`));
  const re = rule === 'label' ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
  if (!re.test(name)) errors.push(invalid('metadata.name', name, rule === 'label' ? LABEL_MESSAGE : SUBDOMAIN_MESSAGE));
  return errors;
}

export function isDns1123Label(s: string): boolean {
  return DNS1123_LABEL.test(s) && s.length <= 63;
}
