// The lesson in progress, beside the app store. It computes no cluster behaviour: the cluster is
// the app store's (started from the lesson's preset, seed and setup through a replayed session, so
// everything lands on the timeline), goals are checked by src/lessons (evaluateStep) over the
// shown cluster, the steps since the lesson began and the commands the learner ran.
//
// The learner's commands are recorded by wrapping the app store's actions (the terminal's
// runCommand and the editor's Apply/Delete): the app store stays unaware of lessons, and what
// the wrapper records is exactly what the learner's action returned.
import { createStore, type StoreApi } from "zustand/vanilla";
import { parseScript } from "../commands/script/parse-script.ts";
import { evaluateStep, hintsFor } from "../lessons/run.ts";
import type {
  CommandRecord,
  GoalResult,
  Lesson,
  LessonStep,
} from "../lessons/types.ts";
import type { AppStore } from "./app-store.ts";
import {
  loadLessons,
  saveLessons,
  type ActiveLessonSaved,
  type LessonProgress,
} from "./lesson-persistence.ts";
import type { KeyValueStorage } from "./persistence.ts";
import {
  isLive,
  type RecordedAction,
  type Timeline,
} from "./timeline.ts";
import type { Step } from "../engine/cluster/state.ts";

export interface LessonState {
  active: ActiveLessonSaved | null;
  progress: Record<string, LessonProgress>;
  /** The current step's goals, checked after every action. */
  results: GoalResult[];
  /** The lesson browser is open. */
  browserOpen: boolean;
  /** A lesson is being started or a step reset (its session replays). */
  working: boolean;
  /** Why the last start, reset or "do it for me" failed, to show in the pane. */
  error: string | null;

  openBrowser: (open: boolean) => void;
  /** Checks the goals again (no attempt counted). */
  refresh: () => void;
  /** Resets the cluster to the lesson's preset and seed, runs its setup and (for step > 0) the earlier steps' solutions. */
  start: (id: string, step?: number) => Promise<void>;
  /** Leaves the lesson; the learner's own editor text comes back. */
  leave: () => void;
  /** "Check": an explicit attempt; unmet goals reveal one more hint. */
  check: () => void;
  nextStep: () => void;
  /** Back to the cluster and commands as they were when the step began. */
  resetStep: () => Promise<void>;
  /** Runs the step's reference solution through the terminal's path, so it is on the timeline. */
  doItForMe: () => Promise<void>;

  /** Lecture mode: the teacher steps through the lesson on a projector; null when not lecturing. */
  lecture: LectureState | null;
  setLecture: (on: boolean) => void;
  /** The clicker's "next" (→, PageDown, Space): what lectureMove says, done. */
  lectureNext: () => Promise<void>;
  /** The clicker's "previous" (←, PageUp): the step before, as text only; the cluster stays. */
  lecturePrev: () => void;
  /**
   * Opens a `#lesson=` link: the link's intent is explicit, so it starts without asking; a saved
   * session still being restored is waited for first, so Undo can bring it back.
   */
  openLink: (id: string, step: number, opts?: { lecture?: boolean }) => Promise<void>;
}

export interface LectureState {
  /** The furthest step shown in this lecture: below it the teacher is reviewing (text only). */
  furthest: number;
}

/**
 * What the lecture's "next" does now:
 * - `wait`: something runs (a lesson starting, the solution, an engine action);
 * - `playing`: a play-out is showing the controllers' steps (End skips it; "next" waits for it);
 * - `live`: the view is in the past: back to live first;
 * - `solve`: the step's goals are unmet: run its reference solution ("do it for me");
 * - `advance`: the goals are met (or the teacher went back to review): the next step's text;
 * - `done`: the last step's goals are met.
 */
export type LectureMove =
  | "wait"
  | "playing"
  | "live"
  | "solve"
  | "advance"
  | "done";

