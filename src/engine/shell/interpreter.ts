// Running a parsed program: lists, pipelines, compound commands, functions, redirections and
// expansion, in one of three dialects (dialect.ts) and with a table of commands (the container's
// tools by default; the script host passes kubectl, docker and its own files). Everything is
// bounded: a step budget ends `while true; do :; done`, nesting limits end runaway recursion, a
// size limit ends `x=$x$x` doubling, each with a message saying so.
import { normalizePath } from '../fs/tree.ts';
import type { ContainerFs } from '../containers/container-fs.ts';
import type { AndOr, Command, List, Pipeline, Program, Redirect, Word, WordPart } from './ast.ts';
import { ArithError, evaluateArith } from './arith.ts';
import { BUILTINS, PROGRAM_BUILTINS, type BuiltinIO } from './builtins.ts';
import { COMMANDS, type CommandIO } from './commands.ts';
import { coreutilsWording } from './coreutils.ts';
import { ASH, dialectFor, type Dialect, type ImageFamily } from './dialect.ts';
import { hasPackageManager } from './offline-packages.ts';
import { installedProgram } from './package-catalog.ts';
import { expandPattern, expandRegex, expandString, expandWord, type Expander } from './expand.ts';
import { fsMessage } from './messages.ts';
import { parseShell } from './parse.ts';
import { evalCond, TestError, type CondOperand, type TestEnv } from './test-expr.ts';
import { getOwn, hasOwn } from '../../lib/own.ts';
import { remainingFor, ResumePoint } from './continuation-capture.ts';

/** The file operations the shell needs; a container's filesystem provides them. */
export type ShellFs = Pick<ContainerFs, 'now' | 'stat' | 'lstat' | 'read' | 'list' | 'write' | 'writeSized' | 'mkdir' | 'remove' | 'symlink' | 'usage' | 'diskUsage'>;

export type CommandFn = (args: string[], io: CommandIO) => ShellResult;

export interface ShellContext {
  fs: ShellFs;
  /** Exported variables: what `env` prints and what commands see. */
  env: Record<string, string>;
  cwd: string;
  hostname: string;
  /** Set by `exit`: stop running the rest. */
  exited?: number;
  /**
   * Commands besides the shell's own: a Docker build's pip and apt-get, and the hook for what
   * comes later (curl, wget, package managers). Looked up before `commands`.
   */
  extraCommands?: Record<string, CommandFn>;
  lastCode: number;
  /** The container's main process (PID 1), which `kill 1` signals; absent where there is none to signal. */
  main?: MainProcess;
  /** The language's dialect; busybox ash when absent. */
  dialect?: Dialect;
  /** Which shells the image has (`sh` is dash and `bash` exists on Debian); busybox when absent. */
  family?: ImageFamily;
  /** The container's image reference, for the tools only some images ship (apk in alpine, pip in python). */
  image?: string;
  /** `$0`, and the name errors start with (`sh`, `bash`, `kubesim`). */
  argv0?: string;
  /** The command table in place of the container's (the script host's kubectl, docker, grep…). */
  commands?: Record<string, CommandFn>;
  /** What an unknown command prints, where the caller words it its own way. */
  notFound?: (name: string) => ShellResult;
  /** The shell's own state: unexported variables, functions, positional parameters, limits. */
  shell?: ShellState;
  /**
   * A shell reading commands from a terminal (`kubectl exec -it … -- sh`): an error that ends a
   * non-interactive shell (`${x:?}`, a bad arithmetic expression) ends only the command, and a
   * loop waiting forever is taken as interrupted (Ctrl-C). Subshells and nested shells are not.
   */
  interactive?: boolean;
  /** stdout is that terminal (not piped, redirected or captured): `ls` prints columns, curl no progress meter. */
  terminalOut?: boolean;
}

export interface MainProcess {
  /** The signals it has a handler for that end it; the kernel drops any other signal sent to PID 1 from inside. */
  stopsOn: readonly string[];
  /** Set by `kill` when one of those signals reached it. */
  ended?: { signal: string };
  /** Its command line, for `ps`. */
  command?: readonly string[];
  /**
   * When it is the process itself running in simulated time (containers/main-process.ts): asked
   * after each `sleep` (and `tail -f`) it runs whether it is still waiting there now; true goes on.
   */
  waits?(command: string, args: readonly string[]): boolean;
  /**
   * Told, when it stopped in such a sleep at a point it can be resumed from, the shell it was in
   * and the rest of its program (continuation-capture.ts); not called when only a replay can resume it.
   */
  suspend?(shell: ShellContext, rest: List): void;
}

export interface ShellResult {
  stdout: string;
  stderr: string;
  code: number;
  /** Both streams in the order the command wrote them, when given (a kubectl warning before its result); else stdout, then stderr. */
  chunks?: readonly { stream: 'stdout' | 'stderr'; text: string }[];
}

export interface ShellState {
  vars: Record<string, string>;
  functions: Record<string, Command>;
  positional: string[];
  errexit: boolean;
  /** Inside an `if`/`while` condition or before `&&`/`||`, where `set -e` does not apply. */
  condition: number;
  loops: number;
  /** `while`/`until` loops in progress: a container's `sleep` inside one waits forever, as far as one run can see. */
  polling: number;
  /** Function calls and nested shells in progress. */
  depth: number;
  line: number;
  /** Saved values to restore when the function that declared `local` returns. */
  localFrames: Map<string, string | undefined>[];
  budget: Budget;
  /** The status of the last command substitution, for a command that is only assignments. */
  substStatus?: number;
}

interface Budget {
  steps: number;
}

