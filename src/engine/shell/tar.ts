// `tar`, enough for `kubectl cp`: it runs `tar cf - PATH` in the container to copy out and
// `tar -xmf - [-C DIR]` to copy in, the archive travelling on stdout/stdin. The archive is
// ustar (POSIX.1-1988) as both GNU and busybox tar write it. Shell streams are text here, so the
// archive travels as a "binary string": one character per byte (0-255); file contents are
// UTF-8 inside it. Messages are busybox tar's.
import type { ShellResult } from './interpreter.ts';
import type { CommandIO } from './commands.ts';
import { fsMessage } from './messages.ts';

const BLOCK = 512;

interface TarFlags {
  create: boolean;
  extract: boolean;
  list: boolean;
  file?: string;
  dir?: string;
  operands: string[];
}

/** `cf -`, `-xmf -`, `-c -f - -C dir`: the old bundled form and the dashed one. */
function parseFlags(args: string[]): TarFlags | string {
  const f: TarFlags = { create: false, extract: false, list: false, operands: [] };
  const rest = [...args];
  if (rest[0] !== undefined && !rest[0].startsWith('-')) rest[0] = `-${rest[0]}`;
  while (rest.length > 0) {
    const a = rest.shift()!;
    if (a === '--') {
      f.operands.push(...rest);
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      f.operands.push(a);
      continue;
    }
    for (let i = 1; i < a.length; i++) {
      const c = a[i]!;
      if (c === 'c') f.create = true;
      else if (c === 'x') f.extract = true;
      else if (c === 't') f.list = true;
      else if (c === 'f' || c === 'C') {
        const value = a.slice(i + 1) || rest.shift();
        if (value === undefined) return `tar: option requires an argument -- '${c}'\n`;
        if (c === 'f') f.file = value;
        else f.dir = value;
        break;
      } else if (!'mvopz'.includes(c)) return `tar: invalid option -- '${c}'\n`;
    }
  }
  return f;
}

export function tar(args: string[], io: CommandIO): ShellResult {
  const f = parseFlags(args);
  if (typeof f === 'string') return { stdout: '', stderr: f, code: 1 };
  if ([f.create, f.extract, f.list].filter(Boolean).length !== 1) return { stdout: '', stderr: 'tar: need exactly one of -c, -x or -t\n', code: 1 };
  if (f.file !== undefined && f.file !== '-') return { stdout: '', stderr: 'tar: only stdin and stdout (-f -) are simulated\n', code: 1 };
  const base = f.dir !== undefined ? io.resolve(f.dir) : io.resolve('.');
  if (f.dir !== undefined && io.ctx.fs.stat(base)?.type !== 'Directory') return { stdout: '', stderr: `tar: can't change directory to '${f.dir}': No such file or directory\n`, code: 1 };
  return f.create ? create(f.operands, base, io) : extract(io.stdin, base, io, f.list);
}

function create(operands: string[], base: string, io: CommandIO): ShellResult {
  if (operands.length === 0) return { stdout: '', stderr: 'tar: empty archive\n', code: 1 };
  let archive = '';
  let stderr = '';
  let warned = false;
  const add = (path: string, name: string, shown = name) => {
    const e = io.ctx.fs.lstat(path);
    if (!e) {
      stderr += `tar: ${shown}: No such file or directory\n`;
      return;
    }
    const mode = e.mode;
    if (e.type === 'Directory') {
      archive += header(`${name}/`, mode, 0, '5', '', io.ctx.fs.now);
      const listed = io.ctx.fs.list(path);
      if (listed.ok) for (const child of [...listed.value].sort((a, b) => a.name.localeCompare(b.name))) add(`${path}/${child.name}`, `${name}/${child.name}`);
    } else if (e.type === 'Symlink') {
      archive += header(name, 0o777, 0, '2', e.target ?? '', io.ctx.fs.now);
    } else if (e.type === 'File') {
      const r = io.ctx.fs.read(path);
      const bytes = r.ok ? utf8Bytes(r.value) : '';
      archive += header(name, mode, bytes.length, '0', '', io.ctx.fs.now) + bytes + '\0'.repeat((BLOCK - (bytes.length % BLOCK)) % BLOCK);
    }
  };
  for (const op of operands) {
    let name = op.replace(/\/+$/, '') || '/';
    if (name.startsWith('/')) {
      if (!warned) stderr += "tar: removing leading '/' from member names\n";
      warned = true;
      name = name.replace(/^\/+/, '');
    }
    add(op.startsWith('/') ? op : `${base}/${op}`, name === '' ? '.' : name, op);
  }
  archive += '\0'.repeat(BLOCK * 2);
  const failed = /No such file/.test(stderr);
  return { stdout: archive, stderr: stderr + (failed ? 'tar: error exit delayed from previous errors\n' : ''), code: failed ? 1 : 0 };
}

