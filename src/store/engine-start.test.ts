// The starting cluster (and a Reset's) is built where the engine runs, so the page's first screen
// loads none of the engine: the store shows a placeholder until the worker's state arrives, and
// everything that needs the cluster waits for it.
import { describe, expect, it } from 'vitest';
import { createCluster, PRESETS, viewOf } from '../engine/index.ts';
import { toFlowGraph } from '../ui/canvas/graph.ts';
import { createAppStore } from './app-store.ts';
import { createLazyInlineRunner, createWorkerRunner, type EngineRunner, type WorkerLike } from './engine-client.ts';
import { setDefaultEngineRunner } from './default-runner.ts';
import { createInlineRunner } from './engine-inline.ts';
import { fakeWorkers } from './fake-workers.ts';
import { isPlaceholderCluster, placeholderCluster } from './placeholder.ts';
import { saveSession, SESSION_KEY, type KeyValueStorage } from './persistence.ts';

const PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** A store as the page makes it: actions and fresh clusters in one (fake) worker. */
function pageStore(storage?: KeyValueStorage) {
  const w = fakeWorkers();
  const runner = createWorkerRunner(w.spawn);
  const store = createAppStore({ engine: runner, startIn: runner, ...(storage ? { storage } : {}) });
  return { w, store };
}

