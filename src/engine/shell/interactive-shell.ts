// A shell reading its commands one at a time from a terminal (or a pipe), with what it keeps
// between them: exported and plain variables, functions, options, the cwd, `$?` and the number of
// lines read. Kept as plain data (entry lists, never null-prototype objects or Maps) so a session
// survives structuredClone, JSON and a worker boundary; restored into the shell context of the
// container each line runs in (the caller builds that context: its filesystem, tools, hostname).
import type { Command } from './ast.ts';
import { dialectFor, type DialectName } from './dialect.ts';
import { interactiveDialect } from './interactive-dialect.ts';
import { runProgram, type ShellContext, type ShellResult, type ShellState } from './interpreter.ts';
import { DEFAULT_PS1, DEFAULT_PS2, renderPrompt } from './prompt.ts';
import { getOwn, setOwn } from '../../lib/own.ts';

export interface SavedShell {
  /** The program as started (`sh`, `/bin/bash`): `$0` and the name its errors start with. */
  argv0: string;
  dialect: DialectName;
  /** Reading from a terminal: prompts, and interactive error wording and error handling. */
  tty: boolean;
  /** Exported variables, in the order `env` prints them. */
  env: [string, string][];
  vars: [string, string][];
  functions: [string, Command][];
  positional: string[];
  errexit: boolean;
  cwd: string;
  hostname: string;
  lastCode: number;
  /** Lines read so far: dash numbers its errors with it (`sh: 3: foo: not found`). */
  lines: number;
}

const entries = (table: Record<string, string>): [string, string][] => Object.keys(table).map((k) => [k, table[k]!]);

function table<V>(pairs: readonly (readonly [string, V])[]): Record<string, V> {
  const t = Object.create(null) as Record<string, V>;
  for (const [k, v] of pairs) setOwn(t, k, v);
  return t;
}

/**
 * The shell as it starts in a container whose context is `ctx`: the container's environment and
 * working directory, PWD set as every shell sets it, and for a terminal the prompts the image's
 * shell starts with for root.
 */
export function startShell(ctx: ShellContext, argv0: string, tty: boolean): SavedShell {
  const base = argv0.slice(argv0.lastIndexOf('/') + 1);
  const dialect = dialectFor(ctx.family, base).name;
  const env = entries(ctx.env).filter(([k]) => k !== 'PWD');
  env.push(['PWD', ctx.cwd]);
  const vars: [string, string][] = tty ? [['PS1', DEFAULT_PS1[dialect]], ['PS2', DEFAULT_PS2]] : [];
  return { argv0, dialect, tty, env, vars, functions: [], positional: [], errexit: false, cwd: ctx.cwd, hostname: ctx.hostname, lastCode: 0, lines: 0 };
}

/** Puts the saved shell into a container's fresh context, so the next line runs as in the same shell. */
function restore(ctx: ShellContext, saved: SavedShell): void {
  const base = saved.argv0.slice(saved.argv0.lastIndexOf('/') + 1);
  const dialect = dialectFor(ctx.family, base);
  ctx.env = table(saved.env);
  ctx.cwd = saved.cwd;
  ctx.lastCode = saved.lastCode;
  ctx.exited = undefined;
  ctx.argv0 = saved.argv0;
  ctx.dialect = saved.tty ? interactiveDialect(dialect) : dialect;
  ctx.interactive = saved.tty;
  ctx.terminalOut = saved.tty;
  const state: ShellState = {
    vars: table(saved.vars),
    functions: table(saved.functions),
    positional: [...saved.positional],
    errexit: saved.errexit,
    condition: 0,
    loops: 0,
    polling: 0,
    depth: 0,
    line: saved.lines,
    localFrames: [],
    budget: { steps: 0 },
  };
  ctx.shell = state;
}

function save(ctx: ShellContext, saved: SavedShell): SavedShell {
  const st = ctx.shell!;
  return {
    ...saved,
    env: entries(ctx.env),
    vars: entries(st.vars),
    functions: Object.keys(st.functions).map((k) => [k, st.functions[k]!]),
    positional: [...st.positional],
    errexit: st.errexit,
    cwd: ctx.cwd,
    lastCode: ctx.lastCode,
  };
}

export interface LineRun {
  saved: SavedShell;
  output: ShellResult;
  /** The shell ended (`exit`, `exit 3`): its status. */
  exited?: number;
}

/**
 * Runs one whole command (the lines typed for it, joined) in `ctx`, a fresh context of the
 * container, as the saved shell; `lines` is how many lines it took, for dash's line numbers.
 * No input reaches the commands it runs: `read` and `cat` meet end of input at once.
 */
export function runShellCommand(ctx: ShellContext, saved: SavedShell, source: string, lines: number): LineRun {
  restore(ctx, saved);
  const chunks: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  let stdout = '';
  let stderr = '';
  const put = (stream: 'stdout' | 'stderr', text: string) => {
    const last = chunks[chunks.length - 1];
    if (last?.stream === stream) last.text += text;
    else chunks.push({ stream, text });
    if (stream === 'stdout') stdout += text;
    else stderr += text;
  };
  const code = runProgram(source, ctx, { firstLine: saved.lines + 1, onOutput: (fd, text) => put(fd === 1 ? 'stdout' : 'stderr', text) });
  const exited = ctx.exited;
  // bash's `exit` builtin says so on a terminal (exit_builtin: "exit" on stderr); ash and dash say nothing.
  if (exited !== undefined && saved.tty && saved.dialect === 'bash') put('stderr', 'exit\n');
  const next = { ...save(ctx, saved), lines: saved.lines + lines };
  return { saved: next, output: { stdout, stderr, code: exited ?? code, chunks }, ...(exited !== undefined ? { exited } : {}) };
}

/**
 * End of input at the prompt (Ctrl-D on an empty line): the shell exits with its last status.
 * bash prints `exit`; busybox ash and dash a newline (their cmdloop at EOF when interactive).
 */
export function endOfInput(saved: SavedShell): { output: ShellResult; exited: number } {
  const text = !saved.tty ? '' : saved.dialect === 'bash' ? 'exit\n' : '\n';
  return { output: { stdout: '', stderr: text, code: saved.lastCode, ...(text ? { chunks: [{ stream: 'stderr' as const, text }] } : {}) }, exited: saved.lastCode };
}

/** Counts a line read that ran nothing (an empty line at the prompt). */
export function lineRead(saved: SavedShell): SavedShell {
  return { ...saved, lines: saved.lines + 1 };
}

/** The prompt before the next line: PS1, or PS2 while a command is unfinished; none without a terminal. */
export function shellPrompt(saved: SavedShell, continuing: boolean): string {
  if (!saved.tty) return '';
  const vars = table(saved.vars);
  const env = table(saved.env);
  const lookup = (name: string) => getOwn(env, name) ?? getOwn(vars, name);
  const ps = lookup(continuing ? 'PS2' : 'PS1') ?? '';
  return renderPrompt(ps, { dialect: saved.dialect, cwd: saved.cwd, hostname: saved.hostname, lookup, lastCode: saved.lastCode, argv0: saved.argv0 });
}

// A container's main process keeps its shell between wakes the same way (containers/main-process.ts).
export { restore as restoreShell, save as saveShell };
