import { afterEach, describe, expect, it } from "vitest";
import { builtinLessonText } from "../lessons/builtin/load-browser.ts";
import { parseLesson } from "../lessons/parse.ts";
import type { Lesson } from "../lessons/types.ts";
import { createAppStore } from "./app-store.ts";
import {
  allLessons,
  builtinLessons,
  customLessons,
  customLessonText,
  findDrill,
  findLesson,
  isDrillId,
  registerCustomLesson,
  removeCustomLesson,
  setCustomLessonStorage,
} from "./lesson-catalog.ts";
import { CUSTOM_LESSONS_KEY, LESSONS_KEY } from "./lesson-persistence.ts";
import { createLessonStore } from "./lesson-store.ts";
import { generateDrill } from "../lessons/drills/index.ts";
import type { KeyValueStorage } from "./persistence.ts";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** static-binding's file under another title (and, if asked, another id). */
function ownLesson(title: string, id = "static-binding"): { lesson: Lesson; text: string } {
  const text = builtinLessonText("static-binding")!
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^id: .*$/m, `id: ${id}`);
  const r = parseLesson(text, "mine.yaml");
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return { lesson: r.lesson, text };
}

afterEach(() => setCustomLessonStorage(undefined));

describe("custom lessons in the catalog", () => {
  it("never shadow a built-in lesson of the same id", () => {
    setCustomLessonStorage(memoryStorage());
    const builtinTitle = findLesson("static-binding")!.title;
    const { lesson, text } = ownLesson("My static binding");
    const { id, unsaved } = registerCustomLesson(lesson, text);
    expect(id).toBe("custom:static-binding");
    expect(unsaved).toBeUndefined();
    expect(findLesson("static-binding")!.title).toBe(builtinTitle);
    expect(findLesson("custom:static-binding")!.title).toBe("My static binding");
    expect(allLessons()).toHaveLength(builtinLessons().length + 1);
    expect(builtinLessons().some((l) => l.id.startsWith("custom:"))).toBe(false);
  });

  it("survive a reload, are replaced by a newer version of the same id, and can be removed", () => {
    const storage = memoryStorage();
    setCustomLessonStorage(storage);
    registerCustomLesson(ownLesson("First", "mine-a").lesson, ownLesson("First", "mine-a").text);
    registerCustomLesson(ownLesson("Second", "mine-b").lesson, ownLesson("Second", "mine-b").text);
    const v2 = ownLesson("First, fixed", "mine-a");
    registerCustomLesson(v2.lesson, v2.text);

    setCustomLessonStorage(storage); // a reload: read back from storage alone
    expect(customLessons().map((l) => [l.id, l.title])).toEqual([
      ["custom:mine-a", "First, fixed"],
      ["custom:mine-b", "Second"],
    ]);
    expect(customLessonText("custom:mine-a")).toBe(v2.text);

    removeCustomLesson("custom:mine-a");
    setCustomLessonStorage(storage);
    expect(customLessons().map((l) => l.id)).toEqual(["custom:mine-b"]);
    expect(findLesson("custom:mine-a")).toBeUndefined();
  });

  it("leave out a saved lesson that no longer parses, and tolerate junk in storage", () => {
    const storage = memoryStorage();
    storage.setItem(CUSTOM_LESSONS_KEY, JSON.stringify([{ id: "x", text: "id: x\n" }, 42, { id: 1 }]));
    setCustomLessonStorage(storage);
    expect(customLessons()).toEqual([]);
    storage.setItem(CUSTOM_LESSONS_KEY, "{not json");
    setCustomLessonStorage(storage);
    expect(customLessons()).toEqual([]);
  });

  it("say so when the browser cannot keep the lesson, and keep it for the page", () => {
    setCustomLessonStorage({
      getItem: () => null,
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
    });
    const { lesson, text } = ownLesson("Mine", "mine");
    expect(registerCustomLesson(lesson, text)).toEqual({
      id: "custom:mine",
      unsaved: "Your lesson is not kept after a reload: the browser's storage for this site is full.",
    });
    expect(findLesson("custom:mine")?.title).toBe("Mine");
  });

  it("cap what all of them keep together", () => {
    const storage = memoryStorage();
    setCustomLessonStorage(storage);
    const padding = `# ${"x".repeat(250 * 1024)}\n`;
    const results = [1, 2, 3, 4, 5].map((n) => {
      const { lesson, text } = ownLesson(`Big ${n}`, `big-${n}`);
      return registerCustomLesson(lesson, text + padding).unsaved;
    });
    expect(results.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(results[4]).toMatch(/^Your lesson is not kept after a reload: your lessons together would take 1\.\d MB, more than the 1\.0 MB kept in this browser \(remove one first\)\.$/);
  });

  it("let the lesson store resume a custom lesson in progress after a reload", async () => {
    const storage = memoryStorage();
    setCustomLessonStorage(storage);
    const { lesson, text } = ownLesson("Mine", "mine");
    const { id } = registerCustomLesson(lesson, text);
    const app = createAppStore({ storage });
    const lessons = createLessonStore({ app, lessons: allLessons, storage });
    await lessons.getState().start(id, 1);
    expect(lessons.getState().active?.id).toBe("custom:mine");
    expect(JSON.parse(storage.getItem(LESSONS_KEY)!).progress["custom:mine"]).toEqual({ step: 1, done: false });

    // The reload: a new catalog read and a new store over the same storage.
    setCustomLessonStorage(storage);
    const again = createLessonStore({ app: createAppStore({ storage }), lessons: allLessons, storage });
    expect(again.getState().active).toMatchObject({ id: "custom:mine", step: 1 });
    expect(again.getState().progress["static-binding"]).toBeUndefined();
  });
});

describe("drills in the catalog", () => {
  it("are found by `drill:SEED`, the same drill each time (what a link or a reload relies on)", () => {
    const drill = generateDrill(42);
    expect(findLesson("drill:42")).toEqual(drill.lesson);
    expect(findLesson("drill:42")).toBe(findLesson("drill:42"));
    expect(findDrill("drill:42")).toMatchObject({ explanation: drill.explanation, timeLimitSeconds: drill.timeLimitSeconds, fix: drill.fix });
    expect(findLesson("drill:43")!.id).toBe("drill:43");
    expect(isDrillId("drill:7")).toBe(true);
  });

  it("are not listed with the course, and nothing else is taken for one", () => {
    expect(allLessons().some((l) => l.id.startsWith("drill:"))).toBe(false);
    for (const id of ["drill:", "drill:-1", "drill:1.5", "drill:abc", "drill:1234567890", "Drill:1"]) {
      expect(findLesson(id)).toBeUndefined();
      expect(isDrillId(id)).toBe(false);
    }
    expect(findDrill("static-binding")).toBeUndefined();
  });

  it("let the lesson store start a drill and resume it after a reload", async () => {
    const storage = memoryStorage();
    setCustomLessonStorage(storage);
    const app = createAppStore({ storage });
    const lessons = createLessonStore({ app, lessons: allLessons, find: findLesson, storage });
    await lessons.getState().start("drill:42");
    expect(lessons.getState().error).toBeNull();
    expect(lessons.getState().active?.id).toBe("drill:42");
    expect(lessons.getState().results.map((r) => r.met)).toEqual([false, false]);

    const again = createLessonStore({ app: createAppStore({ storage }), lessons: allLessons, find: findLesson, storage });
    expect(again.getState().active).toMatchObject({ id: "drill:42", step: 0 });
  });
});
