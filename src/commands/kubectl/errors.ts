// kubectl's way of printing errors (cmdutil.CheckErr / StandardErrorMessage).
import { KINDS, type ApiError } from '../../engine/index.ts';
import { getOwn } from '../../lib/own.ts';

/**
 * `Error from server (NotFound): …` for API errors; `The PersistentVolumeClaim "x" is invalid: …`
 * for validation errors, one cause per line when there are several. `source` adds kubectl's
 * `error when creating "pvc.yaml": ` context, as `kubectl apply -f` does.
 */
export function formatApiError(err: ApiError, context?: { verb: 'creating' | 'patching' | 'replacing' | 'deleting' | 'retrieving'; source: string }): string {
  if (err.reason === 'Invalid' && err.details) {
    const head = `The ${err.details.kind} "${err.details.name}" is invalid: `;
    const causes = err.details.causes;
    return causes.length === 1 ? `${head}${causes[0]}` : `${head}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  const message = context ? `error when ${context.verb} "${context.source}": ${err.message}` : err.message;
  return `Error from server (${err.reason}): ${message}`;
}

/**
 * A list the server refused (a bad selector): cli-runtime's EnhanceListError names the resource as
 * its GroupVersionResource (`/v1, Resource=pods`, `apps/v1, Resource=deployments`) and both selectors.
 */
export function listError(err: ApiError, info: { apiVersion: string; group: string; plural: string }, labelSelector: string, fieldSelector: string): string {
  const gvr = `${info.group ? info.apiVersion : `/${info.apiVersion}`}, Resource=${info.plural}`;
  const message =
    labelSelector === '' && fieldSelector === ''
      ? `Unable to list "${gvr}": ${err.message}`
      : `Unable to find "${gvr}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${err.message}`;
  return `Error from server (${err.reason}): ${message}`;
}

/**
 * The server's own message (StatusError.Error()), for commands that wrap it in theirs
 * (`failed to create configmap: …`): an Invalid one names the kind with its group
 * (`Deployment.apps "Web" is invalid: …`, several causes as `[a, b]`), not as CheckErr's "The … is invalid".
 */
export function serverMessage(err: ApiError): string {
  if (err.reason !== 'Invalid' || !err.details) return err.message;
  const info = getOwn(KINDS, err.details.kind);
  const kind = info?.group ? `${err.details.kind}.${info.group}` : err.details.kind;
  const causes = [...new Set(err.details.causes)];
  return `${kind} "${err.details.name}" is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`;
}

/** kubectl's own (client-side) errors. */
export const clientError = (message: string): string => `error: ${message}`;

/** Flag errors come from cobra, which capitalises `Error:`. */
export function usageError(verb: string, message: string): string {
  return `Error: ${message}\nSee 'kubectl ${verb} --help' for usage.`;
}

/** cmdutil.UsageErrorf: a client-side error about the command line, with where to find help. */
export function usageErrorf(verb: string, message: string): string {
  return `error: ${message}\nSee 'kubectl ${verb} -h' for help and examples`;
}
