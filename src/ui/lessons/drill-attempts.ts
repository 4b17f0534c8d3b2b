// The learner's CKA drill attempts, beside the page's lesson store: an attempt begins each time a
// drill's cluster is ready (a start from the browser, the pane, a `#lesson=drill:N` link or the
// embed), ends as solved when every goal is met, as given up on request, or as left when another
// lesson (or none) takes its place. Kept in the page's storage (lesson-persistence.ts), so the
// timer survives a reload. The lesson store stays unaware of drills: its `start` is wrapped, as
// it wraps the app store's actions.
import { createStore, useStore } from "zustand";
import { findDrill, isDrillId } from "../../store/lesson-catalog.ts";
import {
  loadDrillAttempts,
  saveDrillAttempts,
  type DrillAttempt,
} from "../../store/lesson-persistence.ts";
import { allMet } from "../../store/lesson-store.ts";
import { pageStorage } from "../../store/page-storage.ts";
import {
  beginAttempt,
  endOpen,
  latestAttempt,
  markHelped,
} from "./drill-timer.ts";
import { lessonStore } from "./lesson-instance.ts";

const storage = pageStorage();

export const drillAttempts = createStore<{ list: DrillAttempt[] }>()(() => ({
  list: loadDrillAttempts(storage),
}));
drillAttempts.subscribe((s, prev) => {
  if (s.list !== prev.list) saveDrillAttempts(storage, s.list);
});

export function useDrillAttempts<T>(selector: (s: { list: DrillAttempt[] }) => T): T {
  return useStore(drillAttempts, selector);
}

const update = (f: (list: DrillAttempt[]) => DrillAttempt[]) =>
  drillAttempts.setState({ list: f(drillAttempts.getState().list) });

function begin(id: string): void {
  const drill = findDrill(id);
  if (drill) update((l) => beginAttempt(l, id, drill.timeLimitSeconds, Date.now()));
}

/** "Give up — show what was wrong": the attempt ends and the explanation shows. */
export function giveUp(id: string): void {
  update((l) => endOpen(l, (a) => a.id === id, "gave-up", Date.now()));
}

/** The solution was shown or done for the learner: the attempt, if solved, says so. */
export function helped(id: string): void {
  update((l) => markHelped(l, id));
}

/** A fresh drill: a new random seed (the UI may draw one; the drill itself is seeded). */
export function newDrillId(): string {
  return `drill:${Math.floor(Math.random() * 1_000_000)}`;
}

// Every start goes through the store's own `start` (openLink and the embed call it through
// getState()), so wrapping it sees them all: a drill whose cluster came up begins an attempt.
const start = lessonStore.getState().start;
lessonStore.setState({
  start: async (id, step) => {
    await start(id, step);
    const s = lessonStore.getState();
    if (isDrillId(id) && s.active?.id === id && !s.error) begin(id);
  },
});

lessonStore.subscribe((s, prev) => {
  const id = s.active?.id;
  // Another lesson (or none) in its place: an open drill attempt is left.
  if (id !== prev.active?.id)
    update((l) => endOpen(l, (a) => a.id !== id, "left", Date.now()));
  // Drills are not offered in lecture mode (its "next" would run the fix and give the cause away):
  // a `#lesson=drill:N&lecture=1` link opens the drill in the pane.
  if (id && isDrillId(id) && s.lecture) s.setLecture(false);
  // Every goal met: the timer stops (only the first end counts; giving up first stays given up).
  if (id && isDrillId(id) && s.results !== prev.results && allMet(s.results))
    update((l) => endOpen(l, (a) => a.id === id, "solved", Date.now()));
});

// A drill already open before this module loaded (the embed loads the pane lazily, after its
// start) and never attempted here: its attempt begins now.
{
  const id = lessonStore.getState().active?.id;
  if (id && isDrillId(id) && !latestAttempt(drillAttempts.getState().list, id)) begin(id);
}
