// What the narration says, bounded. A step's summary names every object it touched, so one Apply
// of 10,000 ConfigMaps is one sentence of 270,000 characters: in the aria-live region that was a
// 40 ms layout of text no one would listen to to the end, in the task that shows the result.
// Sentences of ordinary size (the starter's longest is about 230 characters) are read whole.

/** A step's sentence longer than this is cut at the last list separator before it. */
export const SENTENCE_MAX = 400;
/** The spoken text holds whole sentences up to about this many characters, then says how many it left out. */
export const SPOKEN_MAX = 4_000;

/** `summary`, cut after the last whole item of its list that fits in `max` characters, with ", …". */
export function shortSentence(summary: string, max = SENTENCE_MAX): string {
  if (summary.length <= max) return summary;
  const cut = summary.lastIndexOf(', ', max - 3);
  return cut > 0 ? `${summary.slice(0, cut)}, …` : `${summary.slice(0, max - 1)}…`;
}

/** The steps' summaries as sentences for a screen reader, at most about SPOKEN_MAX characters. */
export function spokenSteps(summaries: readonly string[], max = SPOKEN_MAX): string {
  const out: string[] = [];
  let length = 0;
  for (const s of summaries) {
    const sentence = `${shortSentence(s)}.`;
    if (out.length > 0 && length + sentence.length + 1 > max) break;
    out.push(sentence);
    length += sentence.length + 1;
  }
  const left = summaries.length - out.length;
  if (left > 0) out.push(`And ${left.toLocaleString('en-US')} more step${left === 1 ? '' : 's'}.`);
  return out.join(' ');
}
