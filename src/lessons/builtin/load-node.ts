// The built-in lessons read from disk (the CLI and tests run under Node, where Vite's `?raw`
// imports do not exist).
import { readFileSync } from 'node:fs';
import { parseLesson, type ParseLessonResult } from '../parse.ts';
import { BUILTIN_LESSON_IDS } from './index.ts';

export function builtinLessonText(id: string): string | undefined {
  if (!(BUILTIN_LESSON_IDS as readonly string[]).includes(id)) return undefined;
  return readFileSync(new URL(`./${id}.yaml`, import.meta.url), 'utf8');
}

/** Every built-in lesson, parsed (a broken one is a bug of ours: its errors say where). */
export function loadBuiltinLessons(): { id: string; result: ParseLessonResult }[] {
  return BUILTIN_LESSON_IDS.map((id) => ({ id, result: parseLesson(builtinLessonText(id)!, `src/lessons/builtin/${id}.yaml`) }));
}
