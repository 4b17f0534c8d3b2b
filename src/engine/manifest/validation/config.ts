// ConfigMap and Secret validation (pkg/apis/core/validation ValidateConfigMap / ValidateSecret):
// key names (IsConfigMapKey), a key in both data and binaryData, and the 1 MiB total size.
import type { ConfigMap, Secret } from '../../api/objects.ts';
import { invalid, tooLong, type FieldError } from './field-errors.ts';
import { byteLength } from './metadata.ts';

/** core.MaxSecretSize, the limit on a ConfigMap's or Secret's data (and an etcd value's comfort). */
export const MAX_SECRET_SIZE = 1024 * 1024;

const KEY_RE = /^[-._a-zA-Z0-9]+$/;
const KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** IsConfigMapKey: at most 253 characters, the character set, and no '.', '..' or '..' prefix. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!KEY_RE.test(key)) errs.push(KEY_MESSAGE);
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errors: FieldError[] = [];
  const data = cm.data ?? {};
  const binary = cm.binaryData ?? {};
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const msg of configKeyErrors(key)) errors.push(invalid(`data[${key}]`, key, msg));
    // Only the data side reports the clash, as the API server does.
    if (Object.hasOwn(binary, key)) errors.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
    total += typeof data[key] === 'string' ? byteLength(data[key]) : 0;
  }
  for (const key of Object.keys(binary).sort()) {
    for (const msg of configKeyErrors(key)) errors.push(invalid(`binaryData[${key}]`, key, msg));
    total += decodedLength(binary[key]);
  }
  // The path is empty (printed `[]`): the error is about the whole object.
  if (total > MAX_SECRET_SIZE) errors.push(tooLong('[]', MAX_SECRET_SIZE));
  return errors;
}

export function validateSecret(secret: Secret): FieldError[] {
  const errors: FieldError[] = [];
  const data = secret.data ?? {};
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const msg of configKeyErrors(key)) errors.push(invalid(`data[${key}]`, key, msg));
    total += decodedLength(data[key]);
  }
  if (total > MAX_SECRET_SIZE) errors.push(tooLong('data', MAX_SECRET_SIZE));
  return errors;
}

/** Bytes behind a base64 value (Secret data, ConfigMap binaryData are []byte on the server). */
function decodedLength(b64: unknown): number {
  if (typeof b64 !== 'string') return 0;
  const clean = b64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}
