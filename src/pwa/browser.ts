/// <reference types="vite-plugin-pwa/vanillajs" />
// The page's one update store and the browser's side of service-worker registration.
import { createUpdateStore, startServiceWorker, type ServiceWorkerEnv } from './service-worker.ts';
import { followThemeColor } from './theme-color.ts';

export const updateStore = createUpdateStore();

/**
 * How long after the load event to wait before registering. Monaco (~3 MB) starts downloading at
 * the page's first idle moment; the precache (~9 MB, Monaco included) should not compete with it.
 */
const AFTER_LOAD_MS = 3_000;
/** Then wait this long at most for an idle moment before registering anyway. */
const IDLE_TIMEOUT_MS = 5_000;

function whenIdle(): Promise<void> {
  const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise<void>((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
  return loaded
    .then(() => new Promise<void>((resolve) => window.setTimeout(resolve, AFTER_LOAD_MS)))
    .then(
      () =>
        new Promise<void>((resolve) => {
          if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
          else resolve();
        }),
    );
}

const browserEnv: ServiceWorkerEnv = {
  // import.meta.env.PROD: `vite` dev serves no service worker (the plugin builds it only for production).
  supported: import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator,
  whenIdle,
  loadRegister: () => import('virtual:pwa-register').then((m) => m.registerSW),
  every: (ms, fn) => void window.setInterval(fn, ms),
  isOnline: () => navigator.onLine,
  reportError: (error) => console.warn('The service worker could not be registered; the playground will not work offline.', error),
};

let started = false;

/** Starts offline support once per page (React's StrictMode mounts effects twice). */
export function startPwa(): void {
  if (started) return;
  started = true;
  followThemeColor(document);
  void startServiceWorker(updateStore, browserEnv);
}
