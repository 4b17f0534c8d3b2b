// Running a script against a simulated cluster: each command, then a settle, as if the
// learner waited a moment (settling happens inside every command). The same runner serves
// `kubesim run`, lesson checks and tests.
import { SHELL_COMMANDS, advanceClock, createCluster, execOnDockerHost, type ClusterState, type PresetName, type ShellFs, type Step } from '../../engine/index.ts';
import { runCommand } from '../run.ts';
import type { FileSource } from '../types.ts';
import { splitWords } from '../shell/words.ts';
import { parseScript, type ScriptCommand } from './parse-script.ts';
import { parseSleepArgs } from './sleep-args.ts';

export interface ScriptOptions {
  preset?: PresetName;
  seed?: number;
  /** Don't echo `$ command` lines. */
  quiet?: boolean;
  /** Files the script reads, relative to its folder. Files it writes with `>` live in memory. */
  files: FileSource;
  /** Start from this state instead of a fresh preset cluster. */
  state?: ClusterState;
  /** Called with each chunk as soon as it is produced, so a caller can print it before the script ends. */
  onChunk?: (chunk: ScriptChunk) => void;
}

export interface ScriptChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ScriptResult {
  /** Interleaved output, in order (the CLI writes each chunk to its stream). */
  chunks: ScriptChunk[];
  stdout: string;
  stderr: string;
  /** 0: every command succeeded; 1: some failed; 2: the script could not be read. */
  exitCode: 0 | 1 | 2;
  state: ClusterState;
  steps: Step[];
}

