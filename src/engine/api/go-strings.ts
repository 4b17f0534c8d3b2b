// Go string semantics the API server's messages and orderings depend on: %q quoting and
// sort.Strings order (UTF-8 bytes, which is code point order, not JavaScript's UTF-16 order).

/** Go's string comparison: by code point, so a character above U+FFFF sorts after U+FFFF. */
export function compareGoStrings(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/**
 * Go's %q (strconv.Quote): printable characters stay, `"` and `\` are escaped, the rest become
 * \a \b \f \n \r \t \v, \xHH below 0x80, \uHHHH or \UHHHHHHHH.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) out += ch;
    // A lone surrogate cannot be sent as UTF-8; encoders send U+FFFD, which Go prints as is.
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd';
    else {
      const short: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
      const hex = cp.toString(16);
      out += short[cp] ?? (cp < 0x20 || cp === 0x7f ? `\\x${hex.padStart(2, '0')}` : cp < 0x10000 ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`);
    }
  }
  return `${out}"`;
}
