// Acting during a play-out (issue 12): while "play out each action" shows the last action step by
// step, the view is in the past on its way to live. A terminal line, an Apply or a canvas action
// taken then goes live first and acts there: it reads the present, is recorded after it, and
// forks no what-if timeline from the play-out's intermediate step.
import { describe, expect, it } from 'vitest';
import { viewOf } from '../engine/index.ts';
import { chaosMenuFor } from '../ui/canvas/chaos-actions.ts';
import { createAppStore } from './app-store.ts';
import { createWorkerRunner } from './engine-client.ts';
import { fakeWorkers } from './fake-workers.ts';
import { actingForks } from './playback.ts';

const PV_PVC = `apiVersion: v1
kind: PersistentVolume
metadata: { name: pv1 }
spec: { capacity: { storage: 1Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /d } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: c1 }
spec: { storageClassName: "", accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;

/** As the page makes it: the engine in a (fake) worker, so every action answers later. */
async function playingOut() {
  const runner = createWorkerRunner(fakeWorkers().spawn);
  const store = createAppStore({ engine: runner, startIn: runner });
  store.getState().setPlayOut(true);
  store.getState().setEditorText(PV_PVC);
  await store.getState().applyEditor();
  const s = store.getState();
  // The play-out shows the Apply's first step: the claim is still Pending there.
  expect(s.playingOut).toBe(true);
  expect(s.timeline.cursor).toBe(1);
  expect(claimPhase(store)).toBe('Pending');
  return store;
}

type Store = ReturnType<typeof createAppStore>;
const claimPhase = (store: Store) => (viewOf(store.getState().cluster).get('PersistentVolumeClaim', 'default/c1') as { status?: { phase?: string } } | undefined)?.status?.phase;
const out = (r: { chunks: { text: string }[] }) => r.chunks.map((c) => c.text).join('');

/** Nothing forked: no action recorded at a past frame, no branch left behind, frames in action order. */
function expectNoFork(store: Store, actions: number) {
  const t = store.getState().timeline;
  expect(t.actions).toHaveLength(actions);
  expect(t.actions.filter((a) => a.at !== undefined)).toEqual([]);
  expect(t.branches ?? []).toEqual([]);
  const order = t.frames.map((f) => f.action);
  expect(order).toEqual([...order].sort((a, b) => a - b));
}

describe('acting during a play-out goes live first', () => {
  it('a terminal line reads the present, not the step being shown', async () => {
    const store = await playingOut();
    const r = await store.getState().runCommand("kubectl get pvc c1 -o jsonpath='{.status.phase}'");
    expect(out(r)).toBe('Bound');
    const s = store.getState();
    expect(s.playingOut).toBe(false);
    expect(s.timeline.cursor).toBe(s.timeline.frames.length - 1);
    expectNoFork(store, 1);
  });

  it('a terminal line that changes the cluster is recorded after the present, then plays itself out', async () => {
    const store = await playingOut();
    const liveFrames = store.getState().timeline.frames.length;
    const r = await store.getState().runCommand('kubectl delete pvc c1');
    expect(out(r)).toBe('persistentvolumeclaim "c1" deleted from default namespace\n');
    expectNoFork(store, 2);
    const s = store.getState();
    // Its own play-out starts at its first step, right after the Apply's end state.
    expect(s.timeline.frames.length).toBeGreaterThan(liveFrames + 1);
    expect(s.timeline.cursor).toBe(liveFrames);
    expect(s.playingOut).toBe(true);
    store.getState().goLive();
    expect((viewOf(store.getState().cluster).get('PersistentVolume', 'pv1') as { status?: { phase?: string } }).status?.phase).toBe('Released');
  });

  it('an Apply from the editor applies at live', async () => {
    const store = await playingOut();
    store.setState({ editorText: PV_PVC.replace(/c1/g, 'c2').replace(/pv1/g, 'pv2') }); // straight to Apply, no typing
    await store.getState().applyEditor();
    expectNoFork(store, 2);
    store.getState().goLive();
    expect(claimPhase(store)).toBe('Bound'); // the first Apply's claim, as at live
  });

  it('a canvas action (its menu made from the step shown) runs at live', async () => {
    const store = await playingOut();
    const menu = chaosMenuFor(store.getState().cluster, { kind: 'Node', name: 'node-1' })!;
    const cordon = menu.groups.flat().find((a) => a.id === 'cordon')!;
    await store.getState().runCommand(cordon.command);
    expectNoFork(store, 2);
    store.getState().goLive();
    expect(claimPhase(store)).toBe('Bound');
    expect((viewOf(store.getState().cluster).get('Node', 'node-1') as { spec?: { unschedulable?: boolean } }).spec?.unschedulable).toBe(true);
  });

  it('no listener ever sees the view in the past without the play-out (the terminal would announce a what-if)', async () => {
    const runner = createWorkerRunner(fakeWorkers().spawn);
    const store = createAppStore({ engine: runner, startIn: runner });
    const seen: boolean[] = [];
    store.subscribe((s) => void seen.push(actingForks(s)));
    store.getState().setPlayOut(true);
    store.getState().setEditorText(PV_PVC);
    await store.getState().applyEditor();
    store.getState().tick();
    await store.getState().runCommand('kubectl delete pvc c1');
    while (store.getState().playingOut) store.getState().tick();
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter(Boolean)).toEqual([]);
  });

  it('says whether acting now would fork: not during a play-out, yes once the learner paused it in the past', async () => {
    const store = await playingOut();
    expect(actingForks(store.getState())).toBe(false);
    store.getState().pause();
    expect(actingForks(store.getState())).toBe(true);
    await store.getState().runCommand('kubectl create namespace lab');
    expect(store.getState().timeline.actions.at(-1)).toEqual({ action: { type: 'command', line: 'kubectl create namespace lab' }, at: 1 });
    expect(actingForks(store.getState())).toBe(false);
  });
});
