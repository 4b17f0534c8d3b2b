// The playground's one store: the engine's cluster state plus the editor, the last apply's
// results, the recent steps and UI choices. A vanilla zustand store, so it runs (and is tested)
// without React; `useAppStore` in index.ts binds it to components.
//
// The store computes no cluster behaviour: every change to the cluster comes from the engine
// (`createCluster`, `applyManifest`); the UI renders what the engine returns.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createCluster,
  type ClusterState,
  type DocumentResult,
  type ObjectRef,
  type PresetName,
  type Step,
} from '../engine/index.ts';
import { loadInputs, saveInputs, type KeyValueStorage, type ThemeChoice } from './persistence.ts';
import { STARTER_MANIFEST } from './starter.ts';
import {
  actionStart,
  isLive,
  recordAction,
  seek,
  startTimeline,
  timelineSteps,
  viewedState,
  type ActionOutcome,
  type Timeline,
  type UserAction,
} from './timeline.ts';
import { runManifestAction } from './manifest-action.ts';
import type { SessionV1 } from './session.ts';

/** How many steps the steps list shows (older ones drop off its front; the timeline keeps more). */
export const MAX_STEPS = 200;
export const DEFAULT_PRESET: PresetName = 'bare';
export const DEFAULT_SEED = 1;
export const SPEEDS = [0.5, 1, 2, 4] as const;
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
  /** False when the controllers had not settled within the engine's limit. */
  settled: boolean;
}

export interface AppState {
  preset: PresetName;
  seed: number;
  /** The cluster as shown: the timeline's frame under the cursor (the live end unless time-travelling). */
  cluster: ClusterState;
  /** Every frame since the reset, the actions that made them, and the cursor. */
  timeline: Timeline;
  editorText: string;
  lastApply: ApplyReport | null;
  /** The steps on the timeline's branch, oldest first, at most MAX_STEPS. */
  steps: Step[];
  /** The steps of the latest action only. */
  latestSteps: Step[];
  /** Playback of the timeline: the UI's timer advances the cursor while this is true. */
  playing: boolean;
  speed: Speed;
  selected: ObjectRef | null;
  theme: ThemeChoice;
  /** What the canvas draws: the Kubernetes cluster, or the Docker host (images, layers, volumes). */
  canvasView: CanvasView;

  setEditorText: (text: string) => void;
  /** Applies the editor text to the cluster (`kubectl apply -f`), then lets it settle. */
  applyEditor: () => void;
  /** Applies one document of the editor text (0-based, as the engine splits documents). */
  applyDocument: (index: number) => void;
  /** Deletes what one document of the editor text names (`kubectl delete -f` of that document). */
  deleteDocument: (index: number) => void;
  /** A fresh cluster of the given preset (default: the current one). The editor text is kept. */
  resetCluster: (preset?: PresetName) => void;
  /**
   * A terminal line's outcome (run through the command layer, which the store does not import
   * statically so the first screen stays small; see command-action.ts).
   */
  recordCommand: (line: string, out: ActionOutcome) => void;
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
  /** Everything needed to reproduce this session (share links). */
  exportSession: () => SessionV1;
  /** Replays a session (a share link): preset, seed, every action, the cursor and the view. */
  loadSession: (session: SessionV1) => Promise<void>;
  selectObject: (ref: ObjectRef | null) => void;
  setTheme: (theme: ThemeChoice) => void;
  setCanvasView: (view: CanvasView) => void;
}

export type CanvasView = 'cluster' | 'docker';

export interface AppStoreOptions {
  /** Where inputs persist; omit for none (tests that do not care). */
  storage?: KeyValueStorage;
  seed?: number;
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

export function createAppStore(opts: AppStoreOptions = {}): AppStore {
  const saved = loadInputs(opts.storage);
  const preset = saved.preset ?? DEFAULT_PRESET;
  const seed = opts.seed ?? DEFAULT_SEED;
  const first = startTimeline(preset, seed, createCluster({ preset, seed }));

  const store = createStore<AppState>()((set, get) => {
    const runEditorAction = (action: Extract<UserAction, { type: 'apply' | 'delete' }>) => {
      const { timeline, lastApply } = get();
      const serial = (lastApply?.serial ?? 0) + 1;
      try {
        const out = runManifestAction(viewedState(timeline), action);
        set({
          ...fromTimeline(recordAction(timeline, action, out), out.steps),
          playing: false,
          lastApply: { serial, text: action.text, mode: action.type, results: out.result, settled: out.settle.settled },
        });
      } catch (err) {
        set({ lastApply: { serial, text: action.text, mode: action.type, results: [], settled: true, crash: err instanceof Error ? err.message : String(err) } });
      }
    };
    // The frame's own step is what the canvas animates and the narration reads after a move.
    const moveTo = (cursor: number, playing = false) => {
      const t = seek(get().timeline, cursor);
      const step = t.frames[t.cursor]!.step;
      set({ ...fromTimeline(t, step ? [step] : []), playing });
    };

    return {
      preset,
      seed,
      ...fromTimeline(first),
      latestSteps: [],
      editorText: saved.editorText ?? STARTER_MANIFEST,
      lastApply: null,
      playing: false,
      speed: 1,
      selected: null,
      theme: saved.theme ?? 'system',
      canvasView: 'cluster',

      setEditorText: (text) => {
        if (text !== get().editorText) set({ editorText: text });
      },

      applyEditor: () => runEditorAction({ type: 'apply', text: get().editorText }),
      applyDocument: (index) => runEditorAction({ type: 'apply', text: get().editorText, only: [index] }),
      deleteDocument: (index) => runEditorAction({ type: 'delete', text: get().editorText, only: [index] }),

      resetCluster: (next) => {
        const p = next ?? get().preset;
        const t = startTimeline(p, get().seed, createCluster({ preset: p, seed: get().seed }));
        set({ preset: p, ...fromTimeline(t, []), lastApply: null, selected: null, playing: false });
      },

      recordCommand: (line, out) => {
        const t = get().timeline;
        // A read-only command (get, describe, logs) leaves the state as it was: no frame for it.
        if (out.state === viewedState(t) && out.steps.length === 0) return;
        set({ ...fromTimeline(recordAction(t, { type: 'command', line }, out), out.steps), playing: false });
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
      pause: () => set({ playing: false }),
      tick: () => {
        const t = get().timeline;
        if (!get().playing) return;
        if (isLive(t)) return set({ playing: false });
        const next = seek(t, t.cursor + 1);
        const step = next.frames[next.cursor]!.step;
        set({ ...fromTimeline(next, step ? [step] : []), playing: !isLive(next) });
      },
      setSpeed: (speed) => set({ speed }),

      exportSession: () => {
        const s = get();
        return { v: 1, preset: s.preset, seed: s.seed, editorText: s.editorText, actions: s.timeline.actions, cursor: s.timeline.cursor, view: s.canvasView, ...(s.selected ? { selected: s.selected } : {}) };
      },
      loadSession: async (session) => {
        // Replay code (and the command layer, for terminal lines) loads only when a link is opened.
        const { replaySession } = await import('./session.ts');
        const t = await replaySession(session);
        set({
          preset: session.preset,
          seed: session.seed,
          editorText: session.editorText,
          canvasView: session.view,
          ...fromTimeline(t, []),
          lastApply: null,
          selected: session.selected ?? null,
          playing: false,
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
      if (s.editorText !== prev.editorText || s.preset !== prev.preset || s.theme !== prev.theme) {
        saveInputs(storage, { editorText: s.editorText, preset: s.preset, theme: s.theme });
      }
    });
  }
  return store;
}
