// The commands of the container shell, a busybox-like subset with busybox's messages.
import { base64Decode, base64Encode } from '../../lib/base64.ts';
import { parentOf } from '../fs/tree.ts';
import { runArgv, type ShellContext, type ShellResult } from './interpreter.ts';
import { grep } from './grep.ts';
import { ls } from './ls.ts';
import { dd, parseSize } from './dd.ts';
import { df } from './df.ts';
import { busyboxHuman } from './human.ts';
import { rmdir } from './rmdir.ts';
import { tar } from './tar.ts';
import { tee } from './tee.ts';
import { date } from './date.ts';
import { PACKAGE_COMMANDS } from './offline-packages.ts';
import { procpsPs } from './procps.ts';
import { fsMessage } from './messages.ts';
import { hasOwn } from '../../lib/own.ts';

export interface CommandIO {
  ctx: ShellContext;
  stdin: string;
  resolve: (path: string) => string;
}

type Command = (args: string[], io: CommandIO) => ShellResult;

const out = (stdout: string, code = 0): ShellResult => ({ stdout, stderr: '', code });
const fail = (stderr: string, code = 1, stdout = ''): ShellResult => ({ stdout, stderr, code });

/** Splits `-la` style flags from operands; `--` ends flags. */
function flags(args: string[], withValue: string[] = []): { on: Set<string>; values: Record<string, string>; rest: string[] } {
  const on = new Set<string>();
  const values: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (withValue.includes(f)) {
          values[f] = a.slice(j + 1) || args[++i] || '';
          break;
        }
        on.add(f);
      }
    } else rest.push(a);
  }
  return { on, values, rest };
}

function readInputs(name: string, files: string[], io: CommandIO): { text: string; errors: string } {
  if (files.length === 0) return { text: io.stdin, errors: '' };
  let text = '';
  let errors = '';
  for (const f of files) {
    if (f === '-') {
      text += io.stdin;
      continue;
    }
    const r = io.ctx.fs.read(io.resolve(f));
    if (r.ok) text += r.value;
    else errors += r.code === 'EISDIR' ? `${name}: read error: Is a directory\n` : `${name}: can't open '${f}': ${fsMessage(r.code)}\n`;
  }
  return { text, errors };
}

const lines = (text: string): string[] => {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
};

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, CONT: 18, STOP: 19 };

/** `kill [-s SIG | -SIG | -NUM] PID…`: the signal (TERM by default) and the PIDs. */
function killSignal(args: string[]): { name: string; pids: string[] } | { error: string } {
  let name = 'TERM';
  let rest = args;
  const spec = args[0] === '-s' ? args[1] : args[0]?.startsWith('-') && args[0] !== '--' ? args[0].slice(1) : undefined;
  if (spec !== undefined) {
    rest = args.slice(args[0] === '-s' ? 2 : 1);
    const upper = spec.toUpperCase().replace(/^SIG/, '');
    const byNumber = Object.entries(SIGNALS).find(([, n]) => String(n) === spec)?.[0];
    const found = /^\d+$/.test(spec) ? byNumber : upper in SIGNALS ? upper : undefined;
    if (!found) return { error: `kill: bad signal name '${spec}'\n` };
    name = found;
  }
  if (rest[0] === '--') rest = rest.slice(1);
  return { name, pids: rest };
}

