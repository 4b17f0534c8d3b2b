// How long a container's main process lives. The simulation runs a command at once, so a
// container's lifetime is read from what it runs: a server (nginx, `python app.py`, an image's
// own entrypoint) or `tail -f` runs until stopped; a shell script runs for the `sleep`s it
// contains and then exits, like `sh -c 'echo hi'` (at once) or `sh -c '…; sleep 3600'` (an hour).
import { COMMANDS } from '../shell/commands.ts';

const SHELLS = ['sh', 'bash', 'ash'];

export type Lifetime = { forever: true } | { forever: false; seconds: number };

export function mainProcessLifetime(argv: readonly string[]): Lifetime {
  if (argv.length === 0) return { forever: true };
  const base = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  if (!SHELLS.includes(base) && !COMMANDS[base]) return { forever: true };
  const text = argv.join(' ');
  if (/\btail\s+-f\b|\bsleep\s+infinity\b|\bwhile\s+true\b/.test(text)) return { forever: true };
  let seconds = 0;
  for (const m of text.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)([smhd]?)\b/g)) seconds += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return { forever: false, seconds };
}
