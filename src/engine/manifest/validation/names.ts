// Object-name rules (k8s.io/apimachinery/pkg/util/validation and pkg/api/validation's
// NameIsDNSSubdomain / NameIsDNSLabel) with their exact messages.
import { invalid, required, type FieldError } from './field-errors.ts';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export type NameRule = 'label' | 'subdomain';

export const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/**
 * The messages IsDNS1123Label / IsDNS1123Subdomain give for a name. A generateName `prefix` may
 * end in '-' (maskTrailingDash: the last '-' is checked as if it were a letter).
 */
export function nameMessages(name: string, rule: NameRule, prefix = false): string[] {
  const checked = prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
  const errors: string[] = [];
  const max = rule === 'label' ? 63 : 253;
  if (checked.length > max) errors.push(`must be no more than ${max} characters`);
  const re = rule === 'label' ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
  // A valid subdomain that is not a valid label can only be failing for its dots: IsDNS1123Label says so.
  if (!re.test(checked)) errors.push(rule === 'subdomain' ? SUBDOMAIN_MESSAGE : DNS1123_SUBDOMAIN.test(checked) ? 'must not contain dots' : LABEL_MESSAGE);
  return errors;
}

export function validateName(name: unknown, rule: NameRule): FieldError[] {
  if (typeof name !== 'string' || name === '') return [required('metadata.name', 'name or generateName is required')];
  return nameMessages(name, rule).map((msg) => invalid('metadata.name', name, msg));
}

export function isDns1123Label(s: string): boolean {
  return DNS1123_LABEL.test(s) && s.length <= 63;
}
