// `df [-h] [PATH…]`: every mount, or only the filesystems holding the given paths, as busybox
// 1.36 (coreutils/df.c: fixed widths, `%-20s %9s %9s %9s %3u%% %s`, the percentage rounded to
// nearest) and GNU coreutils 9.1 (src/df.c: each column as wide as its widest cell, at least
// 14 for Filesystem, 5 for the numbers, 4 for Use%; the percentage rounded up) print it.
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';
import { busyboxHuman, gnuHuman } from './human.ts';

type Row = ReturnType<CommandIO['ctx']['fs']['diskUsage']>[number];

/** The mount a path is on: the deepest mount point above it. */
function mountOf(rows: Row[], path: string): Row | undefined {
  let best: Row | undefined;
  for (const r of rows) {
    const at = r.mountPath;
    const under = at === '/' || path === at || path.startsWith(`${at}/`);
    if (under && (!best || at.length >= best.mountPath.length)) best = r;
  }
  return best;
}

export function df(args: string[], io: CommandIO): ShellResult {
  const human = args.some((a) => /^-[a-zA-Z]*h/.test(a) || a === '--human-readable');
  const operands = args.filter((a) => !a.startsWith('-'));
  const gnu = io.ctx.family === 'debian';
  const all = io.ctx.fs.diskUsage();
  let rows: Row[] = all;
  let stderr = '';
  if (operands.length) {
    rows = [];
    for (const p of operands) {
      const abs = io.resolve(p);
      const row = io.ctx.fs.stat(abs) ? mountOf(all, abs) : undefined;
      if (row) rows.push(row);
      else stderr += gnu ? `df: ${p}: No such file or directory\n` : `df: ${p}: can't find mount point\n`;
    }
  }
  const code = stderr ? 1 : 0;
  // GNU prints nothing at all when no operand was found; busybox prints its header regardless.
  if (gnu && rows.length === 0 && operands.length) return { stdout: '', stderr, code };
  return { stdout: gnu ? gnuTable(rows, human) : busyboxTable(rows, human), stderr, code };
}

function busyboxTable(rows: Row[], human: boolean): string {
  const fmt = (n: number) => (human ? busyboxHuman(n) : String(Math.ceil(n / 1024)));
  const header = `Filesystem           ${(human ? '     Size' : '1K-blocks').padEnd(15)}Used Available Use% Mounted on\n`;
  const body = rows.map((r) => {
    const pct = r.size === 0 ? 0 : Math.floor((r.used * 100 + r.size / 2) / r.size);
    // A source longer than 20 characters gets its own line (df.c).
    const source = r.source.length > 20 ? `${r.source}\n${' '.repeat(20)}` : r.source.padEnd(20);
    return `${source} ${fmt(r.size).padStart(9)} ${fmt(r.used).padStart(9)} ${fmt(r.size - r.used).padStart(9)} ${String(pct).padStart(3)}% ${r.mountPath}\n`;
  });
  return header + body.join('');
}

function gnuTable(rows: Row[], human: boolean): string {
  const fmt = (n: number) => (human ? gnuHuman(n, { base1024: true, space: false, bytes: false, nearest: false }) : String(Math.ceil(n / 1024)));
  const cells = [
    ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'],
    ...rows.map((r) => {
      const pct = r.size === 0 ? '-' : `${Math.ceil((r.used * 100) / r.size)}%`;
      return [r.source, fmt(r.size), fmt(r.used), fmt(r.size - r.used), pct, r.mountPath];
    }),
  ];
  const minimum = [14, 5, 5, 5, 4, 0];
  const widths = minimum.map((min, i) => Math.max(min, ...cells.map((c) => c[i]!.length)));
  return cells.map((c) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : i === 5 ? cell : cell.padStart(widths[i]!))).join(' ') + '\n').join('');
}
