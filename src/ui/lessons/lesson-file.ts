// Reading a teacher's own lesson (a file, the editor's text, or a link's text) for the preview:
// the size first (a 5 MB file is refused before it is even read), then the lesson parser, whose
// problems come back one per line of the preview with where they are. The parser names a field
// by its path (`steps[1].goals[0].check`); a teacher editing YAML needs the line too, so each path
// is looked up in the text's positions (the same index the editor's markers use).
import { parseManifestText, positionOf } from "../../engine/index.ts";
import { parseLesson } from "../../lessons/parse.ts";
import type { Lesson } from "../../lessons/types.ts";
import {
  MAX_LESSON_FILE_BYTES,
  sizeLabel,
} from "../../store/lesson-persistence.ts";

export interface LessonProblem {
  /** 1-based; absent when the problem is about the whole file (its size, its emptiness). */
  line?: number;
  column?: number;
  /** The field the parser names (`steps[1].goals[0].check`), when it names one. */
  path?: string;
  /** The parser's own words, without the file name and place (those are shown apart). */
  message: string;
}

export type LessonFileRead =
  | { ok: true; lesson: Lesson; text: string }
  | { ok: false; problems: LessonProblem[] };

/** Refuses a file by its size alone, before reading it. */
export function sizeProblem(bytes: number): LessonProblem | null {
  return bytes > MAX_LESSON_FILE_BYTES
    ? {
        message: `The file is ${sizeLabel(bytes)}; a lesson file can be at most ${sizeLabel(MAX_LESSON_FILE_BYTES)}.`,
      }
    : null;
}

export function readLessonText(text: string, source: string): LessonFileRead {
  const tooLarge = sizeProblem(new TextEncoder().encode(text).length);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  if (text.trim() === "")
    return {
      ok: false,
      problems: [{ message: "There is nothing in it: a lesson starts with its id, title, summary, topic, preset, seed and steps." }],
    };
  const r = parseLesson(text, source);
  if (r.ok) return { ok: true, lesson: r.lesson, text };
  return { ok: false, problems: placeProblems(text, source, r.errors) };
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
