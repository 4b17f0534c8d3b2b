// Registers the service worker that makes the playground work offline, and tells the page when a
// new version is waiting. Kept off the first screen: the worker (and workbox-window, which the
// plugin's register helper loads) is fetched only once the page has loaded and gone idle, so it
// never competes with the canvas, Monaco or the engine for the network or the main thread.
// Every browser effect is passed in, so the order of events can be tested without a browser.
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface UpdateState {
  /** A new version has been installed and is waiting for the page to let it take over. */
  waiting: boolean;
  /** Lets the waiting version take over; the page then reloads (the session restores itself). */
  reload: () => void;
  /** Hides the offer; the new version still takes over the next time every tab is closed. */
  dismiss: () => void;
}

export type UpdateStore = StoreApi<UpdateState>;

export function createUpdateStore(): UpdateStore {
  return createStore<UpdateState>()((set) => ({ waiting: false, reload: () => {}, dismiss: () => set({ waiting: false }) }));
}

/** What vite-plugin-pwa's `virtual:pwa-register` gives; a subset, so tests can fake it. */
export interface RegisterOptions {
  immediate?: boolean;
  onNeedRefresh?: () => void;
  onRegisteredSW?: (url: string, registration: { update(): Promise<unknown> } | undefined) => void;
  onRegisterError?: (error: unknown) => void;
}
export type RegisterSW = (options: RegisterOptions) => (reloadPage?: boolean) => Promise<void>;

export interface ServiceWorkerEnv {
  /** A production build served to a browser with service workers (never `vite` dev, never Node). */
  supported: boolean;
  /** Resolves a while after the load event, once the main thread is idle. */
  whenIdle: () => Promise<void>;
  /** Loads the plugin's register helper (a dynamic import, so it is its own small chunk). */
  loadRegister: () => Promise<RegisterSW>;
  /** A repeating timer, for checking for a new version during a long lesson. */
  every: (ms: number, fn: () => void) => void;
  isOnline: () => boolean;
  reportError: (error: unknown) => void;
}

/** A teacher may keep the tab open all day: look for a new version hourly, as well as on each load. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Registers once, after the page is idle; resolves when registration has been started. */
export async function startServiceWorker(store: UpdateStore, env: ServiceWorkerEnv): Promise<void> {
  if (!env.supported) return;
  await env.whenIdle();
  const registerSW = await env.loadRegister();
  const update = registerSW({
    immediate: true, // the page has loaded already: do not wait for another load event
    onNeedRefresh: () => store.setState({ waiting: true, reload: () => void update(true) }),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      env.every(UPDATE_CHECK_MS, () => {
        // Offline the check would only fail; the next one (or the next load) catches up.
        if (env.isOnline()) registration.update().catch(() => {});
      });
    },
    onRegisterError: env.reportError,
  });
}
