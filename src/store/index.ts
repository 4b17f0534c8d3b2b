// The app's store instance and its React hook. Tests create their own with createAppStore().
import { useStore } from 'zustand';
import { createAppStore, type AppState } from './app-store.ts';
import { debouncedStorage } from './debounced-storage.ts';
import { pageStorage } from './page-storage.ts';
import type { KeyValueStorage } from './persistence.ts';
import { createLazyInlineRunner, createWorkerRunner, type EngineRunner, type WorkerLike } from './engine-client.ts';

export * from './app-store.ts';
export * from './selectors.ts';
export { THEME_CHOICES, type ThemeChoice } from './persistence.ts';

function browserStorage(): KeyValueStorage | undefined {
  // localStorage, or memory in an embedded playground (page-storage.ts).
  const local = pageStorage();
  if (!local) return undefined;
  // Written at most every 250 ms (a 5 MB paste is not re-saved per keystroke), and at once when the page goes away.
  const storage = debouncedStorage(local, 250, { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) });
  window.addEventListener('pagehide', storage.flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && storage.flush());
  return storage;
}

/** A fresh engine worker (Vite bundles engine.worker.ts as its own chunk, loaded on first use). */
export function spawnEngineWorker(): WorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }) as unknown as WorkerLike;
}

/** The engine off the main thread where the page can have a worker; in-process elsewhere. */
function browserEngine(): EngineRunner | undefined {
  if (typeof window === 'undefined') return undefined;
  return typeof Worker === 'function' ? createWorkerRunner(spawnEngineWorker) : createLazyInlineRunner();
}

const engine = browserEngine();
// The starting cluster is built by the engine too (off the first screen): the store shows a placeholder until it arrives.
export const appStore = createAppStore({ storage: browserStorage(), ...(engine ? { engine, startIn: engine } : {}) });

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
