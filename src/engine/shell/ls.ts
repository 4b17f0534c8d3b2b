// `ls`, as busybox 1.36 (coreutils/ls.c, built with CONFIG_DESKTOP as alpine's and the busybox
// image's are) and GNU coreutils 9.1 (Debian bookworm) print it. Both list files given on the
// command line first, then each directory, labelled `DIR:` when there are several operands or
// -R, with a blank line between; with -l each directory starts with `total N`, its entries'
// blocks in KiB rounded up. They differ in the long format's columns: busybox pads to fixed
// widths (`%-10s %4lu %-8s %-8s %9u`), GNU aligns each column to its widest value in the listing.
import { normalizePath, parentOf, type FsEntry } from '../fs/tree.ts';
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';
import { busyboxHuman, gnuHuman } from './human.ts';

interface Shown {
  name: string;
  entry: FsEntry;
}

interface Options {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  recursive: boolean;
  dereference: boolean;
  directory: boolean;
  human: boolean;
  gnu: boolean;
  /** Names in columns (-C): at a terminal unless -1. */
  columns: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `-rw-r--r--`, with setuid/setgid/sticky as `s`/`S` and `t`/`T` (/tmp is `drwxrwxrwt`). */
export function modeString(e: FsEntry): string {
  const kind = { Directory: 'd', File: '-', Symlink: 'l', Socket: 's', CharDevice: 'c', BlockDevice: 'b', Whiteout: '-' }[e.type];
  const m = e.type === 'Symlink' ? 0o777 : e.mode;
  const chars = [6, 3, 0].map((shift) => ['r', 'w', 'x'].map((ch, i) => ((m >> shift) & (4 >> i) ? ch : '-')));
  const special: [number, number, string][] = [
    [0o4000, 0, 's'],
    [0o2000, 1, 's'],
    [0o1000, 2, 't'],
  ];
  for (const [bit, who, ch] of special) if (m & bit) chars[who]![2] = chars[who]![2] === 'x' ? ch : ch.toUpperCase();
  return kind + chars.map((c) => c.join('')).join('');
}

/** st_size: a directory's 4096, a symlink's target length. */
export function sizeOfEntry(e: FsEntry): number {
  if (e.type === 'Directory') return 4096;
  if (e.type === 'Symlink') return (e.target ?? '').length;
  if (e.type !== 'File') return 0;
  return e.size ?? new TextEncoder().encode(e.content ?? '').length;
}

/** st_blocks (512-byte units) on a 4 KiB-block filesystem: whole blocks for data, none for a fast symlink or a device. */
function blocksOf(e: FsEntry): number {
  if (e.type === 'Directory') return 8;
  if (e.type !== 'File') return 0;
  return Math.ceil(sizeOfEntry(e) / 4096) * 8;
}

/** The device numbers of the character devices a container has in /dev. */
const DEVICES: Record<string, [number, number]> = { null: [1, 3], zero: [1, 5], full: [1, 7], random: [1, 8], urandom: [1, 9], tty: [5, 0], console: [5, 1], ptmx: [5, 2] };

function deviceOf(name: string): [number, number] {
  return DEVICES[name.slice(name.lastIndexOf('/') + 1)] ?? [0, 0];
}

function parseOptions(args: string[]): { opts: Options; operands: string[] } {
  const on = new Set<string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a === '--all') on.add('a');
    else if (a === '--almost-all') on.add('A');
    else if (a === '--recursive') on.add('R');
    else if (a === '--dereference') on.add('L');
    else if (a === '--human-readable') on.add('h');
    else if (a === '--directory') on.add('d');
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) for (const f of a.slice(1)) on.add(f);
    else if (!a.startsWith('--')) operands.push(a);
  }
  const opts: Options = {
    long: on.has('l') || on.has('n') || on.has('g'),
    all: on.has('a'),
    almostAll: on.has('A') && !on.has('a'),
    recursive: on.has('R') && !on.has('d'),
    dereference: on.has('L'),
    directory: on.has('d'),
    human: on.has('h'),
    gnu: false,
    // -1 (or -l) asks for one name a line; at a terminal that is otherwise columns (-C).
    columns: on.has('C') || !on.has('1'),
  };
  return { opts, operands };
}

const joinPath = (dir: string, name: string) => (dir.endsWith('/') ? dir + name : `${dir}/${name}`);

