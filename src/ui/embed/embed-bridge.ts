// The postMessage wiring of an embedded playground (docs/embed.md). It listens to the host page
// (only to the window that embeds it), carries out checked requests one at a time, in the order
// they came, and tells the host what happened: ready, loaded, each goal met, each step and the
// lesson complete, errors. The lesson store is only read (subscribed to) and driven through its
// public actions; nothing here decides whether a goal is met.
//
// Where replies go: `kubesim:ready` carries nothing, so it goes to any origin ('*'). Everything
// else goes only to the host's origin: the origin of the last message the host sent, or before
// that the one the browser says embeds us (location.ancestorOrigins, else document.referrer).
// postMessage delivers nothing when the parent is not of that origin. With neither known, events
// wait (the newest 100) until the host's first message.
import type { PresetName } from '../../engine/index.ts';
import type { AppStore } from '../../store/app-store.ts';
import type { LessonState, LessonStore } from '../../store/lesson-store.ts';
import type { Lesson } from '../../lessons/types.ts';
import { sharePayload } from '../../store/share-fragment.ts';
import { checkInbound, PROTOCOL_VERSION, type InboundMessage, type OutboundMessage } from './embed-messages.ts';
import { lessonEvents, type LessonLook } from './lesson-events.ts';

/** The lesson layer, loaded on first use (it brings the lesson parser and the built-in lessons). */
export interface LessonDeps {
  store: LessonStore;
  find: (id: string) => Lesson | undefined;
  /** The built-in lessons' ids (what a `#lesson=` link can name). */
  ids: () => string[];
}

