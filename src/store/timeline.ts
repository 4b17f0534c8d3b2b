// Time-travel history: one frame per controller step (the cluster as it was right after it),
// grouped by the user action that caused it. Pure functions over plain data, so the store's
// playback, what-if forks and share-link replay are tested without React or timers.
import type { ClusterState, PresetName, Step } from '../engine/index.ts';

/** What a user did. Recorded so a session can be replayed exactly (share links) and forked. */
export type UserAction =
  /** `kubectl apply -f` of the editor text (all documents, or `only` these). */
  | { type: 'apply'; text: string; only?: number[] }
  /** `kubectl delete -f` of documents of the editor text. */
  | { type: 'delete'; text: string; only?: number[] }
  /**
   * A terminal line (kubectl, docker, sleep, …), here-document body included. `before`: the lines
   * typed since the last recorded action that changed only the terminal's shell (`NS=lab`), run
   * first on replay so this line reads what it read. `file`: the editor's text, when this line
   * (or those before it) read it as manifest.yaml (editor-file.ts), put there again on replay.
   */
  | { type: 'command'; line: string; before?: string; file?: string }
  /**
   * Input for the interactive process a terminal line opened (`kubectl exec -it POD -- sh`): a
   * line typed at its prompt, or a `key`: Ctrl-D (end of input, `line` empty) or Ctrl-C (which
   * throws an unfinished command away). It runs in the process the replay opened the same way.
   */
  | { type: 'interactive'; line: string; key?: 'eof' | 'interrupt' };

export interface RecordedAction {
  action: UserAction;
  /** Set for a what-if fork: the frame it was taken on (counted from the first frame ever, dropped ones included). */
  at?: number;
}

export interface Frame {
  /** The cluster right after this frame's step (frame 0: as the preset created it). */
  state: ClusterState;
  /** The step that led here. Absent for the first frame and for actions that changed no object (docker, sleep). */
  step?: Step;
  /** Index into the actions of the action this frame belongs to (-1 for the first frame). */
  action: number;
  /** Steps before `step` folded into this frame because the action made too many to keep a state for each. */
  folded?: number;
}

export interface Timeline {
  preset: PresetName;
  seed: number;
  frames: Frame[];
  actions: RecordedAction[];
  /** The frame shown; the last frame is "live". */
  cursor: number;
  /** How many frames fell off the front (MAX_FRAMES), so step numbers stay meaningful. */
  dropped: number;
  /**
   * Futures a what-if fork left behind, most recent last: a teacher who tried "what if" can switch
   * back to what really happened. Absent on a timeline that never forked.
   */
  branches?: Branch[];
}

/** A future left behind by a fork: the whole timeline as it was, and where the two part. */
export interface Branch {
  frames: Frame[];
  actions: RecordedAction[];
  dropped: number;
  /** How many actions it shares with the timeline it was forked from (those before the fork). */
  shared: number;
  /** The frame the fork was taken on (counted from the first frame ever). */
  at: number;
}

/** Branches kept; the oldest is forgotten past this (each holds its frames' states). */
export const MAX_BRANCHES = 8;

/** Frames kept for time travel; older ones drop off the front (the actions are all kept). */
export const MAX_FRAMES = 3000;
/** States kept per action: past this, its remaining steps fold into its last frame (see captureStates). */
export const FRAMES_PER_ACTION = 400;

export function startTimeline(preset: PresetName, seed: number, state: ClusterState): Timeline {
  return { preset, seed, frames: [{ state, action: -1 }], actions: [], cursor: 0, dropped: 0 };
}

export function isLive(t: Timeline): boolean {
  return t.cursor === t.frames.length - 1;
}

export function viewedState(t: Timeline): ClusterState {
  return t.frames[t.cursor]!.state;
}

/** The outcome of running an action on the viewed state: its steps, the state after each, the end state. */
export interface ActionOutcome {
  state: ClusterState;
  steps: Step[];
  states: ReadonlyMap<Step, ClusterState>;
  /**
   * How many steps the action took when `steps` holds only its last ones (a huge action's steps
   * are not all sent back from the engine's worker); they fold into its last frame.
   */
  totalSteps?: number;
}

/**
 * Records an action taken on the viewed frame. From the live end it extends the timeline; from
 * the past it is a what-if fork: the frames after the cursor (and the actions they came from)
 * are replaced by the new branch, and the old future is kept in `branches` to switch back to.
 */
