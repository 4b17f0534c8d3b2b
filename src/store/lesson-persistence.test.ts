import { describe, expect, it } from "vitest";
import {
  CUSTOM_LESSONS_KEY,
  DRILL_ATTEMPTS_KEY,
  DRILL_ATTEMPTS_KEEP,
  loadDrillAttempts,
  saveDrillAttempts,
  LESSONS_KEY,
  loadCustomLessons,
  loadLessons,
  saveCustomLessons,
  saveLessons,
  sizeLabel,
} from "./lesson-persistence.ts";
import type { KeyValueStorage } from "./persistence.ts";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("lesson persistence", () => {
  it("keeps progress and custom lesson texts under separate keys", () => {
    const storage = memoryStorage();
    saveLessons(storage, { progress: { "custom:a": { step: 2, done: false } }, active: null });
    expect(saveCustomLessons(storage, [{ id: "a", text: "id: a\n" }])).toBeNull();
    // Progress written again (as after every action) leaves the lesson texts alone.
    saveLessons(storage, { progress: { "custom:a": { step: 3, done: true } }, active: null });
    expect(loadCustomLessons(storage)).toEqual([{ id: "a", text: "id: a\n" }]);
    expect(loadLessons(storage).progress["custom:a"]).toEqual({ step: 3, done: true });
    expect([...storage.data.keys()].sort()).toEqual([LESSONS_KEY, CUSTOM_LESSONS_KEY].sort());
  });

  it("reads nothing from junk and says why it cannot save", () => {
    const storage = memoryStorage();
    storage.setItem(CUSTOM_LESSONS_KEY, '{"a":1}');
    expect(loadCustomLessons(storage)).toEqual([]);
    expect(loadCustomLessons(undefined)).toEqual([]);
    expect(saveCustomLessons(undefined, [])).toBe("this browser does not let the page keep anything");
  });

  it("labels sizes as a teacher reads them", () => {
    expect(sizeLabel(900)).toBe("900 bytes");
    expect(sizeLabel(12 * 1024)).toBe("12 KB");
    expect(sizeLabel(5 * 1024 * 1024)).toBe("5.0 MB");
  });
});

describe("drill attempts", () => {
  it("come back as saved, newest first, apart from the progress", () => {
    const storage = memoryStorage();
    const attempts = [
      { id: "drill:2", startedAt: 2000, limitSeconds: 360 },
      { id: "drill:1", startedAt: 1000, limitSeconds: 420, endedAt: 1500, outcome: "solved" as const, helped: true },
    ];
    expect(saveDrillAttempts(storage, attempts)).toBe(true);
    saveLessons(storage, { progress: {}, active: null });
    expect(loadDrillAttempts(storage)).toEqual(attempts);
    expect(storage.data.has(DRILL_ATTEMPTS_KEY)).toBe(true);
  });

  it("keep the newest few and drop malformed entries", () => {
    const storage = memoryStorage();
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `drill:${i}`, startedAt: i, limitSeconds: 60 }));
    saveDrillAttempts(storage, many);
    expect(loadDrillAttempts(storage).map((a) => a.id)).toEqual(many.slice(0, DRILL_ATTEMPTS_KEEP).map((a) => a.id));
    storage.setItem(
      DRILL_ATTEMPTS_KEY,
      JSON.stringify([{ id: "drill:1", startedAt: "x", limitSeconds: 60 }, { id: "drill:2", startedAt: 1, limitSeconds: 60, outcome: "won" }, { id: "drill:3", startedAt: 1, limitSeconds: 60, helped: "yes" }]),
    );
    expect(loadDrillAttempts(storage)).toEqual([{ id: "drill:3", startedAt: 1, limitSeconds: 60 }]);
    storage.setItem(DRILL_ATTEMPTS_KEY, "{oops");
    expect(loadDrillAttempts(storage)).toEqual([]);
    expect(saveDrillAttempts(undefined, [])).toBe(false);
  });
});