/** At most this many commands and loop turns per shell invocation (a few hundred ms). */
export const STEP_LIMIT = 100_000;
/** Function calls, nested shells and `eval`s inside each other. */
export const NESTING_LIMIT = 200;
/** The longest value or output the shell keeps (busybox would run out of memory long before a real disk). */
export const SIZE_LIMIT = 16 * 1024 * 1024;

/** Where a command's output goes: fd 1, fd 2 or others, as redirections arranged. */
export interface Out {
  write(fd: number, text: string): void;
}

/** Standard input being read: `read` takes a line, a command that reads takes the rest. */
export interface Input {
  text: string;
  pos: number;
}

export interface Io {
  input: Input;
  out: Out;
}

// ---- control flow, as exceptions caught where they end ----

class BreakSignal {
  constructor(
    public levels: number,
    readonly isContinue: boolean,
  ) {}
}
class ReturnSignal {
  constructor(readonly code: number) {}
}
export class ExitSignal {
  constructor(readonly code: number) {}
}
/**
 * `while true; do date >> log; sleep 5; done`: the process sleeps in a polling loop, and goes on
 * doing so long after this run. The run stops there, the process still alive (status 0): what it
 * did so far is what it printed and wrote.
 */
class BlockedSignal {
  /** Where the program goes on once the sleep ends, added to by each frame it passes through. */
  readonly point = new ResumePoint();
}

/** The top of a main process's run: hands where it stopped to the process, if it can be resumed there. */
function suspendMain(ctx: ShellContext, e: BlockedSignal): void {
  const main = ctx.main;
  if (!main?.suspend) return;
  e.point.atShell(ctx);
  if (!e.point.impossible && e.point.shell) main.suspend(e.point.shell, e.point.rest);
}
/** An interactive shell's fatal error: the command stops with this status, the shell goes on. */
class AbortSignal {
  constructor(readonly code: number) {}
}
/** A limit was reached: the whole invocation stops with this message. */
class LimitSignal {
  constructor(readonly message: string) {}
}

function newState(budget: Budget, positional: string[] = []): ShellState {
  return { vars: Object.create(null) as Record<string, string>, functions: Object.create(null) as Record<string, Command>, positional, errexit: false, condition: 0, loops: 0, polling: 0, depth: 0, line: 1, localFrames: [], budget };
}

function stateOf(ctx: ShellContext): ShellState {
  ctx.shell ??= newState({ steps: 0 });
  return ctx.shell;
}

const dialectOf = (ctx: ShellContext) => ctx.dialect ?? ASH;
const argv0Of = (ctx: ShellContext) => ctx.argv0 ?? 'sh';

/** `sh: `, `sh: 1: `, `bash: line 1: `: how this shell starts an error message. */
export function where(ctx: ShellContext): string {
  return dialectOf(ctx).where(argv0Of(ctx), stateOf(ctx).line);
}

export interface RunOptions {
  stdin?: string;
  /** Each piece of output as it is produced, in order. */
  onOutput?: (fd: 1 | 2, text: string) => void;
  /** The line the source starts at (a script's command after others). */
  firstLine?: number;
}

/** Parses and runs a program (or runs one already parsed); returns its exit status (output went to `onOutput`). */
export function runProgram(source: string | Program, ctx: ShellContext, opts: RunOptions = {}): number {
  const dialect = dialectOf(ctx);
  // Method syntax, here and below, where a function is made per command: tsx (keepNames) wraps
  // every arrow bound to a name or property in a naming call, which costs more than the function.
  const out: Out = {
    write(fd, text) {
      if ((fd === 1 || fd === 2) && text) opts.onOutput?.(fd, text);
    },
  };
  let program: Program;
  if (typeof source === 'string') {
    const parsed = parseShell(source, { bashisms: dialect.bashisms, firstLine: opts.firstLine ?? 1 });
    if (!parsed.ok) {
      out.write(2, dialect.syntax(argv0Of(ctx), parsed.error, '\n'.repeat((opts.firstLine ?? 1) - 1) + source));
      ctx.lastCode = 2;
      return 2;
    }
    program = parsed.program;
  } else program = source;
  // Each run has its own budget: a session's next command starts afresh.
  stateOf(ctx).budget = { steps: 0 };
  return runParsed(program, ctx, { input: { text: opts.stdin ?? '', pos: 0 }, out });
}

function runParsed(program: Program, ctx: ShellContext, io: Io): number {
  try {
    return execList(program.list, ctx, io);
  } catch (e) {
    if (e instanceof ExitSignal) {
      ctx.exited = e.code;
      ctx.lastCode = e.code;
      return e.code;
    }
    if (e instanceof LimitSignal) {
      io.out.write(2, `${argv0Of(ctx)}: ${e.message}\n`);
      ctx.lastCode = 2;
      return 2;
    }
    if (e instanceof AbortSignal) {
      ctx.lastCode = e.code;
      return e.code;
    }
    if (e instanceof BlockedSignal) {
      // The rest of the program belongs to the innermost shell that was running it.
      if (ctx.main?.waits) e.point.atShell(ctx);
      // A main process waiting in a nested shell (`sh -c` inside `sh -c`) waits as a whole.
      if (ctx.main?.waits && stateOf(ctx).depth > 0) throw e;
      if (ctx.main?.waits) suspendMain(ctx, e);
      // At a prompt, a loop that would wait forever is what the learner then interrupts (Ctrl-C: 130).
      if (ctx.interactive) {
        ctx.lastCode = 130;
        return 130;
      }
      ctx.exited = 0;
      return 0;
    }
    if (e instanceof ReturnSignal || e instanceof BreakSignal) return e instanceof ReturnSignal ? e.code : ctx.lastCode;
    throw e;
  }
}