export function ls(args: string[], io: CommandIO): ShellResult {
  const { opts, operands } = parseOptions(args);
  opts.gnu = io.ctx.family === 'debian';
  if (!io.ctx.terminalOut && !args.includes('-C')) opts.columns = false;
  const fs = io.ctx.fs;
  const paths = operands.length ? operands : ['.'];
  let stderr = '';
  const files: Shown[] = [];
  const dirs: string[] = [];
  for (const p of paths) {
    const abs = io.resolve(p);
    // A symlink on the command line is followed unless -l (or -d) asks about the link itself; a trailing `/` always follows.
    const follow = opts.dereference || p.endsWith('/') || (!opts.long && !opts.directory);
    const e = follow ? (fs.stat(abs) ?? fs.lstat(abs)) : fs.lstat(abs);
    if (!e) {
      stderr += `ls: ${p}: No such file or directory\n`;
      continue;
    }
    if (e.type === 'Directory' && !opts.directory) dirs.push(p);
    else files.push({ name: p, entry: e });
  }
  const sections: string[] = [];
  if (files.length) sections.push(render(files.sort(byName), opts, fs.now, false));
  const label = paths.length > 1 || opts.recursive;
  // A directory reached through a symlink (`ls -l /link/`) is listed where the link leads, so its
  // own symlinks show as links.
  const realPath = (abs: string) => {
    let p = abs.replace(/\/+$/, '') || '/';
    for (let hops = 0; hops < 8; hops++) {
      const e = fs.lstat(p);
      if (e?.type !== 'Symlink' || !e.target) break;
      p = normalizePath(e.target.startsWith('/') ? e.target : `${parentOf(p)}/${e.target}`);
    }
    return p;
  };
  const visit = (dir: string) => {
    const real = realPath(io.resolve(dir));
    const listing = fs.list(real);
    if (!listing.ok) return;
    const dot = { type: 'Directory' as const, mode: fs.stat(real)?.mode ?? 0o755 };
    const dots: Shown[] = opts.all ? [{ name: '.', entry: dot }, { name: '..', entry: { type: 'Directory', mode: 0o755 } }] : [];
    const entries = listing.value
      .filter((x) => opts.all || opts.almostAll || !x.name.startsWith('.'))
      .map((x) => (opts.dereference && x.entry.type === 'Symlink' ? { name: x.name, entry: fs.stat(joinPath(real, x.name)) ?? x.entry } : x));
    const shown = [...dots, ...entries].sort(byName);
    sections.push(`${label ? `${dir}:\n` : ''}${render(shown, opts, fs.now, true)}`);
    if (opts.recursive) for (const x of entries) if (x.entry.type === 'Directory') visit(joinPath(dir, x.name));
  };
  for (const d of dirs.sort()) visit(d);
  // GNU ls exits 2 when an operand cannot be reached ("serious trouble"), busybox 1.
  return { stdout: sections.join('\n'), stderr, code: stderr ? (opts.gnu ? 2 : 1) : 0 };
}

