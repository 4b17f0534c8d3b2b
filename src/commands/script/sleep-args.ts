// GNU coreutils `sleep` argument handling in the C locale: options are parsed (getopt, any
// position, up to `--`) before the operands; every operand is a number with an optional s/m/h/d
// suffix and the intervals add up; a bad one is named, and the run ends with the usage hint.

export type SleepArgs = { ok: true; seconds: number } | { ok: false; stderr: string };

const TRY = "Try 'sleep --help' for more information.\n";

export function parseSleepArgs(args: readonly string[]): SleepArgs {
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) return { ok: false, stderr: `sleep: unrecognized option '${a}'\n${TRY}` };
    // A lone `-` is an operand; anything else after `-` is a bundle of short options, and sleep has none.
    if (a.startsWith('-') && a.length > 1) return { ok: false, stderr: `sleep: invalid option -- '${a[1]}'\n${TRY}` };
    operands.push(a);
  }
  if (operands.length === 0) return { ok: false, stderr: `sleep: missing operand\n${TRY}` };
  let seconds = 0;
  let errors = '';
  for (const op of operands) {
    const s = interval(op);
    if (s === undefined) errors += `sleep: invalid time interval ${quote(op)}\n`;
    else seconds += s;
  }
  return errors ? { ok: false, stderr: errors + TRY } : { ok: true, seconds };
}

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** xstrtod (leading blanks, sign, decimals, exponent, inf) then at most one suffix letter; never negative. */
function interval(text: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?))(.?)$/i.exec(text);
  if (!m) return undefined;
  const unit = UNITS[m[2]!];
  if (unit === undefined) return undefined;
  const value = /inf/i.test(m[1]!) ? (m[1]!.startsWith('-') ? -Infinity : Infinity) : Number(m[1]);
  if (!(value >= 0)) return undefined;
  return value * unit;
}

/** gnulib quote() in the C locale (locale_quoting_style): 'text', with backslash escapes inside. */
function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
