// What a learner's lessons keep across reloads: per lesson, the step reached and whether it is
// done; and the lesson in progress (its step, where that step began on the timeline, the commands
// recorded since it started, the failed attempts and the learner's own editor text kept aside).
// The cluster itself comes back with the saved session (persistence.ts). Reads are tolerant, as
// persistence.ts's are: anything missing or malformed falls back to "no progress".
import type { CommandRecord } from "../lessons/types.ts";
import type { KeyValueStorage } from "./persistence.ts";

export const LESSONS_KEY = "k8s-storage-playground.lessons";

export interface LessonProgress {
  /** 0-based index of the step reached. */
  step: number;
  done: boolean;
}

export interface ActiveLessonSaved {
  id: string;
  step: number;
  /** How many timeline actions there were when the lesson (after its setup) began. */
  startActions: number;
  /** How many timeline actions there were when the current step began ("Reset step" goes back there). */
  stepActions: number;
  /** The learner's commands since the lesson began (what `used`, `output` and `error` checks read). */
  history: CommandRecord[];
  /** history.length when the step began. */
  stepHistory: number;
  failedAttempts: number;
  /** The learner's editor text from before the lesson, put back on leaving it. */
  aside: string;
}

export interface SavedLessons {
  progress: Record<string, LessonProgress>;
  active: ActiveLessonSaved | null;
}

/** The most command records kept (their output included); the oldest go first. */
export const HISTORY_KEEP = 200;

/** What a key holds, parsed; null when it is missing, unreadable or not JSON (a reload never throws). */
function readSaved(storage: KeyValueStorage | undefined, key: string): unknown {
  try {
    return JSON.parse(storage?.getItem(key) ?? "null") as unknown;
  } catch {
    return null;
  }
}

export function loadLessons(
  storage: KeyValueStorage | undefined,
): SavedLessons {
  const raw = readSaved(storage, LESSONS_KEY);
  const progress: Record<string, LessonProgress> = Object.create(
    null,
  ) as Record<string, LessonProgress>;
  if (!isRecord(raw)) return { progress, active: null };
  if (isRecord(raw.progress)) {
    for (const [id, p] of Object.entries(raw.progress)) {
      if (isRecord(p) && isIndex(p.step) && typeof p.done === "boolean")
        progress[id] = { step: p.step, done: p.done };
    }
  }
  return { progress, active: parseActive(raw.active) };
}

export function saveLessons(
  storage: KeyValueStorage | undefined,
  saved: SavedLessons,
): boolean {
  if (!storage) return false;
  try {
    const active = saved.active
      ? { ...saved.active, history: saved.active.history.slice(-HISTORY_KEEP) }
      : null;
    storage.setItem(
      LESSONS_KEY,
      JSON.stringify({ progress: saved.progress, active }),
    );
    return true;
  } catch {
    return false;
  }
}

function parseActive(a: unknown): ActiveLessonSaved | null {
  if (!isRecord(a) || typeof a.id !== "string" || typeof a.aside !== "string")
    return null;
  if (
    ![
      a.step,
      a.startActions,
      a.stepActions,
      a.stepHistory,
      a.failedAttempts,
    ].every(isIndex)
  )
    return null;
  if (!Array.isArray(a.history)) return null;
  const history = a.history.filter(
    (r): r is CommandRecord =>
      isRecord(r) &&
      typeof r.text === "string" &&
      typeof r.stdout === "string" &&
      typeof r.stderr === "string" &&
      typeof r.exitCode === "number",
  );
  return {
    id: a.id,
    step: a.step as number,
    startActions: a.startActions as number,
    stepActions: a.stepActions as number,
    history,
    stepHistory: Math.min(a.stepHistory as number, history.length),
    failedAttempts: a.failedAttempts as number,
    aside: a.aside,
  };
}

