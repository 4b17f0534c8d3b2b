// The word wrap `kubectl explain`'s template applies (its `wrap` function is kubectl's
// term.NewWordWrapWriter, i.e. github.com/mitchellh/go-wordwrap's WrapString): breaks at
// whitespace so no line passes the limit, keeps the text's own newlines, never splits a word
// longer than the limit, and drops the spaces it breaks at.

/** Go's unicode.IsSpace, except the no-break space, which go-wordwrap keeps inside words. */
const isSpace = (c: string) => c !== '\u00a0' && (c === '\u0085' || /^\s$/u.test(c));

export function wordWrap(text: string, limit: number): string {
  let out = '';
  let current = 0; // length of the line written so far
  let word = '';
  let space = '';
  // Lengths in runes, as go-wordwrap counts them (a `for … range` over the string).
  let wordLen = 0;
  let spaceLen = 0;
  for (const c of text) {
    if (c === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > limit) current = 0;
        else out += space;
      } else {
        out += space + word;
      }
      space = word = '';
      spaceLen = wordLen = 0;
      out += c;
      current = 0;
    } else if (isSpace(c)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = word = '';
        spaceLen = wordLen = 0;
      }
      space += c;
      spaceLen++;
    } else {
      word += c;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** The template's `indent`: the pad before the text and after every newline in it. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join('\n' + pad);
}
