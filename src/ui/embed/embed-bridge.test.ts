import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/app-store.ts';
import { builtinLessons, findLesson } from '../../store/lesson-catalog.ts';
import { createLessonStore } from '../../store/lesson-store.ts';
import { memoryStorage } from '../../store/page-storage.ts';
import { createEmbedBridge, hostOriginHint, type BridgeWindow } from './embed-bridge.ts';
import type { OutboundMessage } from './embed-messages.ts';

const HOST = 'https://course.example';

/** A frame and its parent: what the bridge posted (with the target origin) and a way for the parent to send. */
function frame() {
  const posted: { message: OutboundMessage; origin: string }[] = [];
  const parent = { postMessage: (message: unknown, origin: string) => void posted.push({ message: message as OutboundMessage, origin }) };
  const listeners = new Set<(e: { data: unknown; origin: string; source: unknown }) => void>();
  const win: BridgeWindow = { parent, addEventListener: (_t, f) => void listeners.add(f), removeEventListener: (_t, f) => void listeners.delete(f) };
  const send = (data: unknown, origin = HOST, source: unknown = parent) => listeners.forEach((f) => f({ data, origin, source }));
  return { win, posted, send, listeners };
}

function setup(hostOrigin: string | null = null) {
  const f = frame();
  const storage = memoryStorage();
  const app = createAppStore({ storage });
  const store = createLessonStore({ app, lessons: builtinLessons, storage });
  const notices: (string | null)[] = [];
  const bridge = createEmbedBridge({
    window: f.win,
    app,
    lessons: async () => ({ store, find: findLesson, ids: () => builtinLessons().map((l) => l.id) }),
    hostOrigin,
    openShare: async () => ({ ok: false, error: 'This share link could not be opened: test' }),
    notify: (n) => void notices.push(n),
  });
  return { ...f, app, store, bridge, notices };
}

const types = (posted: { message: OutboundMessage }[]) => posted.map((p) => p.message.type);

