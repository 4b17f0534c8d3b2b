// The built-in lessons as the browser has them: the same YAML files the CLI reads (bundled as text
// by Vite), parsed once on first use. Kept apart from the first screen: the parser brings ajv.
import { parseLesson } from "../lessons/parse.ts";
import { BUILTIN_LESSON_IDS } from "../lessons/builtin/index.ts";
import { builtinLessonText } from "../lessons/builtin/load-browser.ts";
import type { Lesson } from "../lessons/types.ts";

let cache: Lesson[] | undefined;

/** Every built-in lesson that parses, in course order (a broken file is left out, never thrown). */
export function builtinLessons(): Lesson[] {
  if (cache) return cache;
  cache = [];
  for (const id of BUILTIN_LESSON_IDS) {
    const text = builtinLessonText(id);
    if (text === undefined) continue;
    const r = parseLesson(text, `lessons/${id}.yaml`);
    if (r.ok) cache.push(r.lesson);
  }
  return cache;
}

export function findLesson(id: string): Lesson | undefined {
  return builtinLessons().find((l) => l.id === id);
}

/** Lessons by topic, topics in the order their first lesson comes in the course. */
export function lessonsByTopic(
  lessons: readonly Lesson[] = builtinLessons(),
): { topic: string; lessons: Lesson[] }[] {
  const groups = new Map<string, Lesson[]>();
  for (const l of lessons) {
    const g = groups.get(l.topic);
    if (g) g.push(l);
    else groups.set(l.topic, [l]);
  }
  return [...groups].map(([topic, ls]) => ({ topic, lessons: ls }));
}
