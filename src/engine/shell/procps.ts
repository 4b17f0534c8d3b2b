// procps's `ps`, which a Debian image has only once `apt-get install procps` put it there
// (busybox images have busybox's own, commands.ts). `ps aux` lists the container's processes the
// way procps-ng 4.0 prints them: PID 1 (the container's command, or the image's: redis-server
// running as the redis user, nginx's master and its workers), the shell a learner opened with
// `kubectl exec -it` (on pts/0), and ps itself. CPU, memory and times are those of an idle
// container; START is the simulated clock's.
import { findCatalogImage } from '../docker/catalog.ts';
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';

interface Proc {
  user: string;
  pid: number;
  vsz: number;
  rss: number;
  tty: string;
  stat: string;
  command: string;
}

const repoOf = (image: string) => {
  const clean = image.replace(/^docker\.io\/(library\/)?/, '').split('@')[0]!;
  const colon = clean.lastIndexOf(':');
  return colon > clean.lastIndexOf('/') ? clean.slice(0, colon) : clean;
};

/** The container's own processes: what its command (or the image's) runs as. */
function mainProcesses(command: readonly string[] | undefined, image: string, systemd: boolean): Proc[] {
  const repo = repoOf(image);
  const own = command && command.length > 0 ? command : undefined;
  // A kind node's PID 1 is systemd, started as /sbin/init (kind tells it `container=docker`; the node's shell has no image set).
  if (repo === 'kindest/node' || systemd) return [{ user: 'root', pid: 1, vsz: 21880, rss: 12800, tty: '?', stat: 'Ss', command: '/sbin/init' }];
  if (!own && repo === 'redis') return [{ user: 'redis', pid: 1, vsz: 33308, rss: 3828, tty: '?', stat: 'Ssl', command: 'redis-server *:6379' }];
  const argv = own ?? findCatalogImage(image)?.cmd ?? (repo === 'nginx' ? ['nginx', '-g', 'daemon off;'] : ['sh']);
  if (argv[0] === 'nginx') {
    // The master keeps its command line in its title; it starts one worker per CPU (two here).
    return [
      { user: 'root', pid: 1, vsz: 11404, rss: 7484, tty: '?', stat: 'Ss', command: `nginx: master process ${argv.join(' ')}` },
      { user: 'nginx', pid: 29, vsz: 11868, rss: 2900, tty: '?', stat: 'S', command: 'nginx: worker process' },
      { user: 'nginx', pid: 30, vsz: 11868, rss: 2900, tty: '?', stat: 'S', command: 'nginx: worker process' },
    ];
  }
  return [{ user: 'root', pid: 1, vsz: 2480, rss: 1536, tty: '?', stat: 'Ss', command: argv.join(' ') }];
}

const two = (n: number) => String(n).padStart(2, '0');

function row(p: Proc, start: string): string {
  return `${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0 ${String(p.vsz).padStart(6)} ${String(p.rss).padStart(5)} ${p.tty.padEnd(8)} ${p.stat.padEnd(4)} ${start.padStart(5)}   0:00 ${p.command}`;
}

export function procpsPs(args: string[], io: CommandIO): ShellResult {
  const d = new Date(io.ctx.fs.now);
  const start = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  const procs = mainProcesses(io.ctx.main?.command, io.ctx.image ?? '', io.ctx.image === undefined && io.ctx.env['container'] === 'docker');
  let next = Math.max(...procs.map((p) => p.pid)) + 1;
  // The shell `kubectl exec -it` started holds the terminal; ps runs in its foreground.
  const tty = io.ctx.interactive ? 'pts/0' : '?';
  if (io.ctx.interactive) procs.push({ user: 'root', pid: next++, vsz: 4188, rss: 3456, tty, stat: 'Ss', command: io.ctx.argv0 ?? '/bin/bash' });
  procs.push({ user: 'root', pid: next + 6, vsz: 8088, rss: 4096, tty, stat: io.ctx.interactive ? 'R+' : 'Rs', command: ['ps', ...args].join(' ') });
  if (args.length === 0) {
    // Plain `ps`: the processes on ps's own terminal, by their program's name.
    const mine = procs.filter((p) => p.tty === tty && p.user === 'root');
    const name = (c: string) => c.split(' ')[0]!.slice(c.split(' ')[0]!.lastIndexOf('/') + 1);
    return { stdout: `    PID TTY          TIME CMD\n${mine.map((p) => `${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} 00:00:00 ${name(p.command)}`).join('\n')}\n`, stderr: '', code: 0 };
  }
  const header = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND';
  return { stdout: `${header}\n${procs.map((p) => row(p, start)).join('\n')}\n`, stderr: '', code: 0 };
}