export function runScript(text: string, opts: ScriptOptions): ScriptResult {
  let state = opts.state ?? createCluster({ ...(opts.preset ? { preset: opts.preset } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const chunks: ScriptChunk[] = [];
  const emit = (chunk: ScriptChunk) => {
    chunks.push(chunk);
    opts.onChunk?.(chunk);
  };
  const steps: Step[] = [];
  const written = new Map<string, string>();
  const files: FileSource = { read: (p) => written.get(normalise(p)) ?? opts.files.read(p) };
  const parsed = parseScript(text);
  if (!parsed.ok) {
    emit({ stream: 'stderr', text: `kubesim: line ${parsed.line}: ${parsed.error}\n` });
    return finish(chunks, 2, state, steps);
  }
  let failed = false;
  for (const cmd of parsed.commands) {
    if (!opts.quiet) emit({ stream: 'stdout', text: `$ ${cmd.echo}\n` });
    let result;
    try {
      result = runOne(cmd, state, files);
    } catch (err) {
      // A bug of ours, not the learner's: one line instead of a stack, the state as it was
      // before the command, and the rest of the script still runs.
      emit({ stream: 'stderr', text: internalError(cmd.text, err) });
      failed = true;
      continue;
    }
    if ('error' in result) {
      emit({ stream: 'stderr', text: `kubesim: line ${cmd.line}: ${result.error}\n` });
      failed = true;
      continue;
    }
    state = result.state;
    // One by one: a long sleep can bring more steps than a spread's argument limit.
    for (const step of result.steps) steps.push(step);
    if (result.redirect) {
      const key = normalise(result.redirect.path);
      written.set(key, (result.redirect.append ? written.get(key) ?? '' : '') + result.stdout);
    } else if (result.stdout) {
      emit({ stream: 'stdout', text: result.stdout });
    }
    if (result.stderr) emit({ stream: 'stderr', text: result.stderr });
    if (result.exitCode !== 0) failed = true;
  }
  return finish(chunks, failed ? 1 : 0, state, steps);
}

/** `error: internal error running "CMD": MESSAGE`, on one line whatever was thrown. */
export function internalError(commandLine: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `error: internal error running ${JSON.stringify(commandLine)}: ${message.replace(/\s*\n\s*/g, ' ')}\n`;
}

/** One command line: split, redirected, run, piped. Nothing is written to the script's files here. */
function runOne(cmd: ScriptCommand, state: ClusterState, files: FileSource) {
  const words = splitWords(cmd.text);
  if (!words.ok) return { error: words.error };
  const { words: argv, redirect, input, pipeline } = words.line;
  const stdin = input !== undefined ? files.read(input) : cmd.stdin;
  if (input !== undefined && stdin === undefined) return { error: `${input}: No such file or directory` };
  const first = builtin(argv, state, files) ?? runCommand({ state, argv, files, ...(stdin !== undefined ? { stdin } : {}) });
  return { ...(pipeline ? pipeThrough(first, pipeline, files) : first), redirect };
}

/**
 * The few shell built-ins a script needs: `sleep` (advances the simulated clock), `echo`, `cat`
 * (the script's own files), and `sudo CMD…`, which runs CMD as root on the Docker host, where
 * volumes live under /var/lib/docker/volumes and bind mounts point.
 */
function builtin(argv: readonly string[], state: ClusterState, files: FileSource) {
  const [cmd, ...args] = argv;
  const done = (partial: { stdout?: string; stderr?: string; exitCode?: number; state?: ClusterState; steps?: Step[] }) => ({
    state: partial.state ?? state,
    stdout: partial.stdout ?? '',
    stderr: partial.stderr ?? '',
    exitCode: partial.exitCode ?? 0,
    steps: partial.steps ?? [],
  });
  switch (cmd) {
    case 'sleep': {
      const parsed = parseSleepArgs(args);
      if (!parsed.ok) return done({ stderr: parsed.stderr, exitCode: 1 });
      const seconds = parsed.seconds;
      // Timestamps are RFC 3339, which ends with the year 9999.
      if (state.now + seconds * 1000 > LAST_INSTANT) return done({ stderr: `kubesim: sleep: the simulated clock cannot go past ${LAST_TIMESTAMP}\n`, exitCode: 1 });
      const r = advanceClock(state, seconds);
      return done({ state: r.state, steps: r.steps });
    }
    case 'echo':
      return done({ stdout: args.join(' ') + '\n' });
    case 'cat': {
      let out = '';
      for (const f of args) {
        const text = files.read(f);
        if (text === undefined) return done({ stdout: out, stderr: `cat: ${f}: No such file or directory\n`, exitCode: 1 });
        out += text;
      }
      return done({ stdout: out });
    }
    case 'sudo': {
      if (args.length === 0) return done({ stderr: 'usage: sudo command\n', exitCode: 1 });
      const r = execOnDockerHost(state, args);
      return done({ state: r.state, stdout: r.output.stdout, stderr: r.output.stderr, exitCode: r.output.code });
    }
    default:
      return undefined;
  }
}

const LAST_TIMESTAMP = '9999-12-31T23:59:59Z';
const LAST_INSTANT = Date.parse(LAST_TIMESTAMP);

function normalise(path: string): string {
  return path.replace(/^\.\//, '');
}

function finish(chunks: ScriptChunk[], exitCode: 0 | 1 | 2, state: ClusterState, steps: Step[]): ScriptResult {
  const join = (s: 'stdout' | 'stderr') => chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
  return { chunks, stdout: join('stdout'), stderr: join('stderr'), exitCode, state, steps };
}

/**
 * `kubectl … | grep POD_`: the output runs through host-side filters (grep, head, tail, wc, cat,
 * base64, the same implementations as the container shell's). The exit status is the last one's.
 */
function pipeThrough<T extends { stdout: string; stderr: string; exitCode: number }>(first: T, stages: readonly string[][], files: FileSource): T {
  let stdout = first.stdout;
  let stderr = first.stderr;
  let exitCode = first.exitCode;
  for (const [name, ...args] of stages) {
    const command = FILTERS.includes(name!) ? SHELL_COMMANDS[name!] : undefined;
    if (!command) {
      stderr += `${name}: command not found\n`;
      stdout = '';
      exitCode = 127;
      continue;
    }
    const r = command(args, { ctx: { fs: hostFiles(files), env: {}, cwd: '/', hostname: 'localhost', lastCode: 0 }, stdin: stdout, resolve: (p) => p });
    stdout = r.stdout;
    stderr += r.stderr;
    exitCode = r.code;
  }
  return { ...first, stdout, stderr, exitCode };
}

const FILTERS = ['grep', 'head', 'tail', 'wc', 'cat', 'base64'];

/** The script's folder seen through the shell's file interface: readable, never writable. */
function hostFiles(files: FileSource): ShellFs {
  const denied = () => ({ ok: false as const, code: 'EROFS' as const });
  const entry = (p: string) => {
    const text = files.read(p);
    return text === undefined ? undefined : { type: 'File' as const, mode: 0o644, content: text };
  };
  return {
    now: 0,
    stat: entry,
    lstat: entry,
    read: (p) => {
      const text = files.read(p);
      return text === undefined ? { ok: false, code: 'ENOENT' } : { ok: true, value: text };
    },
    list: () => ({ ok: false, code: 'ENOTDIR' }),
    write: denied,
    writeSized: denied,
    mkdir: denied,
    remove: denied,
    symlink: denied,
    usage: () => undefined,
    diskUsage: () => [],
  };
}
