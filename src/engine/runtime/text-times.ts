// Times printed inside text: a container's log holds what `date` printed (`Sun Dec  6 12:00:00
// UTC 2026`), so a crash loop running `date; exit 1` logs a different line every restart, and the
// cycle skip (affine.ts) would see no repeat and step through every restart of a long `sleep`.
// Text whose only difference is such times, each moving by the same amount every cycle, moves
// on as the times would. The shapes are the ones `date` prints (shell/date.ts), in UTC.
import { strftime } from '../shell/date.ts';

const SHAPES: readonly { pattern: RegExp; format: string }[] = [
  // The default of busybox and GNU date.
  { pattern: /\b[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\b/g, format: '%a %b %e %H:%M:%S %Z %Y' },
  // -R.
  { pattern: /\b[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000/g, format: '%a, %d %b %Y %H:%M:%S +0000' },
  // -Iseconds: GNU's +00:00, busybox's +0000.
  { pattern: /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00/g, format: '%Y-%m-%dT%H:%M:%S+00:00' },
  { pattern: /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000/g, format: '%Y-%m-%dT%H:%M:%S+0000' },
];

interface Found {
  /** The text with each time replaced by a marker. */
  skeleton: string;
  times: { ms: number; format: string }[];
}

const MARK = '\u0000';

function find(text: string): Found | undefined {
  if (text.includes(MARK)) return undefined;
  const times: { at: number; length: number; ms: number; format: string }[] = [];
  for (const { pattern, format } of SHAPES) {
    for (const m of text.matchAll(pattern)) {
      const ms = Date.parse(m[0]);
      if (Number.isNaN(ms)) return undefined;
      times.push({ at: m.index!, length: m[0].length, ms, format });
    }
  }
  if (times.length === 0) return undefined;
  times.sort((x, y) => x.at - y.at);
  let skeleton = '';
  let from = 0;
  for (const t of times) {
    if (t.at < from) return undefined;
    skeleton += text.slice(from, t.at) + MARK;
    from = t.at + t.length;
  }
  return { skeleton: skeleton + text.slice(from), times: times.map(({ ms, format }) => ({ ms, format })) };
}

/**
 * `c` moved on by n cycles when a, b and c differ only in printed times that each moved by the
 * same amount from a to b as from b to c; undefined otherwise.
 */
export function extrapolateTextTimes(a: string, b: string, c: string, n: number): string | undefined {
  const [fa, fb, fc] = [find(a), find(b), find(c)];
  if (!fa || !fb || !fc || fa.skeleton !== fb.skeleton || fb.skeleton !== fc.skeleton) return undefined;
  const moved: string[] = [];
  for (let i = 0; i < fc.times.length; i++) {
    const [ta, tb, tc] = [fa.times[i]!, fb.times[i]!, fc.times[i]!];
    const d = tc.ms - tb.ms;
    if (tb.ms - ta.ms !== d || ta.format !== tc.format || tb.format !== tc.format) return undefined;
    const ms = tc.ms + n * d;
    // Past year 9999 a time no longer prints in four digits: leave such a far jump to stepping.
    if (!Number.isSafeInteger(ms) || ms >= Date.UTC(10000, 0, 1)) return undefined;
    moved.push(strftime(tc.format, ms, false));
  }
  let i = 0;
  return fc.skeleton.replace(/\u0000/g, () => moved[i++]!);
}