const nodeNames = (store: ReturnType<typeof createAppStore>) => viewOf(store.getState().cluster).list('Node').map((n) => n.metadata.name);
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('the starting cluster', () => {
  it('is built in the worker: a placeholder first, then the preset\'s cluster, which the next Apply refers to by reference', async () => {
    const { w, store } = pageStore();
    expect(store.getState().starting).toBe(true);
    expect(store.getState().cluster).toEqual(placeholderCluster('bare', 1));
    expect(isPlaceholderCluster(store.getState().cluster)).toBe(true);
    expect(nodeNames(store)).toEqual([]);
    expect(w.sent).toEqual([{ id: 1, type: 'start', preset: 'bare', seed: 1 }]);

    // An Apply made before the cluster arrives waits for it, then runs on it.
    await store.getState().applyEditor();
    expect(store.getState().starting).toBe(false);
    expect(store.getState().timeline.frames[0]!.state).toEqual(createAppStore().getState().cluster);
    expect(isPlaceholderCluster(store.getState().timeline.frames[0]!.state)).toBe(false);
    expect(w.sent[1]).toMatchObject({ type: 'manifest', state: { last: true } });
    expect(store.getState().lastApply?.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
    expect(nodeNames(store)).toEqual(['node-1']);
    expect(w.spawned).toHaveLength(1);
  });

  it('every cluster the engine makes is told apart from the placeholder (the canvas says "Starting the cluster…" only for that)', () => {
    for (const preset of PRESETS) expect(isPlaceholderCluster(createCluster({ preset }))).toBe(false);
    const g = toFlowGraph(placeholderCluster('kind', 1));
    expect(g.nodes.filter((n) => n.id.startsWith('empty:')).map((n) => (n.data as { text: string }).text)).toEqual(['Starting the cluster…', 'Starting the cluster…', 'No claims yet', 'No volumes yet']);
  });

  it('answers at once with an in-process engine (unit tests, and a script that passes one)', () => {
    const store = createAppStore();
    expect(store.getState().starting).toBe(false);
    expect(nodeNames(store)).toEqual(['node-1']);
    setDefaultEngineRunner(() => createLazyInlineRunner()); // a script without the tests' setup
    try {
      const given = createAppStore({ engine: createInlineRunner() });
      expect(given.getState().starting).toBe(false);
      given.getState().applyEditor();
      expect(given.getState().exportSession().actions).toHaveLength(1);
    } finally {
      setDefaultEngineRunner(() => createInlineRunner());
    }
  });

  it('a terminal line typed before the cluster arrives waits for it', async () => {
    const { store } = pageStore();
    const r = await store.getState().runCommand('kubectl get nodes -o name');
    expect(r.chunks).toEqual([{ stream: 'stdout', text: 'node/node-1\n' }]);
  });

  it('a worker that cannot build it: the page builds it itself', async () => {
    const runner = createWorkerRunner(() => {
      const w: WorkerLike = { onmessage: null, onerror: null, postMessage: () => queueMicrotask(() => w.onerror?.({ message: 'no module workers', preventDefault() {} } as ErrorEvent)), terminate() {} };
      return w;
    });
    const store = createAppStore({ startIn: runner });
    expect(store.getState().starting).toBe(true);
    await store.getState().applyEditor();
    expect(store.getState().starting).toBe(false);
    expect(store.getState().lastApply?.results).toHaveLength(3);
  });

  it('does not overwrite the session saved before the reload, which is then restored', async () => {
    const storage = memoryStorage();
    const first = createAppStore({ storage });
    first.getState().setEditorText(PVC);
    first.getState().applyEditor();
    saveSession(storage, () => first.getState().exportSession());
    const saved = [...storage.data.entries()];

    const { store } = pageStore(storage);
    await settled(); // the start has landed
    expect(store.getState().starting).toBe(false);
    expect([...storage.data.entries()]).toEqual(saved);
    expect(await store.getState().restoreSavedSession()).toBe(true);
    expect(store.getState().timeline.actions).toHaveLength(1);
    expect(viewOf(store.getState().cluster).get('PersistentVolumeClaim', 'default/data')).toBeDefined();
  });

  it('a share link opened while it starts waits for it (the worker is not stopped), then replays', async () => {
    const a = createAppStore();
    a.getState().setEditorText(PVC);
    a.getState().applyEditor();
    const { w, store } = pageStore();
    await store.getState().loadSession(a.getState().exportSession());
    expect(w.spawned.map((s) => s.terminated)).toEqual([false]);
    expect(w.sent.map((r) => r.type)).toEqual(['start', 'replay']);
    expect(JSON.stringify(store.getState().timeline)).toBe(JSON.stringify(a.getState().timeline));
    expect(store.getState().starting).toBe(false);
  });
});

describe('Reset', () => {
  it('shows the new preset at once and its cluster once the worker built it; actions meanwhile wait for it', async () => {
    const { w, store } = pageStore();
    await store.getState().applyEditor();
    const resetting = store.getState().resetCluster('kind');
    expect(store.getState().preset).toBe('kind');
    expect(nodeNames(store)).toEqual(['node-1']); // the old cluster until the new one arrives
    store.getState().setEditorText(PVC);
    const applying = store.getState().applyEditor();
    await resetting;
    expect(nodeNames(store)).toEqual(['kind-control-plane']);
    expect(store.getState().undoableReset).toEqual({ preset: 'bare', actions: 1 });
    await applying;
    // The Apply ran on kind's cluster: its default class took the claim.
    expect((viewOf(store.getState().cluster).get('PersistentVolumeClaim', 'default/data') as { spec: { storageClassName?: string } }).spec.storageClassName).toBe('standard');
    expect(w.sent.map((r) => r.type)).toEqual(['start', 'manifest', 'start', 'manifest']);
    expect(store.getState().timeline.actions).toHaveLength(1);
  });

  it('saves no session while the new cluster is built (the new preset with the old actions is none), then the fresh one', async () => {
    const storage = memoryStorage();
    const { store } = pageStore(storage);
    store.getState().setEditorText(PVC);
    await store.getState().applyEditor();
    const saved = () => JSON.parse(storage.data.get(SESSION_KEY)!) as { preset: string; actions: unknown[] };
    expect(saved()).toMatchObject({ preset: 'bare', actions: [expect.anything()] });
    const resetting = store.getState().resetCluster('kind');
    expect(saved()).toMatchObject({ preset: 'bare', actions: [expect.anything()] });
    await resetting;
    expect(saved()).toMatchObject({ preset: 'kind', actions: [] });
  });

  it('two Resets in a row: Undo brings back what was there before the first', async () => {
    const { store } = pageStore();
    await store.getState().applyEditor();
    const before = store.getState().timeline;
    const first = store.getState().resetCluster('kind');
    const second = store.getState().resetCluster('multi-az');
    await Promise.all([first, second]);
    expect(store.getState().undoableReset).toEqual({ preset: 'bare', actions: 1 });
    store.getState().undoReset();
    expect(store.getState().preset).toBe('bare');
    expect(store.getState().timeline).toBe(before);
  });

  it('a second Reset before the first arrives wins', async () => {
    const { store } = pageStore();
    await store.getState().resetCluster('kind');
    const first = store.getState().resetCluster('multi-az');
    const second = store.getState().resetCluster('kind-multinode');
    await Promise.all([first, second]);
    expect(store.getState().preset).toBe('kind-multinode');
    expect(nodeNames(store)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
  });

  it('Undo brings back the cluster, the timeline and the terminal shell the Reset replaced', async () => {
    const runner: EngineRunner = createWorkerRunner(fakeWorkers().spawn);
    const store = createAppStore({ engine: runner, startIn: runner });
    await store.getState().runCommand('NS=lab');
    await store.getState().runCommand('kubectl create namespace $NS');
    const before = store.getState().timeline;
    await store.getState().resetCluster();
    expect((await store.getState().runCommand('echo "[$NS]"')).chunks).toEqual([{ stream: 'stdout', text: '[]\n' }]);
    store.getState().undoReset();
    expect(store.getState().timeline).toBe(before);
    expect((await store.getState().runCommand('echo "[$NS]"')).chunks).toEqual([{ stream: 'stdout', text: '[lab]\n' }]);
  });
});
