import { describe, expect, it } from 'vitest';
import { createAppStore, type AppState } from '../../store/app-store.ts';
import { createWorkerRunner, type RunnerTimers, type WorkerLike } from '../../store/engine-client.ts';
import type { EngineReply } from '../../store/engine-protocol.ts';
import { loadInputs, STORAGE_KEY, type KeyValueStorage } from '../../store/persistence.ts';
import { encodeSession } from '../../store/share-link.ts';
import { STARTER_MANIFEST } from '../../store/starter.ts';
import { OPEN_ERROR_PREFIX, openShareLink } from './share-open.ts';

const own = () => true;

async function sharedLink() {
  const a = createAppStore();
  a.getState().applyEditor();
  a.getState().stepBack();
  return { fragment: await encodeSession(a.getState().exportSession()), session: a.getState().exportSession() };
}

describe('openShareLink', () => {
  it('replays the session into the store and reports the learner text it replaced', async () => {
    const { fragment, session } = await sharedLink();
    const b = createAppStore();
    b.getState().setEditorText('# my notes\n');
    const r = await openShareLink(fragment, b, own);
    expect(r).toEqual({ status: 'opened', session, replacedText: '# my notes\n' });
    expect(b.getState().exportSession()).toEqual(session);
    expect(b.getState().editorText).toBe(STARTER_MANIFEST);
  });

  it('does not offer back text that was not the learner\'s own', async () => {
    const { fragment } = await sharedLink();
    const b = createAppStore();
    b.getState().setEditorText('# untouched example\n');
    expect(await openShareLink(fragment, b, () => false)).toMatchObject({ status: 'opened', replacedText: null });
  });

  it('is silent for a normal visit', async () => {
    const b = createAppStore();
    expect(await openShareLink('', b, own)).toEqual({ status: 'none' });
    expect(await openShareLink('#section', b, own)).toEqual({ status: 'none' });
  });

  it('fails with the whole sentence and leaves the store alone: a broken link', async () => {
    const b = createAppStore();
    b.getState().setEditorText('# my notes\n');
    const before = b.getState();
    expect(await openShareLink('#s=v1.garbage', b, own)).toEqual({ status: 'failed', error: `${OPEN_ERROR_PREFIX}the compressed data is damaged (was the link cut off when it was copied?)` });
    expect(unchanged(b.getState(), before)).toBe(true);
  });

  it('fails with the whole sentence and leaves the store alone: a session that cannot be replayed', async () => {
    const { session } = await sharedLink();
    const impossible = { ...session, actions: [...session.actions, { action: { type: 'apply' as const, text: 'kind: ConfigMap' }, at: 9999 }] };
    const b = createAppStore();
    b.getState().setEditorText('# my notes\n');
    const before = b.getState();
    const r = await openShareLink(await encodeSession(impossible), b, own);
    expect(r).toEqual({ status: 'failed', error: `${OPEN_ERROR_PREFIX}action 2 forks at frame 9999, which the replay never reached` });
    expect(unchanged(b.getState(), before)).toBe(true);
    expect(b.getState().busy).toBeNull();
  });

  it('a replay over its budget stops with a sentence saying how far it got, and nothing of the learner\'s is saved over', async () => {
    const { session } = await sharedLink();
    // A worker that reports one action done, then never answers: the budget's timer stops it.
    const timers = fakeTimers();
    let terminated = 0;
    const runner = createWorkerRunner(() => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: (req) => queueMicrotask(() => w.onmessage?.({ data: { id: req.id, type: 'progress', done: 1, total: 3 } } as MessageEvent<EngineReply>)),
        terminate: () => void terminated++,
      };
      return w;
    }, timers);
    const storage = memoryStorage();
    const b = createAppStore({ engine: runner, storage });
    b.getState().setEditorText('# my notes\n');
    const saved = storage.data.get(STORAGE_KEY);
    const before = b.getState();
    const long = { ...session, actions: [session.actions[0]!, session.actions[0]!, session.actions[0]!] };
    const opening = openShareLink(await encodeSession(long), b, own);
    await new Promise((r) => setTimeout(r, 10));
    expect(b.getState().busy).toEqual({ kind: 'replay', label: 'Replaying the shared session', progress: { done: 1, total: 3 } });
    timers.advance(10_000);
    expect(await opening).toEqual({
      status: 'failed',
      error: "This link's replay stopped after 10 s: it was still running at action 2 of 3 (kubectl apply -f manifest.yaml), and a link gets 10 s at most.",
    });
    expect(terminated).toBe(1);
    expect(unchanged(b.getState(), before)).toBe(true);
    expect(b.getState().busy).toBeNull();
    expect(storage.data.get(STORAGE_KEY)).toBe(saved);
    expect(loadInputs(storage).editorText).toBe('# my notes\n');
  });

  it('a cancelled replay says so and changes nothing', async () => {
    const { session } = await sharedLink();
    const runner = createWorkerRunner(() => ({ onmessage: null, onerror: null, postMessage() {}, terminate() {} }), fakeTimers());
    const b = createAppStore({ engine: runner });
    const before = b.getState();
    const opening = openShareLink(await encodeSession(session), b, own);
    await new Promise((r) => setTimeout(r, 10));
    expect(b.getState().cancelAction()).toBe(true);
    expect(await opening).toEqual({ status: 'failed', error: "This link's replay stopped after 0.0 s: you cancelled it at action 1 of 1 (kubectl apply -f manifest.yaml)." });
    expect(unchanged(b.getState(), before)).toBe(true);
  });
});

/** The parts of the store a link may change: all still the very same objects. */
function unchanged(a: AppState, b: AppState): boolean {
  return a.timeline === b.timeline && a.cluster === b.cluster && a.editorText === b.editorText && a.preset === b.preset && a.seed === b.seed && a.canvasView === b.canvasView;
}

function fakeTimers(): RunnerTimers & { advance(ms: number): void } {
  let now = 0;
  let pending: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      pending.push(t);
      return t;
    },
    clearTimeout: (h) => void (pending = pending.filter((t) => t !== h)),
    advance(ms) {
      now += ms;
      const due = pending.filter((t) => t.at <= now);
      pending = pending.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}
