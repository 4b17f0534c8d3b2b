// The playground's one store: the engine's cluster state plus the editor, the last apply's
// results, the recent steps and UI choices. A vanilla zustand store, so it runs (and is tested)
// without React; `useAppStore` in index.ts binds it to components.
//
// The store computes no cluster behaviour: every change to the cluster comes from the engine
// (`createCluster`, `applyManifest`); the UI renders what the engine returns.
//
// Even the starting cluster (and a Reset's) is built by the engine where it runs (the page's
// worker), so the first screen loads none of it: until it arrives the store shows an empty
// placeholder (`starting`), and actions wait for it.
//
// Engine work (Apply, terminal commands, share-link replay) goes through an EngineRunner: in the
// browser a module worker, so the page never waits on it; one action at a time (`busy`), and the
// store changes only when the action's result arrives, so Cancel (or a replay over its budget)
// leaves everything exactly as it was.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type ClusterState,
  type DocumentResult,
  type ObjectRef,
  type PresetName,
  type Step,
} from '../engine/index.ts';
import { loadHistory, loadInputs, loadSavedSession, saveHistory, saveInputs, saveSession, type KeyValueStorage, type ThemeChoice } from './persistence.ts';
import { STARTER_MANIFEST } from './starter.ts';
import { placeholderCluster } from './placeholder.ts';
import {
  actionStart,
  isLive,
  actionLabel,
  recordAction,
  seek,
  startTimeline,
  switchBranch,
  timelineSteps,
  viewedState,
  type Timeline,
  type UserAction,
} from './timeline.ts';
import { playOutStart } from './playback.ts';
import type { EngineRunner } from './engine-client.ts';
import { defaultEngineRunner } from './default-runner.ts';
import type { CommandOutcome, EditorAction, JobOutcome, Nested } from './engine-protocol.ts';
import type { InteractiveView } from './interactive-action.ts';
import { parseSession, type SessionV1 } from './session.ts';
import type { ScriptChunk } from '../commands/script/run-script.ts';
import type { CommandEffect } from '../commands/types.ts';

/** How many steps the steps list shows (older ones drop off its front; the timeline keeps more). */
export const MAX_STEPS = 200;
export const DEFAULT_PRESET: PresetName = 'bare';
export const DEFAULT_SEED = 1;
export const SPEEDS = [0.5, 1, 2, 4] as const;
/** How long a share link's replay may run before it is stopped (the page stays usable meanwhile). */
export const REPLAY_BUDGET_MS = 10_000;
export type Speed = (typeof SPEEDS)[number];

/** The outcome of the last Apply: per-document results, or a failure of the engine itself. */
export interface ApplyReport {
  /** Increments with every apply, so views can tell two identical reports apart. */
  serial: number;
  /** The text that was applied (markers belong to this text). */
  text: string;
  /** What was done: apply (all documents or one) or delete of one document. */
  mode: 'apply' | 'delete';
  results: DocumentResult[];
  /** Set when the engine threw instead of reporting: a bug, shown rather than crashing the page. */
  crash?: string;
  /** Set when the learner cancelled the action: nothing was applied. */
  cancelled?: boolean;
  /** False when the controllers had not settled within the engine's limit. */
  settled: boolean;
}

/** Engine work in progress (one at a time). */
export interface BusyState {
  kind: 'apply' | 'delete' | 'command' | 'replay';
  /** What runs, as the learner would type it: "kubectl apply -f manifest.yaml", a terminal line. */
  label: string;
  /** For a replay: actions replayed so far of all. */
  progress?: { done: number; total: number };
}

/** A terminal line's output, whatever happened to it (ran, failed, was cancelled, hit a bug). */
export interface CommandResult {
  chunks: ScriptChunk[];
  exitCode: number;
  /** What the line asked the page to do besides printing (`kubectl edit`: open the editor pane). */
  effects?: CommandEffect[];
  /** A process is open at the terminal after this line (`kubectl exec -it POD -- sh`): its prompt. */
  interactive?: InteractiveView;
}

/** Thrown by loadSession when the replay does not finish; `message` is the whole sentence to show. */
export class ReplayStopped extends Error {
  override name = 'ReplayStopped';
}

