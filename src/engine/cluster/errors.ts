// API errors the way the API server classifies them; kubectl prints them from these.
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
