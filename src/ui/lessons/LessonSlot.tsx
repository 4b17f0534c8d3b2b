// Where the lesson layer mounts in the page (beside the canvas); nothing is loaded until lessons
// are wanted: a lesson in progress, a `#lesson=` link, the Lessons button or the L key.
import { lazy, Suspense } from "react";
import { ErrorBoundary } from "../app/ErrorBoundary.tsx";
import { useLessonEntry } from "./lesson-entry.ts";

const LessonLayer = lazy(() => import("./LessonLayer.tsx"));

export function LessonSlot() {
  const wanted = useLessonEntry((s) => s.wanted);
  if (!wanted) return null;
  return (
    <ErrorBoundary area="lessons">
      <Suspense>
        <LessonLayer />
      </Suspense>
    </ErrorBoundary>
  );
}
