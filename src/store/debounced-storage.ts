// Saving on every keystroke costs little for a page of YAML and a lot for a 5 MB paste (the whole
// text is serialized and written each time). This storage writes at most once per `delayMs`, the
// newest value per key, and at once when the page is being hidden or closed, so nothing typed is
// lost on a reload. Reads see a pending write first.
import type { KeyValueStorage } from './persistence.ts';

export interface DebouncedStorage extends KeyValueStorage {
  /** Writes what is pending now. */
  flush(): void;
}

export interface Scheduler {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export function debouncedStorage(storage: KeyValueStorage, delayMs: number, scheduler: Scheduler): DebouncedStorage {
  const pending = new Map<string, string>();
  let timer: unknown = null;
  const flush = () => {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = null;
    for (const [k, v] of pending) {
      try {
        storage.setItem(k, v);
      } catch {
        // Quota or private mode: the page goes on without saving, as persistence.ts does.
      }
    }
    pending.clear();
  };
  return {
    getItem: (key) => (pending.has(key) ? pending.get(key)! : storage.getItem(key)),
    setItem: (key, value) => {
      pending.set(key, value);
      timer ??= scheduler.setTimeout(flush, delayMs);
    },
    flush,
  };
}
