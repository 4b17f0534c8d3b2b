// Go's time.ParseDuration, for kubectl's duration flags (`--timeout=30s`, `1m30s`, `1.5h`): pflag
// parses them before the command runs, so a bad value fails with time's own message.
import { goQuote } from '../../engine/api/go-strings.ts';

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The duration in milliseconds, or time's error (`time: invalid duration "abc"`). */
export function parseGoDuration(text: string): { ok: true; ms: number } | { ok: false; error: string } {
  const invalid = { ok: false as const, error: `time: invalid duration ${goQuote(text)}` };
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ms: 0 };
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const num = /^([0-9]*)(\.[0-9]*)?/.exec(s)!;
    // A number needs a digit before or after its point.
    if (num[0] === '' || num[0] === '.') return invalid;
    s = s.slice(num[0].length);
    const unit = /^[^0-9.]*/.exec(s)![0];
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${goQuote(text)}` };
    const scale = Object.prototype.hasOwnProperty.call(UNITS, unit) ? UNITS[unit] : undefined;
    if (scale === undefined) return { ok: false, error: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}` };
    total += Number(num[0]) * scale;
    s = s.slice(unit.length);
  }
  return { ok: true, ms: sign * total };
}
