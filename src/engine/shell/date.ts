// `date [-u] [-R] [-I[SPEC]] [-d @SECONDS] [+FORMAT]`: busybox's (coreutils/date.c) in busybox and
// alpine images, GNU coreutils' (src/date.c) in Debian ones, both in the C locale with no TZ set,
// so UTC. The time is the shell's clock (`fs.now`): in a container's main process, the process's
// own time (containers/main-process.ts), so a loop's `date` moves on by the sleeps it has done.
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const BUSYBOX_USAGE = `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: date [OPTIONS] [+FMT] [TIME]

Display time (using +FMT), or set time

	[-s,--set] TIME	Set time to TIME
	-u,--utc	Work in UTC (don't convert to local time)
	-R,--rfc-2822	Output RFC-2822 compliant date string
	-I[SPEC]	Output ISO-8601 compliant date string
			SPEC='date' (default) for date only,
			'hours', 'minutes', or 'seconds' for date and
			time to the indicated precision
	-r,--reference FILE	Display last modification time of FILE
	-d,--date TIME	Display TIME, not 'now'
	-D FMT		Use FMT for -d TIME conversion

Recognized TIME formats:
	hh:mm[:ss]
	[YYYY.]MM.DD-hh:mm[:ss]
	YYYY-MM-DD hh:mm[:ss]
	[[[[[YY]YY]MM]DD]hh]mm[.ss]
	'date TIME' form accepts MMDDhhmm[[YY]YY][.ss] instead
`;

const GNU_TRY = "Try 'date --help' for more information.\n";
const ISO_SPECS = ['date', 'hours', 'minutes', 'seconds', 'ns'];

/** Day of the year, 0-based. */
function yearDay(d: Date): number {
  return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000);
}

/** ISO 8601 week number and its year (%V, %G). */
function isoWeek(d: Date): { week: number; year: number } {
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3));
  const year = thursday.getUTCFullYear();
  return { week: 1 + Math.floor(yearDay(thursday) / 7), year };
}

/** The broken-down time strftime reads (struct tm, in UTC). */
interface Tm {
  ms: number;
  date: Date;
  Y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  S: number;
  w: number;
}

function pad(n: number, width = 2, fill = '0'): string {
  return String(n).padStart(width, fill);
}

/** One conversion; undefined for one that strftime does not know (printed as it stands). */
function conversion(c: string, t: Tm, gnu: boolean): string | undefined {
  switch (c) {
    case 'a':
      return DAYS[t.w]!.slice(0, 3);
    case 'A':
      return DAYS[t.w];
    case 'b':
    case 'h':
      return MONTHS[t.m]!.slice(0, 3);
    case 'B':
      return MONTHS[t.m];
    case 'c':
      return strftime('%a %b %e %H:%M:%S %Y', t.ms, gnu);
    case 'C':
      return pad(Math.floor(t.Y / 100));
    case 'd':
      return pad(t.d);
    case 'D':
    case 'x':
      return strftime('%m/%d/%y', t.ms, gnu);
    case 'e':
      return pad(t.d, 2, ' ');
    case 'F':
      return strftime('%Y-%m-%d', t.ms, gnu);
    case 'g':
      return pad(isoWeek(t.date).year % 100);
    case 'G':
      return String(isoWeek(t.date).year);
    case 'H':
      return pad(t.H);
    case 'I':
      return pad(t.H % 12 || 12);
    case 'j':
      return pad(yearDay(t.date) + 1, 3);
    case 'k':
      return pad(t.H, 2, ' ');
    case 'l':
      return pad(t.H % 12 || 12, 2, ' ');
    case 'm':
      return pad(t.m + 1);
    case 'M':
      return pad(t.M);
    case 'n':
      return '\n';
    case 'N':
      return gnu ? pad((((t.ms % 1000) + 1000) % 1000) * 1_000_000, 9) : undefined;
    case 'p':
      return t.H < 12 ? 'AM' : 'PM';
    case 'P':
      return t.H < 12 ? 'am' : 'pm';
    case 'r':
      return strftime('%I:%M:%S %p', t.ms, gnu);
    case 'R':
      return strftime('%H:%M', t.ms, gnu);
    case 's':
      return String(Math.floor(t.ms / 1000));
    case 'S':
      return pad(t.S);
    case 't':
      return '\t';
    case 'T':
    case 'X':
      return strftime('%H:%M:%S', t.ms, gnu);
    case 'u':
      return String(t.w || 7);
    case 'U':
      return pad(Math.floor((yearDay(t.date) + 7 - t.w) / 7));
    case 'V':
      return pad(isoWeek(t.date).week);
    case 'w':
      return String(t.w);
    case 'W':
      return pad(Math.floor((yearDay(t.date) + 7 - ((t.w + 6) % 7)) / 7));
    case 'y':
      return pad(t.Y % 100);
    case 'Y':
      return String(t.Y);
    case 'z':
      return '+0000';
    case 'Z':
      return 'UTC';
    case '%':
      return '%';
    default:
      return undefined;
  }
}

/**
 * strftime in the C locale, in UTC. `%Z` is `UTC`; `%z` is `+0000` (`%:z` `+00:00`, GNU only).
 * An unknown conversion is printed as it stands, as glibc and musl do.
 */
