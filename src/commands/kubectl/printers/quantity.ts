// Just enough of k8s.io/apimachinery/pkg/api/resource.Quantity for printing: parse a quantity,
// print it in canonical form (`Quantity.String()`), add, compare, and round to whole or milli units.
// Values are exact: an integer mantissa (bigint) times a power of ten.

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** value = mantissa × 10^scale */
  mantissa: bigint;
  scale: number;
  format: QuantityFormat;
}

const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const QUANTITY_RE = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

export const ZERO: Quantity = { mantissa: 0n, scale: 0, format: 'DecimalSI' };

/** Parses `5Gi`, `500Mi`, `1G`, `100m`, `1.5`, `1e3`, or a JSON number. Returns undefined if malformed. */
export function parseQuantity(input: string | number | undefined | null): Quantity | undefined {
  if (input === undefined || input === null) return undefined;
  const text = String(input).trim();
  const match = QUANTITY_RE.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', frac = '', suffix = ''] = match;
  if (whole === '' && frac === '') return undefined;

  let format: QuantityFormat;
  let binaryPower = 0;
  let exponent = 0;
  if (suffix in BINARY_SUFFIXES) {
    format = 'BinarySI';
    binaryPower = BINARY_SUFFIXES[suffix] ?? 0;
  } else if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    exponent = DECIMAL_SUFFIXES[suffix] ?? 0;
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    exponent = Number(suffix.slice(1));
  } else {
    return undefined;
  }

  let mantissa = BigInt((whole || '0') + frac);
  if (sign === '-') mantissa = -mantissa;
  let scale = exponent - frac.length;
  if (binaryPower > 0) mantissa *= 1n << BigInt(binaryPower);

  // The API server keeps at most nano precision and rounds up.
  if (scale < -9) {
    const div = 10n ** BigInt(-9 - scale);
    const q = mantissa / div;
    mantissa = mantissa % div === 0n ? q : mantissa > 0n ? q + 1n : q;
    scale = -9;
  }
  return { mantissa, scale, format };
}

/** `Quantity.String()`: the canonical form, e.g. `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`, `2000m` → `2`. */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const whole = asInteger(q);
    if (whole === undefined || (whole > -1024n && whole < 1024n)) {
      format = 'DecimalSI';
    } else {
      let amount = whole < 0n ? -whole : whole;
      let power = 0;
      while (amount >= 1024n && amount % 1024n === 0n && power < BINARY_BY_POWER.length - 1) {
        amount /= 1024n;
        power++;
      }
      return `${whole < 0n ? '-' : ''}${amount}${BINARY_BY_POWER[power] ?? ''}`;
    }
  }

  // Decimal: strip factors of ten, then bring the exponent down to a multiple of three.
  const negative = q.mantissa < 0n;
  let amount = negative ? -q.mantissa : q.mantissa;
  let exponent = q.scale;
  while (amount >= 10n && amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const rem = exponent % 3;
  if (rem === 1 || rem === -2) {
    amount *= 10n;
    exponent -= 1;
  } else if (rem === 2 || rem === -1) {
    amount *= 100n;
    exponent -= 2;
  }
  const number = `${negative ? '-' : ''}${amount}`;
  if (format === 'DecimalExponent') return exponent === 0 ? number : `${number}e${exponent}`;
  const suffix = DECIMAL_BY_EXPONENT.get(exponent);
  return suffix === undefined ? `${number}e${exponent}` : `${number}${suffix}`;
}

/** Canonical form of a quantity as written in an object, or the input unchanged if it does not parse. */
export function canonicalQuantity(input: string | number | undefined | null): string {
  if (input === undefined || input === null) return '';
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : String(input);
}

function asInteger(q: Quantity): bigint | undefined {
  if (q.scale >= 0) return q.mantissa * 10n ** BigInt(q.scale);
  const div = 10n ** BigInt(-q.scale);
  return q.mantissa % div === 0n ? q.mantissa / div : undefined;
}

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const scale = Math.min(a.scale, b.scale);
  return [a.mantissa * 10n ** BigInt(a.scale - scale), b.mantissa * 10n ** BigInt(b.scale - scale), scale];
}

/** `Quantity.Add`: the result keeps the receiver's format unless the receiver is zero. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const [x, y, scale] = align(a, b);
  return { mantissa: x + y, scale, format: a.mantissa === 0n ? b.format : a.format };
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `Quantity.Value()`: rounded up to a whole number. */
export function quantityValue(q: Quantity): bigint {
  return roundUp(q, 0);
}

/** `Quantity.MilliValue()`: value × 1000, rounded up. */
export function quantityMilliValue(q: Quantity): bigint {
  return roundUp({ ...q, scale: q.scale + 3 }, 0);
}

function roundUp(q: Quantity, scale: number): bigint {
  if (q.scale >= scale) return q.mantissa * 10n ** BigInt(q.scale - scale);
  const div = 10n ** BigInt(scale - q.scale);
  const quotient = q.mantissa / div;
  return q.mantissa % div !== 0n && q.mantissa > 0n ? quotient + 1n : quotient;
}
