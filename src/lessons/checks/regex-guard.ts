// A teacher's `matches` pattern runs on the learner's page after every action, and a lesson can
// come from a stranger's link: a pattern that backtracks catastrophically would freeze the page.
// JavaScript cannot stop a running regular expression, so patterns that can take exponential or
// high-polynomial time are refused when the lesson is read, each with the reason:
//
// 1. A repeated group (`(…)*`, `(…)+`, `(…){2,}`) may not hold a quantifier or `|`: `(a+)+`,
//    `(a|ab)*` try every way of splitting the text, which doubles with each character.
// 2. No backreferences (`\1`, `\k<name>`): matching them is exponential in general.
// 3. A variable quantifier (`*`, `+`, `?`, `{n,m}`) followed later by another one must be followed
//    at once by a literal character it cannot match (`\d+\.\d+`, `v +1Gi +RWO`, `https?://`), so
//    it never gives characters back to the next one: `.*a.*b` or `\d+\d+` is refused.
// 4. Alternatives multiply: the product of every group's number of alternatives is at most 64.
//
// What remains is at worst quadratic in the text, and the text is capped (MATCH_INPUT_CHARS).

/** A value longer than this is matched on its first MATCH_INPUT_CHARS characters. */
export const MATCH_INPUT_CHARS = 10_000;
const MAX_ALTERNATIVES = 64;

interface Atom {
  /** The atom's own source (a character, an escape, a class, `.`, or a whole group). */
  src: string;
  /** A plain or escaped literal character, which later quantifiers' atoms are tested against. */
  literal?: string;
  quant?: { text: string; variable: boolean; repeat: boolean };
}

/** Why the pattern is refused, or null when it is safe to run on a learner's page. */
export function regexProblem(pattern: string): string | null {
  try {
    const atoms: Atom[] = [];
    const problem = scan(pattern, 0, atoms, { alternatives: 1 }).problem;
    if (problem) return problem;
    const variable = atoms.map((a, i) => (a.quant?.variable ? i : -1)).filter((i) => i >= 0);
    for (const [k, i] of variable.entries()) {
      if (k === variable.length - 1) break;
      const next = atoms[i + 1];
      const atom = atoms[i]!;
      if (!next?.literal || new RegExp(`^(?:${atom.src})$`).test(next.literal))
        return `${atom.src}${atom.quant!.text} is followed by another quantifier without a character it cannot match in between, which can backtrack for a very long time; put such a character after it (as in \\d+\\.\\d+), or check with contains`;
    }
    return null;
  } catch {
    // Only reached with a pattern the parser already compiled: a part that does not compile on its
    // own cannot be judged, and a pattern that cannot be judged is not run on a learner's page.
    return 'a part of the pattern could not be checked for catastrophic backtracking; write it more simply';
  }
}

interface Scan {
  end: number;
  problem: string | null;
  hasQuantifier: boolean;
  hasAlternative: boolean;
}

/** Reads atoms from `i` up to the `)` closing the group (or the end), appending them to `out`. */
function scan(p: string, i: number, out: Atom[], acc: { alternatives: number }): Scan {
  let hasQuantifier = false;
  let bars = 0;
  while (i < p.length && p[i] !== ')') {
    const start = i;
    const c = p[i]!;
    let atom: Atom;
    if (c === '|') {
      bars++;
      i++;
      continue;
    }
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '\\') {
      const n = p[i + 1] ?? '';
      if (/[1-9]/.test(n) || (n === 'k' && p[i + 2] === '<')) return fail('a backreference (\\1, \\k<name>) can take exponential time');
      i += 2;
      atom = { src: p.slice(start, i), ...(/[^A-Za-z0-9]/.test(n) ? { literal: n } : {}) };
    } else if (c === '[') {
      i++;
      if (p[i] === '^') i++;
      while (i < p.length && p[i] !== ']') i += p[i] === '\\' ? 2 : 1;
      i++;
      atom = { src: p.slice(start, i) };
    } else if (c === '(') {
      i++;
      const look = /^\?(?:[:=!]|<[=!])/.exec(p.slice(i));
      const named = /^\?<[A-Za-z_$][\w$]*>/.exec(p.slice(i));
      i += (look ?? named)?.[0].length ?? 0;
      const inner: Atom[] = [];
      const r = scan(p, i, inner, acc);
      if (r.problem) return fail(r.problem);
      i = r.end + 1;
      atom = { src: p.slice(start, i) };
      const q = quantifierAt(p, i);
      if (q?.repeat && (r.hasQuantifier || r.hasAlternative))
        return fail(`the repeated group ${p.slice(start, i + q.length)} holds ${r.hasQuantifier ? 'a quantifier' : 'alternatives (|)'}, which can take exponential time; repeat a single character or class instead`);
      out.push(...inner);
      hasQuantifier ||= r.hasQuantifier;
    } else {
      i++;
      atom = { src: c === '.' ? '.' : p.slice(start, i), ...(c !== '.' ? { literal: c } : {}) };
    }
    const q = quantifierAt(p, i);
    if (q) {
      i += q.length;
      atom.quant = { text: p.slice(i - q.length, i), variable: q.variable, repeat: q.repeat };
      hasQuantifier ||= q.variable;
      delete atom.literal;
    }
    if (!atom.src.startsWith('(') || q) out.push(atom);
  }
  acc.alternatives *= bars + 1;
  if (acc.alternatives > MAX_ALTERNATIVES) return { end: i, problem: `more than ${MAX_ALTERNATIVES} combinations of alternatives (|), which can take a very long time`, hasQuantifier, hasAlternative: bars > 0 };
  return { end: i, problem: null, hasQuantifier, hasAlternative: bars > 0 };

  function fail(problem: string): Scan {
    return { end: i, problem, hasQuantifier, hasAlternative: bars > 0 };
  }
}

/** The quantifier at `i`: its length (a lazy `?` included), whether it varies and whether it repeats. */
function quantifierAt(p: string, i: number): { length: number; variable: boolean; repeat: boolean } | null {
  const m = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(p.slice(i));
  if (!m) return null;
  const [text, min, comma, max] = m;
  if (min === undefined) return { length: text.length, variable: true, repeat: text[0] !== '?' };
  const hi = comma === undefined ? Number(min) : max === '' ? Infinity : Number(max);
  return { length: text.length, variable: hi !== Number(min), repeat: hi > 1 };
}
