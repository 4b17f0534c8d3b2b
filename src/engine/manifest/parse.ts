// Multi-document YAML → plain objects, each document knowing its line range and where every
// field sits, so validation errors can point at a line and column.
//
// Documents are split on lines starting with `---`, exactly like kubectl's YAML reader, so one
// broken document does not hide the others.
//
// kubectl reads YAML with go-yaml v2, whose errors and scalar rules differ from js-yaml's: each
// document is first checked with a go-yaml-like scanner and parser (go-yaml/), which words the
// error as kubectl prints it; js-yaml then builds the value and the positions, with go-yaml's
// YAML 1.1 scalar resolution (yaml11-schema.ts). Input starting with `{` is a JSON stream for
// kubectl (json-stream.ts).
import {
  EVENT_ID,
  YAMLException,
  constructFromEvents,
  getScalarValue,
  parseEvents,
  type Event as YamlEvent,
} from 'js-yaml';
import { checkAliases } from './aliases.ts';
import { goYamlCheck } from './go-yaml/check.ts';
import { GoDecodeError, KUBECTL_SCHEMA, unsupportedJsonValue } from './yaml11-schema.ts';
import { isJsonStream, parseJsonStream } from './json-stream.ts';

export interface Position {
  /** 1-based line in the whole text. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface ManifestDocument {
  /** 0-based index among the non-empty documents of the text. */
  index: number;
  /** 1-based, inclusive line range of the document (without its `---` separator). */
  startLine: number;
  endLine: number;
  /** The parsed value; undefined when the YAML is broken. */
  value?: unknown;
  /**
   * Why kubectl cannot read the document (a YAML or JSON syntax error, a bad separator, a value
   * JSON cannot hold), with kubectl's words and its position in the whole text.
   */
  syntaxError?: SyntaxProblem;
  /** Where each field's key starts (`spec.accessModes`, `spec.containers[0].name`). Built on first use. */
  readonly keyPositions: Record<string, Position>;
  /** Where each field's value starts. Built on first use. */
  readonly valuePositions: Record<string, Position>;
}

export interface SyntaxProblem {
  /** The problem alone (`found character that cannot start any token`), for the editor. */
  message: string;
  /** Where it is in the whole text, for the editor's marker. */
  position: Position;
  /**
   * go-yaml reports it without a line (excessive aliasing, a self-referencing or unknown
   * anchor), or it is not a YAML error at all.
   */
  lineless?: boolean;
  /** The line go-yaml prints (`yaml: line N:`): counted within the document, and one less than the real line for parser errors. */
  yamlLine?: number;
  /**
   * What kubectl prints after `error parsing FILE: `, e.g. `error converting YAML to JSON: yaml:
   * line 4: did not find expected key`, `json: offset 69: invalid character …`, `unexpected EOF`.
   */
  detail: string;
}

export function parseManifestText(text: string): ManifestDocument[] {
  if (isJsonStream(text)) return parseJsonStream(text, parseYamlDocuments);
  return parseYamlDocuments(text, 1, 0);
}

/** The YAML documents of `text`, whose first line is line `firstLine` of the whole input, indexed from `firstIndex`. */
export function parseYamlDocuments(text: string, firstLine: number, firstIndex: number): ManifestDocument[] {
  const docs: ManifestDocument[] = [];
  for (const chunk of splitDocuments(text)) {
    const startLine = chunk.startLine + firstLine - 1;
    if (chunk.separatorError) {
      docs.push(brokenDocument(startLine, startLine, firstIndex + docs.length, { message: chunk.separatorError, position: { line: startLine, column: 1 }, lineless: true, detail: chunk.separatorError }));
      break;
    }
    if (isBlank(chunk.text)) continue;
    docs.push(parseDocument(chunk.text, startLine, firstIndex + docs.length, chunk.goText, chunk.goPrefix));
  }
  return docs;
}

/** A document's fields, for callers building one from another source (JSON). */
export function documentFromValue(text: string, startLine: number, index: number, value: unknown): ManifestDocument {
  const lines = text.split('\n');
  let endLine = startLine + lines.length - 1;
  while (endLine > startLine && isBlank(lines[endLine - startLine] ?? '')) endLine--;
  const doc = { index, startLine, endLine, value } as ManifestDocument;
  let index_: Pick<ManifestDocument, 'keyPositions' | 'valuePositions'> | undefined;
  const built = () => {
    if (index_) return index_;
    try {
      index_ = indexPositions(text, parseEvents(text, {}), offsetToPosition(text, startLine));
    } catch {
      index_ = { keyPositions: {}, valuePositions: {} };
    }
    return index_;
  };
  Object.defineProperty(doc, 'keyPositions', { get: () => built().keyPositions, enumerable: true, configurable: true });
  Object.defineProperty(doc, 'valuePositions', { get: () => built().valuePositions, enumerable: true, configurable: true });
  return doc;
}

