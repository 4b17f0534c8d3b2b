// What a container's main process is, beyond what the simulated shell runs of it: whether it
// stays in the foreground when its program has nothing left to run (a web server started in the
// foreground), and which signals end it. How long a script lives is found by running it in
// simulated time (main-process.ts).
import { COMMANDS } from '../shell/commands.ts';
import { hasOwn } from '../../lib/own.ts';

const SHELLS = ['sh', 'bash', 'ash'];

/**
 * A web server left in the foreground (busybox `httpd -f`, `python3 -m http.server`, `nginx -g
 * 'daemon off;'`): the simulated command returns at once, the real one serves until stopped.
 */
export function runsUntilStopped(argv: readonly string[]): boolean {
  return /\bhttpd\b[^;&|]*\s-[a-zA-Z]*f|\bpython[\d.]*\s+(-u\s+)?-m\s+http\.server\b|\bnginx\s+-g\b/.test(argv.join(' '));
}

/** The signals that end a server that handles them (nginx, postgres, redis, httpd stop cleanly, exit 0). */
const SERVER_STOP_SIGNALS = ['TERM', 'INT', 'QUIT'] as const;
/** Images whose default command is a shell or an interpreter's prompt, not a server. */
const NON_SERVER_IMAGES = ['busybox', 'alpine', 'ubuntu', 'debian', 'python', 'node'];
/** Interpreters install no SIGTERM handler unless the program does. */
const INTERPRETERS = ['python', 'python3', 'node', 'ruby', 'perl'];

/**
 * Which signals end a container's main process when sent from inside the container (`kill 1`).
 * PID 1 of a PID namespace gets only the signals it has a handler for: the kernel drops the rest,
 * SIGKILL included. Servers handle SIGTERM (and SIGINT, SIGQUIT) and stop; a shell, `sleep` or a
 * bare interpreter has no handler, so `kill 1` and `kill -9 1` do nothing to it.
 */
export function mainProcessStopSignals(command: readonly string[] | undefined, image: string): readonly string[] {
  if (command && command.length > 0) {
    const base = command[0]!.slice(command[0]!.lastIndexOf('/') + 1);
    if (SHELLS.includes(base) || hasOwn(COMMANDS, base) || INTERPRETERS.includes(base)) return [];
    return SERVER_STOP_SIGNALS;
  }
  // No command: the image's own entrypoint runs.
  const name = image.replace(/^docker\.io\/(library\/)?/, '').replace(/[:@].*$/, '');
  return NON_SERVER_IMAGES.includes(name.slice(name.lastIndexOf('/') + 1)) ? [] : SERVER_STOP_SIGNALS;
}