export const COMMANDS: Record<string, Command> = {
  // The shell's own echo, printf and test: as programs (/bin/echo) they behave the same.
  echo: (args, io) => runArgv(['echo', ...args], io.ctx, io.stdin),
  printf: (args, io) => runArgv(['printf', ...args], io.ctx, io.stdin),
  test: (args, io) => runArgv(['test', ...args], io.ctx, io.stdin),
  '[': (args, io) => runArgv(['[', ...args], io.ctx, io.stdin),
  cat(args, io) {
    const { rest } = flags(args);
    const r = readInputs('cat', rest, io);
    return { stdout: r.text, stderr: r.errors, code: r.errors ? 1 : 0 };
  },
  ls,
  cd(args, io) {
    const target = io.resolve(args[0] ?? '/root');
    const e = io.ctx.fs.stat(target);
    if (!e) return fail(`sh: cd: can't cd to ${args[0]}: No such file or directory\n`, 2);
    if (e.type !== 'Directory') return fail(`sh: cd: can't cd to ${args[0]}: Not a directory\n`, 2);
    io.ctx.cwd = target;
    return out('');
  },
  pwd(_args, io) {
    return out(`${io.ctx.cwd}\n`);
  },
  mkdir(args, io) {
    const { on, rest } = flags(args);
    let stderr = '';
    for (const p of rest) {
      const r = io.ctx.fs.mkdir(io.resolve(p), on.has('p'));
      if (!r.ok) stderr += `mkdir: can't create directory '${p}': ${fsMessage(r.code)}\n`;
    }
    return { stdout: '', stderr, code: stderr ? 1 : 0 };
  },
  rmdir,
  tar,
  tee,
  rm(args, io) {
    const { on, rest } = flags(args);
    let stderr = '';
    for (const p of rest) {
      const r = io.ctx.fs.remove(io.resolve(p), on.has('r') || on.has('R'));
      if (!r.ok && !(on.has('f') && r.code === 'ENOENT')) {
        stderr += r.code === 'EISDIR' ? `rm: '${p}' is a directory\n` : `rm: can't remove '${p}': ${fsMessage(r.code)}\n`;
      }
    }
    return { stdout: '', stderr, code: stderr ? 1 : 0 };
  },
  touch(args, io) {
    let stderr = '';
    for (const p of flags(args).rest) {
      const abs = io.resolve(p);
      if (io.ctx.fs.stat(abs)) continue;
      const r = io.ctx.fs.write(abs, '', true);
      if (!r.ok) stderr += `touch: ${p}: ${fsMessage(r.code)}\n`;
    }
    return { stdout: '', stderr, code: stderr ? 1 : 0 };
  },
  cp(args, io) {
    const { rest } = flags(args);
    if (rest.length < 2) return fail('cp: missing destination file operand\n');
    const [src, dst] = [rest[0]!, rest[rest.length - 1]!];
    const r = io.ctx.fs.read(io.resolve(src));
    if (!r.ok) return fail(r.code === 'EISDIR' ? `cp: omitting directory '${src}'\n` : `cp: can't stat '${src}': ${fsMessage(r.code)}\n`);
    const target = io.ctx.fs.stat(io.resolve(dst))?.type === 'Directory' ? `${io.resolve(dst)}/${src.slice(src.lastIndexOf('/') + 1)}` : io.resolve(dst);
    const w = io.ctx.fs.write(target, r.value, false);
    return w.ok ? out('') : fail(`cp: can't create '${dst}': ${fsMessage(w.code)}\n`);
  },
  mv(args, io) {
    const copied = COMMANDS['cp']!(args, io);
    if (copied.code !== 0) return { ...copied, stderr: copied.stderr.replace(/^cp:/, 'mv:') };
    const r = io.ctx.fs.remove(io.resolve(flags(args).rest[0]!), false);
    return r.ok ? out('') : fail(`mv: can't remove '${flags(args).rest[0]}': ${fsMessage(r.code)}\n`);
  },
  ln(args, io) {
    const { on, rest } = flags(args);
    if (!on.has('s') || rest.length !== 2) return fail('ln: only symbolic links are supported here: ln -s TARGET NAME\n');
    const r = io.ctx.fs.symlink(rest[0]!, io.resolve(rest[1]!));
    return r.ok ? out('') : fail(`ln: ${rest[1]}: ${fsMessage(r.code)}\n`);
  },
  env(_args, io) {
    return out(Object.entries(io.ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
  },
  printenv(args, io) {
    if (args.length === 0) return COMMANDS['env']!([], io);
    const found = args.filter((a) => hasOwn(io.ctx.env, a));
    return { stdout: found.map((a) => `${io.ctx.env[a]}\n`).join(''), stderr: '', code: found.length === args.length ? 0 : 1 };
  },
  grep: grep,
  head(args, io) {
    // The obsolete `head -3` (busybox head.c and GNU head accept it as the first argument).
    const legacy = /^-(\d+)$/.exec(args[0] ?? '');
    const { values, rest } = flags(legacy ? ['-n', legacy[1]!, ...args.slice(1)] : args, ['n', 'c']);
    const count = values['n'] ?? '10';
    const input = readInputs('head', rest, io);
    const all = lines(input.text);
    // -n -N: all but the last N lines.
    const picked = count.startsWith('-') ? all.slice(0, Math.max(0, all.length - (Number(count.slice(1)) || 0))) : all.slice(0, Number(count) || 0);
    // -c N: the first N bytes (of text, characters here).
    const text = values['c'] !== undefined ? input.text.slice(0, Number(values['c']) || 0) : picked.map((l) => `${l}\n`).join('');
    return { stdout: text, stderr: input.errors, code: input.errors ? 1 : 0 };
  },
  tail(args, io) {
    // The obsolete `tail -5` and `tail +5` as the first argument (busybox tail.c, GNU tail).
    const legacy = /^([-+]\d+)$/.exec(args[0] ?? '');
    const { values, rest } = flags(legacy ? ['-n', legacy[1]!.replace(/^-/, ''), ...args.slice(1)] : args, ['n']);
    const count = values['n'] ?? '10';
    const input = readInputs('tail', rest, io);
    const all = lines(input.text);
    // +N: from line N on; N or -N: the last N lines.
    const picked = count.startsWith('+') ? all.slice(Math.max(0, (Number(count.slice(1)) || 0) - 1)) : all.slice(Math.max(0, all.length - Math.abs(Number(count) || 0)));
    return { stdout: picked.map((l) => `${l}\n`).join(''), stderr: input.errors, code: input.errors ? 1 : 0 };
  },
  wc(args, io) {
    const { on, rest } = flags(args);
    const input = readInputs('wc', rest, io);
    const counts = { l: (input.text.match(/\n/g) ?? []).length, w: input.text.split(/\s+/).filter(Boolean).length, c: new TextEncoder().encode(input.text).length };
    const picked = (['l', 'w', 'c'] as const).filter((k) => on.size === 0 || on.has(k));
    const name = rest.length === 1 ? ` ${rest[0]}` : '';
    return { stdout: `${picked.map((k) => String(counts[k]).padStart(on.size === 1 ? 0 : 7)).join(' ')}${name}\n`, stderr: input.errors, code: input.errors ? 1 : 0 };
  },
  base64(args, io) {
    const decode = args.includes('-d') || args.includes('--decode');
    const wrapArg = args.find((a) => a.startsWith('--wrap=') || /^-w\d*$/.test(a));
    const wrapAt = wrapArg === undefined ? 76 : Number(wrapArg.startsWith('--wrap=') ? wrapArg.slice(7) : wrapArg.slice(2) || args[args.indexOf(wrapArg) + 1]);
    const files = args.filter((a, i) => !a.startsWith('-') && !(args[i - 1] === '-w' && wrapArg === '-w'));
    const input = readInputs('base64', files, io);
    if (decode) return out(base64Decode(input.text.replace(/\s/g, '')));
    const encoded = base64Encode(input.text);
    // Lines of 76 characters, as GNU and busybox base64 print them; -w 0 does not wrap.
    const lines = wrapAt > 0 ? encoded.match(new RegExp(`.{1,${wrapAt}}`, 'g')) ?? [''] : [encoded];
    // -w 0 prints no newline at all, as GNU base64 does.
    return { stdout: encoded === '' ? '' : wrapAt > 0 ? `${lines.join('\n')}\n` : encoded, stderr: input.errors, code: input.errors ? 1 : 0 };
  },
  sort(args, io) {
    const { on, rest } = flags(args);
    const input = readInputs('sort', rest, io);
    let l = lines(input.text);
    l = on.has('n') ? l.sort((a, b) => parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0)) : l.sort();
    if (on.has('r')) l.reverse();
    if (on.has('u')) l = l.filter((x, i) => i === 0 || x !== l[i - 1]);
    return { stdout: l.map((x) => `${x}\n`).join(''), stderr: input.errors, code: input.errors ? 2 : 0 };
  },
  uniq(args, io) {
    const { on, rest } = flags(args);
    const input = readInputs('uniq', rest, io);
    const groups: { line: string; n: number }[] = [];
    for (const x of lines(input.text)) {
      const last = groups[groups.length - 1];
      if (last && last.line === x) last.n++;
      else groups.push({ line: x, n: 1 });
    }
    return out(groups.map((g) => (on.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`)).join(''));
  },
  cut(args, io) {
    const { values, rest } = flags(args, ['d', 'f', 'c']);
    const input = readInputs('cut', rest, io);
    const ranges = (values['f'] ?? values['c'] ?? '').split(',').map((r) => {
      const [a, b] = r.includes('-') ? r.split('-') : [r, r];
      return [Number(a || 1), b === '' || b === undefined ? Infinity : Number(b)] as const;
    });
    const pick = (n: number) => ranges.some(([a, b]) => n >= a && n <= b);
    if (values['f'] === undefined && values['c'] === undefined) return fail('cut: you must specify a list of bytes, characters, or fields\n');
    const delim = values['d'] ?? '\t';
    const text = lines(input.text)
      .map((l) => (values['c'] !== undefined ? [...l].filter((_, i) => pick(i + 1)).join('') : l.includes(delim) ? l.split(delim).filter((_, i) => pick(i + 1)).join(delim) : l))
      .map((l) => `${l}\n`)
      .join('');
    return { stdout: text, stderr: input.errors, code: input.errors ? 1 : 0 };
  },
  tr(args, io) {
    const { on, rest } = flags(args);
    const expand = (set: string) => set.replace(/(.)-(.)/g, (_m, a: string, b: string) => Array.from({ length: Math.max(0, b.charCodeAt(0) - a.charCodeAt(0) + 1) }, (_, i) => String.fromCharCode(a.charCodeAt(0) + i)).join('')).replace(/\\n/g, '\n');
    const from = expand(rest[0] ?? '');
    const to = expand(rest[1] ?? '');
    let text = '';
    for (const ch of io.stdin) {
      const i = from.indexOf(ch);
      if (on.has('d')) text += i >= 0 ? '' : ch;
      else text += i >= 0 ? (to[Math.min(i, to.length - 1)] ?? ch) : ch;
    }
    return out(text);
  },
  seq(args) {
    const n = args.map(Number);
    const [first, step, last] = n.length === 1 ? [1, 1, n[0]!] : n.length === 2 ? [n[0]!, 1, n[1]!] : [n[0]!, n[1]!, n[2]!];
    if (n.length === 0 || n.some((x) => !Number.isFinite(x)) || step === 0) return fail(`seq: invalid argument\n`);
    let text = '';
    // At most a million numbers: enough for any loop a learner writes.
    for (let i = first, k = 0; (step > 0 ? i <= last : i >= last) && k < 1_000_000; i += step, k++) text += `${i}\n`;
    return out(text);
  },
  ps(args, io) {
    // In a Debian image ps exists only once apt installed procps (package-catalog.ts): procps's.
    if (io.ctx.family === 'debian') return procpsPs(args, io);
    // busybox ps (pid,user,time,args): PID 1 is the container's command, then ps itself.
    const main = io.ctx.main?.command?.length ? io.ctx.main.command.join(' ') : 'sh';
    const rows = [`    1 root      0:00 ${main}`, `   13 root      0:00 ps`];
    return out(`PID   USER     TIME  COMMAND\n${rows.join('\n')}\n`);
  },
  sleep() {
    return out('');
  },
  date,
  true() {
    return out('');
  },
  false() {
    return out('', 1);
  },
  exit(args, io) {
    io.ctx.exited = Number(args[0] ?? io.ctx.lastCode) || 0;
    return out('', io.ctx.exited);
  },
  kill(args, io) {
    const signal = killSignal(args);
    if ('error' in signal) return fail(signal.error);
    if (signal.pids.length === 0) return fail('Usage: kill [-l] [-SIG] PID...\n');
    let stderr = '';
    for (const pid of signal.pids) {
      if (!/^\d+$/.test(pid)) stderr += `kill: invalid number '${pid}'\n`;
      else if (Number(pid) !== 1) stderr += `kill: can't kill pid ${pid}: No such process\n`;
      // PID 1 gets only the signals it handles; others vanish without an error, as in a real container.
      else if (io.ctx.main?.stopsOn.includes(signal.name)) io.ctx.main.ended ??= { signal: signal.name };
    }
    return stderr ? fail(stderr) : out('');
  },
  hostname(_args, io) {
    return out(`${io.ctx.hostname}\n`);
  },
  dd,
  fallocate(args, io) {
    const { values, rest } = flags(args, ['l']);
    const bytes = parseSize(values['l'] ?? '');
    if (bytes === undefined || !rest[0]) return fail('Usage: fallocate -l LENGTH FILE\n');
    const w = io.ctx.fs.writeSized(io.resolve(rest[0]), bytes);
    return w.ok ? out('') : fail(`fallocate: ${rest[0]}: ${fsMessage(w.code)}\n`);
  },
  du(args, io) {
    const { on, rest } = flags(args);
    const path = rest[0] ?? '.';
    const total = io.ctx.fs.usage(io.resolve(path));
    if (total === undefined) return fail(`du: can't open '${path}': No such file or directory\n`);
    return out(`${on.has('h') ? busyboxHuman(total) : Math.ceil(total / 1024)}\t${path}\n`);
  },
  df,
  mount(_args, io) {
    const rows = io.ctx.fs.diskUsage();
    return out(rows.map((r) => `${r.source} on ${r.mountPath} type ${r.fsType} (${r.readOnly ? 'ro' : 'rw'},relatime)\n`).join(''));
  },
  dirname(args) {
    return out(`${parentOf(args[0] ?? '.')}\n`);
  },
  // apt-get, apt, apk and pip, which can reach no mirror; the interpreter hides those the image lacks.
  ...PACKAGE_COMMANDS,
};
