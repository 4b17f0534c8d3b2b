// The playground's one store: the engine's cluster state plus the editor, the last apply's
// results, the recent steps and UI choices. A vanilla zustand store, so it runs (and is tested)
// without React; `useAppStore` in index.ts binds it to components.
//
// The store computes no cluster behaviour: every change to the cluster comes from the engine
// (`createCluster`, `applyManifest`); the UI renders what the engine returns.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  applyManifest,
  createCluster,
  type ClusterState,
  type DocumentResult,
  type ObjectRef,
  type PresetName,
  type Step,
} from '../engine/index.ts';
import { loadInputs, saveInputs, type KeyValueStorage, type ThemeChoice } from './persistence.ts';
import { STARTER_MANIFEST } from './starter.ts';

/** How many steps the timeline keeps (older ones drop off the front). */
export const MAX_STEPS = 200;
export const DEFAULT_PRESET: PresetName = 'bare';
export const DEFAULT_SEED = 1;

/** The outcome of the last Apply: per-document results, or a failure of the engine itself. */
export interface ApplyReport {
  /** Increments with every apply, so views can tell two identical reports apart. */
  serial: number;
  /** The text that was applied (markers belong to this text). */
  text: string;
  results: DocumentResult[];
  /** Set when the engine threw instead of reporting: a bug, shown rather than crashing the page. */
  crash?: string;
  /** False when the controllers had not settled within the engine's limit. */
  settled: boolean;
}

export interface AppState {
  preset: PresetName;
  seed: number;
  cluster: ClusterState;
  editorText: string;
  lastApply: ApplyReport | null;
  /** The timeline, oldest first, at most MAX_STEPS. Cleared when the cluster is reset. */
  steps: Step[];
  /** The steps of the latest apply only (what the narration reads out). */
  latestSteps: Step[];
  selected: ObjectRef | null;
  theme: ThemeChoice;
  /** What the canvas draws: the Kubernetes cluster, or the Docker host (images, layers, volumes). */
  canvasView: CanvasView;

  setEditorText: (text: string) => void;
  /** Applies the editor text to the cluster (`kubectl apply -f`), then lets it settle. */
  applyEditor: () => void;
  /** A fresh cluster of the given preset (default: the current one). The editor text is kept. */
  resetCluster: (preset?: PresetName) => void;
  /**
   * A command's outcome (from the terminal, through the command layer, which the store does not
   * import so the first screen stays small): the new cluster, and its steps on the timeline.
   */
  recordCommand: (cluster: ClusterState, steps: Step[]) => void;
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

export function createAppStore(opts: AppStoreOptions = {}): AppStore {
  const saved = loadInputs(opts.storage);
  const preset = saved.preset ?? DEFAULT_PRESET;
  const seed = opts.seed ?? DEFAULT_SEED;

  const store = createStore<AppState>()((set, get) => ({
    preset,
    seed,
    cluster: createCluster({ preset, seed }),
    editorText: saved.editorText ?? STARTER_MANIFEST,
    lastApply: null,
    steps: [],
    latestSteps: [],
    selected: null,
    theme: saved.theme ?? 'system',
    canvasView: 'cluster',

    setEditorText: (text) => {
      if (text !== get().editorText) set({ editorText: text });
    },

    applyEditor: () => {
      const { cluster, editorText, lastApply, steps } = get();
      const serial = (lastApply?.serial ?? 0) + 1;
      try {
        const out = applyManifest(cluster, editorText, { mode: 'apply' });
        set({
          cluster: out.state,
          lastApply: { serial, text: editorText, results: out.result, settled: out.settle.settled },
          steps: [...steps, ...out.steps].slice(-MAX_STEPS),
          latestSteps: out.steps,
        });
      } catch (err) {
        set({ lastApply: { serial, text: editorText, results: [], settled: true, crash: err instanceof Error ? err.message : String(err) } });
      }
    },

    resetCluster: (next) => {
      const p = next ?? get().preset;
      set({ preset: p, cluster: createCluster({ preset: p, seed: get().seed }), lastApply: null, steps: [], latestSteps: [], selected: null });
    },

    recordCommand: (cluster, newSteps) => {
      if (cluster !== get().cluster) set({ cluster, steps: [...get().steps, ...newSteps].slice(-MAX_STEPS), latestSteps: newSteps });
    },

    selectObject: (ref) => set({ selected: ref }),
    setTheme: (theme) => set({ theme }),
    setCanvasView: (canvasView) => set({ canvasView }),
  }));

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