describe('embed bridge', () => {
  it("says ready to any origin, and nothing else before it knows the host's origin", async () => {
    const { posted, bridge } = setup(null);
    expect(posted).toEqual([{ message: { type: 'kubesim:ready', version: 1 }, origin: '*' }]);
    await bridge.startLesson('static-binding', 0);
    await bridge.idle();
    expect(types(posted)).toEqual(['kubesim:ready']);
  });

  it("sends what waited to the host's origin once the host speaks", async () => {
    const { posted, bridge, send } = setup(null);
    await bridge.startLesson('static-binding', 0);
    send({ type: 'kubesim:apply' });
    await bridge.idle();
    expect(posted.slice(1)).toContainEqual({ message: { type: 'kubesim:loaded', lesson: 'static-binding', step: 1 }, origin: HOST });
    expect(posted.slice(1).every((p) => p.origin === HOST)).toBe(true);
  });

  it('ignores messages from anyone but the parent, and anything not kubesim', async () => {
    const { posted, send, bridge } = setup(HOST);
    send({ type: 'kubesim:load', lesson: 'static-binding' }, 'https://evil.example', { postMessage() {} });
    send('hello');
    send({ type: 'other:thing' });
    await bridge.idle();
    expect(types(posted)).toEqual(['kubesim:ready']);
  });

  it('answers a bad message with kubesim:error to its sender, and goes on working', async () => {
    const { posted, send, bridge, app } = setup(HOST);
    send({ type: 'kubesim:load', lesson: 'static-binding', step: 0 }, 'http://other.test');
    expect(posted.at(-1)).toEqual({ message: { type: 'kubesim:error', message: '"step" must be a whole number from 1 (got 0)', request: 'kubesim:load' }, origin: 'http://other.test' });
    send({ type: 'kubesim:load', lesson: 'no-such-lesson' });
    await bridge.idle();
    const err = posted.at(-1)!.message;
    expect(err).toMatchObject({ type: 'kubesim:error', request: 'kubesim:load' });
    expect(err.type === 'kubesim:error' && err.message).toMatch(/^there is no lesson "no-such-lesson" \(the built-in lessons: .*static-binding/);
    send({ type: 'kubesim:load', lesson: 'static-binding', step: 9 });
    await bridge.idle();
    expect(posted.at(-1)!.message).toMatchObject({ message: 'lesson "static-binding" has 3 steps; step 9 does not exist' });
    send({ type: 'kubesim:load', scenario: 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ok\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /x}\n' });
    await bridge.idle();
    expect(posted.at(-1)!.message).toEqual({ type: 'kubesim:loaded', scenario: true, errors: [] });
    expect(app.getState().cluster).toBeTruthy();
  });

  it('loads a lesson at a step and reports goals met, the step and the lesson complete, to the host only', async () => {
    const { posted, send, bridge, store } = setup(HOST);
    send({ type: 'kubesim:load', lesson: 'static-binding', step: 3 });
    await bridge.idle();
    expect(store.getState().active).toMatchObject({ id: 'static-binding', step: 2 });
    expect(posted.at(-1)).toEqual({ message: { type: 'kubesim:loaded', lesson: 'static-binding', step: 3 }, origin: HOST });
    const before = posted.length;
    await store.getState().doItForMe();
    const after = posted.slice(before);
    const lesson = findLesson('static-binding')!;
    const goals = lesson.steps[2]!.goals;
    expect(after.filter((p) => p.message.type === 'kubesim:goal-met').map((p) => p.message)).toEqual(
      goals.map((g) => ({ type: 'kubesim:goal-met', lesson: 'static-binding', step: 3, goal: g.id, title: g.title })),
    );
    expect(types(after).slice(-2)).toEqual(['kubesim:step-complete', 'kubesim:lesson-complete']);
    expect(after.at(-1)!.message).toEqual({ type: 'kubesim:lesson-complete', lesson: 'static-binding', title: lesson.title });
    expect(after.every((p) => p.origin === HOST)).toBe(true);
  });

  it('reports a goal again after Reset step takes it away and the learner meets it again', async () => {
    const { posted, send, bridge, store } = setup(HOST);
    send({ type: 'kubesim:load', lesson: 'static-binding' });
    await bridge.idle();
    await store.getState().doItForMe();
    const met = () => posted.filter((p) => p.message.type === 'kubesim:goal-met').length;
    const once = met();
    expect(once).toBeGreaterThan(0);
    send({ type: 'kubesim:reset' });
    await bridge.idle();
    expect(store.getState().results.every((r) => !r.met)).toBe(true);
    await store.getState().doItForMe();
    expect(met()).toBe(2 * once);
  });

  it('loads a YAML scenario on a fresh cluster of the preset asked for, leaving any lesson, and applies it', async () => {
    const { send, bridge, store, app, posted } = setup(HOST);
    send({ type: 'kubesim:load', lesson: 'static-binding' });
    await bridge.idle();
    send({ type: 'kubesim:load', scenario: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: "1"\n---\nkind: Nope\n', preset: 'kind' });
    await bridge.idle();
    expect(store.getState().active).toBeNull();
    expect(app.getState().preset).toBe('kind');
    expect(app.getState().editorText).toContain('name: web');
    expect(app.getState().timeline.actions).toHaveLength(1);
    const loaded = posted.at(-1)!.message;
    expect(loaded).toMatchObject({ type: 'kubesim:loaded', scenario: true });
    expect(loaded.type === 'kubesim:loaded' && loaded.errors).toHaveLength(1);
  });

  it('opens a share fragment through the share-link code and reports its failure', async () => {
    const { send, bridge, posted } = setup(HOST);
    send({ type: 'kubesim:load', scenario: '#s=v1.broken' });
    await bridge.idle();
    expect(posted.at(-1)!.message).toEqual({ type: 'kubesim:error', message: 'This share link could not be opened: test', request: 'kubesim:load' });
  });

  it('applies, and resets the cluster outside a lesson', async () => {
    const { send, bridge, app } = setup(HOST);
    app.getState().setEditorText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    send({ type: 'kubesim:apply' });
    await bridge.idle();
    expect(app.getState().timeline.actions).toHaveLength(1);
    send({ type: 'kubesim:reset' });
    await bridge.idle();
    expect(app.getState().timeline.actions).toHaveLength(0);
  });

  it('stops listening when disposed', () => {
    const { bridge, listeners } = setup(HOST);
    bridge.dispose();
    expect(listeners.size).toBe(0);
  });
});

describe('host origin hint', () => {
  it('prefers ancestorOrigins, then the referrer, and never an opaque origin', () => {
    expect(hostOriginHint(['https://a.example'], 'https://b.example/page')).toBe('https://a.example');
    expect(hostOriginHint(undefined, 'https://b.example/course/1?x#y')).toBe('https://b.example');
    expect(hostOriginHint([], '')).toBeNull();
    expect(hostOriginHint(['null'], 'not a url')).toBeNull();
  });
});
