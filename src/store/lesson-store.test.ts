import { describe, expect, it } from "vitest";
import { createAppStore } from "./app-store.ts";
import {
  builtinLessons,
  findLesson,
  lessonsByTopic,
} from "./lesson-catalog.ts";
import { LESSONS_KEY, loadLessons } from "./lesson-persistence.ts";
import {
  actionNarration,
  allMet,
  createLessonStore,
  filesScript,
  lectureMove,
  revealedHints,
  stepEditorText,
} from "./lesson-store.ts";
import type { KeyValueStorage } from "./persistence.ts";
import { defaultEngineRunner } from "./default-runner.ts";
import type { EngineRunner } from "./engine-client.ts";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

function setup(storage = memoryStorage()) {
  const app = createAppStore({ storage });
  app.getState().setEditorText("# my own notes\n");
  const lessons = createLessonStore({ app, lessons: builtinLessons, storage });
  return { app, lessons, storage };
}

const WRONG_PV = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: wrong
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /tmp/elsewhere
`;

describe("lesson store", () => {
  it("has the built-in lessons, grouped by topic", () => {
    expect(builtinLessons().map((l) => l.id)).toContain("static-binding");
    const groups = lessonsByTopic();
    expect(groups.flatMap((g) => g.lessons)).toHaveLength(
      builtinLessons().length,
    );
    expect(new Set(groups.map((g) => g.topic)).size).toBe(groups.length);
  });

  it("starts a lesson on its preset with the step manifests in the editor, the learner’s text kept aside", async () => {
    const { app, lessons } = setup();
    await lessons.getState().start("static-binding");
    expect(app.getState().preset).toBe("bare");
    expect(app.getState().editorText).toContain("name: example-pv");
    expect(lessons.getState().active).toMatchObject({
      id: "static-binding",
      step: 0,
      aside: "# my own notes\n",
    });
    expect(lessons.getState().results.map((r) => r.met)).toEqual([
      false,
      false,
    ]);
    lessons.getState().leave();
    expect(app.getState().editorText).toBe("# my own notes\n");
    expect(lessons.getState().active).toBeNull();
  });

  it("starting a lesson over work offers the reset's Undo, which brings the work back and leaves the lesson", async () => {
    const { app, lessons } = setup();
    await app.getState().runCommand("kubectl create configmap mine --from-literal=a=b");
    expect(app.getState().timeline.actions).toHaveLength(1);
    const before = app.getState().timeline;
    const preset = app.getState().preset;
    await lessons.getState().start("static-binding");
    expect(app.getState().timeline.actions).not.toContain(before.actions[0]);
    expect(app.getState().undoableReset).toEqual({ preset, actions: 1 });
    app.getState().undoReset();
    expect(app.getState().timeline).toBe(before);
    expect(app.getState().preset).toBe(preset);
    expect(lessons.getState().active).toBeNull();
    expect(app.getState().editorText).toBe("# my own notes\n");
  });

  it("starting a lesson on an untouched cluster offers no Undo", async () => {
    const { app, lessons } = setup();
    await lessons.getState().start("static-binding");
    expect(app.getState().undoableReset).toBeNull();
  });

  it("ticks goals after an Apply, reveals a hint after an attempt that made no progress, and moves on", async () => {
    const { app, lessons } = setup();
    await lessons.getState().start("static-binding");
    const text = app.getState().editorText;
    app.getState().setEditorText(WRONG_PV);
    await app.getState().applyEditor();
    expect(lessons.getState().active!.failedAttempts).toBe(1);
    expect(
      revealedHints(findLesson("static-binding")!, lessons.getState().active!),
    ).toHaveLength(1);
    app.getState().setEditorText(text);
    await app.getState().applyEditor();
    expect(allMet(lessons.getState().results)).toBe(true);
    expect(lessons.getState().active!.failedAttempts).toBe(1);
    expect(lessons.getState().active!.history.map((r) => r.text)).toEqual([
      "kubectl apply -f manifest.yaml",
      "kubectl apply -f manifest.yaml",
    ]);
    lessons.getState().nextStep();
    expect(lessons.getState().active!.step).toBe(1);
    expect(app.getState().editorText).toContain("kind: PersistentVolumeClaim");
    expect(lessons.getState().progress["static-binding"]).toEqual({
      step: 1,
      done: false,
    });
  });

  it("records terminal commands for `used` goals, and the terminal reads the lesson’s files", async () => {
    const { app, lessons } = setup();
    await lessons.getState().start("static-binding", 1);
    // Opened at step 2: step 1's solution already ran.
    expect(app.getState().cluster).toBeTruthy();
    const r = await app.getState().runCommand("kubectl apply -f pvc.yaml");
    expect(r.exitCode).toBe(0);
    expect(lessons.getState().results.map((g) => g.met)).toEqual([
      true,
      true,
      false,
    ]);
    await app.getState().runCommand("kubectl get pvc");
    expect(allMet(lessons.getState().results)).toBe(true);
  });

  it('"do it for me" runs the solution on the timeline; the last step completes the lesson', async () => {
    const { app, lessons } = setup();
    await lessons.getState().start("static-binding", 2);
    const actions = app.getState().timeline.actions.length;
    await lessons.getState().doItForMe();
    expect(app.getState().timeline.actions.length).toBeGreaterThan(actions);
    expect(allMet(lessons.getState().results)).toBe(true);
    expect(lessons.getState().progress["static-binding"]!.done).toBe(true);
  });

  it('"reset step" goes back to the cluster and commands of the step’s start', async () => {
    const { app, lessons } = setup();
    await lessons.getState().start("static-binding");
    await app.getState().applyEditor();
    expect(allMet(lessons.getState().results)).toBe(true);
    await lessons.getState().resetStep();
    expect(lessons.getState().results.map((r) => r.met)).toEqual([
      false,
      false,
    ]);
    expect(lessons.getState().active!.history).toEqual([]);
    expect(app.getState().timeline.actions).toHaveLength(0);
  });

  it("keeps progress and the lesson in progress across a reload, and reads corrupt storage as none", async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    await first.lessons.getState().start("static-binding");
    await first.app.getState().applyEditor();
    first.lessons.getState().nextStep();
    const again = createLessonStore({
      app: createAppStore({ storage }),
      lessons: builtinLessons,
      storage,
    });
    expect(again.getState().active).toMatchObject({
      id: "static-binding",
      step: 1,
      aside: "# my own notes\n",
    });
    expect(again.getState().progress["static-binding"]).toEqual({
      step: 1,
      done: false,
    });
    storage.setItem(
      LESSONS_KEY,
      '{"progress":{"x":{"step":-1,"done":1}},"active":{"id":3}}',
    );
    expect(loadLessons(storage)).toEqual({ progress: {}, active: null });
    storage.setItem(LESSONS_KEY, "not json");
    expect(loadLessons(storage).active).toBeNull();
  });

  it("writes files with a heredoc the shell reads back verbatim", () => {
    const lesson = findLesson("static-binding")!;
    expect(filesScript(lesson)).toContain(
      "cat > 'pv.yaml' <<'KUBESIM_LESSON_EOF'\n",
    );
    expect(stepEditorText(lesson.steps[0])).toBe(
      lesson.steps[0]!.manifests![0]!.content,
    );
  });
});

describe("lecture mode", () => {
  const base = {
    steps: 3,
    step: 0,
    furthest: 0,
    results: [] as { met: boolean }[],
    working: false,
    busy: false,
    playingOut: false,
    live: true,
  };
  const met = [{ met: true }, { met: true }];
  const unmet = [{ met: true }, { met: false }];

  it("decides what “next” does: wait, let a play-out finish, go live, run the solution, advance, or stop at the end", () => {
    const move = (o: Partial<typeof base>) =>
      lectureMove({ ...base, ...o });
    expect(move({ results: unmet })).toBe("solve");
    expect(move({ results: [] })).toBe("solve");
    expect(move({ results: met })).toBe("advance");
    expect(move({ results: met, step: 2, furthest: 2 })).toBe("done");
    expect(move({ results: unmet, working: true })).toBe("wait");
    expect(move({ results: unmet, busy: true })).toBe("wait");
    expect(move({ results: unmet, playingOut: true })).toBe("playing");
    // The solution waiting for its play-out to end is still "playing" on screen.
    expect(move({ results: unmet, playingOut: true, working: true })).toBe("playing");
    expect(move({ results: unmet, live: false })).toBe("live");
    // Back at an earlier step, "next" moves the text on and never re-runs the step.
    expect(move({ results: unmet, step: 0, furthest: 1 })).toBe("advance");
  });

  it("next runs the step's solution on the timeline, then advances; previous goes back in the text only", async () => {
    const { app, lessons } = setup();
    await lessons.getState().start("static-binding");
    lessons.getState().setLecture(true);
    expect(lessons.getState().lecture).toEqual({ furthest: 0 });

    await lessons.getState().lectureNext();
    expect(allMet(lessons.getState().results)).toBe(true);
    expect(lessons.getState().active!.step).toBe(0);
    const actions = app.getState().timeline.actions.length;
    expect(actions).toBeGreaterThan(0);

    await lessons.getState().lectureNext();
    expect(lessons.getState().active!.step).toBe(1);
    expect(lessons.getState().lecture).toEqual({ furthest: 1 });
    expect(app.getState().editorText).toContain("kind: PersistentVolumeClaim");

    lessons.getState().lecturePrev();
    expect(lessons.getState().active!.step).toBe(0);
    expect(app.getState().editorText).toContain("kind: PersistentVolume\n");
    expect(app.getState().timeline.actions).toHaveLength(actions);
    expect(lessons.getState().lecture).toEqual({ furthest: 1 });
    lessons.getState().lecturePrev(); // nothing before the first step
    expect(lessons.getState().active!.step).toBe(0);

    // Reviewing: "next" shows step 2's text again without running anything.
    await lessons.getState().lectureNext();
    expect(lessons.getState().active!.step).toBe(1);
    expect(app.getState().timeline.actions).toHaveLength(actions);
    expect(allMet(lessons.getState().results)).toBe(false);
    await lessons.getState().lectureNext();
    expect(allMet(lessons.getState().results)).toBe(true);
    expect(app.getState().timeline.actions.length).toBeGreaterThan(actions);

    // Leaving the lesson ends the lecture.
    lessons.getState().leave();
    expect(lessons.getState().lecture).toBeNull();
  });

  it("narrates the action under the cursor up to the frame shown, never the steps to come", async () => {
    const { app } = setup();
    await app.getState().runCommand("kubectl create configmap first --from-literal=a=b");
    expect(actionNarration(app.getState().timeline).total).toBe(1);
    app.getState().setEditorText(WRONG_PV.replace("name: wrong", "name: pv") + "---\n" + `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`);
    await app.getState().applyEditor();
    const t = app.getState().timeline;
    const all = actionNarration(t);
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.shown).toHaveLength(all.total);
    expect(all.shown.at(-1)!.current).toBe(true);
    expect(all.shown[0]!.step.actor).toBe("user");
    expect(all.shown.some((n) => /binder/.test(n.step.actor))).toBe(true);
    // At the action's first step only that step is told; the earlier action is not.
    app.getState().seekTo(t.frames.length - all.total);
    const first = actionNarration(app.getState().timeline);
    expect(first.total).toBe(all.total);
    expect(first.shown.map((n) => n.step.summary)).toEqual([all.shown[0]!.step.summary]);
    app.getState().seekTo(0);
    expect(actionNarration(app.getState().timeline)).toEqual({ shown: [], total: 0 });
  });

  it("does nothing outside a lecture, and stops at the last step", async () => {
    const { app, lessons } = setup();
    await lessons.getState().start("static-binding", 2);
    const before = app.getState().timeline;
    await lessons.getState().lectureNext();
    expect(app.getState().timeline).toBe(before);
    lessons.getState().setLecture(true);
    await lessons.getState().lectureNext();
    expect(allMet(lessons.getState().results)).toBe(true);
    const t = app.getState().timeline;
    await lessons.getState().lectureNext();
    expect(lessons.getState().active!.step).toBe(2);
    expect(app.getState().timeline).toBe(t);
  });

  it("with play-out on, each line of the solution plays to its end before the next runs", async () => {
    const { app, lessons } = setup();
    await lessons.getState().start("static-binding", 1);
    app.getState().setPlayOut(true);
    lessons.getState().setLecture(true);
    const next = lessons.getState().lectureNext();
    // The apply landed and plays out from its first step, where the claim is not Bound yet.
    await until(() => app.getState().playingOut);
    expect(lessons.getState().results.find((r) => r.goal.id === "claim-bound")!.met).toBe(false);
    expect(
      lectureMove({
        steps: 3,
        step: 1,
        furthest: 1,
        results: lessons.getState().results,
        working: lessons.getState().working,
        busy: false,
        playingOut: app.getState().playingOut,
        live: false,
      }),
    ).toBe("playing");
    // `kubectl get pvc` waits for the play-out, however long it takes.
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(app.getState().playingOut).toBe(true);
    expect(lessons.getState().active!.history.map((r) => r.text)).toEqual([
      "kubectl apply -f pvc.yaml",
    ]);
    while (app.getState().playingOut) app.getState().tick();
    await next;
    expect(lessons.getState().active!.history.map((r) => r.text)).toEqual([
      "kubectl apply -f pvc.yaml",
      "kubectl get pvc",
    ]);
    expect(allMet(lessons.getState().results)).toBe(true);
  });

  it("a lesson link waits for the saved session being restored, then starts over it with Undo", async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    await first.app.getState().runCommand("kubectl create configmap mine --from-literal=a=b");
    // A new page: the saved session is replaying when the link's lesson starts.
    const app = createAppStore({ storage });
    const lessons = createLessonStore({ app, lessons: builtinLessons, storage });
    const restoring = app.getState().restoreSavedSession();
    expect(app.getState().busy?.kind).toBe("replay");
    const opening = lessons.getState().openLink("static-binding", 0, { lecture: true });
    expect(await restoring).toBe(true);
    await opening;
    expect(lessons.getState().active).toMatchObject({ id: "static-binding", step: 0 });
    expect(lessons.getState().lecture).toEqual({ furthest: 0 });
    expect(app.getState().undoableReset).toEqual({ preset: "bare", actions: 1 });
    app.getState().undoReset();
    expect(lessons.getState().active).toBeNull();
    expect(app.getState().timeline.actions).toHaveLength(1);
  });

  it("a lesson link whose start is overtaken by the saved session's replay starts again over it", async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    await first.app.getState().runCommand("kubectl create configmap mine --from-literal=a=b");
    const app = createAppStore({ storage, engine: slowRunner() });
    const lessons = createLessonStore({ app, lessons: builtinLessons, storage });
    const opening = lessons.getState().openLink("static-binding", 0);
    // The restore begins once the lesson's replay is under way, and cancels it.
    await until(() => app.getState().busy?.kind === "replay");
    const restored = await app.getState().restoreSavedSession();
    await opening;
    expect(restored).toBe(true);
    expect(lessons.getState().active).toMatchObject({ id: "static-binding", step: 0 });
    expect(lessons.getState().error).toBeNull();
    expect(app.getState().undoableReset).toEqual({ preset: "bare", actions: 1 });
  });

  it("a lesson link on a fresh page starts at once, with nothing to undo", async () => {
    const { app, lessons } = setup();
    await lessons.getState().openLink("static-binding", 1);
    expect(lessons.getState().active).toMatchObject({ id: "static-binding", step: 1 });
    expect(lessons.getState().lecture).toBeNull();
    expect(app.getState().undoableReset).toBeNull();
  });

  it("a reload keeps the lecture going", async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    await first.lessons.getState().openLink("static-binding", 0, { lecture: true });
    const again = createLessonStore({
      app: createAppStore({ storage }),
      lessons: builtinLessons,
      storage,
    });
    expect(again.getState().lecture).toEqual({ furthest: 0 });
    again.getState().setLecture(false);
    expect(
      createLessonStore({ app: createAppStore({ storage }), lessons: builtinLessons, storage }).getState().lecture,
    ).toBeNull();
  });
});

/**
 * The in-process engine answering a macrotask later, as the page's worker does, so one job can be
 * cancelled by the next (a restore by a lesson's start, or the other way round).
 */
function slowRunner(): EngineRunner {
  const inner = defaultEngineRunner();
  let running: (() => void) | null = null;
  type Run = EngineRunner["run"];
  const run = (job: Parameters<Run>[0], opts?: Parameters<Run>[1]) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        running = null;
        resolve(inner.run(job, opts));
      }, 5);
      running = () => {
        clearTimeout(timer);
        resolve({ ok: false, reason: "cancelled", message: "cancelled", elapsedMs: 0 });
      };
    });
  const cancel = () => {
    const stop = running;
    running = null;
    stop?.();
    return stop !== null;
  };
  return { run, cancel } as unknown as EngineRunner;
}

/** Polls (on microtasks and macrotasks) until `ok` holds. */
async function until(ok: () => boolean) {
  for (let i = 0; i < 1000 && !ok(); i++)
    await new Promise((r) => setTimeout(r, 0));
  expect(ok()).toBe(true);
}

describe("a lesson whose cluster cannot be prepared", () => {
  /** The in-process engine, except that a replay runs out of its 10 s as on a very slow machine. */
  function timingOut(): EngineRunner {
    const inner = defaultEngineRunner();
    type Run = EngineRunner["run"];
    const run = (job: Parameters<Run>[0], opts?: Parameters<Run>[1]) =>
      job.type === "replay"
        ? Promise.resolve({ ok: false, reason: "timeout", message: "", elapsedMs: 10_000, progress: { done: 0 } })
        : inner.run(job, opts);
    return { run, cancel: () => false } as unknown as EngineRunner;
  }

  it("says the lesson's preparation stopped, not a link's replay (the app store's words for a share link)", async () => {
    const storage = memoryStorage();
    const app = createAppStore({ storage, engine: timingOut() });
    const lessons = createLessonStore({ app, lessons: builtinLessons, storage });
    await lessons.getState().start("static-binding");
    const { error, active } = lessons.getState();
    expect(active).toBeNull();
    expect(error).toMatch(/^The lesson could not start: preparing its cluster stopped after 10 s: it was still running (before any action|at action 1 of \d+ \(.+\)), and a lesson gets 10 s at most\.$/);
    expect(error).not.toMatch(/link/);
  });
});
