// The app's store instance and its React hook. Tests create their own with createAppStore().
import { useStore } from 'zustand';
import { createAppStore, type AppState } from './app-store.ts';

export * from './app-store.ts';
export * from './selectors.ts';
export { THEME_CHOICES, type ThemeChoice } from './persistence.ts';

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export const appStore = createAppStore({ storage: browserStorage() });

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