/** A document that could not be read, with the error kubectl prints for it. */
export function brokenDocument(startLine: number, endLine: number, index: number, problem: SyntaxProblem): ManifestDocument {
  const doc = { index, startLine, endLine, syntaxError: problem } as ManifestDocument;
  Object.defineProperty(doc, 'keyPositions', { value: {}, enumerable: true, configurable: true });
  Object.defineProperty(doc, 'valuePositions', { value: {}, enumerable: true, configurable: true });
  return doc;
}

/** The best position for a field path: its key, else its value, else the nearest parent's key, else the document start. */
export function positionOf(doc: ManifestDocument, path: string): Position {
  let p = path;
  while (p) {
    const at = doc.keyPositions[p] ?? doc.valuePositions[p];
    if (at) return at;
    p = parentPath(p);
  }
  return { line: doc.startLine, column: 1 };
}

function parentPath(path: string): string {
  const m = /^(.*)(\.[^.[\]]+|\[[^\]]*\])$/.exec(path);
  return m ? m[1]! : '';
}

interface Chunk {
  text: string;
  startLine: number;
  /**
   * The text kubectl hands go-yaml for this document: its lines, each with its line break, after
   * the `---` line that opened it when that line came first (kubectl's YAMLReader keeps a
   * separator that starts a document, so go-yaml counts lines from it).
   */
  goText: string;
  /** Length of that leading `---` line in goText. */
  goPrefix: number;
  /** kubectl refused the separator that ended this document, and read no further. */
  separatorError?: string;
}

/** Splits on lines starting with `---`, as kubectl's YAMLReader does. */
function splitDocuments(text: string): Chunk[] {
  const lines = text.split('\n');
  const chunks: Chunk[] = [];
  let current: string[] = [];
  let prefix = '';
  let start = 1;
  const chunk = (last: boolean): Chunk => ({
    text: current.join('\n'),
    startLine: start,
    goText: prefix + (last ? current.join('\n') : current.map((l) => `${l}\n`).join('')),
    goPrefix: prefix.length,
  });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('---')) {
      current.push(line);
      continue;
    }
    const rest = line.slice(3).trim();
    if (rest && !rest.startsWith('#')) {
      // `--- a: 1`: kubectl drops the document it was reading and stops there.
      chunks.push({ ...chunk(false), startLine: i + 1, separatorError: `invalid Yaml document separator: ${rest}` });
      return chunks;
    }
    if (current.length === 0 && !prefix) {
      prefix = `${line}\n`;
    } else {
      chunks.push(chunk(false));
      current = [];
      prefix = '';
    }
    start = i + 2;
  }
  chunks.push(chunk(true));
  return chunks;
}

function isBlank(text: string): boolean {
  return text.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#') || l.trim() === '...');
}

