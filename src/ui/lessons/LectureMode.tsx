// Lecture mode (issue 12): the teacher steps through a lesson in front of a class. While it is on,
// the page is in presentation mode with "play out each action" on, the lecture band replaces the
// lesson pane, and a presenter's clicker drives it: → / PageDown / Space is "next" (run the step's
// solution while its goals are unmet, else the next step), ← / PageUp / Shift+Space "previous".
// Escape leaves presentation mode, and with it the lecture. What "next" does is the lesson
// store's decision (lectureMove); this file only wires the layout and the keys to it.
import { useEffect } from "react";
import { layoutStore, playOutOn } from "../app/layout-store.ts";
import { typingInto } from "../timeline/typing-into.ts";
import { LectureBand } from "./LectureBand.tsx";
import { lessonStore } from "./lesson-instance.ts";

export function LectureMode() {
  useLectureLayout();
  useLectureKeys();
  return <LectureBand />;
}

/**
 * Presentation mode and play-out on for the lecture. The two go together: leaving presentation
 * mode (Escape, F, its button) ends the lecture, and leaving the lecture (its ×) leaves
 * presentation mode, whichever came first (after a reload both are simply on). The teacher's own
 * play-out setting comes back afterwards.
 */
function useLectureLayout(): void {
  useEffect(() => {
    const layout = layoutStore.getState();
    const playOutBefore = layout.playOut;
    if (!layout.presentation) layout.setPresentation(true);
    if (!playOutOn(layoutStore.getState())) layout.setPlayOut(true);
    const stop = layoutStore.subscribe((s, prev) => {
      if (prev.presentation && !s.presentation)
        lessonStore.getState().setLecture(false);
    });
    return () => {
      stop();
      const now = layoutStore.getState();
      if (now.presentation) now.setPresentation(false);
      // The teacher's own play-out choice comes back (the lecture only borrowed it).
      if (now.playOut !== playOutBefore)
        layoutStore.setState({ playOut: playOutBefore });
    };
  }, []);
}

/**
 * Where a key belongs to something else even in a lecture: text being typed (the terminal, the
 * editor, a field) and the popups that move with arrows (menus, dialogs, lists).
 */
function ownedElsewhere(target: EventTarget | null): boolean {
  return (
    typingInto(target) ||
    (target instanceof Element &&
      target.closest(
        '[role="menu"], [role="dialog"], [role="alertdialog"], [role="listbox"]',
      ) !== null)
  );
}

/** What a clicker or keyboard key means in a lecture, or null for a key it leaves alone. */
export function lectureKey(e: {
  key: string;
  shiftKey: boolean;
}): "next" | "prev" | null {
  if (e.key === "ArrowRight" || e.key === "PageDown") return "next";
  if (e.key === "ArrowLeft" || e.key === "PageUp") return "prev";
  if (e.key === " ") return e.shiftKey ? "prev" : "next";
  return null;
}

function useLectureKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = lectureKey(e);
      if (!key || ownedElsewhere(e.target)) return;
      // Captured before the canvas sees it: an arrow moves the lecture, not a focused card; Space
      // does not also press the focused button.
      e.preventDefault();
      e.stopPropagation();
      if (e.repeat) return; // a held key is one press, not a run through the lesson
      const lessons = lessonStore.getState();
      if (key === "next") void lessons.lectureNext();
      else lessons.lecturePrev();
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, []);
}