/** The former interface: runs a program and returns what it printed. */
export function runShell(source: string, ctx: ShellContext, stdin = ''): ShellResult {
  let stdout = '';
  let stderr = '';
  const code = runProgram(source, ctx, {
    stdin,
    onOutput(fd, text) {
      if (fd === 1) stdout += text;
      else stderr += text;
    },
  });
  return { stdout, stderr, code: ctx.exited ?? code };
}

/**
 * Runs argv directly (`kubectl exec pod -- cat /data/x`): no shell parsing, like exec().
 * `onOutput`, when given, gets each piece of output as it is written, in order.
 */
export function runArgv(argv: readonly string[], ctx: ShellContext, stdin = '', onOutput?: (fd: 1 | 2, text: string) => void): ShellResult {
  if (argv.length === 0) return { stdout: '', stderr: '', code: 0 };
  let stdout = '';
  let stderr = '';
  const io: Io = {
    input: { text: stdin, pos: 0 },
    out: {
      write(fd, text) {
        if (fd === 1) stdout += text;
        else if (fd === 2) stderr += text;
        if ((fd === 1 || fd === 2) && text) onOutput?.(fd, text);
      },
    },
  };
  let code: number;
  try {
    code = execArgv([...argv], ctx, io, true);
  } catch (e) {
    if (e instanceof ExitSignal) code = e.code;
    else if (e instanceof LimitSignal) {
      io.out.write(2, `${argv0Of(ctx)}: ${e.message}\n`);
      code = 2;
    } else if (e instanceof ReturnSignal) code = e.code;
    else if (e instanceof BlockedSignal) {
      if (ctx.main?.waits) suspendMain(ctx, e);
      code = 0;
    } else if (e instanceof BreakSignal) code = 0;
    else throw e;
  }
  return { stdout, stderr, code };
}

// ---- lists, pipelines, commands ----

function tick(ctx: ShellContext): void {
  const st = stateOf(ctx);
  if (++st.budget.steps > STEP_LIMIT) throw new LimitSignal(`stopped after ${STEP_LIMIT} steps: the simulated shell runs at most ${STEP_LIMIT} commands and loop turns at a time`);
}

function execList(list: List, ctx: ShellContext, io: Io): number {
  let code = 0;
  for (let i = 0; i < list.length; i++) {
    try {
      code = execAndOr(list[i]!, ctx, io);
    } catch (e) {
      if (e instanceof BlockedSignal) e.point.then(list.slice(i + 1));
      throw e;
    }
  }
  return code;
}

function execAndOr(item: AndOr, ctx: ShellContext, io: Io): number {
  const st = stateOf(ctx);
  const guarded = item.rest.length > 0;
  if (guarded) st.condition++;
  let code: number;
  // `set -e` applies only to the status of the list's last pipeline (`false && x` goes on).
  let fromLast = item.rest.length === 0;
  let at = -1;
  try {
    code = execPipeline(item.first, ctx, io);
    ctx.lastCode = code;
    for (let i = 0; i < item.rest.length; i++) {
      const { op, pipeline } = item.rest[i]!;
      if ((op === '&&') !== (code === 0)) continue;
      at = i;
      fromLast = i === item.rest.length - 1;
      if (i === item.rest.length - 1) st.condition--;
      try {
        code = execPipeline(pipeline, ctx, io);
        ctx.lastCode = code;
      } finally {
        if (i === item.rest.length - 1) st.condition++;
      }
    }
  } catch (e) {
    if (e instanceof BlockedSignal) e.point.andOr(item, at);
    throw e;
  } finally {
    if (guarded) st.condition--;
  }
  ctx.lastCode = code;
  if (code !== 0 && st.errexit && st.condition === 0 && fromLast && !(item.rest.length === 0 && item.first.negate)) throw new ExitSignal(code);
  return code;
}

function execPipeline(p: Pipeline, ctx: ShellContext, io: Io): number {
  const st = stateOf(ctx);
  let code: number;
  if (p.negate) st.condition++;
  try {
    if (p.commands.length === 1) code = execCommand(p.commands[0]!, ctx, io);
    else {
      let input = io.input;
      code = 0;
      p.commands.forEach((cmd, i) => {
        const last = i === p.commands.length - 1;
        let buffer = '';
        const out: Out = last
          ? io.out
          : {
              write: (fd, text) => {
                if (fd === 1) {
                  buffer += text;
                  if (buffer.length > SIZE_LIMIT) throw new LimitSignal(sizeMessage());
                } else io.out.write(fd, text);
              },
            };
        // Each stage runs in a subshell: `echo x | read v` leaves v as it was, as in sh.
        code = inSubshell(ctx, (sub) => {
          if (!last) sub.terminalOut = undefined;
          return execCommand(cmd, sub, { input, out });
        });
        input = { text: buffer, pos: 0 };
      });
    }
  } finally {
    if (p.negate) st.condition--;
  }
  return p.negate ? (code === 0 ? 1 : 0) : code;
}

const sizeMessage = () => `out of memory: the simulated shell keeps at most ${SIZE_LIMIT} bytes in one value`;

/**
 * A copy of a context, every field written out. Spreading contexts (which come in several shapes)
 * was most of the cost of `sh -c`; copies of one shape also keep the interpreter's property reads
 * fast. The type makes a field added to ShellContext a compile error until it is copied here.
 * Fields are then replaced by assignment (never `delete`, which makes an object a slow dictionary).
 */
