// The lesson layer as the embed uses it, loaded on first need (a `#lesson=` fragment, a load
// message): the page's lesson store (in embed mode it keeps its progress in memory, page-storage.ts)
// and the built-in lessons.
import type { LessonDeps } from './embed-bridge.ts';

let loading: Promise<LessonDeps> | null = null;

export function loadEmbedLessons(): Promise<LessonDeps> {
  loading ??= Promise.all([import('../lessons/lesson-instance.ts'), import('../../store/lesson-catalog.ts')]).then(([instance, catalog]) => ({
    store: instance.lessonStore,
    find: catalog.findLesson,
    ids: () => catalog.builtinLessons().map((l) => l.id),
  }));
  return loading;
}
