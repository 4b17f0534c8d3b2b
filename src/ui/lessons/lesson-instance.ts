// The page's lesson store, bound to the page's app store and localStorage. Loaded lazily (it brings
// the lesson parser and the built-in lessons), the first time lessons are wanted.
import { useStore } from "zustand";
import { appStore } from "../../store/index.ts";
import { allLessons, findLesson } from "../../store/lesson-catalog.ts";
import {
  createLessonStore,
  type LessonState,
} from "../../store/lesson-store.ts";
import type { KeyValueStorage } from "../../store/persistence.ts";
import { pageStorage } from "../../store/page-storage.ts";

// localStorage, or memory in an embedded playground (page-storage.ts).
const browserStorage = (): KeyValueStorage | undefined => pageStorage();

export const lessonStore = createLessonStore({
  app: appStore,
  lessons: allLessons, // the built-in lessons and the teacher's own (lesson-catalog.ts)
  find: findLesson, // …and the CKA practice drills, made from their seed
  storage: browserStorage(),
});

export function useLessons<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}
