// How the docker CLI reports failures: the daemon's refusals (exit 1) and usage errors.
import type { ClusterState } from '../../engine/index.ts';
import { output, type CommandOutput } from '../types.ts';

export function fail(state: ClusterState, message: string, exitCode: number): CommandOutput {
  return output(state, { stderr: message + '\n', exitCode });
}

export function daemonError(state: ClusterState, message: string, exitCode = 1): CommandOutput {
  return fail(state, `Error response from daemon: ${message}`, exitCode);
}

/** `docker run` errors: prefixed `docker:` and followed by the hint (exit 125). */
export function runError(state: ClusterState, message: string, stdout = '', stderrBefore = ''): CommandOutput {
  return output(state, { stdout, stderr: `${stderrBefore}docker: ${message}\n\nRun 'docker run --help' for more information\n`, exitCode: 125 });
}
