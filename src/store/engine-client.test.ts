import { describe, expect, it } from 'vitest';
import { viewOf } from '../engine/index.ts';
import { createAppStore } from './app-store.ts';
import { createWorkerRunner, type WorkerLike } from './engine-client.ts';
import { createEngineHost } from './engine-host.ts';
import type { EngineReply, EngineRequest } from './engine-protocol.ts';
import { fakeWorkers } from './fake-workers.ts';
import { STARTER_MANIFEST } from './starter.ts';

const PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
`;

describe('the worker runner', () => {
  it('runs Apply in the worker; acting at the live end again sends no state, only a reference', async () => {
    const w = fakeWorkers();
    const store = createAppStore({ engine: createWorkerRunner(w.spawn) });
    const applying = store.getState().applyEditor();
    expect(store.getState().busy).toEqual({ kind: 'apply', label: 'kubectl apply -f manifest.yaml' });
    await applying;
    expect(store.getState().busy).toBeNull();
    expect(store.getState().lastApply?.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
    expect((viewOf(store.getState().cluster).get('Pod', 'default/example-pod') as { status?: { phase?: string } }).status?.phase).toBe('Running');
    expect(w.sent[0]).toMatchObject({ type: 'manifest', state: { last: false } });

    store.getState().setEditorText(PVC);
    await store.getState().applyEditor();
    expect(w.sent[1]).toMatchObject({ type: 'manifest', state: { last: true } });
    expect(store.getState().lastApply?.results.map((r) => r.outcome)).toEqual(['created']);
    // The same frames as an in-process store makes: the worker changes where, not what.
    const inline = createAppStore();
    inline.getState().applyEditor();
    inline.getState().setEditorText(PVC);
    inline.getState().applyEditor();
    expect(JSON.stringify(store.getState().timeline)).toBe(JSON.stringify(inline.getState().timeline));
    expect(w.spawned).toHaveLength(1);
  });

  it('an action taken in the past sends the viewed state in full (a what-if fork)', async () => {
    const w = fakeWorkers();
    const store = createAppStore({ engine: createWorkerRunner(w.spawn) });
    await store.getState().applyEditor();
    store.getState().seekTo(0);
    await store.getState().runCommand('kubectl create namespace lab');
    expect(w.sent[1]).toMatchObject({ type: 'command', state: { last: false } });
    expect(store.getState().timeline.actions.at(-1)).toEqual({ action: { type: 'command', line: 'kubectl create namespace lab' }, at: 0 });
  });

  it('refuses a second action while one runs; Cancel stops it and the cluster stays as it was', async () => {
    const w = fakeWorkers();
    const store = createAppStore({ engine: createWorkerRunner(w.spawn) });
    const before = store.getState();
    w.hold();
    const applying = store.getState().applyEditor();
    await store.getState().applyDocument(0); // refused: returns at once, sends nothing
    expect(w.sent).toHaveLength(1);
    expect(await store.getState().runCommand('kubectl get pv')).toEqual({ chunks: [{ stream: 'stderr', text: 'error: another action is still running (Escape cancels it)\n' }], exitCode: 1 });
    expect(store.getState().cancelAction()).toBe(true);
    await applying;
    w.release(); // the terminated worker's late answer is ignored
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    expect(s.busy).toBeNull();
    expect(s.timeline).toBe(before.timeline);
    expect(s.cluster).toBe(before.cluster);
    expect(s.lastApply).toMatchObject({ cancelled: true, results: [], mode: 'apply' });
    expect(w.spawned[0]!.terminated).toBe(true);
    expect(store.getState().cancelAction()).toBe(false);

    // The next action starts a fresh worker, which is sent the state in full.
    await store.getState().applyEditor();
    expect(w.spawned).toHaveLength(2);
    expect(w.sent.at(-1)).toMatchObject({ state: { last: false } });
    expect(store.getState().lastApply?.results).toHaveLength(3);
  });

  it('a share link opened while an Apply runs cancels it, and the Apply\'s late end leaves the replay busy', async () => {
    const w = fakeWorkers();
    const store = createAppStore({ engine: createWorkerRunner(w.spawn) });
    const session = store.getState().exportSession();
    w.hold();
    const applying = store.getState().applyEditor();
    const opening = store.getState().loadSession(session);
    await applying;
    expect(store.getState().busy).toMatchObject({ kind: 'replay' });
    expect(store.getState().lastApply).toMatchObject({ cancelled: true });
    w.release();
    await opening;
    expect(store.getState().busy).toBeNull();
  });

  it('a cancelled terminal line prints "Cancelled" and records nothing', async () => {
    const w = fakeWorkers();
    const store = createAppStore({ engine: createWorkerRunner(w.spawn) });
    w.hold();
    const running = store.getState().runCommand('sleep 600');
    expect(store.getState().busy).toEqual({ kind: 'command', label: 'sleep 600' });
    store.getState().cancelAction();
    expect(await running).toEqual({ chunks: [{ stream: 'stderr', text: 'Cancelled\n' }], exitCode: 130 });
    expect(store.getState().timeline.frames).toHaveLength(1);
  });

  it('a bug in the engine becomes "error: internal error: …" in the terminal and the apply report, and the page goes on', async () => {
    const w = fakeWorkers();
    const store = createAppStore({ engine: createWorkerRunner(w.spawn) });
    const good = store.getState().cluster;
    store.setState({ timeline: { ...store.getState().timeline, frames: [{ state: { broken: true } as never, action: -1 }] } });
    const r = await store.getState().runCommand('kubectl get pv');
    expect(r.exitCode).toBe(1);
    expect(r.chunks).toHaveLength(1);
    expect(r.chunks[0]!.text).toMatch(/^error: internal error[ :].+\n$/);
    expect(r.chunks[0]!.text).not.toMatch(/\n\s+at /);
    await store.getState().applyEditor();
    expect(store.getState().lastApply?.crash).toMatch(/^internal error: /);
    expect(store.getState().busy).toBeNull();
    // Back on a good state, the same worker works.
    store.setState({ timeline: { ...store.getState().timeline, frames: [{ state: good, action: -1 }] } });
    await store.getState().applyEditor();
    expect(store.getState().lastApply?.results).toHaveLength(3);
  });

  it('a worker that dies fails its job as an internal error; the next job gets a new worker', async () => {
    let n = 0;
    const workers: WorkerLike[] = [];
    const runner = createWorkerRunner(() => {
      n++;
      const w: WorkerLike = { onmessage: null, onerror: null, postMessage() {}, terminate() {} };
      workers.push(w);
      return w;
    });
    const store = createAppStore({ engine: runner });
    const applying = store.getState().applyEditor();
    workers[0]!.onerror!({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    await applying;
    expect(store.getState().lastApply?.crash).toBe('internal error: the engine stopped (out of memory)');
    void store.getState().applyEditor();
    expect(n).toBe(2);
  });

  it('a worker restarted behind the page\'s back asks for the state, and gets it', async () => {
    const replies: EngineRequest[] = [];
    let host = createEngineHost(() => {});
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(req) {
        replies.push(req);
        queueMicrotask(() => void host.handle(structuredClone(req)));
      },
      terminate() {},
    };
    const bind = () => (host = createEngineHost((r) => w.onmessage?.({ data: structuredClone(r) } as MessageEvent<EngineReply>)));
    bind();
    const store = createAppStore({ engine: createWorkerRunner(() => w) });
    await store.getState().applyEditor();
    bind(); // a new host: it holds no `last` state
    store.getState().setEditorText(PVC);
    await store.getState().applyEditor();
    expect(replies.map((r) => (r as { state: { last: boolean } }).state.last)).toEqual([false, true, false]);
    expect(store.getState().lastApply?.results.map((r) => r.outcome)).toEqual(['created']);
  });
});

describe('the engine host', () => {
  it('a read-only command sends no state back', async () => {
    const replies: EngineReply[] = [];
    const host = createEngineHost((r) => replies.push(r));
    const state = createAppStore().getState().cluster;
    await host.handle({ id: 1, type: 'command', state: { last: false, state }, line: 'kubectl get pv' });
    expect(replies[0]).toEqual({ id: 1, type: 'done', value: { chunks: [{ stream: 'stderr', text: 'No resources found\n' }], exitCode: 0, unchanged: true } });
  });

  it('analyzes editor text into documents with their lens lines', async () => {
    const replies: EngineReply[] = [];
    const host = createEngineHost((r) => replies.push(r));
    await host.handle({ id: 7, type: 'analyze', text: `${STARTER_MANIFEST}---\nkind: [\n` });
    const docs = (replies[0] as Extract<EngineReply, { type: 'done' }>).value as { documents: { label?: string; problem?: string; lensLine: number }[] };
    expect(docs.documents.map((d) => d.label ?? d.problem)).toEqual(['PersistentVolume example-pv', 'PersistentVolumeClaim example-pvc', 'Pod example-pod', expect.stringMatching(/^YAML error on line/)]);
    expect(docs.documents[0]!.lensLine).toBe(4);
  });

  it('replay reports its progress after every action', async () => {
    const a = createAppStore();
    a.getState().applyEditor();
    a.getState().setEditorText(PVC);
    a.getState().applyEditor();
    const replies: EngineReply[] = [];
    await createEngineHost((r) => replies.push(r)).handle({ id: 2, type: 'replay', session: a.getState().exportSession() });
    expect(replies.filter((r) => r.type === 'progress')).toEqual([
      { id: 2, type: 'progress', done: 0, total: 2 },
      { id: 2, type: 'progress', done: 1, total: 2 },
      { id: 2, type: 'progress', done: 2, total: 2 },
    ]);
    expect(replies.at(-1)!.type).toBe('done');
  });

  it('a result that came in slices is handed to the store in a task of its own, not in the one that read the last message', async () => {
    const timers: (() => void)[] = [];
    let worker: WorkerLike | null = null;
    const runner = createWorkerRunner(
      () => (worker = { onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} }),
      { now: () => 0, setTimeout: (fn) => timers.push(fn), clearTimeout: () => {} },
    );
    const state = createAppStore().getState().cluster;
    let outcome: unknown = null;
    void Promise.resolve(runner.run({ type: 'manifest', state, action: { type: 'apply', text: '' } })).then((o) => (outcome = o));
    await Promise.resolve();
    const reply = (data: EngineReply) => worker!.onmessage!({ data } as MessageEvent<EngineReply>);
    reply({ id: 1, type: 'state-begin', skeleton: state });
    reply({ id: 1, type: 'done', value: { state: null, steps: [], states: new Map(), result: [], settle: { settled: true } } as never, parts: { state: true } });
    await Promise.resolve();
    expect(outcome).toBeNull();
    expect(timers).toHaveLength(1);
    timers[0]!();
    await Promise.resolve();
    expect(outcome).toMatchObject({ ok: true, value: { state } });
  });
});
