// The API server's error body: every failure is a `meta.k8s.io/v1`-style `Status` (apiVersion v1)
// with the HTTP code kubectl reads the reason from. The engine's doors make the errors and word
// them; this only maps them onto the wire (apimachinery's StatusError shapes).
import { KINDS, type ApiError, type Kind } from '../engine/index.ts';
import { serverMessage } from '../commands/kubectl/errors.ts';

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: { reason?: string; message: string; field?: string }[];
}

const CODES: Record<ApiError['reason'], number> = {
  BadRequest: 400,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
};

/** The Status for an engine error about `kind`/`name` (the resource and name the request named). */
export function statusOf(err: ApiError, about?: { kind: Kind; name?: string }): Status {
  const code = CODES[err.reason] ?? 500;
  const info = about ? KINDS[about.kind] : undefined;
  let details: StatusDetails | undefined;
  if (err.reason === 'Invalid' && err.details) {
    // Invalid names the kind (not the resource) and lists each field error as a cause; kubectl
    // prints `The Kind "name" is invalid:` then `field: message` per cause.
    details = {
      name: err.details.name,
      ...(info?.group ? { group: info.group } : {}),
      kind: err.details.kind,
      causes: err.details.causes.map(causeOf),
    };
  } else if (info && err.reason !== 'BadRequest') {
    details = { ...(about?.name !== undefined ? { name: about.name } : {}), ...(info.group ? { group: info.group } : {}), kind: info.plural };
  }
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: serverMessage(err),
    reason: err.reason,
    ...(details ? { details } : {}),
    code,
  };
}

/** A Status for a failure the HTTP face finds itself (a bad body, an unknown path). */
export function failure(code: number, reason: string, message: string, details?: StatusDetails): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, ...(reason ? { reason } : {}), ...(details ? { details } : {}), code };
}

/** `Success` with the deleted object's name, what DELETE answers when the object is gone at once. */
export function success(kind: Kind, name: string, uid: string | undefined): Status {
  const info = KINDS[kind];
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name, ...(info.group ? { group: info.group } : {}), kind: info.plural, ...(uid ? { uid } : {}) },
    code: 200,
  };
}

/**
 * The engine words each field error as `field: message` (field.Error's Error()); the wire carries
 * the two apart, with the cause's reason named from its message as field.ErrorType does.
 */
function causeOf(text: string): { reason: string; message: string; field: string } {
  const at = text.indexOf(': ');
  const field = at > 0 ? text.slice(0, at) : '';
  const message = field ? text.slice(at + 2) : text;
  return { reason: CAUSE_REASONS.find(([prefix]) => message.startsWith(prefix))?.[1] ?? 'FieldValueInvalid', message, field };
}

const CAUSE_REASONS: [string, string][] = [
  ['Required value', 'FieldValueRequired'],
  ['Invalid value', 'FieldValueInvalid'],
  ['Unsupported value', 'FieldValueNotSupported'],
  ['Forbidden', 'FieldValueForbidden'],
  ['Duplicate value', 'FieldValueDuplicate'],
  ['Too long', 'FieldValueTooLong'],
  ['Too many', 'FieldValueTooMany'],
  ['Not found', 'FieldValueNotFound'],
  ['Internal error', 'InternalError'],
];
