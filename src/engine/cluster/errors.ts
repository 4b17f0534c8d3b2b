// API errors the way the API server classifies them; kubectl prints them from these.
import { KINDS } from '../api/kinds.ts';
import type { Kind } from '../api/objects.ts';
export type ApiErrorReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'Conflict' | 'MethodNotAllowed';

export interface ApiError {
  reason: ApiErrorReason;
  /** The server's message (`persistentvolumeclaims "data" not found`, `The PersistentVolumeClaim "data" is invalid: …`). */
  message: string;
  /** The field the error is about, when there is one (for editor markers). */
  field?: string;
  /** For Invalid errors: the object and each field error, which kubectl lists one per line. */
  details?: { kind: string; name: string; causes: string[] };
}

export const notFoundError = (plural: string, name: string): ApiError => ({ reason: 'NotFound', message: `${plural} "${name}" not found` });
export const alreadyExistsError = (plural: string, name: string): ApiError => ({
  reason: 'AlreadyExists',
  message: `${plural} "${name}" already exists`,
});

/** NotFound for a kind, with the resource named as the API server names it (`storageclasses.storage.k8s.io "x" not found`). */
export function notFound(kind: Kind, name: string): ApiError {
  return { reason: 'NotFound', message: `${qualifiedResource(kind)} "${name}" not found` };
}

/** AlreadyExists for a kind, named the same way. */
export function alreadyExists(kind: Kind, name: string): ApiError {
  return { reason: 'AlreadyExists', message: `${qualifiedResource(kind)} "${name}" already exists` };
}

/** `persistentvolumeclaims`, `deployments.apps`, `storageclasses.storage.k8s.io`. */
export function qualifiedResource(kind: Kind): string {
  const info = KINDS[kind];
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** Conflict: an update that names a resourceVersion the object no longer has (the store's optimistic lock). */
export function conflict(kind: Kind, name: string): ApiError {
  return {
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${qualifiedResource(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  };
}
