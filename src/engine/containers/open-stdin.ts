// A container's main process and its standard input. The runtime gives the main process an open
// stdin only when the container asks for one (`stdin: true`, as `kubectl run -i` sets it); else
// its stdin is /dev/null. So a program that reads its input (a shell with no `-c`, `cat`; see
// shell/reads-input.ts) waits, Running, when stdin is open, until what is attached writes to it
// (or closes it: `stdinOnce`); and meets end of input at once when it is not, and exits. That is
// why a busybox pod with no command (its image runs `sh`) completes at once and crash-loops,
// while `kubectl run -it x --image=busybox` sits at its prompt.
import type { Container } from 'kubernetes-types/core/v1';
import { readsInput } from '../shell/reads-input.ts';

/** The image's own command when the pod gives none: busybox's `sh` and alpine's `/bin/sh`; servers are not modelled here. */
export function imageDefaultArgv(image: string): string[] {
  const m = /^(?:docker\.io\/)?(?:library\/)?(busybox|alpine)(?::|@|$)/.exec(image);
  if (!m) return [];
  return m[1] === 'alpine' ? ['/bin/sh'] : ['sh'];
}

/** What the main process runs: the pod's command and args (already expanded), else the image's default. */
export function mainArgv(c: Pick<Container, 'image'>, argv: readonly string[]): string[] {
  return argv.length > 0 ? [...argv] : imageDefaultArgv(c.image ?? '');
}

/** Whether the main process waits for input on an open stdin: it has nothing to do until attached. */
export function waitsOnStdin(c: Pick<Container, 'image' | 'stdin'>, argv: readonly string[]): boolean {
  const main = mainArgv(c, argv);
  return c.stdin === true && main.length > 0 && readsInput(main);
}

/**
 * Whether a container with no command runs its image's shell on a closed stdin: the shell reads
 * end of input at once and exits 0 (busybox with no command: Completed, then CrashLoopBackOff).
 */
export function defaultShellEndsAtOnce(c: Pick<Container, 'image' | 'stdin'>, argv: readonly string[]): boolean {
  return argv.length === 0 && c.stdin !== true && imageDefaultArgv(c.image ?? '').length > 0;
}