export interface AppState {
  preset: PresetName;
  seed: number;
  /**
   * True until the engine's first cluster arrives (it is built off the page's thread): until then
   * `cluster` is an empty placeholder of the preset, and actions wait for the real one.
   */
  starting: boolean;
  /** The cluster as shown: the timeline's frame under the cursor (the live end unless time-travelling). */
  cluster: ClusterState;
  /** Every frame since the reset, the actions that made them, and the cursor. */
  timeline: Timeline;
  editorText: string;
  /**
   * The learner's own editor text while the editor shows something else for a while (an object
   * open for `kubectl edit`): what a reload or a share link keeps instead of the borrowed text.
   */
  editorTextAside: string | null;
  lastApply: ApplyReport | null;
  /** The steps on the timeline's branch, oldest first, at most MAX_STEPS. */
  steps: Step[];
  /** The steps of the latest action only. */
  latestSteps: Step[];
  /** Playback of the timeline: the UI's timer advances the cursor while this is true. */
  playing: boolean;
  speed: Speed;
  /** "Play out each action": an action with several steps is played to live from its first step. */
  playOut: boolean;
  /** True while such a play-out runs: a new action goes live first instead of forking. */
  playingOut: boolean;
  selected: ObjectRef | null;
  theme: ThemeChoice;
  /** What the canvas draws: the Kubernetes cluster, or the Docker host (images, layers, volumes). */
  canvasView: CanvasView;
  /** Engine work running now; actions are refused until it ends (or is cancelled). */
  busy: BusyState | null;
  /** Set right after a reset that threw work away, until undone or the next action: what Undo brings back. */
  undoableReset: { preset: PresetName; actions: number } | null;
  /** The terminal's command history (↑/↓, Ctrl+R), newest last; saved across reloads. */
  terminalHistory: readonly string[];
  /**
   * The interactive process open at the terminal (`kubectl exec -it POD -- sh`, `docker run -it
   * busybox sh`): its prompt. The engine's worker holds the process; null at the terminal's own `$`.
   */
  terminalProcess: InteractiveView | null;

  setEditorText: (text: string) => void;
  /** Puts the learner's text aside (a string) or ends that (null); see editorTextAside. */
  setEditorTextAside: (text: string | null) => void;
  /** Applies the editor text to the cluster (`kubectl apply -f`), then lets it settle. */
  applyEditor: () => Promise<void>;
  /** Applies one document of the editor text (0-based, as the engine splits documents). */
  applyDocument: (index: number) => Promise<void>;
  /** Deletes what one document of the editor text names (`kubectl delete -f` of that document). */
  deleteDocument: (index: number) => Promise<void>;
  /**
   * Runs a terminal line through the command layer (in the engine's worker) and records what it
   * changed. With `nested`, the line (or key) is input for the process open at the terminal
   * (terminalProcess), recorded as an action of its own.
   */
  runCommand: (line: string, nested?: Nested) => Promise<CommandResult>;
  /** Stops the running action: the cluster stays as it was before it. False when nothing ran. */
  cancelAction: () => boolean;
  /**
   * A fresh cluster of the given preset (default: the current one), built by the engine; resolves
   * once it is shown. The preset changes at once; actions taken meanwhile wait for the new cluster.
   * The editor text is kept.
   */
  resetCluster: (preset?: PresetName) => Promise<void>;
  /** Brings back the session the last reset replaced (cluster, timeline, branches, terminal shell). */
  undoReset: () => void;
  /** Makes a future a fork left behind the timeline (see timeline.ts switchBranch). */
  switchBranch: (index: number) => void;
  /** The terminal reports its history after each line, so a reload keeps it. */
  setTerminalHistory: (history: readonly string[]) => void;
  /**
   * Rebuilds the session saved before the last reload (its actions replayed as a share link's
   * are). False when there was none to restore or it could not be replayed.
   */
  restoreSavedSession: () => Promise<boolean>;
  /** Time travel: show frame `cursor` (clamped). Pauses playback when moved by hand. */
  seekTo: (cursor: number) => void;
  stepBack: () => void;
  stepForward: () => void;
  /** Back to the newest frame. */
  goLive: () => void;
  /** Plays from the cursor; at the live end it replays the last action from its start. */
  play: () => void;
  pause: () => void;
  /** One playback tick (the UI's timer calls it): the next frame, pausing at the end. */
  tick: () => void;
  setSpeed: (speed: Speed) => void;
  setPlayOut: (on: boolean) => void;
  /** Everything needed to reproduce this session (share links). */
  exportSession: () => SessionV1;
  /**
   * Replays a session (a share link): preset, seed, every action, the cursor and the view. Throws
   * ReplayStopped (and changes nothing) when the replay is cancelled, fails or runs past `budgetMs`.
   */
  loadSession: (session: SessionV1, opts?: { budgetMs?: number; label?: string; undoable?: boolean }) => Promise<void>;
  selectObject: (ref: ObjectRef | null) => void;
  setTheme: (theme: ThemeChoice) => void;
  setCanvasView: (view: CanvasView) => void;
}