function parseDocument(text: string, startLine: number, index: number, goText: string, goPrefix: number): ManifestDocument {
  const lines = text.split('\n');
  let endLine = startLine + lines.length - 1;
  while (endLine > startLine && isBlank(lines[endLine - startLine] ?? '')) endLine--;
  const { problem: go, end } = goYamlCheck(goText);
  // go-yaml reads nothing after a `...` that ends the document; neither does js-yaml then.
  if (end !== undefined) text = text.slice(0, Math.max(0, end - goPrefix));
  if (go) {
    const at = offsetToPosition(text, 0)(Math.min(Math.max(0, go.offset - goPrefix), text.length));
    return brokenDocument(startLine, endLine, index, {
      message: go.problem,
      position: clampToContent(lines, startLine, { line: at.line, column: at.column - 1 }),
      ...(go.line === undefined ? { lineless: true } : { yamlLine: go.line }),
      detail: `error converting YAML to JSON: ${go.message}`,
    });
  }
  const doc = { index, startLine, endLine } as ManifestDocument;
  try {
    const events = parseEvents(text, {});
    const aliasProblem = checkAliases(text, events);
    if (aliasProblem) {
      Object.defineProperty(doc, 'keyPositions', { value: {}, enumerable: true, configurable: true });
      Object.defineProperty(doc, 'valuePositions', { value: {}, enumerable: true, configurable: true });
      const position = aliasProblem.offset >= 0 ? offsetToPosition(text, startLine)(aliasProblem.offset) : { line: startLine, column: 1 };
      doc.syntaxError = { message: aliasProblem.message, position, lineless: true, detail: `error converting YAML to JSON: yaml: ${aliasProblem.message}` };
      return doc;
    }
    // Positions are only needed to report an error, so the index is built lazily: parsing stays
    // fast for thousands of documents.
    let index: Pick<ManifestDocument, 'keyPositions' | 'valuePositions'> | undefined;
    const built = () => (index ??= indexPositions(text, events, offsetToPosition(text, startLine)));
    Object.defineProperty(doc, 'keyPositions', { get: () => built().keyPositions, enumerable: true, configurable: true });
    Object.defineProperty(doc, 'valuePositions', { get: () => built().valuePositions, enumerable: true, configurable: true });
    // go-yaml v2 keeps the last of duplicate keys silently; js-yaml does so in its JSON mode.
    const values = constructFromEvents(events, { source: text, schema: KUBECTL_SCHEMA, json: true });
    const unsupported = unsupportedJsonValue(values[0]);
    if (unsupported) {
      doc.syntaxError = { message: `json: unsupported value: ${unsupported}`, position: { line: startLine, column: 1 }, lineless: true, detail: `error converting YAML to JSON: json: unsupported value: ${unsupported}` };
      return doc;
    }
    doc.value = values[0];
  } catch (err) {
    Object.defineProperty(doc, 'keyPositions', { value: {}, enumerable: true, configurable: true });
    Object.defineProperty(doc, 'valuePositions', { value: {}, enumerable: true, configurable: true });
    if (err instanceof GoDecodeError) {
      doc.syntaxError = { message: err.message, position: { line: startLine, column: 1 }, lineless: true, detail: `error converting YAML to JSON: yaml: ${err.message}` };
    } else if (err instanceof YAMLException) {
      // go-yaml accepted what js-yaml refuses (rare): report js-yaml's words in kubectl's frame.
      const mark = err.mark;
      const position = mark ? clampToContent(lines, startLine, mark) : { line: startLine, column: 1 };
      const yamlLine = position.line - startLine + 1;
      doc.syntaxError = { message: err.reason, position, yamlLine, detail: `error converting YAML to JSON: yaml: line ${yamlLine}: ${err.reason}` };
    } else {
      doc.syntaxError = { message: String(err), position: { line: startLine, column: 1 }, lineless: true, detail: `error converting YAML to JSON: ${String(err)}` };
    }
  }
  return doc;
}

function offsetToPosition(text: string, startLine: number): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: startLine + lo, column: offset - lineStarts[lo]! + 1 };
  };
}

type Frame =
  | { kind: 'map'; path: string; key: string | undefined; expectingKey: boolean }
  | { kind: 'seq'; path: string; index: number };

/** Walks the parser's event stream, remembering where each field path's key and value begin. */
function indexPositions(text: string, events: YamlEvent[], toPosition: (offset: number) => Position): Pick<ManifestDocument, 'keyPositions' | 'valuePositions'> {
  const doc = { keyPositions: {} as Record<string, Position>, valuePositions: {} as Record<string, Position> };
  const stack: Frame[] = [];
  // Returns the path of the value about to start, or undefined when the event is a mapping key.
  const enterValue = (offset: number): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.kind === 'seq') {
      const path = `${top.path}[${top.index}]`;
      top.index++;
      if (offset >= 0) doc.valuePositions[path] = toPosition(offset);
      return path;
    }
    if (top.expectingKey) return undefined;
    top.expectingKey = true;
    const path = joinPath(top.path, top.key ?? '?');
    if (offset >= 0) doc.valuePositions[path] = toPosition(offset);
    return path;
  };
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        const top = stack[stack.length - 1];
        if (top?.kind === 'map' && top.expectingKey) {
          top.key = getScalarValue(text, ev);
          top.expectingKey = false;
          doc.keyPositions[joinPath(top.path, top.key)] = toPosition(ev.valueStart);
        } else {
          enterValue(ev.valueStart);
        }
        break;
      }
      case EVENT_ID.ALIAS:
        enterValue(ev.anchorStart);
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const top = stack[stack.length - 1];
        if (top?.kind === 'map' && top.expectingKey) {
          // A complex (non-scalar) key: never a Kubernetes field; index it under a placeholder.
          top.key = '?';
          top.expectingKey = false;
        }
        const path = enterValue(ev.start) ?? '?';
        stack.push(
          ev.type === EVENT_ID.MAPPING
            ? { kind: 'map', path, key: undefined, expectingKey: true }
            : { kind: 'seq', path, index: 0 },
        );
        break;
      }
      case EVENT_ID.POP:
        stack.pop();
        break;
      default:
        break;
    }
  }
  return doc;
}

function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/**
 * js-yaml reports errors found at the end of the stream (an unclosed `[` or quote) on the empty
 * line after the text; point at the end of the last line with content instead.
 */
function clampToContent(lines: readonly string[], startLine: number, mark: { line: number; column: number }): Position {
  let line = mark.line;
  let column = mark.column;
  while (line > 0 && (lines[line] ?? '').trim() === '' ) {
    line--;
    column = (lines[line] ?? '').length;
  }
  return { line: startLine + line, column: column + 1 };
}
