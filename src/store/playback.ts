// The playback clock: while the store says `playing`, it advances the timeline one frame per
// interval (shorter at higher speeds). Timers are passed in, so tests drive it with fake ones.
import type { AppStore, Speed } from './app-store.ts';
import { actionStart, isLive, type Timeline } from './timeline.ts';

/** One frame per this many milliseconds at 1×: long enough to watch a card change and an edge draw. */
export const FRAME_MS = 900;

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export function frameInterval(speed: Speed): number {
  return Math.round(FRAME_MS / speed);
}

/** Starts the clock; returns a function that stops it. */
export function startPlaybackClock(store: AppStore, timers: Timers): () => void {
  let handle: unknown = null;
  const schedule = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    const { playing, speed } = store.getState();
    if (!playing) return;
    handle = timers.setTimeout(() => {
      handle = null;
      store.getState().tick();
      schedule();
    }, frameInterval(speed));
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing !== prev.playing || s.speed !== prev.speed || (s.playing && s.timeline.cursor !== prev.timeline.cursor && handle === null)) schedule();
  });
  schedule();
  return () => {
    unsubscribe();
    if (handle !== null) timers.clearTimeout(handle);
  };
}

/**
 * Where "play out each action" starts after an action lands at live: the action's first step, so
 * the class sees each controller's step (Pending, then provisioning, then Bound) instead of the
 * end state. Null when there is nothing to play out: not live, or the action made one frame or none.
 */
export function playOutStart(t: Timeline): number | null {
  if (!isLive(t) || t.frames.length < 2) return null;
  const first = actionStart(t) + 1;
  return t.cursor - first >= 1 ? first : null;
}

/**
 * Whether an action taken now (Apply, a terminal line, a canvas action) would fork a what-if
 * timeline: the view is in the past by the learner's choice. A play-out is not: acting during one
 * goes live first and acts there, so the view counts as the present while it plays.
 */
export function actingForks(s: { timeline: Timeline; playingOut: boolean }): boolean {
  return !isLive(s.timeline) && !s.playingOut;
}