function copyContext(ctx: ShellContext): ShellContext {
  return {
    fs: ctx.fs,
    env: ctx.env,
    cwd: ctx.cwd,
    hostname: ctx.hostname,
    exited: ctx.exited,
    extraCommands: ctx.extraCommands,
    lastCode: ctx.lastCode,
    main: ctx.main,
    dialect: ctx.dialect,
    family: ctx.family,
    image: ctx.image,
    argv0: ctx.argv0,
    commands: ctx.commands,
    notFound: ctx.notFound,
    shell: ctx.shell,
    interactive: ctx.interactive,
    terminalOut: ctx.terminalOut,
  } satisfies Record<keyof ShellContext, unknown>;
}

/** Runs `fn` in a copy of the shell: variables, functions, cwd and `exit` stay inside. */
function inSubshell(ctx: ShellContext, fn: (sub: ShellContext) => number): number {
  const st = stateOf(ctx);
  const sub = copyContext(ctx);
  sub.env = { ...ctx.env };
  sub.shell = { ...st, vars: { ...st.vars }, functions: { ...st.functions }, positional: [...st.positional], localFrames: [] };
  sub.exited = undefined;
  // A subshell's fatal error ends the subshell, as in any shell.
  sub.interactive = undefined;
  try {
    return fn(sub);
  } catch (e) {
    // A pipeline's stage, `( … )`, `$( … )`: their shell is gone once they stop, so only a replay resumes them.
    if (e instanceof BlockedSignal) e.point.cannot();
    if (e instanceof ExitSignal) return e.code;
    if (e instanceof BreakSignal) return 0;
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    st.budget.steps = sub.shell!.budget.steps;
  }
}

function execCommand(cmd: Command, ctx: ShellContext, io: Io): number {
  const st = stateOf(ctx);
  switch (cmd.k) {
    case 'simple':
      return execSimple(cmd, ctx, io);
    case 'func':
      st.functions[cmd.name] = cmd.body;
      return 0;
    case 'if':
      return withRedirects(cmd.redirects, ctx, io, (io2) => {
        for (let c = 0; c < cmd.clauses.length; c++) {
          const clause = cmd.clauses[c]!;
          let status: number;
          try {
            status = condition(clause.cond, ctx, io2);
          } catch (e) {
            if (e instanceof BlockedSignal) e.point.ifCondition(cmd, c);
            throw e;
          }
          if (status === 0) return execList(clause.body, ctx, io2);
        }
        return cmd.otherwise ? execList(cmd.otherwise, ctx, io2) : 0;
      });
    case 'loop':
      return withRedirects(cmd.redirects, ctx, io, (io2) => {
        let code = 0;
        let inBody = false;
        st.polling++;
        try {
          return loop(ctx, () => {
            tick(ctx);
            inBody = false;
            const c = condition(cmd.cond, ctx, io2);
            if ((c === 0) === cmd.until) return { done: true, code };
            inBody = true;
            code = execList(cmd.body, ctx, io2);
            return { done: false, code };
          });
        } catch (e) {
          if (e instanceof BlockedSignal) {
            if (inBody) e.point.loopBody(cmd);
            else e.point.loopCondition(cmd);
          }
          throw e;
        } finally {
          st.polling--;
        }
      });
    case 'for':
      return withRedirects(cmd.redirects, ctx, io, (io2) => {
        st.line = cmd.line;
        const items = cmd.items ? cmd.items.flatMap((w) => expandWord(w, expander(ctx, io2))) : [...st.positional];
        let i = 0;
        let code = 0;
        try {
          return loop(ctx, () => {
            if (i >= items.length) return { done: true, code };
            tick(ctx);
            assign(ctx, cmd.name, items[i++]!);
            code = execList(cmd.body, ctx, io2);
            return { done: false, code };
          });
        } catch (e) {
          if (e instanceof BlockedSignal) e.point.loopBody(remainingFor(cmd, items.slice(i)));
          throw e;
        }
      });
    case 'resume-loop':
      return resumeLoop(cmd, ctx, io);
    case 'case':
      return withRedirects(cmd.redirects, ctx, io, (io2) => {
        const ex = expander(ctx, io2);
        const value = expandString(cmd.word, ex);
        for (const item of cmd.items) {
          if (item.patterns.some((p) => new RegExp(`^(?:${expandPattern(p, ex)})$`, 's').test(value))) return execList(item.body, ctx, io2);
        }
        return 0;
      });
    case 'group':
      return withRedirects(cmd.redirects, ctx, io, (io2) => (cmd.subshell ? inSubshell(ctx, (sub) => execList(cmd.body, sub, io2)) : execList(cmd.body, ctx, io2)));
    case 'cond':
      return withRedirects(cmd.redirects, ctx, io, (io2) => {
        st.line = cmd.line;
        tick(ctx);
        const ex = expander(ctx, io2);
        const operands: CondOperand[] = cmd.words.map((w) => {
          const lit = w.parts.length === 1 && w.parts[0]!.k === 'lit' && !w.parts[0]!.quoted ? w.parts[0]!.text : undefined;
          return { text: expandString(w, ex), pattern: expandPattern(w, ex), regex: expandRegex(w, ex), op: lit !== undefined };
        });
        try {
          return evalCond(operands, testEnv(ctx)) ? 0 : 1;
        } catch (e) {
          if (e instanceof TestError) {
            io2.out.write(2, `${where(ctx)}${e.message}\n`);
            return 2;
          }
          throw e;
        }
      });
    case 'arith':
      return withRedirects(cmd.redirects, ctx, io, (io2) => {
        st.line = cmd.line;
        tick(ctx);
        const ex = expander(ctx, io2);
        const text = expandString(cmd.expr, ex);
        try {
          return evaluateArith(text, { get: (n) => lookup(ctx, n), set: (n, v) => assign(ctx, n, v) }) !== 0n ? 0 : 1;
        } catch (e) {
          if (e instanceof ArithError) {
            io2.out.write(2, `${where(ctx)}${dialectOf(ctx).arithError(e.kind, text.trim(), e.token)}\n`);
            return 1;
          }
          throw e;
        }
      });
  }
}

