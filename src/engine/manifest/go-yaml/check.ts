// The first error go-yaml v2 reports for one YAML document, worded and numbered as kubectl prints
// it after `error converting YAML to JSON: `.
import { Parser } from './parser.ts';
import { GoYamlError } from './scanner.ts';

export interface GoYamlProblem {
  /** go-yaml's problem text (`found character that cannot start any token`). */
  problem: string;
  /** The line kubectl prints (`yaml: line N:`), or undefined when go-yaml prints none. */
  line?: number;
  /** Offset in the document's text the error points at, for the editor. */
  offset: number;
  /** The whole message: `yaml: line 4: found character that cannot start any token`. */
  message: string;
}

/** Parses `text` as go-yaml's `yaml.Unmarshal` does (its first document only) and returns its first error. */
export function goYamlProblem(text: string): GoYamlProblem | undefined {
  return goYamlCheck(text).problem;
}

/** The first error, or where the document ends when a `...` ends it before the text does. */
export function goYamlCheck(text: string): { problem?: GoYamlProblem; end?: number } {
  // go-yaml parses an empty input as a single line break.
  const parser = new Parser(text === '' ? '\n' : text);
  const anchors = new Set<string>();
  try {
    parser.next();
    if (parser.next().type !== 'DOCUMENT-START') return {};
    for (;;) {
      const ev = parser.next();
      if (ev.type === 'DOCUMENT-END' || ev.type === 'STREAM-END') return parser.explicitEnd === undefined ? {} : { end: parser.explicitEnd };
      if (ev.type === 'ALIAS') {
        // The decoder resolves an alias as soon as it reads it, before the rest of the document.
        if (!anchors.has(ev.anchor!)) throw new GoYamlError('decoder', `unknown anchor '${ev.anchor}' referenced`, undefined, ev.start);
      } else if (ev.anchor !== undefined) {
        anchors.add(ev.anchor);
      }
    }
  } catch (err) {
    if (err instanceof GoYamlError) return { problem: describe(err) };
    throw err;
  }
}

/**
 * go-yaml's `parser.fail`: scanner marks are 0-based and get 1 added; a parser error's mark is
 * printed as it is (so one line early), and a mark on the first line prints no line at all.
 */
function describe(err: GoYamlError): GoYamlProblem {
  let line: number | undefined;
  if (err.stage === 'scanner' || err.stage === 'parser') {
    if (err.problemMark && err.problemMark.line !== 0) line = err.problemMark.line + (err.stage === 'scanner' ? 1 : 0);
    else if (err.contextMark && err.contextMark.line !== 0) line = err.contextMark.line;
  }
  const offset = err.problemMark?.index ?? err.contextMark?.index ?? 0;
  const message = `yaml: ${line !== undefined ? `line ${line}: ` : ''}${err.problem}`;
  return { problem: err.problem, ...(line !== undefined ? { line } : {}), offset, message };
}