export type CanvasView = 'cluster' | 'docker';

export interface AppStoreOptions {
  /** Where inputs persist; omit for none (tests that do not care). */
  storage?: KeyValueStorage;
  seed?: number;
  /** Where engine actions run (default: in-process). The page passes its worker runner. */
  engine?: EngineRunner;
  /**
   * Where fresh clusters (the starting one, a Reset's) are built. Default: `engine` when it answers
   * at once (the in-process runner), else in-process (at once in unit tests, see default-runner.ts).
   * The page passes its worker runner, so the first screen needs none of the engine.
   */
  startIn?: EngineRunner;
}

export type AppStore = StoreApi<AppState>;

/** The store fields that follow from a timeline: the shown cluster and the steps lists. */
function fromTimeline(t: Timeline, latestSteps?: Step[]) {
  return {
    timeline: t,
    cluster: viewedState(t),
    steps: timelineSteps(t).slice(-MAX_STEPS),
    ...(latestSteps ? { latestSteps } : {}),
  };
}

/** Applies `done` to a runner's answer, at once when it came synchronously. */
function settle<T>(answer: T | Promise<T>, done: (value: T) => void): Promise<void> {
  if (answer instanceof Promise) return answer.then(done);
  done(answer);
  return Promise.resolve();
}

/** "This link's replay stopped after 10 s: …": how far it got and why it stopped. */
export function replayStoppedMessage(o: Extract<JobOutcome<unknown>, { ok: false }>, session: SessionV1): string {
  const total = session.actions.length;
  const done = o.progress?.done ?? 0;
  const running = session.actions[done]?.action;
  const where = total === 0 ? 'before any action' : running ? `at action ${(done + 1).toLocaleString('en')} of ${total.toLocaleString('en')} (${actionLabel(running)})` : `after all ${total.toLocaleString('en')} actions`;
  const why = o.reason === 'cancelled' ? `you cancelled it ${where}` : o.reason === 'timeout' ? `it was still running ${where}, and a link gets ${seconds(o.elapsedMs)} at most` : `internal error ${where}: ${o.message}`;
  return `This link's replay stopped after ${seconds(o.elapsedMs)}: ${why}.`;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(Math.max(0, ms) / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** The most characters of shell-only lines a recorded terminal line carries (UserAction `before`). */
const SHELL_LINES_CHARS = 20_000;

/** Names terminal shells (command-action.ts), unique in the page: a store starts a new one on a reset or a loaded session. */
let shellCount = 0;

export function createAppStore(opts: AppStoreOptions = {}): AppStore {
  const saved = loadInputs(opts.storage);
  const preset = saved.preset ?? DEFAULT_PRESET;
  const seed = opts.seed ?? DEFAULT_SEED;
  const first = startTimeline(preset, seed, placeholderCluster(preset, seed));
  // Read now: the session saved before this page loaded, which the start must not overwrite.
  const savedSession = loadSavedSession(opts.storage);

  const engine = opts.engine ?? defaultEngineRunner();
  // An in-process engine given for actions builds the first cluster too, so it is there at once.
  const startIn = opts.startIn ?? (opts.engine?.synchronous ? opts.engine : defaultEngineRunner());
  // The fresh cluster being built (the first, or a Reset's) until it is shown; actions wait for it.
  let started: Promise<void> | null = null;
  let builds = 0;
  // True while the first cluster is put in: not a change of the learner's to save over their session.
  let quiet = false;
  let shell = ++shellCount;
  // The lines since the last recorded action that changed no cluster state: they may have set
  // what the next recorded line reads (`NS=lab`), so it carries them for a replay. Capped.
  let shellLines: string[] = [];
  // The editor's text the newest of those lines (or the line being recorded) read as manifest.yaml.
  let shellFile: string | undefined;
  // What the last reset replaced, for Undo (kept out of the state: it is a whole timeline).
  let undo: { preset: PresetName; timeline: Timeline; lastApply: ApplyReport | null; selected: ObjectRef | null; shell: number; shellLines: string[] } | null = null;
  /**
   * Builds a fresh cluster where the engine runs and hands it to `land`, at once when the engine
   * answers synchronously (tests). A newer build (another Reset) makes an older one's answer moot.
   */
  const build = (preset: PresetName, seed: number, land: (state: ClusterState) => void): Promise<void> => {
    const serial = ++builds;
    const current = () => serial === builds;
    const job = { type: 'start', preset, seed } as const;
    const take = (o: JobOutcome<ClusterState>) => {
      if (!current()) return;
      started = null;
      if (!o.ok) throw new Error(`the cluster could not be started: ${o.message}`);
      land(o.value);
    };
    const answer = startIn.run(job);
    if (!(answer instanceof Promise)) {
      take(answer);
      return Promise.resolve();
    }
    const done = answer.then(async (o) => {
      // The worker could not build it (it failed to load, or was stopped): build it on the page.
      if (!o.ok && current()) o = await (await import('./engine-inline.ts')).createInlineRunner().run(job);
      take(o);
    });
    started = done;
    return done;
  };
  const keepShellLine = (line: string) => {
    shellLines.push(line);
    while (shellLines.length > 1 && shellLines.join('\n').length > SHELL_LINES_CHARS) shellLines.shift();
  };

  const store = createStore<AppState>()((set, get) => {
    // Records an action's outcome on the frame it was taken on (the learner may have moved the
    // cursor while it ran: the action still belongs where it started).
    // A new action ends the chance to undo a reset (Undo would throw the new action away).
    const record = (base: number, action: UserAction, out: Parameters<typeof recordAction>[2]) => {
      undo = null;
      return { ...fromTimeline(recordAction(seek(get().timeline, base), action, out), out.steps), undoableReset: null };
    };

    // Which action `busy` describes: a cancelled action's late answer must not clear the busy
    // state of the action that replaced it (a share link opened while an Apply ran).
    let owner: symbol | null = null;
    const claim = () => (owner = Symbol('action'));
    const release = (mine: symbol) => {
      if (owner !== mine) return {};
      owner = null;
      return { busy: null };
    };

    const runEditorAction = async (action: EditorAction): Promise<void> => {
      // Nothing awaited when no cluster is being built: a synchronous engine (tests) answers at once.
      if (started) await whenStarted();
      if (get().busy) return;
      liveIfPlayingOut();
      const { timeline } = get();
      const base = timeline.cursor;
      const mine = claim();
      set({ busy: { kind: action.type, label: actionLabel(action) } });
      return settle(engine.run({ type: 'manifest', state: viewedState(timeline), action }), (o) => {
        const serial = (get().lastApply?.serial ?? 0) + 1;
        const report = { serial, text: action.text, mode: action.type };
        if (o.ok) {
          set({ ...record(base, action, o.value), ...release(mine), playing: false, playingOut: false, lastApply: { ...report, results: o.value.result, settled: o.value.settle.settled } });
          playOutLatest();
        } else if (o.reason === 'cancelled') {
          set({ ...release(mine), lastApply: { ...report, results: [], settled: true, cancelled: true } });
        } else {
          set({ ...release(mine), lastApply: { ...report, results: [], settled: true, crash: `internal error: ${o.message}` } });
        }
      });
    };
    // The frame's own step is what the canvas animates and the narration reads after a move.
    const moveTo = (cursor: number, playing = false, playingOut = false) => {
      const t = seek(get().timeline, cursor);
      const step = t.frames[t.cursor]!.step;
      set({ ...fromTimeline(t, step ? [step] : []), playing, playingOut });
    };
    // After an action lands: with "play out each action" on, show it from its first step and play to live.
    // One update: no listener may see the past without the play-out (the terminal would say "what-if").
    const playOutLatest = () => {
      if (!get().playOut) return;
      const start = playOutStart(get().timeline);
      if (start === null) return;
      moveTo(start, true, true);
    };
    // An action taken while a play-out runs belongs at live, not in a what-if fork of the past.
    const liveIfPlayingOut = () => {
      if (get().playingOut) moveTo(get().timeline.frames.length - 1);
    };
    // Actions wait for a fresh cluster being built (a newer one may replace it meanwhile).
    const whenStarted = async () => {
      while (started) await started;
    };

    return {
      preset,
      seed,
      starting: true,
      ...fromTimeline(first),
      latestSteps: [],
      editorText: saved.editorText ?? STARTER_MANIFEST,
      editorTextAside: null,
      lastApply: null,
      busy: null,
      undoableReset: null,
      terminalHistory: loadHistory(opts.storage),
      terminalProcess: null,
      playing: false,
      speed: 1,
      playOut: false,
      playingOut: false,
      selected: null,
      theme: saved.theme ?? 'system',
      canvasView: 'cluster',

      setEditorText: (text) => {
        if (text !== get().editorText) liveIfPlayingOut();
        if (text !== get().editorText) set({ editorText: text });
      },
      setEditorTextAside: (text) => set({ editorTextAside: text }),

      applyEditor: () => runEditorAction({ type: 'apply', text: get().editorText }),
      applyDocument: (index) => runEditorAction({ type: 'apply', text: get().editorText, only: [index] }),
      deleteDocument: (index) => runEditorAction({ type: 'delete', text: get().editorText, only: [index] }),

      runCommand: async (line, nested) => {
        if (started) await whenStarted();
        if (get().busy) return { chunks: [{ stream: 'stderr', text: 'error: another action is still running (Escape cancels it)\n' }], exitCode: 1 };
        liveIfPlayingOut();
        const { timeline } = get();
        const base = timeline.cursor;
        const mine = claim();
        set({ busy: { kind: 'command', label: nested === 'eof' ? 'Ctrl-D' : nested === 'interrupt' ? 'Ctrl-C' : line.split('\n')[0]! } });
        let result: CommandResult = { chunks: [], exitCode: 0 };
        // The editor's text is the shell's manifest.yaml (editor-file.ts); the learner's own while kubectl edit borrows the editor.
        const editorText = get().editorTextAside ?? get().editorText;
        const job = { type: 'command' as const, state: viewedState(timeline), line, shell, ...(nested ? { nested } : { editorText }) };
        await settle(engine.run(job), (o: JobOutcome<CommandOutcome>) => {
          if (!o.ok) {
            // A cancelled line stopped the worker, and the process open at the terminal with it.
            set({ ...release(mine), ...(nested || o.reason === 'cancelled' ? { terminalProcess: null } : {}) });
            result = o.reason === 'cancelled' ? { chunks: [{ stream: 'stderr', text: 'Cancelled\n' }], exitCode: 130 } : { chunks: [{ stream: 'stderr', text: `error: internal error: ${o.message}\n` }], exitCode: 1 };
            return;
          }
          const out = o.value;
          result = { chunks: out.chunks, exitCode: out.exitCode, ...(out.effects ? { effects: out.effects } : {}), ...(out.interactive ? { interactive: out.interactive } : {}) };
          const terminalProcess = out.interactive ?? null;
          // Input for an open process, and the line that opened one, are always recorded: a replay
          // must open the process and feed it the same lines, read-only ones included (`cd /data`).
          // The process was gone (the worker restarted): nothing ran, nothing to record; the terminal's `$` again.
          if (out.lost) return void set({ ...release(mine), terminalProcess: null });
          if (nested || out.interactive) {
            const outcome = out.unchanged ? { state: viewedState(seek(get().timeline, base)), steps: [], states: new Map() } : out;
            const before = nested ? '' : shellLines.join('\n');
            const file = nested ? undefined : shellFile;
            if (!nested) {
              shellLines = [];
              shellFile = undefined;
            }
            const action: UserAction = nested
              ? { type: 'interactive', line: nested === 'line' ? line : '', ...(nested !== 'line' ? { key: nested } : {}) }
              : { type: 'command', line, ...(before ? { before } : {}), ...(file !== undefined ? { file } : {}) };
            set({ ...record(base, action, outcome), ...release(mine), terminalProcess, playing: false, playingOut: false });
            playOutLatest();
            return;
          }
          // A line that wrote manifest.yaml changed the editor's text, as an editor with the file open shows.
          const written = out.editorFile?.written;
          if (written !== undefined) set(get().editorTextAside !== null ? { editorTextAside: written } : { editorText: written });
          if (out.editorFile?.read) shellFile = editorText;
          // A read-only command (get, describe, logs) changes nothing: no frame for it.
          if (out.unchanged) {
            keepShellLine(line);
            set(release(mine));
          } else {
            const before = shellLines.join('\n');
            // The editor's text this line (or the lines carried before it) read, for a replay.
            const file = shellFile;
            shellLines = [];
            shellFile = undefined;
            set({ ...record(base, { type: 'command', line, ...(before ? { before } : {}), ...(file !== undefined ? { file } : {}) }, out), ...release(mine), playing: false, playingOut: false });
            playOutLatest();
          }
        });
        return result;
      },

      cancelAction: () => engine.cancel(),

      resetCluster: (next) => {
        engine.cancel(); // a reset wins over whatever was running
        const p = next ?? get().preset;
        const seed = get().seed;
        const before = get();
        // Only a reset that throws work away can be undone (an untouched cluster has nothing to bring back).
        // A second Reset before the first's cluster arrived replaces the same work: Undo keeps it.
        if (!started) undo = before.timeline.actions.length > 0 || (before.timeline.branches?.length ?? 0) > 0 ? { preset: before.timeline.preset, timeline: before.timeline, lastApply: before.lastApply, selected: before.selected, shell, shellLines } : null;
        shell = ++shellCount; // a new cluster, a new terminal shell
        shellLines = [];
        shellFile = undefined;
        set({ terminalProcess: null });
        const building = build(p, seed, (state) => set({ preset: p, starting: false, ...fromTimeline(startTimeline(p, seed, state), []), lastApply: null, selected: null, playing: false, playingOut: false, undoableReset: undo ? { preset: undo.preset, actions: undo.timeline.actions.length } : null }));
        // Still being built: the preset shows at once (the picker follows the learner's choice), the cluster when it arrives.
        if (started) set({ preset: p, playing: false, playingOut: false });
        return building;
      },
      undoReset: () => {
        // (The offer shows once the new cluster is in: until then there is nothing to undo yet.)
        if (!undo || get().busy || started) return;
        const u = undo;
        undo = null;
        shell = u.shell;
        shellLines = u.shellLines;
        set({ terminalProcess: null, preset: u.preset, ...fromTimeline(u.timeline, []), lastApply: u.lastApply, selected: u.selected, playing: false, playingOut: false, undoableReset: null });
      },
      switchBranch: (index) => {
        if (get().busy) return;
        const t = switchBranch(get().timeline, index);
        if (t !== get().timeline) set({ ...fromTimeline(t, []), playing: false, playingOut: false });
      },
      setTerminalHistory: (history) => {
        if (history !== get().terminalHistory) set({ terminalHistory: history.slice(-500) });
      },
      restoreSavedSession: async () => {
        const parsed = parseSession(savedSession);
        if (!parsed.ok || parsed.session.actions.length === 0) return false;
        try {
          await get().loadSession({ ...parsed.session, editorText: get().editorText }, { label: 'Restoring your session' });
          return true;
        } catch {
          return false;
        }
      },

      seekTo: (cursor) => moveTo(cursor),
      stepBack: () => moveTo(get().timeline.cursor - 1),
      stepForward: () => moveTo(get().timeline.cursor + 1),
      goLive: () => moveTo(get().timeline.frames.length - 1),
      play: () => {
        const t = get().timeline;
        if (t.frames.length < 2) return;
        if (isLive(t)) moveTo(actionStart(t), true);
        else set({ playing: true });
      },
      pause: () => set({ playing: false, playingOut: false }),
      tick: () => {
        const t = get().timeline;
        if (!get().playing) return;
        if (isLive(t)) return set({ playing: false });
        const next = seek(t, t.cursor + 1);
        const step = next.frames[next.cursor]!.step;
        set({ ...fromTimeline(next, step ? [step] : []), playing: !isLive(next), ...(isLive(next) ? { playingOut: false } : {}) });
      },
      setSpeed: (speed) => set({ speed }),
      setPlayOut: (playOut) => {
        // Turned off mid play-out: show the end, as an action with the setting off does.
        if (!playOut) liveIfPlayingOut();
        set({ playOut });
      },

      exportSession: () => {
        const s = get();
        return { v: 1, preset: s.preset, seed: s.seed, editorText: s.editorTextAside ?? s.editorText, actions: s.timeline.actions, cursor: s.timeline.cursor, view: s.canvasView, ...(s.selected ? { selected: s.selected } : {}) };
      },
      loadSession: async (session, { budgetMs = REPLAY_BUDGET_MS, label = 'Replaying the shared session', undoable = false } = {}) => {
        // A cluster being built is not cancelled (the worker would have to load again): it is quick.
        if (started) await whenStarted();
        engine.cancel(); // opening a link wins over whatever was running
        // `undoable` (starting a lesson): what it replaces can come back, as after a reset.
        const before = get();
        const kept = undoable && (before.timeline.actions.length > 0 || (before.timeline.branches?.length ?? 0) > 0) ? { preset: before.preset, timeline: before.timeline, lastApply: before.lastApply, selected: before.selected, shell, shellLines } : null;
        const total = session.actions.length;
        const mine = claim();
        set({ busy: { kind: 'replay', label, progress: { done: 0, total } } });
        const o = await engine.run(
          { type: 'replay', session },
          { timeoutMs: budgetMs, onProgress: (done) => owner === mine && set({ busy: { ...get().busy!, progress: { done, total } } }) },
        );
        if (!o.ok) {
          set(release(mine));
          // A session that cannot be replayed (a fork at a frame it never reaches) says why in its own words.
          if (o.reason === 'internal') throw new Error(o.message);
          throw new ReplayStopped(replayStoppedMessage(o, session));
        }
        const t = o.value;
        shell = ++shellCount;
        shellLines = [];
        undo = kept;
        set({
          ...release(mine),
          terminalProcess: null,
          starting: false,
          preset: session.preset,
          seed: session.seed,
          editorText: session.editorText,
          canvasView: session.view,
          ...fromTimeline(t, []),
          lastApply: null,
          selected: session.selected ?? null,
          playing: false, playingOut: false,
          undoableReset: kept ? { preset: kept.preset, actions: kept.timeline.actions.length } : null,
        });
      },

      selectObject: (ref) => set({ selected: ref }),
      setTheme: (theme) => set({ theme }),
      setCanvasView: (canvasView) => set({ canvasView }),
    };
  });

  if (opts.storage) {
    const storage = opts.storage;
    store.subscribe((s, prev) => {
      if (s.editorText !== prev.editorText || s.editorTextAside !== prev.editorTextAside || s.preset !== prev.preset || s.theme !== prev.theme) {
        saveInputs(storage, { editorText: s.editorTextAside ?? s.editorText, preset: s.preset, theme: s.theme });
      }
      // The session (what a reload replays): saved when the timeline, the view or the preset
      // moves, but not while a restore is replaying it (the saved one is what is being rebuilt),
      // nor while a fresh cluster is built (a Reset's new preset with the old actions is no session).
      if ((s.timeline !== prev.timeline || s.canvasView !== prev.canvasView || s.preset !== prev.preset) && s.busy?.kind !== 'replay' && !started && !quiet) {
        saveSession(storage, () => store.getState().exportSession());
      }
      if (s.terminalHistory !== prev.terminalHistory) saveHistory(storage, s.terminalHistory);
    });
  }
  // The first cluster. A session restored or a link opened meanwhile waits for it (loadSession).
  void build(preset, seed, (state) => {
    quiet = true;
    try {
      store.setState({ starting: false, ...fromTimeline(startTimeline(preset, seed, state), []) });
    } finally {
      quiet = false;
    }
  });
  return store;
}
