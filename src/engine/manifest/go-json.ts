// Go's encoding/json stream decoder (json.Decoder), as far as kubectl's YAMLOrJSONDecoder needs
// it for input that starts with `{`: where the next value ends, or the error it stops with, worded
// as Go words it (`invalid character '}' looking for beginning of object key string`, at a byte
// offset counted from the start of the stream; `unexpected EOF` when the input ends inside a value).

export type JsonScan =
  | { kind: 'value'; end: number }
  | { kind: 'eof' }
  | { kind: 'unexpected-eof' }
  | { kind: 'syntax'; message: string; offset: number };

/** Go's json.maxNestingDepth. */
const MAX_NESTING = 10000;

type Context = 'object-key' | 'object-value' | 'array-value';

/** UTF-8 bytes of a string (Go's decoder reads bytes, and its offsets count them). */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** Go's `quoteChar`: the byte as a Go character literal, `'}'`, `'\n'`, `'\x00'`. */
export function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 0x5c: '\\\\' };
  if (named[c]) return `'${named[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  // A byte above 0x7f is shown as the Latin-1 character with that code, as Go's string(byte) makes it.
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${c.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCharCode(c)}'`;
}

/**
 * Reads the next JSON value from `bytes` at `start`. Offsets in errors are 1-based byte counts
 * from the start of the stream, as Go's decoder keeps one running count for all its values.
 */
export function scanJsonValue(bytes: Uint8Array, start: number): JsonScan {
  const stack: Context[] = [];
  let i = start;
  const fail = (context: string): JsonScan => ({ kind: 'syntax', message: `invalid character ${quoteChar(bytes[i]!)} ${context}`, offset: i + 1 });
  const skipSpace = () => {
    while (i < bytes.length && isSpace(bytes[i]!)) i++;
  };
  const eof = (): JsonScan => {
    // Only whitespace read since the last value: a clean end of the stream.
    for (let j = start; j < bytes.length; j++) if (!isSpace(bytes[j]!)) return { kind: 'unexpected-eof' };
    return { kind: 'eof' };
  };
  for (;;) {
    // A value is expected here.
    skipSpace();
    if (i >= bytes.length) return eof();
    let c = bytes[i]!;
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const ctx: Context = c === 0x7b ? 'object-key' : 'array-value';
      stack.push(ctx);
      if (stack.length > MAX_NESTING) return fail('exceeded max depth');
      i++;
      skipSpace();
      if (i >= bytes.length) return eof();
      c = bytes[i]!;
      if (ctx === 'object-key') {
        if (c === 0x7d) {
          stack.pop();
          i++;
        } else if (c !== 0x22) {
          return fail('looking for beginning of object key string');
        } else {
          continue;
        }
      } else if (c === 0x5d) {
        stack.pop();
        i++;
      } else {
        continue;
      }
    } else if (c === 0x22) {
      const r = scanString();
      if (r) return r;
    } else if (c === 0x2d || isDigit(c)) {
      const r = scanNumber();
      if (r) return r;
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      for (let k = 1; k < word.length; k++) {
        i++;
        if (i >= bytes.length) return eof();
        if (bytes[i] !== word.charCodeAt(k)) return fail(`in literal ${word} (expecting '${word[k]}')`);
      }
      i++;
    } else {
      return fail('looking for beginning of value');
    }
    // After a value: close what it ends, or expect the separator its container needs.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) return { kind: 'value', end: i };
      skipSpace();
      if (i >= bytes.length) return eof();
      c = bytes[i]!;
      if (top === 'object-key') {
        if (c !== 0x3a) return fail('after object key');
        stack[stack.length - 1] = 'object-value';
        i++;
        break;
      }
      if (top === 'object-value') {
        if (c === 0x2c) {
          stack[stack.length - 1] = 'object-key';
          i++;
          skipSpace();
          if (i >= bytes.length) return eof();
          if (bytes[i] !== 0x22) return fail('looking for beginning of object key string');
          break;
        }
        if (c !== 0x7d) return fail('after object key:value pair');
        stack.pop();
        i++;
        continue;
      }
      if (c === 0x2c) {
        i++;
        break;
      }
      if (c !== 0x5d) return fail('after array element');
      stack.pop();
      i++;
    }
  }

  function scanString(): JsonScan | undefined {
    i++;
    for (;;) {
      if (i >= bytes.length) return eof();
      const c = bytes[i]!;
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        i++;
        if (i >= bytes.length) return eof();
        const e = bytes[i]!;
        if (e === 0x75 /* u */) {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= bytes.length) return eof();
            if (!isHex(bytes[i]!)) return fail('in \\u hexadecimal character escape');
          }
        } else if (!'bfnrt\\/"'.includes(String.fromCharCode(e))) {
          return fail('in string escape code');
        }
      } else if (c < 0x20) {
        return fail('in string literal');
      }
      i++;
    }
  }

  function scanNumber(): JsonScan | undefined {
    if (bytes[i] === 0x2d) {
      i++;
      if (i >= bytes.length) return eof();
      if (!isDigit(bytes[i]!)) return fail('in numeric literal');
    }
    if (bytes[i] === 0x30) i++;
    else while (i < bytes.length && isDigit(bytes[i]!)) i++;
    if (bytes[i] === 0x2e) {
      i++;
      if (i >= bytes.length) return eof();
      if (!isDigit(bytes[i]!)) return fail('after decimal point in numeric literal');
      while (i < bytes.length && isDigit(bytes[i]!)) i++;
    }
    if (bytes[i] === 0x65 || bytes[i] === 0x45) {
      i++;
      if (i >= bytes.length) return eof();
      if (bytes[i] === 0x2b || bytes[i] === 0x2d) {
        i++;
        if (i >= bytes.length) return eof();
      }
      if (!isDigit(bytes[i]!)) return fail('in exponent of numeric literal');
      while (i < bytes.length && isDigit(bytes[i]!)) i++;
    }
    return undefined;
  }
}
