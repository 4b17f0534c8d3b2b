// A hook for browser tests that are not about typing: set the editor text, apply, read state.
// (Typing itself is tested through a real clipboard paste into Monaco.)
import { appStore } from '../../store/index.ts';

export interface PlaygroundHook {
  setEditorText(text: string): void;
  /** Applies the editor text; resolves once the engine's result is in the store. */
  apply(): Promise<void>;
  getState(): unknown;
  /** The editor text's length, without getState()'s copy of everything (50 ms for a 5 MB text: a long task of the test's own). */
  editorTextLength(): number;
  /** How many objects of a kind the shown cluster holds, without getState()'s copy of the cluster. */
  countObjects(kind: string): number;
  /** The selected object (what a click on the canvas chose), without getState()'s copy of the cluster. */
  selected(): { kind: string; name: string; namespace?: string } | null;
  /** Runs one terminal line (kubectl, docker, …) without typing it. */
  run(line: string): Promise<void>;
  /** Time travel without the mouse: the frames and cursor, and the store's playback actions. */
  timeline: {
    position(): { cursor: number; frames: number; playing: boolean };
    seek(cursor: number): void;
    stepBack(): void;
    stepForward(): void;
    play(): void;
    pause(): void;
    goLive(): void;
  };
  /** When (performance.now()) each engine action ended: browser tests split their timings there. */
  actionsEnded: number[];
  /** True once Monaco has replaced the plain-text placeholder. */
  editorReady: boolean;
  /** The editor's markers (ours and monaco-yaml's), once Monaco is loaded. */
  getMarkers?: () => { owner: string; line: number; column: number; severity: number; message: string }[];
}

declare global {
  interface Window {
    __playground?: PlaygroundHook;
  }
}

export function installTestHook(): void {
  window.__playground = {
    setEditorText: (text) => appStore.getState().setEditorText(text),
    apply: () => appStore.getState().applyEditor(),
    run: async (line) => void (await (await import('../terminal/run-line.ts')).runLine(appStore, line)),
    editorTextLength: () => appStore.getState().editorText.length,
    selected: () => appStore.getState().selected,
    countObjects: (kind) => Object.keys((appStore.getState().cluster.objects as Record<string, object | undefined>)[kind] ?? {}).length,
    getState: () => {
      const { preset, seed, cluster, editorText, lastApply, steps, selected, theme } = appStore.getState();
      return JSON.parse(JSON.stringify({ preset, seed, cluster, editorText, lastApply, steps, selected, theme }));
    },
    timeline: {
      position: () => {
        const { timeline, playing } = appStore.getState();
        return { cursor: timeline.cursor, frames: timeline.frames.length, playing };
      },
      seek: (cursor) => appStore.getState().seekTo(cursor),
      stepBack: () => appStore.getState().stepBack(),
      stepForward: () => appStore.getState().stepForward(),
      play: () => appStore.getState().play(),
      pause: () => appStore.getState().pause(),
      goLive: () => appStore.getState().goLive(),
    },
    editorReady: false,
    actionsEnded: [],
  };
  appStore.subscribe((s, prev) => {
    if (prev.busy && !s.busy) window.__playground?.actionsEnded.push(performance.now());
  });
}
