// A shell the container's image does not have (bash in busybox or alpine): the runtime cannot
// start it, so `docker exec` fails before anything runs, in runc's words, and the exec's status is
// 126 (moby sets it when the exec cannot start). The CLI and `kubesim serve` both word it so.
import type { ClusterState } from '../../engine/index.ts';
import { imageFamily } from '../../engine/shell/dialect.ts';
import { imageHasShell } from '../../engine/shell/interpreter.ts';

export const EXEC_START_FAILED = 126;

/** runc's message when `argv[0]` is a shell the container's image lacks; undefined otherwise. */
export function missingShell(state: ClusterState, containerId: string, argv: readonly string[]): string | undefined {
  const program = argv[0] ?? '';
  const base = program.slice(program.lastIndexOf('/') + 1);
  const c = state.docker.containers[containerId];
  if (!c || !/^(sh|ash|bash|dash)$/.test(base)) return undefined;
  if (imageHasShell(imageFamily(c.image, state.docker.images[c.imageId]?.history), base)) return undefined;
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`;
}
