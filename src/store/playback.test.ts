import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store.ts';
import { frameInterval, startPlaybackClock, type Timers } from './playback.ts';

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
