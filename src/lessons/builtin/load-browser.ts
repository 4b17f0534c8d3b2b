// The built-in lessons bundled into the browser build as text, by Vite (the same files Node reads).
import { BUILTIN_LESSON_IDS } from './index.ts';

const files = import.meta.glob('./*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function builtinLessonText(id: string): string | undefined {
  return (BUILTIN_LESSON_IDS as readonly string[]).includes(id) ? files[`./${id}.yaml`] : undefined;
}
