// What the first screen knows of lessons, kept tiny: whether the lesson layer is wanted (a lesson
// in progress, a `#lesson=` link, or the learner asked), the L shortcut, and the link format. The
// layer itself (store, parser, lessons, pane) is a lazy chunk.
import { useEffect } from "react";
import { createStore, useStore } from "zustand";
import { LESSONS_KEY } from "../../store/lesson-persistence.ts";

interface Entry {
  /** The lesson layer is loaded (or loading). */
  wanted: boolean;
  /** Open the browser as soon as the layer is there. */
  openBrowser: boolean;
}

/** `#lesson=ID&step=N` (N counted from 1, as the pane shows it); null when the fragment has no lesson. */
export function lessonLink(hash: string): { id: string; step: number } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const id = params.get("lesson");
  if (!id) return null;
  const n = Number(params.get("step") ?? "1");
  return { id, step: Number.isSafeInteger(n) && n >= 1 ? n - 1 : 0 };
}

export function lessonLinkFor(id: string, step: number): string {
  return `#lesson=${encodeURIComponent(id)}&step=${step + 1}`;
}

function lessonInProgress(): boolean {
  try {
    return /"active":\{/.test(window.localStorage.getItem(LESSONS_KEY) ?? "");
  } catch {
    return false;
  }
}

export const lessonEntry = createStore<Entry>()(() => ({
  wanted:
    typeof window !== "undefined" &&
    (lessonInProgress() || lessonLink(window.location.hash) !== null),
  openBrowser: false,
}));

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