/**
 * The rest of a loop's turn where a main process slept (continuation-capture.ts), with the loop's
 * `break` and `continue`, then the loop again; stopping again inside, its rest is again such a turn.
 */
function resumeLoop(cmd: Command & { k: 'resume-loop' }, ctx: ShellContext, io: Io): number {
  const st = stateOf(ctx);
  const polls = cmd.loop.k === 'loop';
  st.loops++;
  if (polls) st.polling++;
  try {
    execList(cmd.rest, ctx, io);
  } catch (e) {
    if (e instanceof BlockedSignal) e.point.loopBody(cmd.loop);
    if (!(e instanceof BreakSignal)) throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    if (!e.isContinue) return 0;
  } finally {
    st.loops--;
    if (polls) st.polling--;
  }
  return execCommand(cmd.loop, ctx, io);
}

/** A condition (`if`, `while`): `set -e` does not apply inside it. */
function condition(list: List, ctx: ShellContext, io: Io): number {
  const st = stateOf(ctx);
  st.condition++;
  try {
    return execList(list, ctx, io);
  } finally {
    st.condition--;
  }
}

/** Runs loop turns until `turn` says done, handling `break N` and `continue N`. */
function loop(ctx: ShellContext, turn: () => { done: boolean; code: number }): number {
  const st = stateOf(ctx);
  st.loops++;
  let code = 0;
  try {
    for (;;) {
      try {
        const r = turn();
        code = r.code;
        if (r.done) return code;
      } catch (e) {
        if (!(e instanceof BreakSignal)) throw e;
        if (e.levels > 1) {
          e.levels--;
          throw e;
        }
        if (!e.isContinue) return 0;
      }
    }
  } finally {
    st.loops--;
  }
}

// ---- simple commands ----

function execSimple(cmd: Command & { k: 'simple' }, ctx: ShellContext, io: Io): number {
  const st = stateOf(ctx);
  st.line = cmd.line;
  tick(ctx);
  st.substStatus = undefined;
  const ex = expander(ctx, io);
  // Loops rather than flatMap/map: this runs for every command.
  const argv: string[] = [];
  for (const w of cmd.words) {
    const fields = expandWord(w, ex);
    for (let i = 0; i < fields.length; i++) argv.push(fields[i]!);
  }
  if (cmd.assigns.length === 0 && argv.length > 0 && cmd.redirects.length === 0) return execArgv(argv, ctx, io, false);
  const assigns = cmd.assigns.map((a) => [a.name, expandString(a.value, ex)] as const);
  for (const [, v] of assigns) if (v.length > SIZE_LIMIT) throw new LimitSignal(sizeMessage());
  if (argv.length === 0) {
    for (const [name, value] of assigns) assign(ctx, name, value);
    const status = st.substStatus ?? 0;
    return withRedirects(cmd.redirects, ctx, io, () => status);
  }
  return withRedirects(cmd.redirects, ctx, io, (io2) => {
    if (assigns.length === 0) return execArgv(argv, ctx, io2, false);
    // `X=1 cmd`: X is in cmd's environment only (for a function or builtin, while it runs).
    const saved = assigns.map(([name]) => [name, getOwn(ctx.env, name)] as const);
    for (const [name, value] of assigns) ctx.env[name] = value;
    try {
      return execArgv(argv, ctx, io2, false);
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete ctx.env[name];
        else ctx.env[name] = value;
      }
    }
  });
}

const SHELL_NAMES = ['sh', 'ash', 'bash', 'dash'];
/** Tools busybox has and a slim Debian image does not (procps is not installed there). */
export const BUSYBOX_ONLY: ReadonlySet<string> = new Set(['ps']);

/**
 * Whether the container's image lacks a program the shell could otherwise run: procps's `ps` in a
 * Debian image, a package manager of another distribution (apt-get in busybox, apk outside alpine,
 * pip outside python).
 */
export function imageLacks(ctx: Pick<ShellContext, 'family' | 'image'> & { fs?: Pick<ShellFs, 'stat'> }, base: string): boolean {
  // apt installed it into the container (`apt-get install procps` puts ps in /usr/bin).
  if (installedProgram(ctx.fs, base)) return false;
  if (ctx.family === 'debian' && BUSYBOX_ONLY.has(base)) return true;
  return hasPackageManager(base, ctx.family, ctx.image) === false;
}

/** Whether the image has this shell: busybox's (busybox, alpine) has only sh and ash, no bash; Debian's has sh, dash and bash. */
export function hasShell(ctx: ShellContext, base: string): boolean {
  return imageHasShell(ctx.family, base);
}

/** hasShell by the image's family alone, for callers with no shell context (`docker exec C bash`). */
export function imageHasShell(family: ShellContext['family'], base: string): boolean {
  if (family === 'debian') return base === 'sh' || base === 'dash' || base === 'bash';
  return base === 'sh' || base === 'ash';
}

