// Why a lesson could not start, when no lesson is open: the pane (which shows errors for an open
// lesson) is not there, and the browser closed when the learner picked the lesson, so without this
// a failed start would look like nothing happened.
import { lessonStore, useLessons } from "./lesson-instance.ts";

export function LessonErrorToast() {
  const error = useLessons((s) => (s.active ? null : s.error));
  if (!error) return null;
  const dismiss = () => lessonStore.setState({ error: null });
  return (
    <div className="pointer-events-none fixed inset-x-0 top-24 z-40 flex justify-center px-4">
      <div
        role="alert"
        data-lesson-error
        className="pointer-events-auto flex max-w-2xl items-start gap-3 rounded-xl border border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-900 shadow-lg dark:border-rose-400/30 dark:bg-rose-950 dark:text-rose-100"
      >
        <span className="min-w-0 break-words">{error}</span>
        <button
          type="button"
          onClick={() => {
            dismiss();
            lessonStore.getState().openBrowser(true);
          }}
          className="h-7 shrink-0 rounded-lg bg-indigo-600 px-3 font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Lessons
        </button>
        <button
          type="button"
          aria-label="Dismiss"
          onClick={dismiss}
          className="grid size-7 shrink-0 place-items-center rounded text-rose-500 hover:text-rose-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-rose-300 dark:hover:text-white"
        >
          ×
        </button>
      </div>
    </div>
  );
}
