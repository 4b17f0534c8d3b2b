// The page's lesson store, bound to the page's app store and localStorage. Loaded lazily (it brings
// the lesson parser and the built-in lessons), the first time lessons are wanted.
import { useStore } from "zustand";
import { appStore } from "../../store/index.ts";
import { builtinLessons } from "../../store/lesson-catalog.ts";
import {
  createLessonStore,
  type LessonState,
} from "../../store/lesson-store.ts";
import type { KeyValueStorage } from "../../store/persistence.ts";

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export const lessonStore = createLessonStore({
  app: appStore,
  lessons: builtinLessons,
  storage: browserStorage(),
});

export function useLessons<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}
