// The comparisons of a jsonpath filter (`[?(@.size>=5)]`): client-go's fork of text/template's
// eq/lt/le/gt/ge. Only like basic kinds compare (an int64 with an int, a string with a string);
// anything else is an error worded as text/template words it.
import { GoByte, GoFloat, kindOf, type GoValue } from './go-values.ts';

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

type Basic = { kind: 'bool' | 'int' | 'uint' | 'float' | 'string'; value: boolean | number | string };

function basic(v: GoValue): Basic | undefined {
  const kind = kindOf(v);
  if (kind === 'bool' || kind === 'int' || kind === 'string') return { kind, value: v as boolean | number | string };
  if (kind === 'float') return { kind, value: v instanceof GoFloat ? v.value : (v as number) };
  if (kind === 'uint') return { kind, value: (v as GoByte).value };
  return undefined;
}

function integral(k: Basic['kind']): boolean {
  return k === 'int' || k === 'uint';
}

function equal(a: Basic, b: Basic): boolean | string {
  // Signed and unsigned integers compare by value.
  if (a.kind !== b.kind && !(integral(a.kind) && integral(b.kind))) return INCOMPATIBLE;
  return a.value === b.value;
}

function less(a: Basic, b: Basic): boolean | string {
  if (a.kind !== b.kind) return integral(a.kind) && integral(b.kind) ? (a.value as number) < (b.value as number) : INCOMPATIBLE;
  if (a.kind === 'bool') return BAD_TYPE;
  if (a.kind === 'string') return compareUtf8(a.value as string, b.value as string) < 0;
  return (a.value as number) < (b.value as number);
}

function compareUtf8(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Whether `left OP right` holds, or the error text when the operands cannot be compared. */
export function compare(operator: string, left: GoValue, right: GoValue): boolean | string {
  const a = basic(left);
  if (!a) return BAD_TYPE;
  const b = basic(right);
  if (!b) return BAD_TYPE;
  switch (operator) {
    case '==':
      return equal(a, b);
    case '!=': {
      const eq = equal(a, b);
      return typeof eq === 'string' ? eq : !eq;
    }
    case '<':
      return less(a, b);
    case '>=': {
      const lt = less(a, b);
      return typeof lt === 'string' ? lt : !lt;
    }
    case '<=': {
      const lt = less(a, b);
      return lt === false ? equal(a, b) : lt;
    }
    case '>': {
      const lt = less(a, b);
      if (typeof lt === 'string') return lt;
      if (lt) return false;
      const eq = equal(a, b);
      return typeof eq === 'string' ? eq : !eq;
    }
    default:
      return `unrecognized filter operator ${operator}`;
  }
}
