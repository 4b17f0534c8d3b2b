// What the first screen knows of lessons, kept tiny: whether the lesson layer is wanted (a lesson
// in progress, a `#lesson=` link, or the learner asked), the L shortcut, and the link format. The
// layer itself (store, parser, lessons, pane) is a lazy chunk.
import { useEffect } from "react";
import { createStore, useStore } from "zustand";
import { LESSONS_KEY } from "../../store/lesson-persistence.ts";
import { pageStorage } from "../../store/page-storage.ts";

interface Entry {
  /** The lesson layer is loaded (or loading). */
  wanted: boolean;
  /** Open the browser as soon as the layer is there. */
  openBrowser: boolean;
}

/**
 * `#lesson=ID&step=N[&lecture=1]` (N counted from 1, as the pane shows it; `lecture=1` opens it in
 * lecture mode, for the projector); null when the fragment has no lesson.
 */
export function lessonLink(
  hash: string,
): { id: string; step: number; lecture: boolean } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const id = params.get("lesson");
  if (!id) return null;
  const n = Number(params.get("step") ?? "1");
  return {
    id,
    step: Number.isSafeInteger(n) && n >= 1 ? n - 1 : 0,
    lecture: params.get("lecture") === "1",
  };
}

export function lessonLinkFor(id: string, step: number, lecture = false): string {
  return `#lesson=${encodeURIComponent(id)}&step=${step + 1}${lecture ? "&lecture=1" : ""}`;
}

/**
 * `#lessonfile=v1.DATA&step=N`: a teacher's own lesson carried whole in the link (its YAML,
 * compressed; lesson-file-link.ts decodes it). Only recognised here, so the first screen stays small.
 */
export function lessonFileLink(
  hash: string,
): { payload: string; step: number } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const payload = params.get("lessonfile");
  if (payload === null) return null;
  const n = Number(params.get("step") ?? "1");
  return { payload, step: Number.isSafeInteger(n) && n >= 1 ? n - 1 : 0 };
}

function lessonInProgress(): boolean {
  try {
    return /"active":\{/.test(pageStorage()?.getItem(LESSONS_KEY) ?? "");
  } catch {
    return false;
  }
}

export const lessonEntry = createStore<Entry>()(() => ({
  wanted:
    typeof window !== "undefined" &&
    (lessonInProgress() ||
      lessonLink(window.location.hash) !== null ||
      lessonFileLink(window.location.hash) !== null),
  openBrowser: false,
}));

// A lesson link pasted into the address bar of an open tab arrives as a `hashchange`: load the
// layer, which opens the link when it arrives (once there, the layer's own listeners open it).
if (typeof window !== "undefined")
  window.addEventListener("hashchange", () => {
    const hash = window.location.hash;
    if (lessonLink(hash) || lessonFileLink(hash)) lessonEntry.setState({ wanted: true });
  });

export function useLessonEntry<T>(selector: (s: Entry) => T): T {
  return useStore(lessonEntry, selector);
}

/** Opens the lesson browser (loading the layer first if needed). */
export function showLessonBrowser(): void {
  lessonEntry.setState({ wanted: true, openBrowser: true });
}

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest(
      'input, textarea, select, [contenteditable="true"], .monaco-editor, .xterm',
    ) !== null
  );
}

export const LESSONS_KEYS = "L";

/** L (outside fields, the editor and the terminal) opens the lesson browser. */
export function useLessonKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (
        e.defaultPrevented ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        (e.key !== "l" && e.key !== "L") ||
        typingIn(e.target)
      )
        return;
      e.preventDefault();
      showLessonBrowser();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
