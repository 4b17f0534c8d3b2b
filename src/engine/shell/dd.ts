// `dd if=/dev/zero of=FILE bs=SIZE count=N`: the file gets its size, and the summary goes to
// stderr as each tool words it. busybox (coreutils/dd.c): `N+0 records in`, `N+0 records out`,
// `B bytes (43.6MB) copied, 0.053742 seconds, 811.5MB/s`. GNU coreutils 9.1 (src/dd.c,
// print_xfer_stats): `B bytes (1.0 MB, 1.0 MiB) copied, 0.00123 s, 853 MB/s`, sizes in powers of
// 1000 and 1024 rounded to nearest, the time with `%g`. The time is simulated: a fixed start-up
// cost and a steady disk speed, so the same command prints the same line every run.
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';
import { busyboxHuman, gnuHuman } from './human.ts';
import { fsMessage } from './messages.ts';

/** The simulated copy's duration: 20 µs to start, then about 867 MB/s (1 MiB takes 1.23 ms). */
export function ddNanoseconds(bytes: number): number {
  return 20_000 + Math.round((bytes * 1_210_000) / 1_048_576);
}

/** A dd or fallocate size: `512`, `4k`/`4K` (1024s), `1kB`/`1MB` (1000s), `2b` (512-byte blocks), `1w`. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+)(c|w|b|kB|KB|k|K|MB|M|m|GB|G|g|TB|T|t)?$/.exec(text);
  if (!m) return undefined;
  const unit = m[2] ?? '';
  const mult: Record<string, number> = { '': 1, c: 1, w: 2, b: 512, kB: 1000, KB: 1000, k: 1024, K: 1024, MB: 1000 ** 2, M: 1024 ** 2, m: 1024 ** 2, GB: 1000 ** 3, G: 1024 ** 3, g: 1024 ** 3, TB: 1000 ** 4, T: 1024 ** 4, t: 1024 ** 4 };
  return Number(m[1]) * mult[unit]!;
}

/** C's `%g`: six significant digits, trailing zeros dropped, an exponent below 1e-4 (`5e-05`). */
export function formatG(x: number): string {
  if (x === 0) return '0';
  const [mantissa, exp] = x.toExponential(5).split('e') as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 6) return `${mantissa.replace(/\.?0+$/, '')}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return x.toFixed(5 - e).replace(/\.?0+$/, '');
}

/** The third line: what was copied, how long it took, how fast. */
function summary(bytes: number, gnu: boolean): string {
  const ns = ddNanoseconds(bytes);
  if (!gnu) {
    const seconds = ns / 1e9;
    return `${bytes} bytes (${busyboxHuman(bytes)}B) copied, ${seconds.toFixed(6)} seconds, ${busyboxHuman(Math.floor(bytes / seconds))}B/s\n`;
  }
  const si = gnuHuman(bytes, { base1024: false, space: true, bytes: true, nearest: true });
  const iec = gnuHuman(bytes, { base1024: true, space: true, bytes: true, nearest: true });
  const rate = `${gnuHuman(bytes, { base1024: false, space: true, bytes: true, nearest: true }, 1e9, ns)}/s`;
  const time = `${formatG(ns / 1e9)} s`;
  // No unit prefix: `512 bytes copied` (`1 byte copied`); no binary prefix: one size only.
  const lacksPrefix = (text: string) => text[text.length - 2] === ' ';
  if (lacksPrefix(si)) return `${bytes} byte${bytes === 1 ? '' : 's'} copied, ${time}, ${rate}\n`;
  if (lacksPrefix(iec)) return `${bytes} bytes (${si}) copied, ${time}, ${rate}\n`;
  return `${bytes} bytes (${si}, ${iec}) copied, ${time}, ${rate}\n`;
}

export function dd(args: string[], io: CommandIO): ShellResult {
  const opts: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) opts[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const bs = parseSize(opts['bs'] ?? '512') ?? 512;
  // busybox reads count as an unsigned integer (xatoull): `1e308` or `NaN` is not one.
  if (!/^\d+$/.test(opts['count'] ?? '0') || !Number.isSafeInteger(Number(opts['count'] ?? 0))) {
    return { stdout: '', stderr: io.ctx.family === 'debian' ? `dd: invalid number: '${opts['count']}'\n` : `dd: invalid number '${opts['count']}'\n`, code: 1 };
  }
  const count = Number(opts['count'] ?? 0);
  if (!opts['of']) return { stdout: '', stderr: 'dd: only if=/dev/zero of=FILE bs=SIZE count=N is simulated\n', code: 1 };
  const bytes = bs * count;
  const w = io.ctx.fs.writeSized(io.resolve(opts['of']), bytes);
  if (!w.ok) return { stdout: '', stderr: w.code === 'ENOSPC' ? `dd: error writing '${opts['of']}': No space left on device\n` : `dd: can't open '${opts['of']}': ${fsMessage(w.code)}\n`, code: 1 };
  return { stdout: '', stderr: `${count}+0 records in\n${count}+0 records out\n${summary(bytes, io.ctx.family === 'debian')}`, code: 0 };
}
