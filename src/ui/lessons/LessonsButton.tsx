// The header's Lessons button (beside Examples); L opens the browser at any width. Below 1536 px of
// header width there is no room left for it (the header must stay one line at 1280×720 in its
// widest, what-if state, and even an icon-only button wraps it), so there only L opens lessons.
import { Icon } from "../components/Icon.tsx";
import { showLessonBrowser, useLessonKeys } from "./lesson-entry.ts";

const preload = () => void import("./LessonLayer.tsx");

export function LessonsButton() {
  useLessonKeys();
  return (
    <button
      type="button"
      title="Guided lessons with goals and hints (L)"
      aria-keyshortcuts="L"
      onPointerEnter={preload}
      onFocus={preload}
      onClick={showLessonBrowser}
      className="hidden h-8 items-center @min-[96rem]:inline-flex gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
    >
      <Icon name="check" className="size-4" />
      Lessons
    </button>
  );
}
