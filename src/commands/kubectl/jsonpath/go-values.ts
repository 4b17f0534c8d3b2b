// The values client-go's jsonpath walks, and how Go prints them. kubectl hands jsonpath the object
// as unstructured JSON (map[string]interface{}, []interface{}, string, int64, float64, bool, nil),
// so a JSON value here stands for the Go value it decodes to: an integral number is an int64, any
// other number a float64. Two Go values have no JSON twin and get a small class: a float literal
// from the template (`3.0` is a float64 there, and comparing it with an int64 is an error), and the
// bytes a wildcard takes out of a string (uint8).
import { goQuote } from '../../../engine/api/go-strings.ts';

/** A float64 written in the template (`{.x}` compared with `1.5`). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** One byte of a string, as `.*` or `..` yields it (Go indexes strings by byte). */
export class GoByte {
  constructor(readonly value: number) {}
}

/**
 * A value as jsonpath sees it. `null` is a nil interface (JSON null); `undefined` is Go's invalid
 * reflect.Value, which only a range over nothing produces.
 */
export type GoValue = null | undefined | boolean | number | string | GoFloat | GoByte | readonly GoValue[] | { readonly [key: string]: GoValue };

export type GoKind = 'invalid' | 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'map' | 'slice';

export function kindOf(v: GoValue): GoKind {
  if (v === undefined) return 'invalid';
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoFloat) return 'float';
  if (v instanceof GoByte) return 'uint';
  return Array.isArray(v) ? 'slice' : 'map';
}

/** Go's `%v` of a reflect.Type, as jsonpath's "is not array or slice" errors print it. */
export function goTypeName(v: GoValue): string {
  switch (kindOf(v)) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'int':
      return 'int64';
    case 'float':
      return 'float64';
    case 'uint':
      return 'uint8';
    case 'bool':
      return 'bool';
    case 'string':
      return 'string';
    default:
      return 'interface {}';
  }
}

export function mapKeys(v: { readonly [key: string]: GoValue }): string[] {
  // Go walks a map in random order; fmt and encoding/json sort its keys. Sorted is the one
  // deterministic order that is also what Go prints.
  return Object.keys(v).sort(compareBytes);
}

/** Go's string order: by UTF-8 bytes (code points). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  // Fast path: UTF-16 order is code point order unless the first difference involves a surrogate.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const p = a.charCodeAt(i);
    const q = b.charCodeAt(i);
    if (p === q) continue;
    if ((p < 0xd800 || p > 0xdfff) && (q < 0xd800 || q > 0xdfff)) return p < q ? -1 : 1;
    return compareCodePoints(a, b);
  }
  return a.length < b.length ? -1 : 1;
}

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length - y.length < 0 ? -1 : 1;
}

/** strconv.FormatFloat(f, 'g', -1, 64), which `%v` uses: the shortest digits, `1e+06` style from 1e6 up and below 1e-4. */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // toExponential() without a precision gives the shortest digits that round-trip, as Go does.
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  // Shortest %g switches to an exponent when it is below -4 or at least 6 (Go's eprec for -1).
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(f);
}

/** fmt.Sprint: strings raw, maps as `map[k:v]` with sorted keys, slices as `[a b]`, nil as `<nil>`. */
export function goSprint(v: GoValue): string {
  switch (kindOf(v)) {
    case 'invalid':
      return '<invalid reflect.Value>';
    case 'nil':
      return '<nil>';
    case 'float':
      return goFloat(v instanceof GoFloat ? v.value : (v as number));
    case 'uint':
      return String((v as GoByte).value);
    case 'slice':
      return `[${(v as readonly GoValue[]).map(goSprint).join(' ')}]`;
    case 'map': {
      const m = v as { readonly [key: string]: GoValue };
      return `map[${mapKeys(m).map((k) => `${k}:${goSprint(m[k])}`).join(' ')}]`;
    }
    default:
      return String(v);
  }
}

/** fmt's `%#v` of the unstructured object, as kubectl's jsonpath error dumps it. */
export function goSharpV(v: GoValue): string {
  switch (kindOf(v)) {
    case 'invalid':
      return '<invalid reflect.Value>';
    case 'nil':
      return 'interface {}(nil)';
    case 'string':
      return goQuote(v as string);
    case 'float':
      return goFloat(v instanceof GoFloat ? v.value : (v as number));
    case 'uint':
      return `0x${(v as GoByte).value.toString(16)}`;
    case 'slice':
      return `[]interface {}{${(v as readonly GoValue[]).map(goSharpV).join(', ')}}`;
    case 'map': {
      const m = v as { readonly [key: string]: GoValue };
      return `map[string]interface {}{${mapKeys(m).map((k) => `${goQuote(k)}:${goSharpV(m[k])}`).join(', ')}}`;
    }
    default:
      return String(v);
  }
}

/**
 * encoding/json's Marshal (compact) or MarshalIndent(v, "", "    "): sorted keys, and `<`, `>`,
 * `&`, U+2028 and U+2029 escaped as Go escapes them for HTML safety.
 */
export function goJson(v: GoValue, indent = false): string {
  const text = JSON.stringify(toPlain(v), null, indent ? 4 : undefined) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function toPlain(v: GoValue): unknown {
  if (v === undefined) return null;
  if (v instanceof GoFloat || v instanceof GoByte) return v.value;
  if (Array.isArray(v)) return v.map(toPlain);
  if (v !== null && typeof v === 'object') {
    const m = v as { readonly [key: string]: GoValue };
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const k of mapKeys(m)) out[k] = toPlain(m[k]);
    return out;
  }
  return v;
}
