import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { BUILTIN_LESSON_IDS } from "../../lessons/builtin/index.ts";
import { builtinLessonText } from "../../lessons/builtin/load-browser.ts";
import {
  registerCustomLesson,
  setCustomLessonStorage,
} from "../../store/lesson-catalog.ts";
import { toBase64Url } from "../../store/share-link.ts";
import { lessonFileLink } from "./lesson-entry.ts";
import {
  LONG_LINK_CHARS,
  decodeLessonFilePayload,
  lessonFileFragment,
  lessonShareFragment,
} from "./lesson-file-link.ts";
import { readLessonText } from "./lesson-file.ts";

async function deflate(bytes: Uint8Array): Promise<string> {
  const out = new Uint8Array(
    await new Response(
      new Blob([bytes as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new CompressionStream("deflate-raw")),
    ).arrayBuffer(),
  );
  return toBase64Url(out);
}

/** The text a fragment carries, through the same path the page takes (lesson-entry, then the decoder). */
async function roundTrip(fragment: string) {
  const link = lessonFileLink(fragment);
  if (!link) throw new Error(`not a lessonfile link: ${fragment}`);
  return { step: link.step, decoded: await decodeLessonFilePayload(link.payload) };
}

async function errorOf(payload: string): Promise<string> {
  const r = await decodeLessonFilePayload(payload);
  if (r.ok) throw new Error("expected an error");
  return r.error;
}

afterEach(() => setCustomLessonStorage(undefined));

describe("lessonfile links", () => {
  it("round-trips any text, at any step, in url-safe characters", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.nat(50),
        async (text, step) => {
          const fragment = await lessonFileFragment(text, step);
          expect(fragment).toMatch(/^#lessonfile=v1\.[A-Za-z0-9_-]*&step=\d+$/);
          const r = await roundTrip(fragment);
          expect(r.step).toBe(step);
          // An empty text deflates to bytes too; what comes back is exactly what went in.
          expect(r.decoded).toEqual({ ok: true, text });
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it("refuses garbled and cut links with a sentence saying why", async () => {
    const fragment = await lessonFileFragment(
      builtinLessonText("static-binding")!,
    );
    const payload = lessonFileLink(fragment)!.payload;
    // Cut in the middle of its data, as a chat app may do with a long link.
    expect(await errorOf(payload.slice(0, Math.floor(payload.length / 2)))).toMatch(
      /^This lesson link cannot be opened: (the compressed data is damaged \(was the link cut off when it was copied\?\)|the link's data has an impossible length \(was it cut off\?\))\.$/,
    );
    expect(await errorOf(`${payload.slice(0, 40)}%20${payload.slice(40)}`)).toBe(
      'This lesson link cannot be opened: the link contains "%" at position 38 of its data, which base64url does not use.',
    );
    expect(await errorOf("hello")).toBe(
      'This lesson link cannot be opened: it does not start with a format version (expected "v1.").',
    );
    expect(await errorOf("v7.AAAA")).toBe(
      "This lesson link cannot be opened: it was made by a newer playground (format v7).",
    );
    expect(await errorOf("v1.")).toBe(
      "This lesson link cannot be opened: the link holds no data.",
    );
    expect(await errorOf(`v1.${await deflate(new Uint8Array([0xff, 0xfe, 0x41]))}`)).toBe(
      "This lesson link cannot be opened: the lesson text is not valid UTF-8.",
    );
  });

  it("stops inflating a zip bomb at the lesson file cap", async () => {
    const bomb = `v1.${await deflate(new Uint8Array(20 * 1024 * 1024).fill(0x61))}`;
    expect(bomb.length).toBeLessThan(40_000);
    expect(await errorOf(bomb)).toBe(
      "This lesson link cannot be opened: the lesson is larger than 256 KB when decompressed.",
    );
  }, 30_000);

  it("keeps every built-in lesson's link well under the length chat apps cut", async () => {
    const lengths: string[] = [];
    for (const id of BUILTIN_LESSON_IDS) {
      const text = builtinLessonText(id)!;
      const fragment = await lessonFileFragment(text);
      // The link as a teacher pastes it: origin and path come first.
      const link = `https://example.org/playground/${fragment}`;
      lengths.push(`${id}: ${text.length} bytes of YAML -> ${link.length} characters`);
      expect(link.length).toBeLessThan(LONG_LINK_CHARS);
      const back = await roundTrip(fragment);
      expect(back.decoded.ok && readLessonText(back.decoded.text, "x.yaml").ok).toBe(true);
    }
    console.log(`lessonfile links of the built-in lessons:\n${lengths.join("\n")}`);
  });

  it("shares a built-in lesson by id and the teacher's own with its whole text", async () => {
    const mem = new Map<string, string>();
    setCustomLessonStorage({
      getItem: (k) => mem.get(k) ?? null,
      setItem: (k, v) => void mem.set(k, v),
    });
    expect(await lessonShareFragment("static-binding", 1)).toBe(
      "#lesson=static-binding&step=2",
    );
    const text = builtinLessonText("static-binding")!.replace(
      /^title: .*$/m,
      "title: My own binding lesson",
    );
    const read = readLessonText(text, "mine.yaml");
    if (!read.ok) throw new Error("the lesson should read");
    const { id } = registerCustomLesson(read.lesson, text);
    const fragment = await lessonShareFragment(id, 2);
    const r = await roundTrip(fragment);
    expect(r).toEqual({ step: 2, decoded: { ok: true, text } });
  });
});
