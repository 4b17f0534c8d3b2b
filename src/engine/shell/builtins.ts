// The commands the shell runs itself, because they change the shell (cd, export, read, set,
// shift, local, return, break, exit, eval, `.`) or because every shell has its own (echo,
// printf, test). Errors are worded by the dialect; the status is the shell's.
import type { Dialect } from './dialect.ts';
import { evalTest, TestError, type TestEnv } from './test-expr.ts';
import type { Io, ShellContext, ShellState } from './interpreter.ts';
import { fsMessage } from './messages.ts';
import { hasOwn } from '../../lib/own.ts';
import { ArithError, evaluateArith } from './arith.ts';

export interface BuiltinIO {
  ctx: ShellContext;
  name: string;
  io: Io;
  dialect: Dialect;
  state: ShellState;
  where(): string;
  /** Writes `where() + message` to stderr and returns `code`. */
  err(message: string, code: number): number;
  assign(name: string, value: string): void;
  lookup(name: string): string | undefined;
  resolve(path: string): string;
  testEnv(): TestEnv;
  exit(code: number): never;
  /** Returns from the running function; undefined when there is none. */
  ret(code: number): undefined;
  /** `break`/`continue`; false when not in a loop. */
  loopControl(levels: number, isContinue: boolean): boolean;
  evaluate(source: string): number;
  run(argv: string[]): number;
  isCommand(name: string): boolean;
}

type Builtin = (args: string[], b: BuiltinIO) => number;

/** Builtins that are also programs in /bin: `kubectl exec pod -- printf x` runs them without a shell. */
export const PROGRAM_BUILTINS = new Set(['echo', 'printf', 'test', '[', 'true', 'false', 'pwd']);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const out = (b: BuiltinIO, text: string) => b.io.out.write(1, text);

/** Backslash escapes as echo -e (and dash's echo, and printf's %b) read them; `stop` is set by `\c`. */
export function echoEscapes(text: string, dialect: Dialect): { text: string; stop: boolean } {
  let s = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      s += c;
      continue;
    }
    const n = text[++i]!;
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n === 'c') return { text: s, stop: true };
    if (hasOwn(simple, n)) s += simple[n];
    else if (n === 'e' && dialect.name === 'bash') s += '\x1b';
    else if (n === '0' || (dialect.name !== 'dash' && /[1-7]/.test(n))) {
      // dash and bash read \0NNN; bash and busybox also \NNN.
      const m = /^[0-7]{0,3}/.exec(text.slice(n === '0' ? i + 1 : i))![0];
      s += String.fromCharCode(parseInt(m || '0', 8) & 0xff);
      i += n === '0' ? m.length : m.length - 1;
    } else if (n === 'x' && dialect.name !== 'dash' && /^[0-9a-fA-F]/.test(text.slice(i + 1))) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))![0];
      s += String.fromCharCode(parseInt(m, 16));
      i += m.length;
    } else s += `\\${n}`;
  }
  return { text: s, stop: false };
}

function echo(args: string[], b: BuiltinIO): number {
  let newline = true;
  let escapes = b.dialect.echoEscapes;
  let i = 0;
  if (b.dialect.echoFlags) {
    for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
      for (const f of args[i]!.slice(1)) {
        if (f === 'n') newline = false;
        else escapes = f === 'e';
      }
    }
  } else if (args[0] === '-n') {
    newline = false;
    i = 1;
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const r = echoEscapes(text, b.dialect);
    text = r.text;
    if (r.stop) newline = false;
  }
  out(b, newline ? `${text}\n` : text);
  return 0;
}

