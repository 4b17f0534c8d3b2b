// What a teacher relies on in front of a class: a reset that can be undone, a what-if fork that
// keeps the real future as a branch to switch back to, and a reload that brings the session back.
import { describe, expect, it } from 'vitest';
import { viewOf } from '../engine/index.ts';
import { createAppStore } from './app-store.ts';
import { HISTORY_KEY, SESSION_KEY, SESSION_SAVE_MAX_CHARS, type KeyValueStorage } from './persistence.ts';
import { branchLabel } from './timeline.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const PV = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: example-pv
spec:
  capacity: { storage: 5Gi }
  accessModes: [ReadWriteOnce]
  hostPath: { path: /mnt/data }
`;
const PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: example-pvc
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 2Gi } }
`;

const names = (store: ReturnType<typeof createAppStore>, kind: 'PersistentVolume' | 'PersistentVolumeClaim') => viewOf(store.getState().cluster).list(kind).map((o) => o.metadata.name);

async function applyText(store: ReturnType<typeof createAppStore>, text: string) {
  store.getState().setEditorText(text);
  await store.getState().applyEditor();
}

describe('reset and undo', () => {
  it('undo brings back the cluster, the timeline and the preset the reset replaced', async () => {
    const store = createAppStore();
    await applyText(store, PV);
    const before = store.getState().timeline;
    store.getState().resetCluster('kind');
    expect(store.getState().preset).toBe('kind');
    expect(names(store, 'PersistentVolume')).toEqual([]);
    expect(store.getState().undoableReset).toEqual({ preset: 'bare', actions: 1 });
    store.getState().undoReset();
    expect(store.getState().preset).toBe('bare');
    expect(store.getState().timeline).toBe(before);
    expect(names(store, 'PersistentVolume')).toEqual(['example-pv']);
    expect(store.getState().undoableReset).toBeNull();
  });

  it('offers no undo for a cluster nothing was done to, and none once the next action is recorded', async () => {
    const store = createAppStore();
    store.getState().resetCluster();
    expect(store.getState().undoableReset).toBeNull();
    await applyText(store, PV);
    store.getState().resetCluster();
    expect(store.getState().undoableReset).not.toBeNull();
    await applyText(store, PVC);
    expect(store.getState().undoableReset).toBeNull();
    store.getState().undoReset(); // nothing to undo: the new action stays
    expect(names(store, 'PersistentVolumeClaim')).toEqual(['example-pvc']);
    expect(names(store, 'PersistentVolume')).toEqual([]);
  });
});

describe('what-if branches', () => {
  it('a fork keeps the old future as a branch; switching swaps the two, and back', async () => {
    const store = createAppStore();
    await applyText(store, PV);
    await applyText(store, PVC);
    const real = store.getState().timeline;
    expect(names(store, 'PersistentVolumeClaim')).toEqual(['example-pvc']);

    // Back to just after the PV, then a different second action: a what-if.
    const afterPv = real.frames.findLastIndex((f) => f.action === 0);
    store.getState().seekTo(afterPv);
    await applyText(store, PVC.replace('example-pvc', 'other'));
    const whatIf = store.getState().timeline;
    expect(whatIf.actions).toHaveLength(2);
    expect(whatIf.actions[1]!.at).toBe(afterPv);
    expect(whatIf.branches).toHaveLength(1);
    expect(branchLabel(whatIf.branches![0]!)).toBe('kubectl apply -f manifest.yaml');
    expect(names(store, 'PersistentVolumeClaim')).toEqual(['other']);

    store.getState().switchBranch(0);
    const back = store.getState().timeline;
    expect(back.frames).toBe(real.frames);
    expect(back.actions).toBe(real.actions);
    expect(back.cursor).toBe(real.frames.length - 1);
    expect(names(store, 'PersistentVolumeClaim')).toEqual(['example-pvc']);
    // The what-if is now the branch, so the teacher can go back to it too.
    expect(back.branches![0]!.frames).toBe(whatIf.frames);
    store.getState().switchBranch(0);
    expect(names(store, 'PersistentVolumeClaim')).toEqual(['other']);
  });

  it('a fork inside the last action keeps the rest of that action', async () => {
    const store = createAppStore();
    await applyText(store, `${PV}---\n${PVC}`);
    const frames = store.getState().timeline.frames.length;
    expect(frames).toBeGreaterThan(2);
    store.getState().seekTo(1);
    await applyText(store, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n');
    const b = store.getState().timeline.branches![0]!;
    expect(b.frames).toHaveLength(frames);
    expect(branchLabel(b)).toBe('the rest of kubectl apply -f manifest.yaml');
  });
});

describe('a reload keeps the session and the terminal history', () => {
  it('saves the session as it changes and replays it in a new page', async () => {
    const storage = memoryStorage();
    const first = createAppStore({ storage });
    await applyText(first, PV);
    await applyText(first, PVC);
    first.getState().seekTo(1);
    first.getState().setCanvasView('docker');
    first.getState().setTerminalHistory(['kubectl get pv', 'kubectl get pvc']);
    expect(JSON.parse(storage.data.get(SESSION_KEY)!).actions).toHaveLength(2);
    expect(JSON.parse(storage.data.get(HISTORY_KEY)!)).toEqual(['kubectl get pv', 'kubectl get pvc']);

    const second = createAppStore({ storage });
    expect(second.getState().terminalHistory).toEqual(['kubectl get pv', 'kubectl get pvc']);
    expect(names(second, 'PersistentVolume')).toEqual([]);
    expect(await second.getState().restoreSavedSession()).toBe(true);
    const t = second.getState().timeline;
    expect(t.frames.length).toBe(first.getState().timeline.frames.length);
    expect(t.cursor).toBe(1);
    expect(second.getState().canvasView).toBe('docker');
    second.getState().goLive();
    expect(names(second, 'PersistentVolumeClaim')).toEqual(['example-pvc']);
    expect(second.getState().editorText).toBe(PVC);
  });

  it('keeps no session past SESSION_SAVE_MAX_CHARS, so the editor text can still be saved', async () => {
    const storage = memoryStorage();
    const store = createAppStore({ storage });
    await applyText(store, `${PV}# ${'x'.repeat(SESSION_SAVE_MAX_CHARS)}\n`);
    expect(storage.data.get(SESSION_KEY)).toBe('null');
    expect(await createAppStore({ storage }).getState().restoreSavedSession()).toBe(false);
  });

  it('restores nothing from an empty or corrupt save', async () => {
    const storage = memoryStorage();
    expect(await createAppStore({ storage }).getState().restoreSavedSession()).toBe(false);
    storage.setItem(SESSION_KEY, '{"v":1,"preset":"nope"');
    expect(await createAppStore({ storage }).getState().restoreSavedSession()).toBe(false);
    storage.setItem(HISTORY_KEY, '[1, "ok"]');
    expect(createAppStore({ storage }).getState().terminalHistory).toEqual(['ok']);
  });
});