function isIndex(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// A teacher's own lessons (opened from a file, the editor or a `#lessonfile=` link) keep their
// YAML source here, apart from the progress: progress is rewritten after every action, and a
// lesson's text need not be rewritten with it. Progress stays under LESSONS_KEY, keyed by the
// catalog's `custom:<id>`.
export const CUSTOM_LESSONS_KEY = "k8s-storage-playground.lessons.custom";

/** A lesson file larger than this is refused (the built-in ones are 3-8 KB). */
export const MAX_LESSON_FILE_BYTES = 256 * 1024;
/** All custom lessons together: localStorage holds ~5 MB per site, shared with the saved session. */
export const MAX_CUSTOM_LESSONS_BYTES = 1024 * 1024;

export interface SavedCustomLesson {
  /** The lesson's own id (from its file), without the catalog's `custom:` prefix. */
  id: string;
  text: string;
}

export function loadCustomLessons(
  storage: KeyValueStorage | undefined,
): SavedCustomLesson[] {
  const raw = readSaved(storage, CUSTOM_LESSONS_KEY);
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (l): l is SavedCustomLesson =>
      isRecord(l) && typeof l.id === "string" && typeof l.text === "string",
  );
}

/** Saves the list; null when saved, else why not, in words for the teacher. */
export function saveCustomLessons(
  storage: KeyValueStorage | undefined,
  lessons: readonly SavedCustomLesson[],
): string | null {
  if (!storage) return "this browser does not let the page keep anything";
  const json = JSON.stringify(lessons.map(({ id, text }) => ({ id, text })));
  if (json.length > MAX_CUSTOM_LESSONS_BYTES)
    return `your lessons together would take ${sizeLabel(json.length)}, more than the ${sizeLabel(MAX_CUSTOM_LESSONS_BYTES)} kept in this browser (remove one first)`;
  try {
    storage.setItem(CUSTOM_LESSONS_KEY, json);
    return null;
  } catch {
    return "the browser's storage for this site is full";
  }
}

/** `5.0 MB`, `12 KB`, `900 bytes`. */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString("en")} KB`;
  return `${bytes} bytes`;
}

// CKA practice drills: the learner's last attempts, each with when it began (wall-clock ms, so a
// reload, or a tab left overnight, gives the true time taken rather than a paused counter), when
// it ended and how. Apart from the progress, which the lesson store rewrites on every action.
export const DRILL_ATTEMPTS_KEY = "k8s-storage-playground.lessons.drills";

/** The most attempts kept, newest first (the browser shows the first few). */
export const DRILL_ATTEMPTS_KEEP = 20;

export type DrillOutcome = "solved" | "gave-up" | "left";

export interface DrillAttempt {
  /** `drill:SEED`. */
  id: string;
  /** Date.now() when the drill's cluster was ready. */
  startedAt: number;
  limitSeconds: number;
  endedAt?: number;
  outcome?: DrillOutcome;
  /** The solution was shown or "Do it for me" was used before the end. */
  helped?: boolean;
}

const OUTCOMES: readonly string[] = ["solved", "gave-up", "left"];

export function loadDrillAttempts(
  storage: KeyValueStorage | undefined,
): DrillAttempt[] {
  const raw = readSaved(storage, DRILL_ATTEMPTS_KEY);
  if (!Array.isArray(raw)) return [];
  const ok = (n: unknown): n is number => Number.isFinite(n) && (n as number) >= 0;
  return raw
    .filter(
      (a): a is DrillAttempt =>
        isRecord(a) &&
        typeof a.id === "string" &&
        ok(a.startedAt) &&
        ok(a.limitSeconds) &&
        (a.endedAt === undefined || ok(a.endedAt)) &&
        (a.outcome === undefined || OUTCOMES.includes(a.outcome as string)),
    )
    .map(({ helped, ...rest }) => (helped === true ? { ...rest, helped } : rest))
    .slice(0, DRILL_ATTEMPTS_KEEP);
}

export function saveDrillAttempts(
  storage: KeyValueStorage | undefined,
  attempts: readonly DrillAttempt[],
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(
      DRILL_ATTEMPTS_KEY,
      JSON.stringify(attempts.slice(0, DRILL_ATTEMPTS_KEEP)),
    );
    return true;
  } catch {
    return false;
  }
}