export function recordAction(t: Timeline, action: UserAction, out: ActionOutcome): Timeline {
  const base = t.frames[t.cursor]!;
  const fork = !isLive(t);
  const keptActions = fork ? t.actions.slice(0, base.action + 1) : t.actions;
  const actionIndex = keptActions.length;
  const recorded: RecordedAction = fork ? { action, at: t.cursor + t.dropped } : { action };
  const kept = out.steps.filter((step) => out.states.has(step));
  const added: Frame[] = kept.map((step) => ({ state: out.states.get(step)!, step, action: actionIndex }));
  const folded = (out.totalSteps ?? out.steps.length) - kept.length;
  // The last frame of an action is its end state exactly (the clock may have moved after the last
  // step); steps that kept no state of their own fold into it.
  if (folded > 0) added.push({ state: out.state, step: out.steps.at(-1)!, action: actionIndex, ...(folded > 1 ? { folded: folded - 1 } : {}) });
  else if (added.length > 0) added[added.length - 1] = { ...added[added.length - 1]!, state: out.state };
  else added.push({ state: out.state, action: actionIndex });
  let frames = [...t.frames.slice(0, t.cursor + 1), ...added];
  let dropped = t.dropped;
  if (frames.length > MAX_FRAMES) {
    dropped += frames.length - MAX_FRAMES;
    frames = frames.slice(frames.length - MAX_FRAMES);
  }
  const branches = fork ? [...(t.branches ?? []), leftBehind(t, base.action + 1)].slice(-MAX_BRANCHES) : t.branches;
  return { ...t, frames, actions: [...keptActions, recorded], cursor: frames.length - 1, dropped, ...(branches ? { branches } : {}) };
}

function leftBehind(t: Timeline, shared: number): Branch {
  return { frames: t.frames, actions: t.actions, dropped: t.dropped, shared, at: t.cursor + t.dropped };
}

/**
 * Switches to branch `index`: it becomes the timeline (shown at its live end) and the timeline
 * shown until now becomes a branch in its place, so switching back is the same call.
 */
export function switchBranch(t: Timeline, index: number): Timeline {
  const b = t.branches?.[index];
  if (!b) return t;
  const here: Branch = { frames: t.frames, actions: t.actions, dropped: t.dropped, shared: b.shared, at: b.at };
  const branches = t.branches!.map((other, i) => (i === index ? here : other));
  return { ...t, frames: b.frames, actions: b.actions, dropped: b.dropped, cursor: b.frames.length - 1, branches };
}

/** What a branch did after the fork, as the terminal would show it (its first action, and how many more). */
export function branchLabel(b: Branch): string {
  const own = b.actions.slice(b.shared);
  if (own.length === 0) return `the rest of ${b.shared > 0 ? actionLabel(b.actions[b.shared - 1]!.action) : 'the start'}`;
  return own.length === 1 ? actionLabel(own[0]!.action) : `${actionLabel(own[0]!.action)} and ${own.length - 1} more`;
}

/** Moves the cursor, clamped to the frames there are. */
export function seek(t: Timeline, cursor: number): Timeline {
  const c = Math.max(0, Math.min(t.frames.length - 1, Math.round(cursor)));
  return c === t.cursor ? t : { ...t, cursor: c };
}

/** The first frame of the action the cursor is in (where "replay this action" starts). */
export function actionStart(t: Timeline, cursor = t.cursor): number {
  const action = t.frames[cursor]?.action;
  let i = cursor;
  while (i > 0 && t.frames[i - 1]!.action === action) i--;
  // Show the state *before* the action, so playing it shows every one of its steps.
  return Math.max(0, i - 1);
}

/** Every step on the timeline's current branch, oldest first. */
export function timelineSteps(t: Timeline): Step[] {
  return t.frames.flatMap((f) => (f.step ? [f.step] : []));
}

/** A short label for an action, as the terminal would show it. */
export function actionLabel(a: UserAction): string {
  if (a.type === 'command') return a.line.split('\n')[0]!;
  // Typed inside a container's shell: marked so the list of actions does not read as host commands.
  if (a.type === 'interactive') return a.key === 'eof' ? '(in the container) Ctrl-D' : a.key === 'interrupt' ? '(in the container) Ctrl-C' : `(in the container) ${a.line}`;
  // The editor's file is manifest.yaml, as its tab and the Apply button say.
  const which = a.only ? ` (document ${a.only.map((i) => i + 1).join(', ')})` : '';
  return `kubectl ${a.type} -f manifest.yaml${which}`;
}