/** printf FORMAT [ARG…]: the format is reused until the arguments are used up. */
function printf(args: string[], b: BuiltinIO): number {
  if (args.length === 0) return b.err(b.dialect.name === 'bash' ? 'printf: usage: printf [-v var] format [arguments]' : 'printf: usage: printf format [arg ...]', b.dialect.name === 'bash' ? 2 : 2);
  const [format, ...rest] = args as [string, ...string[]];
  let status = 0;
  let text = '';
  let argi = 0;
  const next = () => rest[argi++];
  const number = (arg: string | undefined, float: boolean): number => {
    if (arg === undefined || arg === '') return 0;
    if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
    const ok = float ? /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(arg) : /^\s*[+-]?(0[xX][0-9a-fA-F]+|\d+)$/.test(arg);
    if (!ok) {
      status = 1;
      // busybox's printf runs inside ash, so its messages carry the shell's name, not printf's.
      const msg = b.dialect.name === 'bash' ? `printf: ${arg}: invalid number` : b.dialect.name === 'dash' ? `printf: ${arg}: expected numeric value` : `invalid number '${arg}'`;
      b.io.out.write(2, `${b.where()}${msg}\n`);
      const lead = /^\s*[+-]?\d+/.exec(arg);
      return lead ? Number(lead[0]) : 0;
    }
    return float ? Number(arg) : Number(BigInt.asIntN(64, BigInt(arg.trim())));
  };
  let guard = 0;
  do {
    const before = argi;
    for (let i = 0; i < format.length; i++) {
      const c = format[i]!;
      if (c === '\\') {
        const r = echoEscapes(format.slice(i, i + 5).replace(/^(\\[0-7]{1,3}|\\x[0-9a-fA-F]{1,2}|\\.).*$/s, '$1'), b.dialect);
        const m = /^(\\[0-7]{1,3}|\\x[0-9a-fA-F]{1,2}|\\.)/s.exec(format.slice(i))![0];
        text += m === '\\c' ? '' : r.text;
        if (m === '\\c') {
          out(b, text);
          return status;
        }
        i += m.length - 1;
        continue;
      }
      if (c !== '%') {
        text += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXcsbfFeEgG%])/.exec(format.slice(i));
      if (!m) {
        text += c;
        continue;
      }
      i += m[0].length - 1;
      const [, flags = '', w, p, conv] = m;
      if (conv === '%') {
        text += '%';
        continue;
      }
      const width = w === '*' ? number(next(), false) : w ? Number(w) : undefined;
      const precision = p === '*' ? number(next(), false) : p !== undefined ? Number(p) : undefined;
      const arg = next();
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (precision !== undefined) s = s.slice(0, precision);
          break;
        case 'b': {
          const r = echoEscapes(arg ?? '', b.dialect);
          s = r.text;
          break;
        }
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        case 'd':
        case 'i':
        case 'u': {
          const n = Math.trunc(number(arg, false));
          s = String(Math.abs(n));
          if (precision !== undefined) s = s.padStart(precision, '0');
          s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          break;
        }
        case 'o':
        case 'x':
        case 'X': {
          const n = Math.trunc(number(arg, false));
          s = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (flags.includes('#') && n !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
          break;
        }
        default: {
          const n = number(arg, true);
          const prec = precision ?? 6;
          s = conv === 'f' || conv === 'F' ? n.toFixed(prec) : conv === 'e' || conv === 'E' ? n.toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(prec || 1)));
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (n >= 0 && flags.includes('+')) s = `+${s}`;
        }
      }
      if (width !== undefined && s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && /[diouxXfFeEgG]/.test(conv!)) s = s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
        else s = s.padStart(width);
      }
      text += s;
    }
    if (argi === before) break;
  } while (argi < rest.length && ++guard < 10_000);
  out(b, text);
  return status;
}

function test(args: string[], b: BuiltinIO): number {
  let a = args;
  if (b.name === '[') {
    if (a[a.length - 1] !== ']') return b.err(b.dialect.name === 'bash' ? "[: missing `]'" : b.dialect.name === 'dash' ? '[: missing ]' : 'missing ]', 2);
    a = a.slice(0, -1);
  }
  try {
    return evalTest(a, b.testEnv()) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      const msg = e.message.startsWith(`${b.name}: `) ? e.message : `${b.name}: ${e.message}`;
      return b.err(b.dialect.name === 'ash' ? e.message : msg, 2);
    }
    throw e;
  }
}

function cd(args: string[], b: BuiltinIO): number {
  const arg = args[0] === '--' ? args[1] : args[0];
  const dest = arg === undefined ? (b.lookup('HOME') ?? '/') : arg === '-' ? (b.lookup('OLDPWD') ?? b.ctx.cwd) : arg;
  const target = b.resolve(dest);
  const e = b.ctx.fs.stat(target);
  if (!e || e.type !== 'Directory') {
    const r = b.dialect.cdFailed(dest, e ? 'ENOTDIR' : 'ENOENT');
    return b.err(r.message, r.status);
  }
  b.assign('OLDPWD', b.ctx.cwd);
  b.ctx.cwd = target;
  if (b.lookup('PWD') !== undefined) b.assign('PWD', target);
  if (arg === '-') out(b, `${target}\n`);
  return 0;
}

