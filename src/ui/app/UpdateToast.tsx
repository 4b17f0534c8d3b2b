// "A new version is ready — Reload": shown when a newer build of the playground has been installed
// in the background. It never reloads by itself (a teacher may be mid-lesson); a click lets the new
// version take over and reloads, and the session comes back as after any reload. Mounting it also
// starts offline support (src/pwa/), after the first screen has loaded.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { startPwa, updateStore } from '../../pwa/browser.ts';

export function UpdateToast() {
  useEffect(startPwa, []);
  const { waiting, reload, dismiss } = useStore(updateStore);
  if (!waiting) return null;
  return (
    <div role="status" className="pointer-events-none fixed right-3 bottom-3 z-50 flex justify-end">
      <div className="pointer-events-auto flex items-center gap-2 rounded-lg border border-slate-200 bg-white py-1 pr-1 pl-3 text-sm text-slate-700 shadow-lg dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200">
        <span>A new version is ready</span>
        <button
          type="button"
          onClick={reload}
          title="Reload to use it: your session is restored after the reload"
          className="h-7 rounded-md bg-indigo-600 px-3 font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Reload
        </button>
        <button type="button" aria-label="Not now" title="Not now" onClick={dismiss} className="grid size-7 place-items-center rounded-md text-slate-400 hover:text-slate-700 dark:hover:text-white">
          ×
        </button>
      </div>
    </div>
  );
}
