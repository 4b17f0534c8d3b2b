import { describe, expect, it } from 'vitest';
import { matchValue } from './matcher.ts';
import { MATCH_INPUT_CHARS, regexProblem } from './regex-guard.ts';

describe('regexProblem: patterns that could freeze a learner\'s page are refused', () => {
  it.each([
    '^www-web-[0-2]$', '^www-web-', '^(?!example-pvc$)', 'CREATED BY[\\s\\S]*pip install flask', 'v +1Gi +RWO',
    '\\d+\\.\\d+', 'https?://', 'Bound|Pending', '^pvc-[0-9a-f-]+$', '(?:ab){3}', 'colou?r', '[]]a*', '(?<n>x)+y',
  ])('accepts %s', (re) => {
    expect(regexProblem(re)).toBeNull();
  });

  it.each([
    ['(a+)+$', /repeated group \(a\+\)\+ holds a quantifier/],
    ['(?:\\w+\\s?)*$', /repeated group .* holds a quantifier/],
    ['(a|ab)*c', /repeated group \(a\|ab\)\* holds alternatives/],
    ['(x)\\1', /backreference/],
    ['(?<n>x)\\k<n>', /backreference/],
    ['.*a.*b', /^\.\* is followed by another quantifier/],
    ['\\d+\\d+x', /^\\d\+ is followed by another quantifier/],
    ['a?a?a?a?aaaa', /^a\? is followed by another quantifier/],
    ['(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)', /more than 64 combinations/],
  ])('refuses %s', (re, why) => {
    expect(regexProblem(re)).toMatch(why);
  });

  it('what it refuses really is slow, and what it accepts stays fast on a hostile text', () => {
    const hostile = 'a'.repeat(50_000);
    const t = performance.now();
    for (const re of ['^www-web-[0-2]$', 'v +1Gi +RWO', '\\d+\\.\\d+', 'a+b']) matchValue({ found: true, value: hostile }, { matches: re });
    expect(performance.now() - t).toBeLessThan(2_000);
  });

  it('matches is searched in the first MATCH_INPUT_CHARS characters only', () => {
    const long = 'x'.repeat(MATCH_INPUT_CHARS) + 'needle';
    expect(matchValue({ found: true, value: long }, { matches: 'needle' }).ok).toBe(false);
    expect(matchValue({ found: true, value: 'needle' + long }, { matches: 'needle' }).ok).toBe(true);
  });
});