export interface MessageSourceLike {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface BridgeWindow {
  /** The embedding window; null when the page is not in a frame (nothing to talk to). */
  parent: MessageSourceLike | null;
  addEventListener(type: 'message', fn: (e: { data: unknown; origin: string; source: unknown }) => void): void;
  removeEventListener(type: 'message', fn: (e: { data: unknown; origin: string; source: unknown }) => void): void;
}

export interface BridgeOptions {
  window: BridgeWindow;
  app: AppStore;
  lessons: () => Promise<LessonDeps>;
  /** The host's origin as the browser reports it before any message (see hostOriginHint). */
  hostOrigin?: string | null;
  /** Opens a share link's fragment in the store (share-open.ts in the app; a fake in tests). */
  openShare: (hash: string) => Promise<{ ok: true } | { ok: false; error: string }>;
  /** Something the learner should read in the frame too (a lesson link that does not exist). */
  notify?: (message: string | null) => void;
}

export interface EmbedBridge {
  /** Starts a lesson as `#lesson=ID&step=N` asks (step 0-based here, as lessonLink gives it). */
  startLesson(id: string, step: number): Promise<void>;
  /** Resolves when every request so far is done (tests, and callers that chain). */
  idle(): Promise<void>;
  dispose(): void;
}

const QUEUE_MAX = 100;

/** The embedding page's origin as the browser tells it, before the page says anything. */
export function hostOriginHint(ancestorOrigins: ArrayLike<string> | undefined, referrer: string): string | null {
  const first = ancestorOrigins && ancestorOrigins.length > 0 ? ancestorOrigins[0] : undefined;
  if (first && first !== 'null') return first;
  try {
    const origin = referrer ? new URL(referrer).origin : 'null';
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function createEmbedBridge(opts: BridgeOptions): EmbedBridge {
  const { window: win, app } = opts;
  const parent = win.parent;
  let hostOrigin = opts.hostOrigin ?? null;
  let waiting: OutboundMessage[] = [];
  let chain: Promise<void> = Promise.resolve();
  let deps: LessonDeps | null = null;
  let lessonsPromise: Promise<LessonDeps> | null = null;
  let unsubscribe = () => {};
  let disposed = false;

  const post = (message: OutboundMessage, origin = hostOrigin) => {
    if (!parent || disposed) return;
    if (origin === null) {
      waiting.push(message);
      if (waiting.length > QUEUE_MAX) waiting = waiting.slice(-QUEUE_MAX);
      return;
    }
    // An opaque origin ("null": a sandboxed host) cannot be named as a target; the reply still goes only to our parent.
    parent.postMessage(message, origin === 'null' ? '*' : origin);
  };
  const fail = (message: string, request?: string, origin = hostOrigin) => post({ type: 'kubesim:error', message, ...(request ? { request } : {}) }, origin);

  const look = (s: LessonState, d: LessonDeps): LessonLook | null | 'unsettled' => {
    const a = s.active;
    const lesson = a ? d.find(a.id) : undefined;
    if (!a || !lesson) return null;
    const step = lesson.steps[a.step];
    if (!step) return null;
    // Between a step change and its goals' first check the results are the old step's: wait.
    const ids = step.goals.map((g) => g.id);
    if (s.working || s.results.length !== ids.length || s.results.some((r, i) => r.goal.id !== ids[i])) return 'unsettled';
    return {
      lesson: lesson.id,
      lessonTitle: lesson.title,
      step: a.step,
      stepTitle: step.title,
      last: a.step === lesson.steps.length - 1,
      goals: s.results.map((r) => ({ id: r.goal.id, title: r.goal.title, met: r.met })),
    };
  };

  const lessons = (): Promise<LessonDeps> => {
    lessonsPromise ??= opts.lessons().then((d) => {
      deps = d;
      let prev: LessonLook | null = null;
      const follow = (s: LessonState) => {
        const next = look(s, d);
        if (next === 'unsettled') return;
        for (const m of lessonEvents(prev, next)) post(m);
        prev = next;
      };
      follow(d.store.getState());
      unsubscribe = d.store.subscribe(follow);
      return d;
    });
    return lessonsPromise;
  };

  const loadLesson = async (id: string, step0: number, request?: string) => {
    const d = await lessons();
    const lesson = d.find(id);
    if (!lesson) {
      const message = `there is no lesson ${JSON.stringify(id)} (the built-in lessons: ${d.ids().join(', ')})`;
      opts.notify?.(`This embed asks for a lesson that does not exist: ${JSON.stringify(id)}.`);
      return fail(message, request);
    }
    if (step0 >= lesson.steps.length) {
      return fail(`lesson ${JSON.stringify(id)} has ${lesson.steps.length} step${lesson.steps.length === 1 ? '' : 's'}; step ${step0 + 1} does not exist`, request);
    }
    opts.notify?.(null);
    await d.store.getState().start(id, step0);
    const error = d.store.getState().error;
    if (error) return fail(error, request);
    post({ type: 'kubesim:loaded', lesson: id, step: step0 + 1 });
  };

  const loadScenario = async (text: string, preset: PresetName | undefined) => {
    // A scenario replaces any lesson: leave it first, so its goals stop being checked.
    if (deps?.store.getState().active) deps.store.getState().leave();
    opts.notify?.(null);
    if (sharePayload(text.trim()) !== null) {
      const opened = await opts.openShare(text.trim());
      if (!opened.ok) return fail(opened.error, 'kubesim:load');
      return post({ type: 'kubesim:loaded', scenario: true });
    }
    const s = app.getState();
    try {
      await s.loadSession({ v: 1, preset: preset ?? s.preset, seed: s.seed, editorText: text, actions: [], cursor: 0, view: 'cluster' }, { label: 'Loading the scenario' });
    } catch (err) {
      return fail(`the scenario could not be loaded: ${err instanceof Error ? err.message : String(err)}`, 'kubesim:load');
    }
    await app.getState().applyEditor();
    const report = app.getState().lastApply;
    const errors = (report?.results ?? []).flatMap((r) => (r.error ? [r.error.message] : []));
    if (report?.crash) errors.push(report.crash);
    post({ type: 'kubesim:loaded', scenario: true, errors });
  };

  const handle = async (m: InboundMessage) => {
    switch (m.type) {
      case 'kubesim:load':
        if ('lesson' in m) return loadLesson(m.lesson, (m.step ?? 1) - 1, m.type);
        return loadScenario(m.scenario, m.preset);
      case 'kubesim:apply':
        return app.getState().applyEditor();
      case 'kubesim:reset':
        if (deps?.store.getState().active) return deps.store.getState().resetStep();
        return app.getState().resetCluster();
    }
  };

  const enqueue = (run: () => Promise<void> | void, request?: string) => {
    // A disposed bridge (React's StrictMode mounts twice in development) starts nothing more.
    chain = chain.then(() => (disposed ? undefined : run())).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err), request));
    return chain;
  };

  const onMessage = (e: { data: unknown; origin: string; source: unknown }) => {
    // Only the page that embeds us may drive us (not another frame, a popup or an extension's window).
    if (!parent || e.source !== parent) return;
    const checked = checkInbound(e.data);
    if (checked.status === 'ignore') return;
    if (hostOrigin !== e.origin) {
      hostOrigin = e.origin;
      const held = waiting;
      waiting = [];
      for (const m of held) post(m);
    }
    if (checked.status === 'error') return void fail(checked.message, checked.request, e.origin);
    void enqueue(() => handle(checked.message), checked.message.type);
  };

  win.addEventListener('message', onMessage);
  post({ type: 'kubesim:ready', version: PROTOCOL_VERSION }, '*');

  return {
    startLesson: (id, step) => enqueue(() => loadLesson(id, step)),
    idle: () => chain,
    dispose: () => {
      disposed = true;
      win.removeEventListener('message', onMessage);
      unsubscribe();
    },
  };
}
