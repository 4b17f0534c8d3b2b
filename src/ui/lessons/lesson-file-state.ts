// The lesson waiting in the preview: read from a file, the editor's text or a `#lessonfile=` link,
// shown (LessonPreview.tsx) before anything of it runs, then started or dropped. Starting
// registers it in the catalog (so it is under "Your lessons" and survives a reload) and hands it
// to the lesson store like any built-in lesson.
import { createStore, useStore } from "zustand";
import {
  registerCustomLesson,
} from "../../store/lesson-catalog.ts";
import {
  readLessonText,
  sizeProblem,
  type LessonFileRead,
} from "./lesson-file.ts";
import { decodeLessonFilePayload } from "./lesson-file-link.ts";
import { lessonStore } from "./lesson-instance.ts";

export type LessonOrigin = "file" | "editor" | "link";

export interface PreviewRequest {
  /** What the problems are reported against: the file's name, `manifest.yaml` (the editor), `lesson link`. */
  source: string;
  origin: LessonOrigin;
  read: LessonFileRead;
  /** The step to open at (0-based): a link's `step`, else the first. */
  step: number;
}

export interface PreviewState {
  request: PreviewRequest | null;
  /** Start was pressed: the lesson's cluster is being built (its setup replayed). */
  starting: boolean;
  /** Why the lesson could not start (a setup past the replay's time budget), shown in the preview. */
  startError: string | null;
}

export const lessonFilePreview = createStore<PreviewState>()(() => ({
  request: null,
  starting: false,
  startError: null,
}));

export function useLessonFilePreview<T>(selector: (s: PreviewState) => T): T {
  return useStore(lessonFilePreview, selector);
}

/** A new lesson in the preview (what was being started or refused before is forgotten). */
function show(request: PreviewRequest): void {
  lessonFilePreview.setState({ request, starting: false, startError: null });
}

export function previewText(
  text: string,
  source: string,
  origin: LessonOrigin,
  step = 0,
): void {
  show({ source, origin, step, read: readLessonText(text, source) });
}

/** A chosen or dropped file: its size is checked before a byte of it is read. */
export async function previewFile(file: File): Promise<void> {
  const tooLarge = sizeProblem(file.size);
  if (tooLarge) {
    show({
      source: file.name,
      origin: "file",
      step: 0,
      read: { ok: false, problems: [tooLarge] },
    });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    show({
      source: file.name,
      origin: "file",
      step: 0,
      read: { ok: false, problems: [{ message: "The browser could not read the file." }] },
    });
    return;
  }
  previewText(text, file.name, "file");
}

export const LINK_SOURCE = "lesson link";

/** A `#lessonfile=` link's payload: decoded, then previewed (a damaged link shows why). */
export async function previewLink(payload: string, step: number): Promise<void> {
  const decoded = await decodeLessonFilePayload(payload);
  if (!decoded.ok) {
    show({
      source: LINK_SOURCE,
      origin: "link",
      step,
      read: { ok: false, problems: [{ message: decoded.error }] },
    });
    return;
  }
  previewText(decoded.text, LINK_SOURCE, "link", step);
}

export function closePreview(): void {
  if (lessonFilePreview.getState().starting) return; // the start finishes (or fails) first
  lessonFilePreview.setState({ request: null, startError: null });
}

/**
 * Registers the previewed lesson and starts it at its step (the lesson store clamps the step).
 * The preview stays up while the lesson's cluster is built, so a setup that cannot finish (past
 * the replay's time budget) is reported where the teacher pressed Start.
 */
export async function startPreviewed(): Promise<void> {
  const { request, starting } = lessonFilePreview.getState();
  if (!request?.read.ok || starting) return;
  const { id, unsaved } = registerCustomLesson(
    request.read.lesson,
    request.read.text,
  );
  lessonFilePreview.setState({ starting: true, startError: null });
  await lessonStore.getState().start(id, request.step);
  const { active, error } = lessonStore.getState();
  if (active?.id !== id) {
    lessonFilePreview.setState({
      starting: false,
      startError: error ?? "The lesson could not start.",
    });
    // Said in the preview, where Start was pressed: not again by the lesson toast or pane behind it.
    lessonStore.setState({ error: null });
    return;
  }
  lessonFilePreview.setState({ request: null, starting: false, startError: null });
  if (unsaved && !error) lessonStore.setState({ error: unsaved });
}
