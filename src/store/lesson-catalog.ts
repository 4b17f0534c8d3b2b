// The lessons as the browser has them: the built-in ones (the same YAML files the CLI reads,
// bundled as text by Vite), parsed once on first use, and the teacher's own ("Your lessons"),
// kept with their YAML source in the page's storage. Kept apart from the first screen: the parser
// brings ajv.
//
// A custom lesson is known as `custom:<its id>`, never by its bare id: a file whose id is
// `static-binding` must not silently replace the built-in lesson (nor take over its progress), and
// a `#lesson=static-binding` link must still mean the built-in one.
import { parseLesson } from "../lessons/parse.ts";
import { BUILTIN_LESSON_IDS } from "../lessons/builtin/index.ts";
import { builtinLessonText } from "../lessons/builtin/load-browser.ts";
import type { Lesson } from "../lessons/types.ts";
import { generateDrill, parseDrillId, type Drill } from "../lessons/drills/index.ts";
import {
  loadCustomLessons,
  saveCustomLessons,
  type SavedCustomLesson,
} from "./lesson-persistence.ts";
import { pageStorage } from "./page-storage.ts";
import type { KeyValueStorage } from "./persistence.ts";

let cache: Lesson[] | undefined;

/** Every built-in lesson that parses, in course order (a broken file is left out, never thrown). */
export function builtinLessons(): Lesson[] {
  if (cache) return cache;
  cache = [];
  for (const id of BUILTIN_LESSON_IDS) {
    const text = builtinLessonText(id);
    if (text === undefined) continue;
    const r = parseLesson(text, `lessons/${id}.yaml`);
    if (r.ok) cache.push(r.lesson);
  }
  return cache;
}

/**
 * A lesson by catalog id: built in, the teacher's own (`custom:…`), or a CKA practice drill
 * (`drill:SEED`, generated on demand, so a `#lesson=drill:42` link, a reload and the embed's
 * `lesson: 'drill:42'` all give the same drill).
 */
export function findLesson(id: string): Lesson | undefined {
  return findDrill(id)?.lesson ?? allLessons().find((l) => l.id === id);
}

// Drills are generated, not listed: kept once made, so the pane re-renders with the very same
// lesson object (the goal checks and the pane compare by identity), and bounded, as a learner may
// try hundreds.
const drills = new Map<number, Drill>();
const DRILLS_KEPT = 20;

/** The drill behind a `drill:SEED` id (its explanation, time limit and fix); undefined for any other id. */
export function findDrill(id: string): Drill | undefined {
  const seed = parseDrillId(id);
  if (seed === undefined) return undefined;
  let drill = drills.get(seed);
  if (!drill) {
    drill = generateDrill(seed);
    drills.set(seed, drill);
    if (drills.size > DRILLS_KEPT) drills.delete(drills.keys().next().value!);
  }
  return drill;
}

export function isDrillId(id: string): boolean {
  return parseDrillId(id) !== undefined;
}

/** The built-in lessons, then the teacher's own: what the lesson store finds lessons in. */
export function allLessons(): Lesson[] {
  return [...builtinLessons(), ...customLessons()];
}

export const CUSTOM_PREFIX = "custom:";

export function isCustomLessonId(id: string): boolean {
  return id.startsWith(CUSTOM_PREFIX);
}

interface CustomEntry {
  /** `custom:<id>`, the lesson's id in the catalog (and its progress key). */
  lesson: Lesson;
  text: string;
}

let storage: KeyValueStorage | undefined;
let custom: CustomEntry[] | undefined;

/** Which storage custom lessons live in (tests: a fresh one is a reload). Forgets what was read. */
export function setCustomLessonStorage(s: KeyValueStorage | undefined): void {
  storage = s;
  custom = undefined;
}

function entries(): CustomEntry[] {
  if (custom) return custom;
  storage ??= pageStorage();
  custom = [];
  for (const saved of loadCustomLessons(storage)) {
    // Checked again as it is read back: a file that no longer parses (the format moved on) is left out.
    const r = parseLesson(saved.text, `${saved.id}.yaml`);
    if (r.ok && r.lesson.id === saved.id) custom.push(entryOf(r.lesson, saved.text));
  }
  return custom;
}

function entryOf(lesson: Lesson, text: string): CustomEntry {
  return { lesson: { ...lesson, id: `${CUSTOM_PREFIX}${lesson.id}` }, text };
}

/** The teacher's own lessons, in the order they were first opened, each with its `custom:` id. */
export function customLessons(): Lesson[] {
  return entries().map((e) => e.lesson);
}

/** The YAML a custom lesson was opened from (what its share link carries). */
export function customLessonText(id: string): string | undefined {
  return entries().find((e) => e.lesson.id === id)?.text;
}

/**
 * Adds (or, for the same id, replaces) a lesson the teacher opened, and saves it. Returns its
 * catalog id, and `unsaved` when the browser could not keep it: it is there until the page goes.
 */
export function registerCustomLesson(
  lesson: Lesson,
  sourceText: string,
): { id: string; unsaved?: string } {
  const entry = entryOf(lesson, sourceText);
  const list = entries();
  const at = list.findIndex((e) => e.lesson.id === entry.lesson.id);
  custom = at >= 0 ? list.map((e, i) => (i === at ? entry : e)) : [...list, entry];
  const problem = saveCustomLessons(storage, custom.map(savedOf));
  return problem
    ? { id: entry.lesson.id, unsaved: `Your lesson is not kept after a reload: ${problem}.` }
    : { id: entry.lesson.id };
}

export function removeCustomLesson(id: string): void {
  custom = entries().filter((e) => e.lesson.id !== id);
  saveCustomLessons(storage, custom.map(savedOf));
}

function savedOf(e: CustomEntry): SavedCustomLesson {
  return { id: e.lesson.id.slice(CUSTOM_PREFIX.length), text: e.text };
}

/** Lessons by topic, topics in the order their first lesson comes in the course. */
export function lessonsByTopic(
  lessons: readonly Lesson[] = builtinLessons(),
): { topic: string; lessons: Lesson[] }[] {
  const groups = new Map<string, Lesson[]>();
  for (const l of lessons) {
    const g = groups.get(l.topic);
    if (g) g.push(l);
    else groups.set(l.topic, [l]);
  }
  return [...groups].map(([topic, ls]) => ({ topic, lessons: ls }));
}
