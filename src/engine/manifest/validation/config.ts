// ConfigMap and Secret validation: key names (IsConfigMapKey).
import type { ConfigMap, Secret } from '../../api/objects.ts';
import { invalid, type FieldError } from './field-errors.ts';

const KEY_RE = /^[-._a-zA-Z0-9]+$/;
const KEY_MESSAGE = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  return [...keys(cm.data, 'data'), ...keys(cm.binaryData, 'binaryData')];
}

export function validateSecret(secret: Secret): FieldError[] {
  return keys(secret.data, 'data');
}

function keys(map: Record<string, unknown> | undefined, field: string): FieldError[] {
  return Object.keys(map ?? {})
    .filter((k) => !KEY_RE.test(k) || k === '.' || k === '..')
    .map((k) => invalid(`${field}[${k}]`, k, KEY_MESSAGE));
}