export function lectureMove(s: {
  steps: number;
  step: number;
  furthest: number;
  results: readonly Pick<GoalResult, "met">[];
  working: boolean;
  busy: boolean;
  playingOut: boolean;
  live: boolean;
}): LectureMove {
  // The solution's lines wait for each play-out (working stays on meanwhile): say what is seen.
  if (s.playingOut) return "playing";
  if (s.working || s.busy) return "wait";
  const last = s.step >= s.steps - 1;
  // Reviewing an earlier step: its goals are judged on a cluster that has moved on, so never re-run it.
  if (s.step < s.furthest) return "advance";
  if (!s.live) return "live";
  if (!allMet(s.results)) return "solve";
  return last ? "done" : "advance";
}

/**
 * The narration beside the lecture: the steps of the action under the cursor up to the frame
 * shown (never the ones still to come), each the controller's own summary, oldest first, and how
 * many steps the action has in all.
 */
export function actionNarration(t: Timeline): {
  shown: { frame: number; step: Step; current: boolean }[];
  total: number;
} {
  const at = t.frames[t.cursor];
  const shown: { frame: number; step: Step; current: boolean }[] = [];
  if (!at || at.action < 0) return { shown, total: 0 };
  let total = 0;
  t.frames.forEach((f, i) => {
    if (f.action !== at.action || !f.step) return;
    total++;
    if (i <= t.cursor)
      shown.push({ frame: i + t.dropped, step: f.step, current: i === t.cursor });
  });
  return { shown, total };
}

/**
 * Why a lesson's replay failed, in a lesson's words. The app store words a stopped replay for a
 * share link ("This link's replay stopped after 10 s: …, and a link gets 10 s at most"); a lesson
 * (built in, from a file or from a link) replays its own setup, so that is what stopped.
 */
export function replayFailure(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.name !== "ReplayStopped") return e.message;
  return e.message
    .replace(/^This link's replay stopped/, "preparing its cluster stopped")
    .replace(/, and a link gets (\S+ s) at most\.$/, ", and a lesson gets $1 at most.");
}

const LECTURE_KEY = "k8s-storage-playground.lecture";

function lectureSaved(storage: KeyValueStorage | undefined): boolean {
  try {
    return storage?.getItem(LECTURE_KEY) === "1";
  } catch {
    return false;
  }
}

/** Resolves once `ok` holds for the app's state (at once when it already does). */
function until(
  app: AppStore,
  ok: (s: ReturnType<AppStore["getState"]>) => boolean,
): Promise<void> {
  if (ok(app.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = app.subscribe((s) => {
      if (!ok(s)) return;
      stop();
      resolve();
    });
  });
}

export type LessonStore = StoreApi<LessonState>;

export interface LessonStoreOptions {
  app: AppStore;
  lessons: () => readonly Lesson[];
  /** Looks a lesson up by id (default: in `lessons()`); the catalog's also makes drills (`drill:SEED`). */
  find?: (id: string) => Lesson | undefined;
  storage?: KeyValueStorage;
}

/** The editor text for a step: its manifests as one multi-document file (the editor is manifest.yaml). */
export function stepEditorText(
  step: LessonStep | undefined,
): string | undefined {
  const ms = step?.manifests ?? [];
  if (ms.length === 0) return undefined;
  return ms
    .map((m) => (m.content.endsWith("\n") ? m.content : `${m.content}\n`))
    .join("---\n");
}

const EOF = "KUBESIM_LESSON_EOF";

