// Multi-document YAML → plain objects, each document knowing its line range and where every
// field sits, so validation errors can point at a line and column.
//
// Documents are split on lines starting with `---`, exactly like kubectl's YAML reader, so one
// broken document does not hide the others.
import {
  CORE_SCHEMA,
  EVENT_ID,
  YAMLException,
  constructFromEvents,
  getScalarValue,
  intYaml11Tag,
  parseEvents,
  type Event as YamlEvent,
} from 'js-yaml';
import { checkAliases } from './aliases.ts';

/** YAML 1.2 core, except integers read as YAML 1.1 does (`defaultMode: 0644` is octal 420), like kubectl's go-yaml. */
const KUBECTL_SCHEMA = CORE_SCHEMA.withTags(intYaml11Tag);

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
   * A YAML syntax error, with its position in the whole text. `lineless`: go-yaml reports it
   * from its decoder, without a line (excessive aliasing, a self-referencing anchor).
   */
  syntaxError?: { message: string; position: Position; lineless?: boolean };
  /** Where each field's key starts (`spec.accessModes`, `spec.containers[0].name`). Built on first use. */
  readonly keyPositions: Record<string, Position>;
  /** Where each field's value starts. Built on first use. */
  readonly valuePositions: Record<string, Position>;
}

export function parseManifestText(text: string): ManifestDocument[] {
  const docs: ManifestDocument[] = [];
  for (const chunk of splitDocuments(text)) {
    if (isBlank(chunk.text)) continue;
    docs.push(parseDocument(chunk.text, chunk.startLine, docs.length));
  }
  return docs;
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
}

function splitDocuments(text: string): Chunk[] {
  const lines = text.split('\n');
  const chunks: Chunk[] = [];
  let current: string[] = [];
  let start = 1;
  lines.forEach((line, i) => {
    if (line.startsWith('---')) {
      chunks.push({ text: current.join('\n'), startLine: start });
      current = [];
      start = i + 2;
      // `--- a: 1`: content after the marker belongs to the YAML that follows it.
      const rest = line.slice(3);
      if (rest.trim() && !rest.trim().startsWith('#')) {
        current.push(' '.repeat(3) + rest);
        start = i + 1;
      }
      return;
    }
    current.push(line);
  });
  chunks.push({ text: current.join('\n'), startLine: start });
  return chunks;
}

function isBlank(text: string): boolean {
  return text.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#') || l.trim() === '...');
}

function parseDocument(text: string, startLine: number, index: number): ManifestDocument {
  const lines = text.split('\n');
  let endLine = startLine + lines.length - 1;
  while (endLine > startLine && isBlank(lines[endLine - startLine] ?? '')) endLine--;
  const doc = { index, startLine, endLine } as ManifestDocument;
  try {
    const events = parseEvents(text, {});
    const aliasProblem = checkAliases(text, events);
    if (aliasProblem) {
      Object.defineProperty(doc, 'keyPositions', { value: {}, enumerable: true, configurable: true });
      Object.defineProperty(doc, 'valuePositions', { value: {}, enumerable: true, configurable: true });
      const position = aliasProblem.offset >= 0 ? offsetToPosition(text, startLine)(aliasProblem.offset) : { line: startLine, column: 1 };
      doc.syntaxError = { message: aliasProblem.message, position, lineless: true };
      return doc;
    }
    // Positions are only needed to report an error, so the index is built lazily: parsing stays
    // fast for thousands of documents.
    let index: Pick<ManifestDocument, 'keyPositions' | 'valuePositions'> | undefined;
    const built = () => (index ??= indexPositions(text, events, offsetToPosition(text, startLine)));
    Object.defineProperty(doc, 'keyPositions', { get: () => built().keyPositions, enumerable: true, configurable: true });
    Object.defineProperty(doc, 'valuePositions', { get: () => built().valuePositions, enumerable: true, configurable: true });
    const values = constructFromEvents(events, { source: text, schema: KUBECTL_SCHEMA });
    doc.value = values[0];
  } catch (err) {
    Object.defineProperty(doc, 'keyPositions', { value: {}, enumerable: true, configurable: true });
    Object.defineProperty(doc, 'valuePositions', { value: {}, enumerable: true, configurable: true });
    if (err instanceof YAMLException) {
      const mark = err.mark;
      doc.syntaxError = { message: err.reason, position: mark ? clampToContent(lines, startLine, mark) : { line: startLine, column: 1 } };
    } else {
      doc.syntaxError = { message: String(err), position: { line: startLine, column: 1 } };
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