export function strftime(format: string, ms: number, gnu: boolean): string {
  const date = new Date(ms);
  const t: Tm = {
    ms,
    date,
    Y: date.getUTCFullYear(),
    m: date.getUTCMonth(),
    d: date.getUTCDate(),
    H: date.getUTCHours(),
    M: date.getUTCMinutes(),
    S: date.getUTCSeconds(),
    w: date.getUTCDay(),
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i === format.length - 1) {
      out += ch;
      continue;
    }
    if (gnu && format.startsWith(':z', i + 1)) {
      out += '+00:00';
      i += 2;
      continue;
    }
    out += conversion(format[i + 1]!, t, gnu) ?? `%${format[i + 1]}`;
    i++;
  }
  return out;
}

/** Options as getopt reads them: clustered letters, `-I` with an attached SPEC, `-d` with a value. */
type Parsed =
  | {
      utc: boolean;
      rfc: boolean;
      iso?: string;
      date?: string;
      operands: string[];
    }
  | { bad: string };

function parse(args: readonly string[], gnu: boolean): Parsed {
  const p = {
    utc: false,
    rfc: false,
    iso: undefined as string | undefined,
    date: undefined as string | undefined,
    operands: [] as string[],
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      p.operands.push(...args.slice(i + 1));
      break;
    }
    if (a === '--utc' || a === '--universal') p.utc = true;
    else if (a === '--rfc-2822' || a === '--rfc-email') p.rfc = true;
    else if (a === '--iso-8601' || a.startsWith('--iso-8601=')) p.iso = a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'date';
    else if (a.startsWith('--date=')) p.date = a.slice(7);
    else if (a === '--date') p.date = args[++i] ?? '';
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === 'u') p.utc = true;
        else if (f === 'R') p.rfc = true;
        else if (f === 'I') {
          p.iso = a.slice(j + 1) || 'date';
          break;
        } else if (f === 'd') {
          p.date = a.slice(j + 1) || args[++i] || '';
          break;
        } else
          return {
            bad: gnu ? `date: invalid option -- '${f}'\n${GNU_TRY}` : `date: invalid option -- '${f}'\n${BUSYBOX_USAGE}`,
          };
      }
    } else if (a.startsWith('--'))
      return {
        bad: gnu ? `date: unrecognized option '${a}'\n${GNU_TRY}` : `date: unrecognized option '${a}'\n${BUSYBOX_USAGE}`,
      };
    else p.operands.push(a);
  }
  return p;
}

/** A failure: the message on stderr, status 1. */
function fail(stderr: string): ShellResult {
  return { stdout: '', stderr, code: 1 };
}

export function date(args: string[], io: CommandIO): ShellResult {
  const gnu = io.ctx.family === 'debian';
  const p = parse(args, gnu);
  if ('bad' in p) return fail(p.bad);
  let ms = io.ctx.fs.now;
  if (p.date !== undefined) {
    // Only `@SECONDS` is understood; anything else is a date the simulation cannot read.
    const m = /^@(-?\d+)$/.exec(p.date.trim());
    if (!m) return fail(`date: invalid date '${p.date}'\n`);
    const seconds = BigInt(m[1]!);
    // Past what a date can print (JavaScript's ±8.64e15 ms, year ±275760): GNU parses any 64-bit
    // time and says it is out of range; beyond 64 bits, and for busybox, it is not a date at all.
    if (seconds * 1000n > 8_640_000_000_000_000n || seconds * 1000n < -8_640_000_000_000_000n) {
      const fits = seconds <= 9_223_372_036_854_775_807n && seconds >= -9_223_372_036_854_775_808n;
      return fail(gnu && fits ? `date: time ${seconds} is out of range\n` : `date: invalid date '${p.date}'\n`);
    }
    ms = Number(seconds) * 1000;
  }
  let format: string | undefined;
  const operands = [...p.operands];
  if (operands[0]?.startsWith('+')) format = operands.shift()!.slice(1);
  if (operands.length > 0) {
    if (gnu) return fail(format !== undefined || operands.length > 1 ? `date: extra operand '${operands[format !== undefined ? 0 : 1]}'\n${GNU_TRY}` : `date: invalid date '${operands[0]}'\n`);
    return fail(operands.length > 1 ? BUSYBOX_USAGE : `date: invalid date '${operands[0]}'\n`);
  }
  if (p.iso !== undefined && p.rfc) return fail(gnu ? `date: multiple output formats specified\n${GNU_TRY}` : BUSYBOX_USAGE);
  if (format === undefined) {
    if (p.iso !== undefined) {
      const spec = ISO_SPECS.indexOf(p.iso);
      if (spec < 0 || (!gnu && spec === 4)) {
        return fail(gnu ? `date: invalid argument '${p.iso}' for '--iso-8601'\nValid arguments are:\n  - 'hours'\n  - 'minutes'\n  - 'date'\n  - 'seconds'\n  - 'ns'\n${GNU_TRY}` : BUSYBOX_USAGE);
      }
      const base = ['%Y-%m-%d', '%Y-%m-%dT%H', '%Y-%m-%dT%H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M:%S,%N'][spec]!;
      // busybox: %z, or %Z (`UTC`) with -u; GNU: always +00:00.
      format = spec === 0 ? base : base + (gnu ? '%:z' : p.utc ? '%Z' : '%z');
    } else if (p.rfc) format = gnu ? '%a, %d %b %Y %H:%M:%S %z' : `%a, %d %b %Y %H:%M:%S ${p.utc ? '%Z' : '%z'}`;
    else format = '%a %b %e %H:%M:%S %Z %Y';
  }
  return { stdout: `${strftime(format, ms, gnu)}\n`, stderr: '', code: 0 };
}
