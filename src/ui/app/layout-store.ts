// Layout choices that survive a reload: which dock tab is in front, the inspector's sub-view and
// presentation mode. Pure UI state (no cluster in it), so it lives beside the views rather than in
// the app store; persisted through the shared persistence module under its own key.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadUiPrefs, saveUiPrefs, type KeyValueStorage } from '../../store/persistence.ts';
import type { SessionUi } from '../../store/session.ts';

export const DOCK_TABS = ['terminal', 'events', 'inspector', 'explain', 'timeline'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

export const INSPECTOR_VIEWS = ['yaml', 'describe', 'events', 'layers'] as const;
export type InspectorView = (typeof INSPECTOR_VIEWS)[number];

export interface LayoutState {
  dockTab: DockTab;
  inspectorView: InspectorView;
  /** Editor hidden, everything larger: for projecting in a classroom. */
  presentation: boolean;
  setDockTab: (tab: DockTab) => void;
  setInspectorView: (view: InspectorView) => void;
  setPresentation: (on: boolean) => void;
}

export type LayoutStore = StoreApi<LayoutState>;

const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T => ((list as readonly unknown[]).includes(v) ? (v as T) : fallback);

export function createLayoutStore(storage?: KeyValueStorage): LayoutStore {
  const saved = loadUiPrefs(storage);
  const store = createStore<LayoutState>()((set) => ({
    dockTab: oneOf(DOCK_TABS, saved['dockTab'], 'events'),
    inspectorView: oneOf(INSPECTOR_VIEWS, saved['inspectorView'], 'yaml'),
    presentation: saved['presentation'] === true,
    setDockTab: (dockTab) => set({ dockTab }),
    setInspectorView: (inspectorView) => set({ inspectorView }),
    setPresentation: (presentation) => set({ presentation }),
  }));
  if (storage) {
    store.subscribe(({ dockTab, inspectorView, presentation }) => void saveUiPrefs(storage, { dockTab, inspectorView, presentation }));
  }
  return store;
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export const layoutStore = createLayoutStore(browserStorage());

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