/** Shell lines that write every manifest of the lesson as a file (so `kubectl apply -f pv.yaml` reads it). */
export function filesScript(lesson: Lesson): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const step of lesson.steps) {
    for (const m of step.manifests ?? []) {
      if (seen.has(m.name)) continue;
      seen.add(m.name);
      const body = m.content.endsWith("\n") ? m.content : `${m.content}\n`;
      lines.push(
        `cat > '${m.name.replace(/'/g, `'\\''`)}' <<'${EOF}'\n${body}${EOF}`,
      );
    }
  }
  return lines.join("\n");
}

/** The commands of a script, each as the shell runs it (a heredoc's body included). */
function commandsOf(script: string | undefined): string[] {
  if (!script) return [];
  const parsed = parseScript(script);
  return parsed.ok
    ? parsed.commands.map((c) => c.source.replace(/^\n+/, ""))
    : [];
}

/**
 * The timeline actions that bring a lesson to the start of step `upTo`: its setup, then the
 * solutions of the steps before it, as terminal lines; the first carries the lesson's files.
 * `upTo` = the number of steps gives the session at the lesson's end (what the bench measures).
 */
export function lessonActions(lesson: Lesson, upTo: number): RecordedAction[] {
  const lines = [
    ...commandsOf(lesson.setup),
    ...lesson.steps.slice(0, upTo).flatMap((st) => commandsOf(st.solution)),
  ];
  const files = filesScript(lesson);
  return lines.map((line, i) => ({
    action: {
      type: "command",
      line,
      ...(i === 0 && files ? { before: files } : {}),
    },
  }));
}

/** One record per command of a terminal line; the output goes with the last (it is the line's). */
function recordsOf(
  line: string,
  stdout: string,
  stderr: string,
  exitCode: number,
): CommandRecord[] {
  const parsed = parseScript(line);
  const texts =
    parsed.ok && parsed.commands.length > 0
      ? parsed.commands.map((c) => c.text)
      : [line.split("\n")[0]!];
  return texts.map((text, i) =>
    i === texts.length - 1
      ? { text, stdout, stderr, exitCode }
      : { text, stdout: "", stderr: "", exitCode: 0 },
  );
}

const metCount = (rs: readonly GoalResult[]) => rs.filter((r) => r.met).length;
export const allMet = (rs: readonly Pick<GoalResult, "met">[]) =>
  rs.length > 0 && rs.every((r) => r.met);

export function createLessonStore({
  app,
  lessons,
  find = (id: string) => lessons().find((l) => l.id === id),
  storage,
}: LessonStoreOptions): LessonStore {
  const saved = loadLessons(storage);
  const original = {
    runCommand: app.getState().runCommand,
    applyEditor: app.getState().applyEditor,
    applyDocument: app.getState().applyDocument,
    deleteDocument: app.getState().deleteDocument,
    undoReset: app.getState().undoReset,
  };
  // The Undo offer made by starting a lesson: taking it brings back the work and leaves the lesson.
  let undoneBy: ReturnType<AppStore["getState"]>["undoableReset"] = null;

  const store = createStore<LessonState>()((set, get) => {
    const evaluate = (): GoalResult[] => {
      const a = get().active;
      const lesson = a ? find(a.id) : undefined;
      if (!a || !lesson) return [];
      const { timeline, cluster } = app.getState();
      // The steps since the lesson began (after its setup), up to the frame shown.
      const steps = timeline.frames
        .slice(0, timeline.cursor + 1)
        .flatMap((f) => (f.step && f.action >= a.startActions ? [f.step] : []));
      return evaluateStep(lesson, Math.min(a.step, lesson.steps.length - 1), {
        state: cluster,
        steps,
        history: a.history,
      });
    };
    const refresh = () => {
      const results = evaluate();
      const a = get().active;
      // The last step's goals all met: the lesson is done (kept done even if the learner goes on playing).
      const lesson = a ? find(a.id) : undefined;
      if (
        a &&
        lesson &&
        a.step === lesson.steps.length - 1 &&
        allMet(results) &&
        !get().progress[a.id]?.done
      ) {
        set({
          results,
          progress: { ...get().progress, [a.id]: { step: a.step, done: true } },
        });
      } else set({ results });
    };
    const setActive = (
      active: ActiveLessonSaved | null,
      extra: Partial<LessonState> = {},
    ) => {
      const progress = active
        ? {
            ...get().progress,
            [active.id]: {
              step: active.step,
              done: get().progress[active.id]?.done ?? false,
            },
          }
        : get().progress;
      set({ active, progress, ...extra });
      refresh();
    };
    // Shows another step: its manifests in the editor, and a fresh start for its attempts, its
    // commands count and "Reset step" (which goes back to here). The cluster is left as it is.
    const goToStep = (lesson: Lesson, step: number) => {
      const a = get().active;
      if (!a || step < 0 || step >= lesson.steps.length) return;
      const text = stepEditorText(lesson.steps[step]);
      if (text !== undefined) app.getState().setEditorText(text);
      const lecture = get().lecture;
      setActive(
        {
          ...a,
          step,
          stepActions: app.getState().timeline.actions.length,
          stepHistory: a.history.length,
          failedAttempts: 0,
        },
        lecture ? { lecture: { furthest: Math.max(lecture.furthest, step) } } : {},
      );
    };
    const writeFiles = async (lesson: Lesson) => {
      const script = filesScript(lesson);
      if (script) await original.runCommand(script);
    };
    // Wraps a learner's action: records it, re-checks the goals, and counts an attempt that made
    // no progress (changed the cluster or failed, yet met no more goals) as failed: one more hint.
    const attempt = async (run: () => Promise<CommandRecord[]>) => {
      const before = metCount(get().results);
      const actions = app.getState().timeline.actions.length;
      const records = await run();
      const a = get().active;
      if (!a || records.length === 0) return;
      set({ active: { ...a, history: [...a.history, ...records] } });
      refresh();
      const changed = app.getState().timeline.actions.length !== actions;
      const failed = records.some((r) => r.exitCode !== 0);
      const results = get().results;
      if (
        (changed || failed) &&
        !allMet(results) &&
        metCount(results) <= before
      ) {
        set({
          active: {
            ...get().active!,
            failedAttempts: get().active!.failedAttempts + 1,
          },
        });
      }
    };
    const editorRecord = (
      mode: "apply" | "delete",
      serial: number,
    ): CommandRecord[] => {
      const r = app.getState().lastApply;
      if (!r || r.serial === serial || r.cancelled) return [];
      const stdout = r.results
        .flatMap((d) =>
          d.ref && d.outcome
            ? [`${d.ref.kind.toLowerCase()}/${d.ref.name} ${d.outcome}\n`]
            : [],
        )
        .join("");
      const errors = r.results.flatMap((d) =>
        d.error ? [`error: ${d.error.message}\n`] : [],
      );
      const stderr = errors.join("") + (r.crash ? `${r.crash}\n` : "");
      return [
        {
          text: `kubectl ${mode} -f manifest.yaml`,
          stdout,
          stderr,
          exitCode: stderr ? 1 : 0,
        },
      ];
    };
    const wrapEditor =
      (mode: "apply" | "delete", run: () => Promise<void>) => () =>
        attempt(async () => {
          const serial = app.getState().lastApply?.serial ?? 0;
          await run();
          return get().active ? editorRecord(mode, serial) : [];
        });

    app.setState({
      runCommand: async (line, nested) => {
        let result: Awaited<ReturnType<typeof original.runCommand>> = {
          chunks: [],
          exitCode: 0,
        };
        await attempt(async () => {
          result = await original.runCommand(line, nested);
          const text = (stream: string) =>
            result.chunks
              .filter((c) => c.stream === stream)
              .map((c) => c.text)
              .join("");
          return get().active
            ? recordsOf(line, text("stdout"), text("stderr"), result.exitCode)
            : [];
        });
        return result;
      },
      applyEditor: wrapEditor("apply", () => original.applyEditor()),
      applyDocument: (i) =>
        wrapEditor("apply", () => original.applyDocument(i))(),
      deleteDocument: (i) =>
        wrapEditor("delete", () => original.deleteDocument(i))(),
      undoReset: () => {
        const offer = app.getState().undoableReset;
        original.undoReset();
        // The lesson's cluster is gone again: so is the lesson (its editor text goes back too).
        if (offer && offer === undoneBy && !app.getState().undoableReset) {
          undoneBy = null;
          get().leave();
        }
      },
    });

    return {
      active: saved.active && find(saved.active.id) ? saved.active : null,
      progress: saved.progress,
      results: [],
      browserOpen: false,
      working: false,
      error: null,
      lecture:
        saved.active && find(saved.active.id) && lectureSaved(storage)
          ? { furthest: saved.active.step }
          : null,

      openBrowser: (browserOpen) => set({ browserOpen }),
      refresh: () => refresh(),

      start: async (id, stepIndex = 0) => {
        const lesson = find(id);
        if (!lesson) return set({ error: `There is no lesson "${id}".` });
        const step = Math.max(
          0,
          Math.min(lesson.steps.length - 1, Math.floor(stepIndex)),
        );
        const s = app.getState();
        const aside = get().active?.aside ?? s.editorTextAside ?? s.editorText;
        // The setup, then (opening at a later step) the solutions of the steps before it, as
        // terminal lines on the timeline; the first one carries the lesson's files.
        const setup = commandsOf(lesson.setup);
        const actions = lessonActions(lesson, step);
        const editorText = stepEditorText(lesson.steps[step]) ?? "";
        set({ working: true, error: null, browserOpen: false });
        try {
          await s.loadSession(
            {
              v: 1,
              preset: lesson.preset,
              seed: lesson.seed,
              editorText,
              actions,
              cursor: Number.MAX_SAFE_INTEGER,
              view: "cluster",
            },
            // What the lesson replaces can come back with the reset's Undo (ResetUndoToast).
            { label: `Starting the lesson “${lesson.title}”`, undoable: true },
          );
          undoneBy = app.getState().undoableReset;
          await writeFiles(lesson);
        } catch (e) {
          return set({
            working: false,
            error: `The lesson could not start: ${replayFailure(e)}`,
          });
        }
        setActive(
          {
            id,
            step,
            startActions: setup.length,
            stepActions: actions.length,
            history: [],
            stepHistory: 0,
            failedAttempts: 0,
            aside,
          },
          {
            working: false,
            lecture: get().lecture ? { furthest: step } : null,
          },
        );
      },

      leave: () => {
        const a = get().active;
        if (!a) return;
        app.getState().setEditorText(a.aside);
        set({ active: null, results: [], error: null, lecture: null });
      },

      check: () => {
        const a = get().active;
        refresh();
        if (a && !allMet(get().results))
          set({
            active: { ...get().active!, failedAttempts: a.failedAttempts + 1 },
          });
      },

      nextStep: () => {
        const a = get().active;
        const lesson = a ? find(a.id) : undefined;
        if (
          !a ||
          !lesson ||
          a.step >= lesson.steps.length - 1 ||
          !allMet(get().results)
        )
          return;
        goToStep(lesson, a.step + 1);
      },

      resetStep: async () => {
        const a = get().active;
        const lesson = a ? find(a.id) : undefined;
        if (!a || !lesson) return;
        const s = app.getState();
        const session = s.exportSession();
        set({ working: true, error: null });
        try {
          await s.loadSession(
            {
              ...session,
              actions: session.actions.slice(0, a.stepActions),
              cursor: Number.MAX_SAFE_INTEGER,
              editorText:
                stepEditorText(lesson.steps[a.step]) ?? session.editorText,
            },
            { label: "Resetting the step" },
          );
          await writeFiles(lesson);
        } catch (e) {
          return set({
            working: false,
            error: `The step could not be reset: ${replayFailure(e)}`,
          });
        }
        setActive(
          { ...a, history: a.history.slice(0, a.stepHistory) },
          { working: false },
        );
      },

      doItForMe: async () => {
        const a = get().active;
        const lesson = a ? find(a.id) : undefined;
        if (!a || !lesson) return;
        set({ working: true, error: null });
        await writeFiles(lesson);
        for (const line of commandsOf(lesson.steps[a.step]?.solution)) {
          // A command cuts short the play-out before it (it goes live first): let each one play
          // to its end, so the class sees every controller's step of every line.
          await until(app, (s) => !s.playingOut || get().active?.id !== a.id);
          if (get().active?.id !== a.id) break;
          await app.getState().runCommand(line);
        }
        set({ working: false });
      },

      setLecture: (on) => {
        const a = get().active;
        set({ lecture: on && a ? { furthest: a.step } : null });
      },

      lectureNext: async () => {
        const a = get().active;
        const lesson = a ? find(a.id) : undefined;
        const lecture = get().lecture;
        if (!a || !lesson || !lecture) return;
        const s = app.getState();
        const move = lectureMove({
          steps: lesson.steps.length,
          step: a.step,
          furthest: lecture.furthest,
          results: get().results,
          working: get().working,
          busy: s.busy !== null,
          playingOut: s.playingOut,
          live: isLive(s.timeline),
        });
        if (move === "live") s.goLive();
        else if (move === "solve") await get().doItForMe();
        else if (move === "advance") goToStep(lesson, a.step + 1);
      },

      lecturePrev: () => {
        const a = get().active;
        const lesson = a ? find(a.id) : undefined;
        if (!a || !lesson || !get().lecture || a.step === 0 || get().working)
          return;
        goToStep(lesson, a.step - 1);
      },

      openLink: async (id, step, opts = {}) => {
        // A reload's saved session may still be coming back (the first cluster being built, then
        // its replay): starting now would cancel it and lose it for good; once it is in, starting
        // the lesson keeps it for the reset's Undo. If that replay begins after all and cancels
        // the lesson's own, the lesson starts again once it is in.
        const settled = (s: ReturnType<AppStore["getState"]>) =>
          !(s as { starting?: boolean }).starting && s.busy?.kind !== "replay";
        for (let tries = 0; tries < 3; tries++) {
          await until(app, settled);
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
          if (!settled(app.getState())) continue;
          await get().start(id, step);
          if (get().active?.id === id || app.getState().busy?.kind !== "replay")
            break;
        }
        if (opts.lecture && get().active?.id === id) get().setLecture(true);
      },
    };
  });

  // Goals tick live: whatever moved the shown cluster (an action, time travel, a restored session).
  app.subscribe((s, prev) => {
    if (
      store.getState().active &&
      (s.cluster !== prev.cluster || s.timeline !== prev.timeline)
    )
      store.getState().refresh();
    // A session restored after a reload comes with a new terminal shell: give it the lesson's files again.
    const a = store.getState().active;
    const lesson = a ? find(a.id) : undefined;
    if (
      lesson &&
      prev.busy?.kind === "replay" &&
      !s.busy &&
      !store.getState().working
    ) {
      const script = filesScript(lesson);
      if (script) void original.runCommand(script);
    }
  });

  if (storage) {
    store.subscribe((s, prev) => {
      if (s.active !== prev.active || s.progress !== prev.progress)
        saveLessons(storage, { progress: s.progress, active: s.active });
      // A reload in front of the class stays in lecture mode (the link that began it is gone by then).
      if ((s.lecture === null) !== (prev.lecture === null)) {
        try {
          storage.setItem(LECTURE_KEY, s.lecture ? "1" : "0");
        } catch {
          // Storage full or denied: the lecture just does not survive a reload.
        }
      }
    });
  }
  if (store.getState().active) store.getState().refresh();
  return store;
}

/** The hints the learner has earned at the current step. */
export function revealedHints(
  lesson: Lesson,
  active: ActiveLessonSaved,
): string[] {
  const step = lesson.steps[active.step];
  return step ? hintsFor(step, active.failedAttempts) : [];
}
