// Errors as the daemon sends them: `{"message": "..."}` with the status code of moby's errdefs
// class (NotFound 404, Conflict 409, InvalidParameter 400, System 500). The docker CLI prints
// `Error response from daemon: MESSAGE`.
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string) => new ApiError(409, message);
export const badRequest = (message: string) => new ApiError(400, message);

/**
 * The class of a message the docker command layer printed (`Error response from daemon: …`),
 * for operations the server runs through it (stop, restart, rm, rmi).
 */
export function fromDaemonMessage(stderr: string): ApiError {
  const message = stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^Error response from daemon: /, '') ?? 'unknown error';
  if (/^No such (container|image)|no such volume/.test(message)) return notFound(message);
  if (/is running|is not running|in use|^Conflict|conflict:/.test(message)) return conflict(message);
  return new ApiError(500, message);
}
