// pflag's typed flag values: an int flag's value goes through strconv.ParseInt(s, 0, bits) and a
// bool's through strconv.ParseBool, before the command runs, so a bad value is reported as cobra
// reports it even when the command would have failed for another reason later.
import { goQuote } from '../../engine/api/go-strings.ts';
import { parseGoDuration } from './go-duration.ts';

export type FlagValueType = 'string' | 'bool' | 'int' | 'int32' | 'int64' | 'duration';

/**
 * Why pflag refuses `value` for a flag of this type (strconv's *NumError text), or undefined.
 * pflag's int is ParseInt(s, 0, 64): base prefixes and underscores are accepted.
 */
export function flagValueError(type: FlagValueType, value: string): string | undefined {
  if (type === 'string') return undefined;
  if (type === 'bool') return parseGoBool(value) === undefined ? `strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax` : undefined;
  if (type === 'duration') {
    const d = parseGoDuration(value);
    return d.ok ? undefined : d.error;
  }
  const n = parseGoInt(value);
  if (n === undefined) return `strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`;
  const bits = type === 'int32' ? 32n : 64n;
  const max = (1n << (bits - 1n)) - 1n;
  if (n > max || n < -max - 1n) return `strconv.ParseInt: parsing ${goQuote(value)}: value out of range`;
  return undefined;
}

/** strconv.ParseBool's accepted spellings. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return undefined;
}

/** strconv.ParseInt with base 0: sign, then 0x/0o/0b/0 prefix; underscores only between digits after a prefix. */
export function parseGoInt(value: string): bigint | undefined {
  const m = /^([+-]?)(0[xX]|0[oO]|0[bB]|0(?=[0-7_])|)(.+)$/.exec(value);
  if (!m) return undefined;
  const [, sign, prefix, body] = m as unknown as [string, string, string, string];
  const base = /^0[xX]$/.test(prefix) ? 16 : /^0[bB]$/.test(prefix) ? 2 : prefix ? 8 : 10;
  const digits = base === 16 ? '[0-9a-fA-F]' : base === 2 ? '[01]' : base === 8 ? '[0-7]' : '[0-9]';
  // underscoreOK: only with a base prefix, each underscore between digits (or right after the prefix).
  const shape = prefix ? new RegExp(`^_?${digits}+(_${digits}+)*$`) : new RegExp(`^${digits}+$`);
  if (!shape.test(body)) return undefined;
  const clean = body.replace(/_/g, '');
  const radix = base === 16 ? '0x' : base === 2 ? '0b' : base === 8 ? '0o' : '';
  const n = BigInt(radix + clean);
  return sign === '-' ? -n : n;
}
