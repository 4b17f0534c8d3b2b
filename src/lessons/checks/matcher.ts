// Comparing a value with what a goal asks: equals / in / matches / contains / exists / atLeast /
// atMost. Sizes compare as Kubernetes quantities, so `5Gi` equals `5368709120` and `2Gi` is at
// least `1Gi`, whatever spelling the learner's manifest used.
import { compareQuantities, parseQuantity } from '../../engine/index.ts';
import type { Matcher } from '../types.ts';
import type { PathValue } from './path.ts';
import { MATCH_INPUT_CHARS } from './regex-guard.ts';

export type Outcome = { ok: true } | { ok: false; why: string };

const OK: Outcome = { ok: true };

/** The matcher's keys, to tell a matcher from the rest of a check's arguments. */
export const MATCHER_KEYS = ['equals', 'in', 'matches', 'contains', 'exists', 'atLeast', 'atMost'] as const;

export function hasMatcher(m: Matcher): boolean {
  return MATCHER_KEYS.some((k) => m[k] !== undefined);
}

export function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function matchValue(pv: PathValue, m: Matcher): Outcome {
  if (m.exists === false) return pv.found ? { ok: false, why: `is set (${show(pv.value)})` } : OK;
  if (!pv.found) return hasMatcher(m) || m.exists ? { ok: false, why: 'is not set' } : OK;
  const v = pv.value;
  if (m.equals !== undefined && !same(v, m.equals)) return { ok: false, why: `is ${show(v)}, not ${show(m.equals)}` };
  if (m.in !== undefined && !m.in.some((e) => same(v, e))) return { ok: false, why: `is ${show(v)}, not one of ${m.in.map(show).join(', ')}` };
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  // Searched in a bounded prefix: the parser refused patterns that backtrack badly (regex-guard.ts).
  if (m.matches !== undefined && !new RegExp(m.matches).test(text.slice(0, MATCH_INPUT_CHARS))) return { ok: false, why: `is ${show(v)}, which does not match /${m.matches}/` };
  if (m.contains !== undefined && !text.includes(m.contains)) return { ok: false, why: `is ${show(v)}, which does not contain ${show(m.contains)}` };
  if (m.atLeast !== undefined) {
    const c = compare(v, m.atLeast);
    if (c === undefined || c < 0) return { ok: false, why: `is ${show(v)}, less than ${show(m.atLeast)}` };
  }
  if (m.atMost !== undefined) {
    const c = compare(v, m.atMost);
    if (c === undefined || c > 0) return { ok: false, why: `is ${show(v)}, more than ${show(m.atMost)}` };
  }
  return OK;
}

function same(v: unknown, expected: string | number | boolean): boolean {
  if (v === expected || String(v) === String(expected)) return true;
  return typeof expected !== 'boolean' && compare(v, expected) === 0;
}

/** Both numbers or both quantities: their order; otherwise undefined. */
export function compare(v: unknown, expected: string | number): number | undefined {
  if (typeof v === 'number' && typeof expected === 'number') return Math.sign(v - expected);
  if ((typeof v !== 'string' && typeof v !== 'number') || v === '') return undefined;
  const a = parseQuantity(v);
  const b = parseQuantity(expected);
  return a.ok && b.ok ? compareQuantities(a.quantity, b.quantity) : undefined;
}

/** A field that may reach several values (`[*]`): met when any of them matches; `exists: false` when none is there. */
export function matchAny(values: readonly unknown[], m: Matcher): Outcome {
  if (values.length === 0) return matchValue({ found: false }, m);
  let first: Outcome | undefined;
  for (const value of values) {
    const r = matchValue({ found: true, value }, m);
    if (r.ok) return r;
    first ??= r;
  }
  return first!;
}