function exportOrReadonly(args: string[], b: BuiltinIO): number {
  let status = 0;
  const names = args.filter((a) => a !== '-n' && a !== '-p' && a !== '--');
  if (names.length === 0) {
    for (const [k, v] of Object.entries(b.ctx.env)) out(b, b.dialect.name === 'bash' ? `declare -x ${k}="${v.replace(/["\\$`]/g, '\\$&')}"\n` : `export ${k}='${v.replace(/'/g, "'\\''")}'\n`);
    return 0;
  }
  for (const a of names) {
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (!NAME.test(name)) {
      status = b.err(b.dialect.name === 'bash' ? `${b.name}: \`${a}': not a valid identifier` : `${b.name}: ${name}: bad variable name`, b.dialect.name === 'bash' ? 1 : 2);
      if (b.dialect.name !== 'bash') b.exit(2);
      continue;
    }
    if (b.name === 'readonly' || b.name === 'local') {
      if (eq >= 0) b.assign(name, a.slice(eq + 1));
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : b.lookup(name);
    delete b.state.vars[name];
    if (value !== undefined) b.ctx.env[name] = value;
  }
  return status;
}

function local(args: string[], b: BuiltinIO): number {
  const frame = b.state.localFrames[b.state.localFrames.length - 1];
  if (!frame) return b.err(b.dialect.name === 'bash' ? 'local: can only be used in a function' : 'local: not in a function', b.dialect.name === 'bash' ? 1 : 2);
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (!frame.has(name)) frame.set(name, b.lookup(name));
    if (eq >= 0) b.assign(name, a.slice(eq + 1));
    else if (b.dialect.name === 'bash') {
      delete b.state.vars[name];
      delete b.ctx.env[name];
    }
  }
  return 0;
}

function read(args: string[], b: BuiltinIO): number {
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-r') raw = true;
    else if (a === '-p' || a === '-t' || a === '-n' || a === '-d') i++;
    else if (a.startsWith('-') && names.length === 0 && a !== '-') continue;
    else names.push(a);
  }
  if (names.length === 0) {
    if (b.dialect.name === 'dash') return b.err('read: arg count', 2);
    names.push('REPLY');
  }
  const input = b.io.input;
  let line = '';
  let eof = true;
  while (input.pos < input.text.length) {
    const nl = input.text.indexOf('\n', input.pos);
    const end = nl < 0 ? input.text.length : nl;
    line += input.text.slice(input.pos, end);
    input.pos = nl < 0 ? input.text.length : nl + 1;
    eof = nl < 0;
    // Without -r a backslash before the newline continues the line.
    if (!raw && line.endsWith('\\') && nl >= 0) {
      line = line.slice(0, -1);
      continue;
    }
    break;
  }
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const ifs = b.lookup('IFS') ?? ' \t\n';
  const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const trimRe = (s: string) => (white ? s.replace(new RegExp(`^[${escapeClass(white)}]+|[${escapeClass(white)}]+$`, 'g'), '') : s);
  let rest = trimRe(line);
  names.forEach((name, idx) => {
    if (idx === names.length - 1) {
      b.assign(name, rest);
      return;
    }
    const m = ifs ? new RegExp(`[${escapeClass(ifs)}]`).exec(rest) : null;
    if (!m) {
      b.assign(name, rest);
      rest = '';
      return;
    }
    b.assign(name, rest.slice(0, m.index));
    rest = trimRe(rest.slice(m.index + 1));
  });
  return eof && line === '' ? 1 : eof ? 1 : 0;
}

const escapeClass = (s: string) => s.replace(/[\\\]^-]/g, '\\$&').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

function set(args: string[], b: BuiltinIO): number {
  if (args.length === 0) {
    const all = { ...b.state.vars, ...b.ctx.env };
    for (const k of Object.keys(all).sort()) out(b, `${k}='${all[k]!.replace(/'/g, "'\\''")}'\n`);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      b.state.positional = args.slice(i);
      return 0;
    }
    if (/^[-+][euxvfC]+$/.test(a)) {
      if (a.includes('e')) b.state.errexit = a.startsWith('-');
      continue;
    }
    if (a === '-o' || a === '+o') {
      if (args[i + 1] === 'errexit') b.state.errexit = a === '-o';
      i++;
      continue;
    }
    b.state.positional = args.slice(i);
    return 0;
  }
  return 0;
}

