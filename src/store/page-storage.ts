// Where the page keeps what survives a reload. The full playground uses localStorage. An embedded
// playground (`?embed=…`, src/ui/embed/) sits in a docs page or course site: if it wrote there it
// would overwrite the learner's own saved session, lessons and layout in the full playground (same
// origin, same keys). So an embed keeps everything in memory, for its frame's lifetime only: a
// reload of the host page reloads the iframe's `src`, which says again what to show.
import type { KeyValueStorage } from './persistence.ts';

/** The query parameter that turns on embed mode (parsed in full by src/ui/embed/embed-params.ts). */
export const EMBED_PARAM = 'embed';

/** Whether a query string (`location.search`) asks for embed mode. */
export function isEmbedSearch(search: string): boolean {
  return new URLSearchParams(search).has(EMBED_PARAM);
}

/** A storage that forgets everything with the page: the `Storage` subset the stores use. */
export function memoryStorage(): KeyValueStorage & Pick<Storage, 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

let embedded: KeyValueStorage | undefined;

/**
 * The page's storage: window.localStorage, or (embed mode) one in-memory storage shared by every
 * store of the page. Undefined where there is no window or the browser refuses storage.
 */
export function pageStorage(): KeyValueStorage | undefined {
  try {
    if (typeof window === 'undefined') return undefined;
    if (isEmbedSearch(window.location.search)) return (embedded ??= memoryStorage());
    return window.localStorage;
  } catch {
    return undefined;
  }
}