/** Runs a command by name: a function, a builtin, a shell, then the command table. */
function execArgv(argv: string[], ctx: ShellContext, io: Io, direct: boolean): number {
  const name = argv[0]!;
  const args = argv.slice(1);
  const st = stateOf(ctx);
  const fn = direct ? undefined : getOwn(st.functions, name);
  if (fn) return callFunction(name, fn, args, ctx, io);
  const builtin = direct ? undefined : getOwn(BUILTINS, name);
  if (builtin) return builtin(args, builtinIo(ctx, io, name));
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  if (SHELL_NAMES.includes(base) && hasShell(ctx, base) && !ctx.commands) return runNestedShell(name, base, args, ctx, io);
  // echo, printf, test and friends are programs too (/bin/echo): run directly, they behave as the builtin.
  if (direct && PROGRAM_BUILTINS.has(base) && !ctx.commands) return getOwn(BUILTINS, base)!(args, builtinIo(ctx, io, base));
  // A build's own pip and apt-get (extraCommands) come first: they install what the image lacks.
  const extra = getOwn(ctx.extraCommands, base);
  if (!extra && !ctx.commands && imageLacks(ctx, base)) {
    io.out.write(2, `${where(ctx)}${dialectOf(ctx).notFound(name)}\n`);
    return 127;
  }
  const command = extra ?? getOwn(ctx.commands ?? COMMANDS, base);
  if (!command) {
    if (ctx.notFound) return emit(io, ctx.notFound(name));
    io.out.write(2, `${where(ctx)}${dialectOf(ctx).notFound(name)}\n`);
    return 127;
  }
  const r = command(args, new CommandIo(ctx, io.input));
  // A main process in simulated time stops its run at a sleep (or `tail -f`) that has not ended yet.
  const waits = ctx.main?.waits;
  if (waits && (base === 'sleep' || base === 'tail') && !ctx.commands && r.code === 0) {
    emit(io, r);
    if (!waits(base, args)) throw new BlockedSignal();
    return 0;
  }
  if (base === 'sleep' && st.polling > 0 && !ctx.commands && r.code === 0) throw new BlockedSignal();
  const code = emit(io, ctx.family === 'debian' && r.stderr ? debianWording(r) : r);
  if (ctx.exited !== undefined) {
    const c = ctx.exited;
    ctx.exited = undefined;
    throw new ExitSignal(c);
  }
  return code;
}

/** What a command sees; a class so that its getter is not made again for every command run. */
class CommandIo implements CommandIO {
  constructor(
    readonly ctx: ShellContext,
    private readonly input: Input,
  ) {}
  /** Reading stdin takes all of it: a `while read` loop goes on only if the body's commands did not read. */
  get stdin(): string {
    const input = this.input;
    const rest = input.text.slice(input.pos);
    input.pos = input.text.length;
    return rest;
  }
  resolve(p: string): string {
    return resolve(this.ctx, p);
  }
}

function emit(io: Io, r: ShellResult): number {
  if (r.chunks) {
    for (const c of r.chunks) if (c.text) io.out.write(c.stream === 'stdout' ? 1 : 2, c.text);
    return r.code;
  }
  if (r.stdout) io.out.write(1, r.stdout);
  if (r.stderr) io.out.write(2, r.stderr);
  return r.code;
}

/** GNU coreutils' wording for busybox's messages, in stderr and in its ordered chunks alike. */
function debianWording(r: ShellResult): ShellResult {
  const chunks = r.chunks?.map((c) => (c.stream === 'stderr' ? { ...c, text: coreutilsWording(c.text) } : c));
  return { ...r, stderr: coreutilsWording(r.stderr), ...(chunks ? { chunks } : {}) };
}

function callFunction(name: string, body: Command, args: string[], ctx: ShellContext, io: Io): number {
  const st = stateOf(ctx);
  if (st.depth >= NESTING_LIMIT) throw new LimitSignal(`${name}: maximum function nesting level exceeded (${NESTING_LIMIT})`);
  const saved = st.positional;
  st.positional = args;
  st.depth++;
  st.localFrames.push(new Map());
  const loops = st.loops;
  st.loops = 0;
  try {
    return execCommand(body, ctx, io);
  } catch (e) {
    // Its positional parameters, `local`s and `return` are not in the rest of the program: replay.
    if (e instanceof BlockedSignal) e.point.cannot();
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    st.loops = loops;
    const frame = st.localFrames.pop()!;
    for (const [n, v] of frame) {
      if (v === undefined) {
        delete st.vars[n];
        delete ctx.env[n];
      } else assign(ctx, n, v);
    }
    st.depth--;
    st.positional = saved;
  }
}