function shift(args: string[], b: BuiltinIO): number {
  const n = args[0] === undefined ? 1 : Number(args[0]);
  if (!Number.isInteger(n) || n < 0 || n > b.state.positional.length) {
    if (b.dialect.name === 'bash') return 1;
    b.err(b.dialect.name === 'dash' ? `shift: can't shift that many` : `shift: can't shift that many`, 2);
    return b.exit(2);
  }
  b.state.positional = b.state.positional.slice(n);
  return 0;
}

function exit(args: string[], b: BuiltinIO): number {
  const code = args[0] === undefined ? b.ctx.lastCode : Number(args[0]);
  if (!Number.isInteger(code)) {
    b.err(b.dialect.name === 'bash' ? `exit: ${args[0]}: numeric argument required` : b.dialect.name === 'dash' ? `exit: Illegal number: ${args[0]}` : `exit: Illegal number: ${args[0]}`, 2);
    return b.exit(2);
  }
  return b.exit(((code % 256) + 256) % 256);
}

function ret(args: string[], b: BuiltinIO): number {
  const code = args[0] === undefined ? b.ctx.lastCode : ((Number(args[0]) % 256) + 256) % 256;
  b.ret(code);
  // Not in a function: bash complains; ash and dash end the shell, as at the end of a sourced file.
  if (b.dialect.name === 'bash') return b.err("return: can only `return' from a function or sourced script", 2);
  return b.exit(code);
}

function loopControl(isContinue: boolean): Builtin {
  return (args, b) => {
    const n = args[0] === undefined ? 1 : Number(args[0]);
    if (!Number.isInteger(n) || n < 1) return b.err(`${b.name}: Illegal number: ${args[0]}`, 2);
    if (!b.loopControl(n, isContinue)) return b.dialect.name === 'bash' ? b.err(`${b.name}: only meaningful in a \`for', \`while', or \`until' loop`, 0) : 0;
    return 0;
  };
}

function source(args: string[], b: BuiltinIO): number {
  const file = args[0];
  if (file === undefined) return b.err(`${b.name}: filename argument required`, 2);
  const r = b.ctx.fs.read(b.resolve(file));
  if (!r.ok) {
    b.err(b.dialect.name === 'bash' ? `${file}: ${fsMessage(r.code)}` : `${b.name}: can't open '${file}'`, b.dialect.name === 'bash' ? 1 : 2);
    return b.dialect.name === 'bash' ? 1 : b.exit(2);
  }
  return b.evaluate(r.value);
}

function command(args: string[], b: BuiltinIO): number {
  if (args[0] === '-v' || args[0] === '-V') {
    const name = args[1];
    if (name === undefined || !b.isCommand(name)) return 1;
    out(b, hasOwn(BUILTINS, name) || hasOwn(b.state.functions, name) ? `${name}\n` : `/bin/${name}\n`);
    return 0;
  }
  return args.length ? b.run(args) : 0;
}

function unset(args: string[], b: BuiltinIO): number {
  const fn = args.includes('-f');
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    if (fn) delete b.state.functions[name];
    else {
      delete b.state.vars[name];
      delete b.ctx.env[name];
    }
  }
  return 0;
}

export const BUILTINS: Record<string, Builtin> = Object.assign(Object.create(null) as Record<string, Builtin>, {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo,
  printf,
  test,
  '[': test,
  cd,
  pwd: (_args: string[], b: BuiltinIO) => (out(b, `${b.ctx.cwd}\n`), 0),
  export: exportOrReadonly,
  readonly: exportOrReadonly,
  local,
  read,
  set,
  shift,
  unset,
  exit,
  return: ret,
  break: loopControl(false),
  continue: loopControl(true),
  eval: (args: string[], b: BuiltinIO) => b.evaluate(args.join(' ')),
  '.': source,
  source,
  command,
  trap: () => 0,
  wait: () => 0,
  umask: () => 0,
  let(args: string[], b: BuiltinIO) {
    let last = 0n;
    try {
      for (const a of args) last = evaluateArith(a, { get: (n) => b.lookup(n), set: (n, v) => b.assign(n, v) });
    } catch (e) {
      if (e instanceof ArithError) return b.err(b.dialect.arithError(e.kind, args.join(' '), e.token), 1);
      throw e;
    }
    return last === 0n ? 1 : 0;
  },
});
