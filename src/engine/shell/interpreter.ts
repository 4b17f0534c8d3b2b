// Running the parsed shell: expansion (variables, globs), redirections, pipes and lists, with
// busybox's messages. Each command reads stdin and returns what it wrote and its exit code.
import { normalizePath } from '../fs/tree.ts';
import type { ContainerFs } from '../containers/container-fs.ts';
import { COMMANDS } from './commands.ts';
import { fsMessage } from './messages.ts';
import { parseShell, type SimpleCommand, type Word } from './parse.ts';
import { getOwn } from '../../lib/own.ts';

/** The file operations the shell needs; a container's filesystem provides them. */
export type ShellFs = Pick<ContainerFs, 'now' | 'stat' | 'lstat' | 'read' | 'list' | 'write' | 'writeSized' | 'mkdir' | 'remove' | 'symlink' | 'usage' | 'diskUsage'>;

export interface ShellContext {
  fs: ShellFs;
  env: Record<string, string>;
  cwd: string;
  hostname: string;
  /** Set by `exit`: stop running the rest. */
  exited?: number;
  /** Commands besides the shell's own (a Docker build has pip and apt-get). */
  extraCommands?: Record<string, (args: string[], io: import('./commands.ts').CommandIO) => ShellResult>;
  lastCode: number;
  /** The container's main process (PID 1), which `kill 1` signals; absent where there is none to signal. */
  main?: MainProcess;
}

export interface MainProcess {
  /** The signals it has a handler for that end it; the kernel drops any other signal sent to PID 1 from inside. */
  stopsOn: readonly string[];
  /** Set by `kill` when one of those signals reached it. */
  ended?: { signal: string };
}

export interface ShellResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function runShell(source: string, ctx: ShellContext, stdin = ''): ShellResult {
  const parsed = parseShell(source);
  if (!parsed.ok) return { stdout: '', stderr: `sh: ${parsed.error}\n`, code: 2 };
  let stdout = '';
  let stderr = '';
  let run = true;
  for (const item of parsed.list) {
    if (run) {
      const r = runPipeline(item.pipeline.commands, ctx, stdin);
      stdout += r.stdout;
      stderr += r.stderr;
      ctx.lastCode = r.code;
      if (ctx.exited !== undefined) break;
    }
    run = item.then === ';' || (item.then === '&&' ? ctx.lastCode === 0 : ctx.lastCode !== 0);
  }
  return { stdout, stderr, code: ctx.exited ?? ctx.lastCode };
}

/** Runs argv directly (`kubectl exec pod -- cat /data/x`): no shell parsing, like exec(). */
export function runArgv(argv: readonly string[], ctx: ShellContext, stdin = ''): ShellResult {
  if (argv.length === 0) return { stdout: '', stderr: '', code: 0 };
  return runCommand(argv, ctx, stdin);
}

function runPipeline(commands: readonly SimpleCommand[], ctx: ShellContext, stdin: string): ShellResult {
  let input = stdin;
  let stderr = '';
  let last: ShellResult = { stdout: '', stderr: '', code: 0 };
  for (const cmd of commands) {
    last = runSimple(cmd, ctx, input);
    stderr += last.stderr;
    input = last.stdout;
  }
  return { stdout: last.stdout, stderr, code: last.code };
}

function runSimple(cmd: SimpleCommand, ctx: ShellContext, stdin: string): ShellResult {
  const argv = cmd.words.flatMap((w) => expandWord(w, ctx));
  let input = stdin;
  for (const r of cmd.redirects) {
    if (r.op !== '<') continue;
    const path = resolve(ctx, expandWord(r.target, ctx)[0] ?? '');
    const read = ctx.fs.read(path);
    if (!read.ok) return { stdout: '', stderr: `sh: can't open '${expandWord(r.target, ctx)[0]}': ${fsMessage(read.code)}\n`, code: 1 };
    input = read.value;
  }
  const result = argv.length === 0 ? { stdout: '', stderr: '', code: 0 } : runCommand(argv, ctx, input);
  let { stdout, stderr } = result;
  for (const r of cmd.redirects) {
    if (r.op === '<') continue;
    const target = expandWord(r.target, ctx)[0] ?? '';
    if (r.op === '>&') {
      if (r.fd === 2 && target === '1') {
        stdout += stderr;
        stderr = '';
      }
      continue;
    }
    const text = r.fd === 2 ? stderr : stdout;
    if (r.fd === 2) stderr = '';
    else stdout = '';
    if (target === '/dev/null') continue;
    const written = ctx.fs.write(resolve(ctx, target), text, r.op === '>>');
    if (!written.ok) return { stdout, stderr: stderr + `sh: can't create ${target}: ${fsMessage(written.code)}\n`, code: 1 };
  }
  return { stdout, stderr, code: result.code };
}

function runCommand(argv: readonly string[], ctx: ShellContext, stdin: string): ShellResult {
  const [name, ...args] = argv as [string, ...string[]];
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  if (base === 'sh' || base === 'bash' || base === 'ash') {
    if (args[0] === '-c' && args[1] !== undefined) return runShell(args[1], { ...ctx, env: { ...ctx.env } }, stdin);
    if (args.length === 0) return runShell(stdin, ctx);
    const script = ctx.fs.read(resolve(ctx, args[0]!));
    return script.ok ? runShell(script.value, ctx) : { stdout: '', stderr: `sh: can't open '${args[0]}': ${fsMessage(script.code)}\n`, code: 2 };
  }
  const command = getOwn(ctx.extraCommands, base) ?? getOwn(COMMANDS, base);
  if (!command) return { stdout: '', stderr: `sh: ${name}: not found\n`, code: 127 };
  return command(args, { ctx, stdin, resolve: (p) => resolve(ctx, p) });
}

export function resolve(ctx: ShellContext, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${ctx.cwd}/${path}`);
}

/** A word after variable expansion and, when unquoted, pathname expansion. */
function expandWord(word: Word, ctx: ShellContext): string[] {
  let text = '';
  let globbable = false;
  for (const part of word.parts) {
    if ('variable' in part) text += part.variable === '?' ? String(ctx.lastCode) : getOwn(ctx.env, part.variable) ?? '';
    else {
      text += part.text;
      if (!part.quoted && /[*?]/.test(part.text)) globbable = true;
    }
  }
  if (!globbable) return [text];
  // Only unquoted literal `*` and `?` are wildcards; variable values and quoted text match as written.
  let pattern = '';
  for (const part of word.parts) {
    if ('variable' in part) pattern += escapeRegex(part.variable === '?' ? String(ctx.lastCode) : getOwn(ctx.env, part.variable) ?? '');
    else if (!part.quoted) pattern += part.text.split('').map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : escapeRegex(ch))).join('');
    else pattern += escapeRegex(part.text);
  }
  const matches = glob(ctx, text, new RegExp(`^${pattern}$`));
  return matches.length > 0 ? matches : [text];
}

/** Globs in the last path component only (`/etc/podinfo/*`, `*.txt`), hidden files excluded. */
function glob(ctx: ShellContext, text: string, re: RegExp): string[] {
  const slash = text.lastIndexOf('/');
  const dir = slash >= 0 ? text.slice(0, slash) || '/' : '.';
  const listing = ctx.fs.list(resolve(ctx, dir));
  if (!listing.ok) return [];
  const prefix = slash >= 0 ? text.slice(0, slash + 1) : '';
  return listing.value
    .map((e) => `${prefix}${e.name}`)
    .filter((p) => !p.slice(prefix.length).startsWith('.') && re.test(p))
    .sort();
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