/** `sh -c 'script' [name [args…]]`, `sh FILE`, `sh` reading its program from stdin. */
function runNestedShell(name: string, base: string, args: string[], ctx: ShellContext, io: Io): number {
  const st = stateOf(ctx);
  if (st.depth >= NESTING_LIMIT) throw new LimitSignal(`${base}: too many nested shells (${NESTING_LIMIT})`);
  const dialect = dialectFor(ctx.family, base);
  let source: string;
  let argv0 = name;
  let positional: string[] = [];
  let input = io.input;
  const opts = args.filter((a) => /^-[eux]+$/.test(a));
  const rest = args.filter((a) => !/^-[eux]+$/.test(a));
  if (rest[0] === '-c') {
    if (rest[1] === undefined) {
      io.out.write(2, `${name}: -c: option requires an argument\n`);
      return 2;
    }
    source = rest[1];
    if (rest[2] !== undefined) argv0 = rest[2];
    positional = rest.slice(3);
  } else if (rest.length === 0) {
    source = input.text.slice(input.pos);
    input = { text: '', pos: 0 };
  } else {
    const script = ctx.fs.read(resolve(ctx, rest[0]!));
    if (!script.ok) {
      io.out.write(2, `${name}: ${dialect.name === 'ash' ? `can't open '${rest[0]}'` : dialect.name === 'dash' ? `0: cannot open ${rest[0]}` : `${rest[0]}`}: ${fsMessage(script.code)}\n`);
      return dialect.name === 'bash' ? 127 : 2;
    }
    source = script.value;
    argv0 = rest[0]!;
    positional = rest.slice(1);
  }
  const exported: Record<string, string> = { ...ctx.env };
  const shell = newState(st.budget, positional);
  shell.depth = st.depth + 1;
  shell.errexit = opts.some((o) => o.includes('e'));
  const child = copyContext(ctx);
  child.env = exported;
  child.dialect = dialect;
  child.argv0 = argv0;
  child.shell = shell;
  child.exited = undefined;
  child.commands = undefined;
  child.interactive = undefined;
  const parsed = parseShell(source, { bashisms: dialect.bashisms });
  if (!parsed.ok) {
    io.out.write(2, dialect.syntax(argv0, parsed.error, source));
    return 2;
  }
  const code = runParsed(parsed.program, child, { input, out: io.out });
  if (child.exited !== undefined && child.exited !== code) return child.exited;
  return code;
}

// ---- redirections ----

type Target = { kind: 'out'; fd: number } | { kind: 'file'; path: string; shown: string; append: boolean; buf: string } | { kind: 'null' };

function withRedirects(redirects: readonly Redirect[], ctx: ShellContext, io: Io, run: (io: Io) => number): number {
  if (redirects.length === 0) return run(io);
  const dialect = dialectOf(ctx);
  const ex = expander(ctx, io);
  const fds = new Map<number, Target>([
    [1, { kind: 'out', fd: 1 }],
    [2, { kind: 'out', fd: 2 }],
  ]);
  let input = io.input;
  for (const r of redirects) {
    if (r.op === '<<' || r.op === '<<-') {
      if (r.fd === 0) input = { text: r.body ? expandString(r.body, ex) : '', pos: 0 };
      continue;
    }
    const target = expandString(r.target, ex);
    if (r.op === '<' || r.op === '<>') {
      const read = ctx.fs.read(resolve(ctx, target));
      if (!read.ok) {
        const e = dialect.cannotOpen(target, read.code);
        io.out.write(2, `${where(ctx)}${e.message}\n`);
        return e.status;
      }
      if (r.fd === 0) input = { text: read.value, pos: 0 };
      continue;
    }
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') fds.set(r.fd, { kind: 'null' });
      else if (/^\d+$/.test(target)) {
        const from = Number(target);
        if (r.fd === 0) continue;
        fds.set(r.fd, fds.get(from) ?? { kind: 'out', fd: from });
      } else fds.set(r.fd, { kind: 'file', path: resolve(ctx, target), shown: target, append: false, buf: '' });
      continue;
    }
    if (target === '/dev/null') fds.set(r.fd, { kind: 'null' });
    else if (target === '/dev/stdout' || target === '/dev/stderr') fds.set(r.fd, fds.get(target === '/dev/stdout' ? 1 : 2)!);
    else fds.set(r.fd, { kind: 'file', path: resolve(ctx, target), shown: target, append: r.op === '>>', buf: '' });
  }
  const out: Out = {
    write(fd, text) {
      const t = fds.get(fd) ?? (fd > 2 ? { kind: 'null' as const } : { kind: 'out' as const, fd });
      if (t.kind === 'out') io.out.write(t.fd, text);
      else if (t.kind === 'file') {
        t.buf += text;
        if (t.buf.length > SIZE_LIMIT) throw new LimitSignal(sizeMessage());
      }
    },
  };
  // stdout sent to a file (or /dev/null) is no longer the terminal; `>&2` still is.
  const stdout = fds.get(1);
  const terminal = ctx.terminalOut;
  if (stdout?.kind !== 'out') ctx.terminalOut = undefined;
  let code: number;
  try {
    code = run({ input, out });
  } catch (e) {
    // Stopped with more to run under these redirections, or with files to write when it ends: replay.
    if (e instanceof BlockedSignal && (e.point.rest.length > 0 || e.point.shell || [...fds.values()].some((t) => t.kind === 'file'))) e.point.cannot();
    throw e;
  } finally {
    ctx.terminalOut = terminal;
  }
  // Files are written once the command is done: one write per file, whatever it printed.
  const written = new Set<Target>();
  for (const t of fds.values()) {
    if (t.kind !== 'file' || written.has(t)) continue;
    written.add(t);
    const w = ctx.fs.write(t.path, t.buf, t.append);
    if (!w.ok) {
      const e = dialect.cannotCreate(t.shown, w.code);
      io.out.write(2, `${where(ctx)}${e.message}\n`);
      code = e.status;
    }
  }
  return code;
}

// ---- variables and expansion ----

export function lookup(ctx: ShellContext, name: string): string | undefined {
  return getOwn(ctx.env, name) ?? getOwn(stateOf(ctx).vars, name);
}

export function assign(ctx: ShellContext, name: string, value: string): void {
  if (value.length > SIZE_LIMIT) throw new LimitSignal(sizeMessage());
  const st = stateOf(ctx);
  if (hasOwn(ctx.env, name)) ctx.env[name] = value;
  else st.vars[name] = value;
}

