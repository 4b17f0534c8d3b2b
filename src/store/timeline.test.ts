import { describe, expect, it } from 'vitest';
import { captureStates, createCluster, viewOf, type ClusterState } from '../engine/index.ts';
import { applyManifest } from '../engine/write.ts';
import { createAppStore } from './app-store.ts';
import { FRAMES_PER_ACTION } from './timeline.ts';
import { parseSession } from './session.ts';

const PV_PVC = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: example-pv
spec:
  capacity: { storage: 5Gi }
  accessModes: [ReadWriteOnce]
  hostPath: { path: /mnt/data }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: example-pvc
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 2Gi } }
`;

const phase = (state: ClusterState, kind: 'PersistentVolume' | 'PersistentVolumeClaim', key: string) =>
  (viewOf(state).get(kind, key) as { status?: { phase?: string } } | undefined)?.status?.phase;

describe('engine state capture', () => {
  it('keeps a frozen state after every step: later steps never change an earlier snapshot', () => {
    const base = createCluster({ preset: 'bare' });
    const { result, states } = captureStates(() => applyManifest(base, PV_PVC, { mode: 'apply' }));
    expect(result.steps.length).toBeGreaterThan(2);
    const frozen = result.steps.map((s) => JSON.stringify(states.get(s)));
    // Run more work afterwards on the final state; nothing captured may move.
    applyManifest(result.state, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n', { mode: 'apply' });
    expect(result.steps.map((s) => JSON.stringify(states.get(s)))).toEqual(frozen);
    // The first step (the user's) has both objects created but not yet bound; the last has them Bound.
    const first = states.get(result.steps[0]!)!;
    expect(phase(first, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Pending');
    expect(phase(states.get(result.steps.at(-1)!)!, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Bound');
    expect(phase(base, 'PersistentVolume', 'example-pv')).toBeUndefined();
  });

  it('costs nothing outside a capture (the CLI path)', () => {
    const base = createCluster({ preset: 'bare' });
    const a = applyManifest(base, PV_PVC, { mode: 'apply' });
    const b = captureStates(() => applyManifest(base, PV_PVC, { mode: 'apply' })).result;
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
  });
});

describe('timeline and time travel', () => {
  it('has one frame per step; stepping back shows the cluster as it was', () => {
    const store = createAppStore();
    store.getState().setEditorText(PV_PVC);
    store.getState().applyEditor();
    const { timeline } = store.getState();
    expect(timeline.frames.length).toBe(store.getState().latestSteps.length + 1);
    expect(phase(store.getState().cluster, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Bound');

    store.getState().seekTo(1); // right after the user's step
    expect(phase(store.getState().cluster, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Pending');
    store.getState().stepBack();
    expect(phase(store.getState().cluster, 'PersistentVolumeClaim', 'default/example-pvc')).toBeUndefined();
    store.getState().stepBack(); // clamped at the first frame
    expect(store.getState().timeline.cursor).toBe(0);
    store.getState().goLive();
    expect(phase(store.getState().cluster, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Bound');
  });

  it('folds the steps of a huge action past FRAMES_PER_ACTION into its last frame', () => {
    const pairs = Array.from({ length: 250 }, (_, i) =>
      `apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: pv-${i} }\nspec: { capacity: { storage: 1Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /d/${i} } }\n---\n` +
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: c-${i} }\nspec: { storageClassName: "", accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }`,
    ).join('\n---\n');
    const store = createAppStore();
    store.getState().setEditorText(pairs);
    store.getState().applyEditor();
    const { timeline, latestSteps } = store.getState();
    expect(latestSteps.length).toBeGreaterThan(FRAMES_PER_ACTION);
    expect(timeline.frames).toHaveLength(FRAMES_PER_ACTION + 2);
    const last = timeline.frames.at(-1)!;
    expect(last.folded).toBe(latestSteps.length - FRAMES_PER_ACTION - 1);
    expect(last.step).toBe(latestSteps.at(-1));
    expect(phase(last.state, 'PersistentVolumeClaim', 'default/c-249')).toBe('Bound');
    // A kept frame still shows its own moment: after the user's step nothing is bound yet.
    expect(phase(timeline.frames[1]!.state, 'PersistentVolumeClaim', 'default/c-0')).toBe('Pending');
  });

  it('plays the last action from its start, one frame per tick, and stops at the end', () => {
    const store = createAppStore();
    store.getState().setEditorText(PV_PVC);
    store.getState().applyEditor();
    const end = store.getState().timeline.frames.length - 1;
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    expect(store.getState().timeline.cursor).toBe(0);
    const seen: (string | undefined)[] = [];
    for (let i = 0; i < end + 2; i++) {
      store.getState().tick();
      seen.push(phase(store.getState().cluster, 'PersistentVolumeClaim', 'default/example-pvc'));
    }
    expect(store.getState().timeline.cursor).toBe(end);
    expect(store.getState().playing).toBe(false);
    expect(seen[0]).toBe('Pending');
    expect(seen.at(-1)).toBe('Bound');
    expect(store.getState().latestSteps).toHaveLength(1);
  });

  it('forks a what-if: acting in the past replaces the future', () => {
    const store = createAppStore();
    store.getState().setEditorText(PV_PVC);
    store.getState().applyEditor();
    store.getState().seekTo(0);
    // Back before anything existed, apply only the claim: without the PV it stays Pending.
    store.getState().applyDocument(1);
    const s = store.getState();
    expect(phase(s.cluster, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Pending');
    expect(phase(s.cluster, 'PersistentVolume', 'example-pv')).toBeUndefined();
    expect(s.timeline.actions).toEqual([{ action: { type: 'apply', text: PV_PVC, only: [1] }, at: 0 }]);
    expect(s.timeline.cursor).toBe(s.timeline.frames.length - 1);
  });

  it('deletes one document', () => {
    const store = createAppStore();
    store.getState().setEditorText(PV_PVC);
    store.getState().applyEditor();
    store.getState().deleteDocument(1);
    const s = store.getState();
    expect(s.lastApply?.results.map((r) => r.outcome)).toEqual(['deleted']);
    expect(viewOf(s.cluster).get('PersistentVolumeClaim', 'default/example-pvc')).toBeUndefined();
    expect(phase(s.cluster, 'PersistentVolume', 'example-pv')).toBe('Released');
  });

  it('replays an exported session to the same frames, fork and cursor included', async () => {
    const a = createAppStore();
    a.getState().setEditorText(PV_PVC);
    a.getState().applyEditor();
    a.getState().seekTo(1);
    a.getState().deleteDocument(0);
    a.getState().seekTo(2);
    a.getState().selectObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'example-pvc' });
    const session = a.getState().exportSession();
    const parsed = parseSession(JSON.parse(JSON.stringify(session)));
    expect(parsed.ok).toBe(true);

    const b = createAppStore({ seed: 7 });
    await b.getState().loadSession(parsed.ok ? parsed.session : session);
    expect(b.getState().timeline.frames.map((f) => JSON.stringify(f.state))).toEqual(a.getState().timeline.frames.map((f) => JSON.stringify(f.state)));
    expect(b.getState().timeline.cursor).toBe(2);
    expect(b.getState().seed).toBe(1);
    // The link opens on the object the sharer had selected.
    expect(b.getState().selected).toEqual({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'example-pvc' });
  });

  it('rejects malformed sessions with the field that is wrong', () => {
    const good = createAppStore().getState().exportSession();
    expect(parseSession({ ...good, preset: 'moon' })).toEqual({ ok: false, error: 'unknown cluster preset "moon"' });
    expect(parseSession({ ...good, v: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/version 2/) });
    expect(parseSession({ ...good, actions: [{ action: { type: 'rm -rf' } }] })).toEqual({ ok: false, error: 'actions[0]: unknown action type "rm -rf"' });
    expect(parseSession('nope')).toEqual({ ok: false, error: 'the session is not an object' });
  });
});

describe('terminal commands on the timeline', () => {
  it('records a command with a frame per step, and replays it from a session', async () => {
    const a = createAppStore();
    a.getState().setEditorText(PV_PVC);
    a.getState().applyEditor();
    const framesBefore = a.getState().timeline.frames.length;
    await a.getState().runCommand('kubectl delete pvc example-pvc');
    expect(a.getState().timeline.frames.length).toBeGreaterThan(framesBefore);
    expect(phase(a.getState().cluster, 'PersistentVolume', 'example-pv')).toBe('Released');
    // A read-only command adds no frame.
    const n = a.getState().timeline.frames.length;
    await a.getState().runCommand('kubectl get pv');
    expect(a.getState().timeline.frames.length).toBe(n);

    const b = createAppStore();
    await b.getState().loadSession(a.getState().exportSession());
    expect(JSON.stringify(b.getState().cluster)).toBe(JSON.stringify(a.getState().cluster));
  });
});
