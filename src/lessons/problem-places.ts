// Where a lesson file's problems are: the parser names a field by its path
// (`steps[1].goals[0].check`); a teacher editing YAML needs the line and column too, so each path is
// looked up in the text's positions (the same index the editor's markers use). Shared by the
// browser's preview and `kubesim lesson`.
import { parseManifestText, positionOf } from '../engine/index.ts';

export interface LessonProblem {
  /** 1-based; absent when the problem is about the whole file (its size, its emptiness). */
  line?: number;
  column?: number;
  /** The field the parser names (`steps[1].goals[0].check`), when it names one. */
  path?: string;
  /** The parser's own words, without the file name and place (those are shown apart). */
  message: string;
}

/** `SOURCE: line L, column C: WHY` (YAML) or `SOURCE: PATH: WHY` (the schema and the rules). */
export function placeProblems(
  text: string,
  source: string,
  errors: readonly string[],
): LessonProblem[] {
  let doc: ReturnType<typeof parseManifestText>[number] | undefined | null =
    null;
  const positions = () => {
    // Built once, and only when a field needs placing; a text that is not YAML has no positions.
    if (doc === null) {
      try {
        doc = parseManifestText(text).find((d) => d.value !== undefined);
      } catch {
        doc = undefined;
      }
    }
    return doc;
  };
  return errors.map((error) => {
    const rest = error.startsWith(`${source}:`)
      ? error.slice(source.length + 1).trimStart()
      : error;
    const yaml = /^line (\d+), column (\d+): ([\s\S]*)$/.exec(rest);
    if (yaml)
      return { line: Number(yaml[1]), column: Number(yaml[2]), message: yaml[3]! };
    const field = /^([A-Za-z_$][\w$-]*(?:\[\d+\]|\.[A-Za-z_$][\w$-]*)*): ([\s\S]*)$/.exec(rest);
    const d = positions();
    if (!field) {
      // About the top level (a missing `title`): the file's first line.
      return d
        ? { line: d.startLine, column: 1, message: rest }
        : { message: rest };
    }
    const path = field[1]!;
    const at = d ? positionOf(d, path) : undefined;
    return { ...(at ? { line: at.line, column: at.column } : {}), path, message: field[2]! };
  });
}

/** A problem as one line of text: `line 12, column 9: steps[1].goals[0].check: unknown check "phaze"`. */
export function problemText(p: LessonProblem): string {
  const at = p.line !== undefined ? `line ${p.line}, column ${p.column ?? 1}: ` : "";
  return `${at}${p.path ? `${p.path}: ` : ""}${p.message}`;
}

/** `FILE:LINE:COLUMN: path: why`, as compilers and linters print a place (the file alone when there is no line). */
export function problemLine(source: string, p: LessonProblem): string {
  const at = p.line !== undefined ? `${source}:${p.line}:${p.column ?? 1}` : source;
  return `${at}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}
