// The lazily loaded lesson layer: the pane (when a lesson is open; the lecture band instead in
// lecture mode) and the browser (when asked).
// On arrival it opens a `#lesson=ID&step=N` link, then drops the fragment so a reload resumes the
// saved progress instead of starting the step again.
import { useEffect } from "react";
import { LessonBrowser } from "./LessonBrowser.tsx";
import { LessonFileLayer } from "./LessonPreview.tsx";
import { lessonEntry, lessonLink, useLessonEntry } from "./lesson-entry.ts";
import { lessonStore, useLessons } from "./lesson-instance.ts";
import { LessonPane } from "./LessonPane.tsx";
import { LectureMode } from "./LectureMode.tsx";
import { LessonErrorToast } from "./LessonErrorToast.tsx";

let linkOpened = false;

export default function LessonLayer() {
  const wantBrowser = useLessonEntry((s) => s.openBrowser);
  const browserOpen = useLessons((s) => s.browserOpen);
  const lecture = useLessons((s) => s.lecture !== null && s.active !== null);
  useEffect(() => {
    if (wantBrowser) {
      lessonStore.getState().openBrowser(true);
      lessonEntry.setState({ openBrowser: false });
    }
  }, [wantBrowser]);
  useEffect(() => {
    const open = () => {
      const link = lessonLink(window.location.hash);
      if (!link) return;
      history.replaceState(
        null,
        "",
        window.location.pathname + window.location.search,
      );
      // The link says what to open: no question asked (a restored session can come back with Undo).
      void lessonStore
        .getState()
        .openLink(link.id, link.step, { lecture: link.lecture });
    };
    if (!linkOpened) {
      linkOpened = true;
      open();
    }
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, []);
  return (
    <>
      {lecture ? <LectureMode /> : <LessonPane />}
      {browserOpen && <LessonBrowser />}
      <LessonErrorToast />
      <LessonFileLayer />
    </>
  );
}
