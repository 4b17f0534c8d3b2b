// Field errors worded exactly like k8s.io/apimachinery/pkg/util/validation/field, and their
// aggregation into the API server's "is invalid" message.

export type FieldErrorType = 'Required' | 'Invalid' | 'Unsupported' | 'Forbidden' | 'Duplicate' | 'NotFound' | 'TooMany' | 'TooLong';

export interface FieldError {
  type: FieldErrorType;
  /** Field path as the API server prints it: `spec.accessModes`, `spec.resources[storage]`. */
  field: string;
  value?: unknown;
  detail?: string;
  supported?: readonly string[];
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  Unsupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  Duplicate: 'Duplicate value',
  NotFound: 'Not found',
  TooMany: 'Too many',
  TooLong: 'Too long',
};

export const required = (field: string, detail?: string): FieldError => ({ type: 'Required', field, ...(detail ? { detail } : {}) });
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field, value, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value });
export const notFound = (field: string, value: unknown): FieldError => ({ type: 'NotFound', field, value });
/** field.TooLong: the value is never printed (v1.34: `Too long: may not be more than N bytes`). */
export const tooLong = (field: string, maxBytes: number): FieldError => ({
  type: 'TooLong',
  field,
  detail: `may not be more than ${maxBytes} ${maxBytes === 1 ? 'byte' : 'bytes'}`,
});
export const unsupported = (field: string, value: unknown, supported: readonly string[]): FieldError => ({
  type: 'Unsupported',
  field,
  value,
  supported,
});

/** `field: Type: value: detail`, as `field.Error.Error()` prints it. */
export function formatFieldError(e: FieldError): string {
  let out = `${e.field}: ${TYPE_TEXT[e.type]}`;
  const hasValue = e.type === 'Invalid' || e.type === 'Unsupported' || e.type === 'Duplicate' || e.type === 'NotFound';
  if (hasValue) out += `: ${formatValue(e.value)}`;
  if (e.type === 'Unsupported' && e.supported) {
    out += `: supported values: ${e.supported.map((s) => `"${s}"`).join(', ')}`;
  }
  if (e.detail) out += `: ${e.detail}`;
  return out;
}

/** `The PersistentVolumeClaim "data" is invalid: …`; several errors are listed in brackets. */
export function formatInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  // ErrorList.ToAggregate drops repeated messages.
  const parts = [...new Set(errors.map(formatFieldError))];
  const body = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return `The ${kind} "${name}" is invalid: ${body}`;
}

function formatValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  // ErrorBody renders any other value with json.Marshal: map keys sorted, and <, > and &
  // escaped as Go's encoder does by default.
  return JSON.stringify(sortedKeys(v)).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortedKeys(o[k])]));
}
