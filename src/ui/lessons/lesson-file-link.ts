// A teacher's own lesson as a link: `#lessonfile=v1.<base64url of deflate-raw(YAML)>&step=N`. The
// lesson travels whole in the fragment (never sent to a server), compressed exactly as session
// share links are (share-link.ts's helpers), so a colleague or a class opens it with nothing
// installed. Decoding treats the link as hostile: a cut or garbled link, a zip bomb or a newer
// format each get their own sentence, and inflating stops at the lesson file's size cap.
import {
  MAX_FRAGMENT_CHARS,
  fromBase64Url,
  inflateCapped,
  pipeBytes,
  toBase64Url,
} from "../../store/share-link.ts";
import {
  customLessonText,
  isCustomLessonId,
} from "../../store/lesson-catalog.ts";
import { MAX_LESSON_FILE_BYTES } from "../../store/lesson-persistence.ts";
import { lessonLinkFor } from "./lesson-entry.ts";

export const LESSON_FILE_FORMAT = 1;
/** Longer links may be cut by chat apps and some mail clients; the preview says so. */
export const LONG_LINK_CHARS = 8_000;

/** `#lessonfile=v1.…&step=N` for a lesson's YAML, opening at `step` (0-based). */
export async function lessonFileFragment(
  text: string,
  step = 0,
): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const deflated = await pipeBytes(bytes, new CompressionStream("deflate-raw"));
  return `#lessonfile=v${LESSON_FILE_FORMAT}.${toBase64Url(deflated)}&step=${step + 1}`;
}

/** The YAML a `lessonfile` link carries, or why it cannot be read. */
export async function decodeLessonFilePayload(
  payload: string,
): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const fail = (why: string) => ({
    ok: false as const,
    error: `This lesson link cannot be opened: ${why}.`,
  });
  if (payload.length > MAX_FRAGMENT_CHARS)
    return fail(`it is too long (${payload.length.toLocaleString("en")} characters)`);
  const version = /^v(\d+)\./.exec(payload);
  if (!version)
    return fail(`it does not start with a format version (expected "v${LESSON_FILE_FORMAT}.")`);
  const format = Number(version[1]);
  if (format > LESSON_FILE_FORMAT)
    return fail(`it was made by a newer playground (format v${format})`);
  if (format !== LESSON_FILE_FORMAT) return fail(`unknown link format v${format}`);
  const bytes = fromBase64Url(payload.slice(version[0].length));
  if (typeof bytes === "string") return fail(bytes);
  const inflated = await inflateCapped(bytes, MAX_LESSON_FILE_BYTES, "the lesson");
  if (typeof inflated === "string") return fail(inflated);
  try {
    return {
      ok: true,
      text: new TextDecoder("utf-8", { fatal: true }).decode(inflated),
    };
  } catch {
    return fail("the lesson text is not valid UTF-8");
  }
}

/**
 * The fragment that opens a lesson at a step: a built-in lesson by its id (short), the teacher's
 * own with its whole text (a stranger's browser has never seen it).
 */
export async function lessonShareFragment(
  id: string,
  step: number,
): Promise<string> {
  const text = isCustomLessonId(id) ? customLessonText(id) : undefined;
  return text !== undefined
    ? lessonFileFragment(text, step)
    : lessonLinkFor(id, step);
}
