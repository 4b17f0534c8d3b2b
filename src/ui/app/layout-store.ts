// Layout choices that survive a reload: which dock tab is in front, the inspector's sub-view,
// presentation mode and its text size. Pure UI state (no cluster in it), so it lives beside the views rather than in
// the app store; persisted through the shared persistence module under its own key.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadUiPrefs, saveUiPrefs, type KeyValueStorage } from '../../store/persistence.ts';
import type { SessionUi } from '../../store/session.ts';
import { pageStorage } from '../../store/page-storage.ts';

export const DOCK_TABS = ['terminal', 'events', 'inspector', 'explain', 'timeline'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

export const INSPECTOR_VIEWS = ['yaml', 'describe', 'events', 'layers'] as const;
export type InspectorView = (typeof INSPECTOR_VIEWS)[number];

/** Presentation mode's text sizes (A− / A+): the chrome's zoom and the canvas' readable zoom are multiplied by it. */
export const TEXT_SCALES = [0.8, 1, 1.25, 1.5, 1.75, 2] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

export interface LayoutState {
  dockTab: DockTab;
  inspectorView: InspectorView;
  /** Editor hidden, everything larger: for projecting in a classroom. */
  presentation: boolean;
  /** Presentation mode's text size, chosen by the teacher for the room. */
  textScale: TextScale;
  /** "Play out each action" as the teacher set it; null follows presentation mode (on there, off elsewhere). */
  playOut: boolean | null;
  setDockTab: (tab: DockTab) => void;
  setInspectorView: (view: InspectorView) => void;
  setPresentation: (on: boolean) => void;
  /** One step larger (+1) or smaller (-1) along TEXT_SCALES, clamped at its ends. */
  stepTextScale: (direction: 1 | -1) => void;
  setPlayOut: (on: boolean) => void;
}

/** Whether actions play out: the teacher's choice, else on in presentation mode (issue 12's lecture mode). */
export const playOutOn = (s: Pick<LayoutState, 'playOut' | 'presentation'>): boolean => s.playOut ?? s.presentation;

export type LayoutStore = StoreApi<LayoutState>;

const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T => ((list as readonly unknown[]).includes(v) ? (v as T) : fallback);

export function createLayoutStore(storage?: KeyValueStorage): LayoutStore {
  const saved = loadUiPrefs(storage);
  const store = createStore<LayoutState>()((set) => ({
    dockTab: oneOf(DOCK_TABS, saved['dockTab'], 'events'),
    inspectorView: oneOf(INSPECTOR_VIEWS, saved['inspectorView'], 'yaml'),
    presentation: saved['presentation'] === true,
    textScale: (TEXT_SCALES as readonly unknown[]).includes(saved['textScale']) ? (saved['textScale'] as TextScale) : 1,
    playOut: typeof saved['playOut'] === 'boolean' ? saved['playOut'] : null,
    setDockTab: (dockTab) => set({ dockTab }),
    setInspectorView: (inspectorView) => set({ inspectorView }),
    setPresentation: (presentation) => set({ presentation }),
    setPlayOut: (playOut) => set({ playOut }),
    stepTextScale: (direction) =>
      set((s) => {
        const i = TEXT_SCALES.indexOf(s.textScale) + direction;
        return { textScale: TEXT_SCALES[Math.max(0, Math.min(TEXT_SCALES.length - 1, i))]! };
      }),
  }));
  if (storage) {
    store.subscribe(({ dockTab, inspectorView, presentation, textScale, playOut }) => void saveUiPrefs(storage, { dockTab, inspectorView, presentation, textScale, playOut }));
  }
  return store;
}

// localStorage, or memory in an embedded playground (page-storage.ts).
export const layoutStore = createLayoutStore(pageStorage());

export function useLayout<T>(selector: (s: LayoutState) => T): T {
  return useStore(layoutStore, selector);
}

/** The layout a share link records: the dock tab in front, the inspector's view, presentation mode. */
export function layoutForSession(store: LayoutStore = layoutStore): SessionUi {
  const { dockTab, inspectorView, presentation } = store.getState();
  return { dock: dockTab, inspector: inspectorView, presentation };
}

/** Lays the page out as a share link recorded it; words this version does not know are ignored. */
export function applySessionLayout(ui: SessionUi | undefined, store: LayoutStore = layoutStore): void {
  if (!ui) return;
  const s = store.getState();
  if ((DOCK_TABS as readonly string[]).includes(ui.dock ?? '')) s.setDockTab(ui.dock as DockTab);
  if ((INSPECTOR_VIEWS as readonly string[]).includes(ui.inspector ?? '')) s.setInspectorView(ui.inspector as InspectorView);
  if (ui.presentation !== undefined) s.setPresentation(ui.presentation);
}
