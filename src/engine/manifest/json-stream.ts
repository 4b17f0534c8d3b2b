// Input whose first non-blank character is `{` is read by kubectl 1.34's YAMLOrJSONDecoder
// (apimachinery util/yaml) as a stream of JSON values first. When a value fails and at most one
// came before it, the decoder goes back to where that value began and reads the rest as YAML; if
// the first YAML document fails too, the JSON error is the one reported (`json: offset N: …`, or
// `unexpected EOF`). So `{"a": 1,}` is read, as YAML, while an unclosed `{` is refused.
import { scanJsonValue, utf8Bytes } from './go-json.ts';
import { brokenDocument, documentFromValue, type ManifestDocument } from './parse.ts';

type YamlReader = (text: string, firstLine: number, firstIndex: number) => ManifestDocument[];

/** Go's bytes.TrimLeftFunc(unicode.IsSpace), then a `{`. */
export function isJsonStream(text: string): boolean {
  // unicode.IsSpace, which unlike JavaScript's \s does not count a byte order mark.
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*\{/.test(text);
}

export function parseJsonStream(text: string, readYaml: YamlReader): ManifestDocument[] {
  const bytes = utf8Bytes(text);
  const charAt = byteToChar(text);
  const lineAt = lineIndex(text);
  const docs: ManifestDocument[] = [];
  let pos = 0;
  for (;;) {
    const r = scanJsonValue(bytes, pos);
    if (r.kind === 'eof') return docs;
    if (r.kind === 'value') {
      const from = charAt(pos);
      const to = charAt(r.end);
      // Start the document at its line's beginning so that positions keep their columns.
      const lineStart = text.lastIndexOf('\n', from - 1) + 1;
      const source = ' '.repeat(from - lineStart) + text.slice(from, to).replace(/^\s+/, (ws) => ws.replace(/[^\n]/g, ' '));
      docs.push(documentFromValue(source, lineAt(lineStart), docs.length, JSON.parse(text.slice(from, to))));
      pos = r.end;
      continue;
    }
    const failedAt = r.kind === 'syntax' ? r.offset - 1 : bytes.length;
    const problem = r.kind === 'syntax' ? r.message : 'unexpected EOF';
    // After two JSON values the stream is JSON for sure: the error is Go's own, without an offset.
    const detail = r.kind === 'syntax' && docs.length <= 1 ? `json: offset ${r.offset}: ${r.message}` : problem;
    const errorChar = Math.min(charAt(failedAt), text.length);
    const failed = () => {
      // An error at the end of the input is shown at the end of the last line with content.
      const at = Math.max(0, Math.min(errorChar, lastContentChar(text) + 1));
      const line = lineAt(at);
      const column = at - text.lastIndexOf('\n', at - 1);
      return brokenDocument(lineAt(charAt(pos)), line, docs.length, { message: problem, position: { line, column }, lineless: true, detail });
    };
    if (docs.length > 1) return [...docs, failed()];
    // Back to where the failed value began; blanks up to the end of that line are skipped.
    let from = charAt(pos);
    while (from < text.length && /\s/u.test(text[from]!)) {
      from++;
      if (text[from - 1] === '\n') break;
    }
    const rest = readYaml(text.slice(from), lineAt(from), docs.length);
    if (rest[0]?.syntaxError) rest[0] = failed();
    return [...docs, ...rest];
  }
}

/** Maps a UTF-8 byte offset of `text` to its UTF-16 index. */
function byteToChar(text: string): (byte: number) => number {
  const starts: number[] = [];
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    starts[b] = i;
    const c = text.codePointAt(i)!;
    const width = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
    b += width;
  }
  starts[b] = text.length;
  return (byte) => {
    for (let k = byte; k >= 0; k--) if (starts[k] !== undefined) return starts[k]!;
    return 0;
  };
}

/** 1-based line of a character index (binary search over line starts: streams can be long). */
function lineIndex(text: string): (char: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (char) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= char) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function lastContentChar(text: string): number {
  let i = text.length - 1;
  while (i > 0 && /\s/u.test(text[i]!)) i--;
  return i;
}