function extract(archive: string, base: string, io: CommandIO, listOnly: boolean): ShellResult {
  let at = 0;
  let stdout = '';
  let stderr = '';
  while (at + BLOCK <= archive.length) {
    const block = archive.slice(at, at + BLOCK);
    if (/^\0*$/.test(block)) break;
    const name = field(block, 0, 100);
    const prefix = field(block, 345, 155);
    const full = (prefix ? `${prefix}/${name}` : name).replace(/^\/+/, '');
    const size = parseInt(field(block, 124, 12).trim() || '0', 8);
    const type = block[156] ?? '0';
    const mode = parseInt(field(block, 100, 8).trim() || '644', 8);
    const body = archive.slice(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (listOnly) {
      stdout += `${full}\n`;
      continue;
    }
    const target = `${base}/${full}`.replace(/\/+$/, '');
    const parent = target.slice(0, target.lastIndexOf('/')) || '/';
    if (!io.ctx.fs.stat(parent)) io.ctx.fs.mkdir(parent, true);
    let r: { ok: boolean; code?: string };
    if (type === '5') r = io.ctx.fs.stat(target)?.type === 'Directory' ? { ok: true } : io.ctx.fs.mkdir(target, true);
    else if (type === '2') r = io.ctx.fs.symlink(field(block, 157, 100), target);
    else r = io.ctx.fs.write(target, utf8Text(body), false);
    if (!r.ok) stderr += `tar: can't ${type === '5' ? 'create directory' : 'open'} '${full}': ${fsMessage((r as { code: Parameters<typeof fsMessage>[0] }).code)}\n`;
    void mode;
  }
  if (at === 0 && archive.length > 0 && archive.length < BLOCK) stderr += 'tar: short read\n';
  return { stdout, stderr, code: stderr === '' ? 0 : 1 };
}

/** A ustar header block for one member. */
function header(name: string, mode: number, size: number, type: string, link: string, now: number): string {
  let prefix = '';
  let short = name;
  if (name.length > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    short = name.slice(cut + 1);
  }
  const octal = (n: number, width: number) => n.toString(8).padStart(width - 1, '0') + '\0';
  const fields = [
    pad(short, 100),
    octal(mode & 0o7777, 8),
    octal(0, 8),
    octal(0, 8),
    octal(size, 12),
    octal(Math.floor(now / 1000), 12),
    '        ',
    type,
    pad(link, 100),
    'ustar\0',
    '00',
    pad('root', 32),
    pad('root', 32),
    octal(0, 8),
    octal(0, 8),
    pad(prefix, 155),
    '\0'.repeat(12),
  ];
  const block = fields.join('');
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block.charCodeAt(i);
  return block.slice(0, 148) + sum.toString(8).padStart(6, '0') + '\0 ' + block.slice(156);
}

const pad = (text: string, width: number) => text.slice(0, width) + '\0'.repeat(Math.max(0, width - text.length));
const field = (block: string, from: number, width: number) => block.slice(from, from + width).replace(/\0.*$/s, '');

/** Text as its UTF-8 bytes, one character per byte. */
function utf8Bytes(text: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(text)) out += String.fromCharCode(b);
  return out;
}

function utf8Text(bytes: string): string {
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i) & 0xff;
  return new TextDecoder().decode(array);
}
