import { describe, expect, it } from "vitest";
import { createAppStore } from "./app-store.ts";
import {
  builtinLessons,
  findLesson,
  lessonsByTopic,
} from "./lesson-catalog.ts";
import { LESSONS_KEY, loadLessons } from "./lesson-persistence.ts";
import {
  allMet,
  createLessonStore,
  filesScript,
  revealedHints,
  stepEditorText,
} from "./lesson-store.ts";
import type { KeyValueStorage } from "./persistence.ts";

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
