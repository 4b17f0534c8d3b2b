// Sizes as people read them, the two ways the container tools print them: busybox's
// make_human_readable_str (libbb/human_readable.c: `43.6M`, one tenth, powers of 1024, the
// tenth cut from the last division's remainder) and gnulib's human_readable, which GNU
// coreutils uses (`1.0 MB`, `1.0 MiB`, `4.0K`, `853 MB`: autoscaled, rounded as its flags say).

/**
 * busybox's make_human_readable_str(val, blockSize, 0): `0`, bytes as they are, else one tenth
 * and a unit (`4.0K`); with `blockSize` 0 no tenth (`4K`, ls -lh's total).
 */
export function busyboxHuman(value: number, blockSize = 1): string {
  if (value === 0) return '0';
  let val = Math.floor(value) * (blockSize > 1 ? blockSize : 1);
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let u = 0;
  let frac = 0;
  while (val >= 1024 && u < units.length - 1) {
    u++;
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  if (blockSize === 0) return `${frac >= 5 ? val + 1 : val}${units[u]}`;
  return u === 0 ? `${val}` : `${val}.${frac}${units[u]}`;
}

/** gnulib's human_readable options that the tools here use. */
export interface HumanOptions {
  /** Powers of 1024 (`K`, `MiB`) rather than 1000 (`k`, `MB`). */
  base1024: boolean;
  /** A space between the number and the unit (`1.0 MB`, dd). */
  space: boolean;
  /** A `B` after the unit (and `i` for powers of 1024): dd's `MiB`; ls -h and df -h have none. */
  bytes: boolean;
  /** Round to nearest (dd) rather than up (ls, df). */
  nearest: boolean;
}

const POWER = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

/**
 * gnulib's human_readable(n, autoscale, from, to): `n × from / to` scaled to a unit, with one
 * tenth below 10 (and, for powers of 1000, below 100 when it is not exact). The exact integer
 * path when `to` divides `from` or the other way round, floating point otherwise, as gnulib has it.
 */
export function gnuHuman(n: number, opts: HumanOptions, from = 1, to = 1): string {
  const base = opts.base1024 ? 1024 : 1000;
  let exponent = 0;
  let text: string;
  if (from % to === 0 || to % from === 0) {
    let amt: number;
    let tenths = 0;
    let rounding = 0;
    if (from % to === 0) amt = n * (from / to);
    else {
      const divisor = to / from;
      const r10 = (n % divisor) * 10;
      const r2 = (r10 % divisor) * 2;
      amt = Math.floor(n / divisor);
      tenths = Math.floor(r10 / divisor);
      rounding = r2 < divisor ? (r2 > 0 ? 1 : 0) : 2 + (divisor < r2 ? 1 : 0);
    }
    let point = '';
    if (base <= amt) {
      do {
        const r10 = (amt % base) * 10 + tenths;
        const r2 = (r10 % base) * 2 + (rounding >> 1);
        amt = Math.floor(amt / base);
        tenths = Math.floor(r10 / base);
        rounding = r2 < base ? (r2 + rounding !== 0 ? 1 : 0) : 2 + (base < r2 + rounding ? 1 : 0);
        exponent++;
      } while (base <= amt && exponent < POWER.length - 1);
      if (amt < 10) {
        if (opts.nearest ? 2 < rounding + (tenths & 1) : rounding > 0) {
          tenths++;
          rounding = 0;
          if (tenths === 10) {
            amt++;
            tenths = 0;
          }
        }
        if (amt < 10) {
          point = `.${tenths}`;
          tenths = 0;
          rounding = 0;
        }
      }
    }
    if (opts.nearest ? 5 < tenths + (0 < rounding + (amt & 1) ? 1 : 0) : tenths + rounding > 0) {
      amt++;
      if (exponent > 0 && amt === base && exponent < POWER.length - 1) {
        exponent++;
        point = '.0';
        amt = 1;
      }
    }
    text = `${amt}${point}`;
  } else {
    let damt = n * (from / to);
    let e = 1;
    exponent = 0;
    do {
      e *= base;
      exponent++;
    } while (e * base <= damt && exponent < POWER.length - 1);
    damt /= e;
    // Round up (ceiling) unless to nearest, then one tenth if it fits in `d.d` (`dd.d` for 1000s).
    const adjust = (v: number) => (opts.nearest ? v : Math.ceil(v));
    text = (adjust(damt * 10) / 10).toFixed(1);
    if (text.length > 3 + (opts.base1024 ? 0 : 1)) text = (adjust(damt * 10) / 10).toFixed(0);
  }
  const unit = exponent === 0 ? '' : !opts.base1024 && exponent === 1 ? 'k' : POWER[exponent]!;
  const suffix = `${unit}${opts.bytes ? `${opts.base1024 && exponent ? 'i' : ''}B` : ''}`;
  return suffix ? `${text}${opts.space ? ' ' : ''}${suffix}` : text;
}