export function resolve(ctx: ShellContext, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${ctx.cwd}/${path}`);
}

function expander(ctx: ShellContext, io: Io): Expander {
  return new ShellExpander(ctx, io);
}

/**
 * What expansion sees of the shell. A class rather than an object of closures: one is made for
 * every command run, and its methods are then shared instead of made again each time.
 */
class ShellExpander implements Expander {
  readonly posixArith: boolean;
  constructor(
    private readonly ctx: ShellContext,
    private readonly io: Io,
  ) {
    this.posixArith = dialectOf(ctx).name === 'dash';
  }
  lookup(name: string): string | undefined {
    return lookup(this.ctx, name);
  }
  assign(name: string, value: string): void {
    assign(this.ctx, name, value);
  }
  positional(): string[] {
    return stateOf(this.ctx).positional;
  }
  special(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.ctx.lastCode);
      case '#':
        return String(stateOf(this.ctx).positional.length);
      case '$':
        return '1';
      case '0':
        return argv0Of(this.ctx);
      case '!':
      case '-':
        return '';
      default:
        return undefined;
    }
  }
  substitute(part: WordPart & { k: 'cmd' }): string {
    const { ctx, io } = this;
    const st = stateOf(ctx);
    let text = '';
    const out: Out = {
      write(fd, t) {
        if (fd === 1) {
          text += t;
          if (text.length > SIZE_LIMIT) throw new LimitSignal(sizeMessage());
        } else io.out.write(fd, t);
      },
    };
    if (st.depth >= NESTING_LIMIT) throw new LimitSignal(`command substitutions nested too deep (${NESTING_LIMIT})`);
    st.depth++;
    try {
      const code = inSubshell(ctx, (sub) => {
        sub.terminalOut = undefined;
        return execList(part.program.list, sub, { input: io.input, out });
      });
      st.substStatus = code;
      ctx.lastCode = code;
    } finally {
      st.depth--;
    }
    return text;
  }
  home(): string {
    return lookup(this.ctx, 'HOME') ?? '/';
  }
  list(dir: string): string[] | undefined {
    const r = this.ctx.fs.list(resolve(this.ctx, dir));
    return r.ok ? r.value.map((e) => e.name) : undefined;
  }
  fatal(message: string): never {
    this.io.out.write(2, `${where(this.ctx)}${message}\n`);
    throw fatalSignal(this.ctx, dialectOf(this.ctx).unsetStatus);
  }
  arithFailure(err: ArithError, expr: string): never {
    this.io.out.write(2, `${where(this.ctx)}${dialectOf(this.ctx).arithError(err.kind, expr, err.token)}\n`);
    throw fatalSignal(this.ctx, dialectOf(this.ctx).fatalStatus);
  }
}

/** A shell error ends a script's shell, and only the command at an interactive prompt. */
function fatalSignal(ctx: ShellContext, code: number): ExitSignal | AbortSignal {
  return ctx.interactive ? new AbortSignal(code) : new ExitSignal(code);
}

export function testEnv(ctx: ShellContext): TestEnv {
  const dialect = dialectOf(ctx);
  return {
    stat: (p) => ctx.fs.stat(resolve(ctx, p)),
    lstat: (p) => ctx.fs.lstat(resolve(ctx, p)),
    number(text) {
      if (/^[+-]?\d+$/.test(text)) return BigInt.asIntN(64, BigInt(text));
      return { error: dialect.badNumber(dialect.name === 'bash' ? '[' : '[', text) };
    },
  };
}

// ---- what builtins see ----

function builtinIo(ctx: ShellContext, io: Io, name: string): BuiltinIO {
  return new ShellBuiltinIo(ctx, io, name);
}

/** What a builtin sees; a class so that running `echo` does not make a dozen closures. */
class ShellBuiltinIo implements BuiltinIO {
  readonly dialect: Dialect;
  readonly state: ShellState;
  constructor(
    readonly ctx: ShellContext,
    readonly io: Io,
    readonly name: string,
  ) {
    this.dialect = dialectOf(ctx);
    this.state = stateOf(ctx);
  }
  where(): string {
    return where(this.ctx);
  }
  err(message: string, code: number): number {
    this.io.out.write(2, `${where(this.ctx)}${message}\n`);
    return code;
  }
  assign(n: string, v: string): void {
    assign(this.ctx, n, v);
  }
  lookup(n: string): string | undefined {
    return lookup(this.ctx, n);
  }
  resolve(p: string): string {
    return resolve(this.ctx, p);
  }
  testEnv(): TestEnv {
    return testEnv(this.ctx);
  }
  exit(code: number): never {
    throw new ExitSignal(code);
  }
  ret(code: number): undefined {
    if (this.state.localFrames.length === 0) return undefined;
    throw new ReturnSignal(code);
  }
  loopControl(levels: number, isContinue: boolean): boolean {
    if (this.state.loops === 0) return false;
    throw new BreakSignal(Math.min(levels, this.state.loops), isContinue);
  }
  evaluate(source: string): number {
    const { ctx, io } = this;
    const st = this.state;
    const parsed = parseShell(source, { bashisms: dialectOf(ctx).bashisms });
    if (!parsed.ok) {
      io.out.write(2, dialectOf(ctx).syntax(argv0Of(ctx), parsed.error, source));
      return 2;
    }
    if (st.depth >= NESTING_LIMIT) throw new LimitSignal(`eval: nested too deep (${NESTING_LIMIT})`);
    st.depth++;
    try {
      return execList(parsed.program.list, ctx, io);
    } catch (e) {
      // `eval` and `. file`: their text is not part of the program's AST.
      if (e instanceof BlockedSignal) e.point.cannot();
      throw e;
    } finally {
      st.depth--;
    }
  }
  run(argv: string[]): number {
    return execArgv(argv, this.ctx, this.io, false);
  }
  isCommand(n: string): boolean {
    const ctx = this.ctx;
    return hasOwn(this.state.functions, n) || hasOwn(BUILTINS, n) || hasOwn(ctx.commands ?? COMMANDS, n) || hasOwn(ctx.extraCommands ?? {}, n) || (SHELL_NAMES.includes(n) && hasShell(ctx, n));
  }
}

export type { Word };
