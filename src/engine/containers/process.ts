// How long a container's main process lives. The simulation runs a command at once, so a
// container's lifetime is read from what it runs: a server (nginx, `python app.py`, an image's
// own entrypoint) or `tail -f` runs until stopped; a shell script runs for the `sleep`s it
// contains and then exits, like `sh -c 'echo hi'` (at once) or `sh -c '…; sleep 3600'` (an hour).
import { COMMANDS } from '../shell/commands.ts';
import { hasOwn } from '../../lib/own.ts';

const SHELLS = ['sh', 'bash', 'ash'];

export type Lifetime = { forever: true } | { forever: false; seconds: number };

export function mainProcessLifetime(argv: readonly string[]): Lifetime {
  if (argv.length === 0) return { forever: true };
  const base = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  if (!SHELLS.includes(base) && !hasOwn(COMMANDS, base)) return { forever: true };
  const text = argv.join(' ');
  if (/\btail\s+-f\b|\bsleep\s+infinity\b|\bwhile\s+true\b/.test(text)) return { forever: true };
  // A web server left in the foreground: busybox `httpd -f`, `python3 -m http.server`, `nginx -g 'daemon off;'`.
  if (/\bhttpd\b[^;&|]*\s-[a-zA-Z]*f|\bpython[\d.]*\s+(-u\s+)?-m\s+http\.server\b|\bnginx\s+-g\b/.test(text)) return { forever: true };
  let seconds = 0;
  for (const m of text.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)([smhd]?)\b/g)) seconds += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return { forever: false, seconds };
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
