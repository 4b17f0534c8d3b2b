// Reading a teacher's own lesson (a file, the editor's text, or a link's text) for the preview:
// the size first (a 5 MB file is refused before it is even read), then the lesson parser, whose
// problems come back one per line of the preview with where they are. The parser names a field
// by its path (`steps[1].goals[0].check`); a teacher editing YAML needs the line too, so each path
// is looked up in the text's positions (the same index the editor's markers use).
import { parseLesson } from "../../lessons/parse.ts";
import { placeProblems, type LessonProblem } from "../../lessons/problem-places.ts";
import type { Lesson } from "../../lessons/types.ts";
import {
  MAX_LESSON_FILE_BYTES,
  sizeLabel,
} from "../../store/lesson-persistence.ts";

export { placeProblems, problemText, type LessonProblem } from "../../lessons/problem-places.ts";

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

