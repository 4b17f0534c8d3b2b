// The script host: the bash a learner types kubectl into. The engine's shell language (loops,
// `$( )`, variables, heredocs, pipes, `&&`) over a command table of the host's tools: kubectl,
// docker and kubesim against the simulated cluster, `sleep` on its clock, `sudo` on the Docker
// host, and text tools over the script's own files. A session keeps variables and files from
// one command to the next, as one shell running a whole script does.
import type { ClusterState, ShellFs, Step } from '../../engine/index.ts';
import { advanceClock } from '../../engine/index.ts';
import { execOnDockerHost } from '../../engine/docker/host.ts';
import { COMMANDS } from '../../engine/shell/commands.ts';
import { date } from '../../engine/shell/date.ts';
import type { Program } from '../../engine/shell/ast.ts';
import { BASH } from '../../engine/shell/dialect.ts';
import { runArgv, runProgram, type CommandFn, type ShellContext } from '../../engine/shell/interpreter.ts';
import { runCommand } from '../run.ts';
import type { CommandEffect, FileSource } from '../types.ts';
import type { InteractiveLaunch } from '../interactive/launch.ts';
import { parseSleepArgs } from '../script/sleep-args.ts';
import { HOST_CWD, HostFiles } from './host-fs.ts';
import { curl } from '../../engine/net/curl.ts';
import { SHARED_TOOLS } from './host-tools.ts';
import type { NetAccess } from '../../engine/net/client.ts';

export interface HostSession {
  state: ClusterState;
  steps: Step[];
  readonly ctx: ShellContext;
  readonly files: HostFiles;
  /** What commands asked the caller to do (the browser terminal's editor pane), taken by the caller. */
  effects: CommandEffect[];
  /** An interactive process a command opened at the browser terminal (`kubectl exec -it`), taken by the caller. */
  interactive?: InteractiveLaunch;
}

/** Text tools the host shares with the container shell (their implementations, over the host's files). */

const LAST_TIMESTAMP = '9999-12-31T23:59:59Z';
const LAST_INSTANT = Date.parse(LAST_TIMESTAMP);

export function createHostSession(state: ClusterState, source: FileSource, options: { browserTerminal?: boolean } = {}): HostSession {
  const files = new HostFiles(source);
  const commands: Record<string, CommandFn> = Object.create(null) as Record<string, CommandFn>;
  const session: HostSession = {
    state,
    steps: [],
    files,
    effects: [],
    ctx: { fs: files, env: { HOME: HOST_CWD, PATH: '/usr/local/bin:/usr/bin:/bin', PWD: HOST_CWD }, cwd: HOST_CWD, hostname: 'localhost', lastCode: 0, dialect: BASH, argv0: 'kubesim', commands, notFound: (name) => ({ stdout: '', stderr: `${name}: command not found\n`, code: 127 }) },
  };
  const fileSource = files.fileSource(() => session.ctx.cwd);
  const record = (next: ClusterState, steps: readonly Step[]) => {
    session.state = next;
    // One by one: a long sleep can bring more steps than a spread's argument limit.
    for (const s of steps) session.steps.push(s);
  };
  for (const name of SHARED_TOOLS) {
    const c = COMMANDS[name];
    if (c) commands[name] = c;
  }
  // The script host's `date` is GNU's, on the simulated clock: what the cluster's timestamps say.
  commands['date'] = (args, io) => date(args, { ...io, ctx: { ...io.ctx, family: 'debian', fs: Object.assign(Object.create(io.ctx.fs) as ShellFs, { now: session.state.now }) } });
  for (const tool of ['kubectl', 'docker', 'kubesim']) {
    commands[tool] = (args, io) => {
      // Only a command that reads stdin takes it (`apply -f -`, `exec -i`, `build -`), so a `while read` loop keeps its lines.
      const reads = args.some((a) => a === '-' || a === '-i' || a === '--stdin' || a === '-f-' || a === '--filename=-' || /^-[a-z]*i[a-z]*$/.test(a));
      const stdin = reads ? io.stdin : undefined;
      // The host itself, for kubectl cp (its files) and kubectl edit (its $KUBE_EDITOR, run here).
      const host = { fs: files, resolve: (p: string) => io.resolve(p), env: io.ctx.env, run: (argv: readonly string[]) => runArgv(argv, io.ctx), ...(options.browserTerminal ? { browserTerminal: true } : {}) };
      const r = runCommand({ state: session.state, argv: [tool, ...args], files: fileSource, host, ...(stdin !== undefined ? { stdin } : {}) });
      record(r.state, r.steps);
      if (r.effects) session.effects.push(...r.effects);
      if (r.interactive) session.interactive = r.interactive;
      return { stdout: r.stdout, stderr: r.stderr, code: r.exitCode, ...(r.chunks ? { chunks: r.chunks } : {}) };
    };
  }
  commands['sleep'] = (args) => {
    const parsed = parseSleepArgs(args);
    if (!parsed.ok) return { stdout: '', stderr: parsed.stderr, code: 1 };
    // Timestamps are RFC 3339, which ends with the year 9999.
    if (session.state.now + parsed.seconds * 1000 > LAST_INSTANT) return { stdout: '', stderr: `kubesim: sleep: the simulated clock cannot go past ${LAST_TIMESTAMP}\n`, code: 1 };
    const r = advanceClock(session.state, parsed.seconds);
    record(r.state, r.steps);
    return { stdout: '', stderr: '', code: 0 };
  };
  // `sudo CMD…` runs CMD as root on the Docker host, where volumes live under /var/lib/docker.
  commands['sudo'] = (args) => {
    if (args.length === 0) return { stdout: '', stderr: 'usage: sudo command\n', code: 1 };
    const r = execOnDockerHost(session.state, args);
    record(r.state, []);
    return r.output;
  };
  // curl from the host: node IPs and, on kind, localhost reach node ports; cluster names do not resolve here.
  const hostNet: NetAccess = {
    origin: { kind: 'host' },
    terminal: true,
    state: () => session.state,
    commit: (next) => {
      session.state = next;
    },
  };
  commands['curl'] = (args, io) => curl(args, io, hostNet);
  // GNU cat's wording, which the host has (busybox's is "can't open").
  commands['cat'] = (args, io) => {
    let stdout = '';
    let stderr = '';
    const names = args.filter((a) => a !== '--');
    if (names.length === 0) return { stdout: io.stdin, stderr: '', code: 0 };
    for (const f of names) {
      if (f === '-') {
        stdout += io.stdin;
        continue;
      }
      const r = files.read(io.resolve(f));
      if (r.ok) stdout += r.value;
      else stderr += `cat: ${f}: ${r.code === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`;
    }
    return { stdout, stderr, code: stderr ? 1 : 0 };
  };
  return session;
}

/**
 * Runs one command of a script (which may be a whole loop) in the session. Output goes to
 * `onOutput` as it is produced; returns the exit status. `exit` sets `session.ctx.exited`.
 */
export function runHostCommand(session: HostSession, program: string | Program, firstLine: number, onOutput: (fd: 1 | 2, text: string) => void): number {
  return runProgram(program, session.ctx, { onOutput, firstLine });
}
