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

export function loadLessons(
  storage: KeyValueStorage | undefined,
): SavedLessons {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(LESSONS_KEY) ?? "null");
  } catch {
    raw = null;
  }
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
