import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store.ts';
import { frameInterval, startPlaybackClock, type Timers } from './playback.ts';
import { viewOf } from '../engine/index.ts';

/** A fake clock: timers fire only when the test advances time. */
function fakeTimers() {
  let now = 0;
  const queue = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = next++;
      queue.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => void queue.delete(h as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...queue.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      queue.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { timers, advance, pending: () => queue.size };
}

const PVC = `apiVersion: v1
kind: PersistentVolume
metadata: { name: pv1 }
spec: { capacity: { storage: 1Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /d } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: c1 }
spec: { storageClassName: "", accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;

describe('playback clock', () => {
  it('advances one frame per interval while playing, faster at higher speed, and stops at the end', () => {
    const store = createAppStore();
    store.getState().setEditorText(PVC);
    store.getState().applyEditor();
    const last = store.getState().timeline.frames.length - 1;
    const clock = fakeTimers();
    const stop = startPlaybackClock(store, clock.timers);
    store.getState().play();
    expect(store.getState().timeline.cursor).toBe(0);
    clock.advance(frameInterval(1) - 1);
    expect(store.getState().timeline.cursor).toBe(0);
    clock.advance(1);
    expect(store.getState().timeline.cursor).toBe(1);
    store.getState().setSpeed(4);
    clock.advance(frameInterval(4));
    expect(store.getState().timeline.cursor).toBe(2);
    clock.advance(frameInterval(4) * (last + 5));
    expect(store.getState().timeline.cursor).toBe(last);
    expect(store.getState().playing).toBe(false);
    expect(clock.pending()).toBe(0);
    stop();
  });

  it('pauses when the learner steps by hand', () => {
    const store = createAppStore();
    store.getState().setEditorText(PVC);
    store.getState().applyEditor();
    const clock = fakeTimers();
    startPlaybackClock(store, clock.timers);
    store.getState().play();
    store.getState().stepForward();
    expect(store.getState().playing).toBe(false);
    const at = store.getState().timeline.cursor;
    clock.advance(frameInterval(1) * 3);
    expect(store.getState().timeline.cursor).toBe(at);
  });
});

describe('play out each action (issue 12)', () => {
  const claimPhase = (store: ReturnType<typeof createAppStore>) =>
    (viewOf(store.getState().cluster).get('PersistentVolumeClaim', 'default/c1') as { status?: { phase?: string } } | undefined)?.status?.phase;

  it('off: an Apply lands at live, its end state', () => {
    const store = createAppStore();
    store.getState().setEditorText(PVC);
    store.getState().applyEditor();
    const s = store.getState();
    expect(s.timeline.cursor).toBe(s.timeline.frames.length - 1);
    expect(s.playing).toBe(false);
    expect(claimPhase(store)).toBe('Bound');
  });

  it('on: the Apply is shown from its first step (claim Pending) and played to live (Bound) at the current speed', () => {
    const store = createAppStore();
    const clock = fakeTimers();
    startPlaybackClock(store, clock.timers);
    store.getState().setPlayOut(true);
    store.getState().setSpeed(2);
    store.getState().setEditorText(PVC);
    store.getState().applyEditor();
    const s = store.getState();
    const last = s.timeline.frames.length - 1;
    // Frame 0 is the empty cluster; the action's first step is frame 1.
    expect(s.timeline.cursor).toBe(1);
    expect(s.playing).toBe(true);
    expect(s.playingOut).toBe(true);
    expect(s.latestSteps[0]?.actor).toBe('user');
    expect(claimPhase(store)).toBe('Pending');
    clock.advance(frameInterval(2));
    expect(store.getState().timeline.cursor).toBe(2);
    clock.advance(frameInterval(2) * last);
    expect(store.getState().timeline.cursor).toBe(last);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().playingOut).toBe(false);
    expect(claimPhase(store)).toBe('Bound');
  });

  it('an action with one step is not played out', () => {
    const store = createAppStore();
    store.getState().setPlayOut(true);
    store.getState().setEditorText('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cm }\ndata: { a: b }\n');
    store.getState().applyEditor();
    const s = store.getState();
    expect(s.timeline.cursor).toBe(s.timeline.frames.length - 1);
    expect(s.playing).toBe(false);
  });

  it('End skips to live; typing or applying during a play-out goes live first, so nothing forks', () => {
    const store = createAppStore();
    store.getState().setPlayOut(true);
    store.getState().setEditorText(PVC);
    store.getState().applyEditor();
    store.getState().goLive();
    expect(store.getState().playing).toBe(false);
    expect(claimPhase(store)).toBe('Bound');

    store.getState().play(); // a hand-started replay is not a play-out
    expect(store.getState().playingOut).toBe(false);
    store.getState().goLive();

    store.getState().setEditorText(PVC.replace(/c1/g, 'c2').replace(/pv1/g, 'pv2'));
    store.getState().applyEditor();
    expect(store.getState().playingOut).toBe(true);
    const actions = store.getState().timeline.actions.length;
    store.getState().setEditorText(PVC.replace(/c1/g, 'c3').replace(/pv1/g, 'pv3'));
    expect(store.getState().playingOut).toBe(false);
    expect(store.getState().timeline.cursor).toBe(store.getState().timeline.frames.length - 1);
    store.getState().setPlayOut(false);
    store.getState().applyEditor();
    const s = store.getState();
    expect(s.timeline.actions.length).toBe(actions + 1);
    expect(s.timeline.branches ?? []).toEqual([]);
    expect(s.timeline.cursor).toBe(s.timeline.frames.length - 1);
  });

  it('an Apply while a play-out runs applies at live and plays itself out', () => {
    const store = createAppStore();
    store.getState().setPlayOut(true);
    store.getState().setEditorText(PVC);
    store.getState().applyEditor();
    expect(store.getState().playingOut).toBe(true);
    store.setState({ editorText: PVC.replace(/c1/g, 'c2').replace(/pv1/g, 'pv2') }); // no typing: straight to Apply
    store.getState().applyEditor();
    const s = store.getState();
    expect(s.timeline.branches ?? []).toEqual([]);
    expect(s.timeline.actions.length).toBe(2);
    expect(s.playingOut).toBe(true);
    expect(s.latestSteps[0]?.actor).toBe('user');
  });
});