const byName = (a: Shown, b: Shown) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** One listing: a directory's entries (with its `total` line in long format) or the file operands. */
function render(shown: Shown[], opts: Options, now: number, isDir: boolean): string {
  if (!opts.long) return opts.columns ? columns(shown.map((x) => x.name), opts.gnu) : shown.map((x) => `${x.name}\n`).join('');
  const t = new Date(now);
  // Both print a recent file's time as `Jan  1 00:00`; the simulated files are all recent.
  const date = `${MONTHS[t.getUTCMonth()]} ${String(t.getUTCDate()).padStart(2)} ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
  const blocks = shown.reduce((sum, x) => sum + blocksOf(x.entry), 0);
  const kib = Math.ceil(blocks / 2);
  let total = '';
  if (isDir) {
    if (!opts.human) total = `total ${kib}\n`;
    else if (opts.gnu) total = `total ${gnuHuman(kib, { base1024: true, space: false, bytes: false, nearest: false }, 1024, 1)}\n`;
    else total = `total ${busyboxHuman(kib * 1024, 0).padEnd(7)}\n`;
  }
  const rows = shown.map((x) => {
    const e = x.entry;
    const device = e.type === 'CharDevice' || e.type === 'BlockDevice' ? deviceOf(x.name) : undefined;
    const size = opts.human ? (opts.gnu ? gnuHuman(sizeOfEntry(e), { base1024: true, space: false, bytes: false, nearest: false }) : busyboxHuman(sizeOfEntry(e))) : String(sizeOfEntry(e));
    return { mode: modeString(e), links: String(e.type === 'Directory' ? 2 : 1), device, size, link: e.type === 'Symlink' ? ` -> ${e.target}` : '', name: x.name };
  });
  if (!opts.gnu) {
    return (
      total +
      rows
        .map((r) => {
          const size = r.device ? `${String(r.device[0]).padStart(4)}, ${String(r.device[1]).padStart(3)}` : r.size.padStart(opts.human ? 7 : 9);
          return `${r.mode} ${r.links.padStart(4)} root     root     ${size} ${date} ${r.name}${r.link}\n`;
        })
        .join('')
    );
  }
  // GNU: every column as wide as its widest value in this listing; a device's `major, minor` counts as a size.
  const linksWidth = Math.max(...rows.map((r) => r.links.length));
  const majorWidth = Math.max(0, ...rows.map((r) => (r.device ? String(r.device[0]).length : 0)));
  const minorWidth = Math.max(0, ...rows.map((r) => (r.device ? String(r.device[1]).length : 0)));
  const sizeWidth = Math.max(...rows.map((r) => (r.device ? majorWidth + 2 + minorWidth : r.size.length)));
  return (
    total +
    rows
      .map((r) => {
        const size = r.device ? `${String(r.device[0]).padStart(majorWidth + Math.max(0, sizeWidth - (majorWidth + 2 + minorWidth)))}, ${String(r.device[1]).padStart(minorWidth)}` : r.size.padStart(sizeWidth);
        return `${r.mode} ${r.links.padStart(linksWidth)} root root ${size} ${date} ${r.name}${r.link}\n`;
      })
      .join('')
  );
}

/** The terminal's width: kubectl exec's and docker exec's default when none is sent. */
const WIDTH = 80;

/**
 * Names down columns across the terminal (`ls -C`, what ls does at a terminal), two spaces apart,
 * the last column unpadded. GNU sizes each column to its widest name and takes as many columns as
 * fit in a line shorter than the width (coreutils 9.1's calculate_columns, as bookworm has it:
 * 79 characters fit in 80, 80 do not); busybox gives every column the
 * widest name's width plus two, as many as fit in one less than the width (display_files).
 */
function columns(names: string[], gnu: boolean): string {
  if (names.length === 0) return '';
  const layout = (cols: number) => {
    const rows = Math.ceil(names.length / cols);
    const widths: number[] = [];
    for (let c = 0; c * rows < names.length; c++) widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)));
    return { rows, widths };
  };
  let chosen = layout(1);
  if (gnu) {
    for (let cols = names.length; cols > 1; cols--) {
      const l = layout(cols);
      // Rows of the same count of columns are the same layout: only a real split counts.
      if (l.widths.length !== cols) continue;
      if (l.widths.reduce((sum, w) => sum + w + 2, 0) - 2 < WIDTH) {
        chosen = l;
        break;
      }
    }
  } else {
    // busybox goes one column short of the terminal's width (ls.c: "go one less...").
    const width = Math.max(...names.map((n) => n.length)) + 2;
    chosen = layout(Math.max(1, Math.floor((WIDTH - 1) / width)));
    chosen = { rows: chosen.rows, widths: chosen.widths.map(() => width - 2) };
  }
  let out = '';
  for (let r = 0; r < chosen.rows; r++) {
    let line = '';
    // Screen columns: where the next column starts, and where the last name ended (tabs make them differ from line.length).
    let start = 0;
    let end = 0;
    for (let c = 0; c < chosen.widths.length; c++) {
      const name = names[c * chosen.rows + r];
      if (name === undefined) break;
      // Padding up to this column's start, written only before a name that follows.
      if (c > 0) line += indent(end, start, gnu);
      line += name;
      end = start + name.length;
      start += chosen.widths[c]! + 2;
    }
    out += `${line}\n`;
  }
  return out;
}

/**
 * Blanks from column `from` to `to`. GNU ls uses a tab wherever one reaches a multiple of 8 no
 * further than `to` (its indent() with the default tab size), then spaces; busybox only spaces.
 */
function indent(from: number, to: number, gnu: boolean): string {
  let text = '';
  while (from < to) {
    if (gnu && Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      text += '\t';
      from += 8 - (from % 8);
    } else {
      text += ' ';
      from++;
    }
  }
  return text;
}
