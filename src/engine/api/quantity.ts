// Kubernetes resource quantities (`5Gi`, `500Mi`, `1e9`, `2G`, `100m`), parsed and printed the way
// k8s.io/apimachinery/pkg/api/resource does it. Values are held exactly as BigInt nano-units, so
// `1G` (10^9) and `1Gi` (2^30) compare correctly and nothing is lost to floating point.

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** The value × 10^9 (Kubernetes keeps at most nano precision and rounds up below it). */
  nanos: bigint;
  format: QuantityFormat;
}

/** The API server's decode error text for a malformed quantity. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const NANO = 1_000_000_000n;

const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n,
};
const DECIMAL_EXP: Record<string, number> = {
  n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18,
};

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; error: string };

/** Parses a quantity from its manifest form. A YAML number is read the way the API server reads a JSON number. */
export function parseQuantity(input: string | number): QuantityResult {
  const text = typeof input === 'number' ? numberToQuantityText(input) : input.trim();
  const m = QUANTITY_RE.exec(text);
  if (!m) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const numberPart = m[1]!;
  const suffix = m[2]!;
  if ((numberPart.match(/\./g) ?? []).length > 1 || !/[0-9]/.test(numberPart)) {
    return { ok: false, error: QUANTITY_FORMAT_ERROR };
  }
  const parsedSuffix = interpretSuffix(suffix);
  if (!parsedSuffix) return { ok: false, error: QUANTITY_SUFFIX_ERROR };

  const negative = numberPart.startsWith('-');
  const digits = numberPart.replace(/^[+-]/, '');
  const [intPart = '', fracPart = ''] = digits.split('.');
  // value = (int.frac) × multiplier × 10^exp10, held in nano units.
  const mantissa = BigInt((intPart || '0') + fracPart);
  let scale = -fracPart.length; // power of ten applied to mantissa
  let value = mantissa * parsedSuffix.multiplier;
  scale += parsedSuffix.exp10 + 9; // to nano units
  let nanos: bigint;
  if (scale >= 0) {
    nanos = value * 10n ** BigInt(scale);
  } else {
    const div = 10n ** BigInt(-scale);
    // Kubernetes rounds a value below nano precision up (away from zero), never to zero.
    nanos = value / div + (value % div === 0n ? 0n : 1n);
  }
  value = negative ? -nanos : nanos;
  return { ok: true, quantity: { nanos: value, format: parsedSuffix.format } };
}

/** Convenience for trusted, already-validated input. */
export function mustParseQuantity(input: string | number): Quantity {
  const r = parseQuantity(input);
  if (!r.ok) throw new Error(`invalid quantity ${String(input)}: ${r.error}`);
  return r.quantity;
}

/** -1, 0 or 1, comparing numerically (`1G` < `1Gi`). */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** `Quantity.Value()`: the value rounded up to a whole number (bytes, for sizes). */
export function quantityValue(q: Quantity): bigint {
  return divideRoundingUp(q.nanos, NANO);
}

/** `Quantity.MilliValue()`: the value × 1000, rounded up (CPU in millicores). */
export function quantityMilliValue(q: Quantity): bigint {
  return divideRoundingUp(q.nanos, 1_000_000n);
}

/** `Quantity.Add`: the result keeps the receiver's format unless the receiver is zero. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

export const ZERO_QUANTITY: Quantity = { nanos: 0n, format: 'DecimalSI' };

function divideRoundingUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d > 0n ? q + 1n : q;
}

/**
 * The canonical string the API server stores and prints (`Quantity.String()`):
 * `1536Mi` for `1.5Gi`, `2Gi` for `2048Mi`, `1G` for `1000M`, `500m` for `0.5`.
 */
export function formatQuantity(q: Quantity): string {
  const sign = q.nanos < 0n ? '-' : '';
  const abs = q.nanos < 0n ? -q.nanos : q.nanos;
  if (abs === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    // Small or fractional binary values print as decimal, like CanonicalizeBytes.
    if (abs < 1024n * NANO || abs % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let n = abs / NANO;
    const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    let i = 0;
    while (i < suffixes.length - 1 && n % 1024n === 0n) {
      n /= 1024n;
      i++;
    }
    return `${sign}${n}${suffixes[i]}`;
  }
  // Decimal: largest exponent (multiple of 3) keeping the mantissa an integer.
  let mantissa = abs;
  let exp = -9;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (format === 'DecimalExponent') {
    return exp === 0 ? `${sign}${mantissa}` : `${sign}${mantissa}e${exp}`;
  }
  const suffix = Object.entries(DECIMAL_EXP).find(([, e]) => e === exp)?.[0] ?? '';
  return `${sign}${mantissa}${suffix}`;
}

/** Re-prints a manifest quantity in canonical form; the input unchanged when it does not parse, `` when absent. */
export function canonicalQuantity(input: string | number | undefined | null): string {
  if (input === undefined || input === null) return '';
  const r = parseQuantity(input);
  return r.ok ? formatQuantity(r.quantity) : String(input);
}

interface Suffix {
  multiplier: bigint;
  exp10: number;
  format: QuantityFormat;
}

function interpretSuffix(suffix: string): Suffix | undefined {
  if (suffix in BINARY) return { multiplier: BINARY[suffix]!, exp10: 0, format: 'BinarySI' };
  if (suffix in DECIMAL_EXP) return { multiplier: 1n, exp10: DECIMAL_EXP[suffix]!, format: 'DecimalSI' };
  const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  if (e) return { multiplier: 1n, exp10: Number(e[1]), format: 'DecimalExponent' };
  return undefined;
}

function numberToQuantityText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // Go's encoding/json prints other floats in the shortest form; JS does the same.
  return String(n).replace('e+', 'e');
}

/** Cloud disks come in whole GiB: `500Mi` → `1Gi`, `10Gi` stays `10Gi`, `1.5Gi` → `2Gi`. */
export function roundUpToGiB(q: Quantity): string {
  const gib = 1n << 30n;
  const bytes = quantityValue(q);
  const whole = (bytes + gib - 1n) / gib || 1n;
  return whole * gib === bytes ? formatQuantity(q) : `${whole}Gi`;
}
