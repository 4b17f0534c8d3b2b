// Saving on every keystroke costs little for a page of YAML and a lot for a 5 MB paste (the whole
// text is serialized and written each time). This storage writes at most once per `delayMs`, the
// newest value per key, and at once when the page is being hidden or closed, so nothing typed is
// lost on a reload. Reads see a pending write first.
import type { KeyValueStorage } from './persistence.ts';

export interface DebouncedStorage extends KeyValueStorage {
  /** Writes what is pending now. */
  flush(): void;
  /**
   * Like setItem, but the value is made only when it is written: serializing a 5 MB text takes
   * 30 ms or more, so a burst of changes serializes once, in the write's task, not in each change's.
   */
  setItemLazy(key: string, make: () => string): void;
}

export interface Scheduler {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export function debouncedStorage(storage: KeyValueStorage, delayMs: number, scheduler: Scheduler): DebouncedStorage {
  const pending = new Map<string, string | (() => string)>();
  const valueOf = (v: string | (() => string)) => (typeof v === 'string' ? v : v());
  let timer: unknown = null;
  const flush = () => {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = null;
    for (const [k, v] of pending) {
      try {
        storage.setItem(k, valueOf(v));
      } catch {
        // Quota or private mode: the page goes on without saving, as persistence.ts does.
      }
    }
    pending.clear();
  };
  // The timer's flush makes lazy values in one task and writes them in the next: serializing and
  // writing a 5 MB text take 30-40 ms each, and one task of both would be twice as long.
  const timedFlush = () => {
    timer = null;
    let made = false;
    for (const [k, v] of pending) {
      if (typeof v === 'string') continue;
      pending.set(k, v());
      made = true;
    }
    if (made) timer = scheduler.setTimeout(flush, 0);
    else flush();
  };
  return {
    getItem: (key) => {
      const v = pending.get(key);
      if (v === undefined) return storage.getItem(key);
      const made = valueOf(v);
      pending.set(key, made);
      return made;
    },
    setItem: (key, value) => {
      pending.set(key, value);
      timer ??= scheduler.setTimeout(timedFlush, delayMs);
    },
    setItemLazy: (key, make) => {
      pending.set(key, make);
      timer ??= scheduler.setTimeout(timedFlush, delayMs);
    },
    flush,
  };
}
