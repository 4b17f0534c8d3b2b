// What survives a reload: the editor text, the cluster preset and the theme choice; the session
// (its actions and cursor, replayed on load as a share link is) and the terminal's history. The storage
// is passed in (window.localStorage in the app, a Map-backed fake in tests), every read is
// tolerant (missing, corrupt or foreign data falls back to defaults) and every write may fail
// quietly (private mode, quota) without breaking the playground.
import { PRESETS, type PresetName } from '../engine/index.ts';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The storage this module needs: the `Storage` subset both localStorage and a test fake offer. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const STORAGE_KEY = 'k8s-storage-playground';
const VERSION = 1;

export interface PersistedInputs {
  editorText: string;
  preset: PresetName;
  theme: ThemeChoice;
}

interface StoredV1 extends Partial<PersistedInputs> {
  v: 1;
}

/** Reads what was saved; fields that are missing or invalid are left out (the caller's defaults apply). */
export function loadInputs(storage: KeyValueStorage | undefined): Partial<PersistedInputs> {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return {};
  }
  if (raw === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!isRecord(parsed) || parsed.v !== VERSION) return {};
  const out: Partial<PersistedInputs> = {};
  if (typeof parsed.editorText === 'string') out.editorText = parsed.editorText;
  if (typeof parsed.preset === 'string' && (PRESETS as readonly string[]).includes(parsed.preset)) out.preset = parsed.preset as PresetName;
  if (typeof parsed.theme === 'string' && (THEME_CHOICES as readonly string[]).includes(parsed.theme)) out.theme = parsed.theme as ThemeChoice;
  return out;
}

/** Saves the inputs; returns false when the storage refused (nothing else happens). */
export function saveInputs(storage: (KeyValueStorage & { setItemLazy?: (key: string, make: () => string) => void }) | undefined, inputs: PersistedInputs): boolean {
  if (!storage) return false;
  const value: StoredV1 = { v: VERSION, ...inputs };
  try {
    // A debounced storage serializes only what it writes (debounced-storage.ts).
    if (storage.setItemLazy) storage.setItemLazy(STORAGE_KEY, () => JSON.stringify(value));
    else storage.setItem(STORAGE_KEY, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/**
 * Layout choices (dock tab, presentation mode) under a key of their own, so the inputs' writer
 * above never needs to know them. Returns the saved record as-is (empty when missing or corrupt);
 * the UI validates each field it reads.
 */
export const UI_PREFS_KEY = 'k8s-storage-playground.ui';

export function loadUiPrefs(storage: KeyValueStorage | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(UI_PREFS_KEY) ?? 'null');
    return isRecord(parsed) && parsed.v === VERSION ? parsed : {};
  } catch {
    return {};
  }
}

/** Saves the layout choices; returns false when the storage refused. */
export function saveUiPrefs(storage: KeyValueStorage | undefined, prefs: Record<string, unknown>): boolean {
  try {
    storage?.setItem(UI_PREFS_KEY, JSON.stringify({ ...prefs, v: VERSION }));
    return storage !== undefined;
  } catch {
    return false;
  }
}

/**
 * The session as a share link holds it (actions, cursor, view), saved so a reload rebuilds the
 * cluster and the timeline by replaying it. Stored as-is; the reader checks it with parseSession.
 */
export const SESSION_KEY = 'k8s-storage-playground.session';

/** The saved session's JSON value, or undefined when there is none (or it is unreadable). */
export function loadSavedSession(storage: KeyValueStorage | undefined): unknown {
  try {
    const raw = storage?.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The most characters a saved session may take. Each Apply records the editor text it applied, so
 * a big paste applied a few times would fill the origin's storage (5 MB or so) and then the editor
 * text itself could no longer be saved: past this the session is not kept (a reload starts afresh).
 */
export const SESSION_SAVE_MAX_CHARS = 1_000_000;

/** Saves the session (made lazily by a debounced storage); false when the storage refused. */
export function saveSession(storage: (KeyValueStorage & { setItemLazy?: (key: string, make: () => string) => void }) | undefined, make: () => unknown): boolean {
  if (!storage) return false;
  const json = () => {
    const text = JSON.stringify(make());
    return text.length > SESSION_SAVE_MAX_CHARS ? 'null' : text;
  };
  try {
    if (storage.setItemLazy) storage.setItemLazy(SESSION_KEY, json);
    else storage.setItem(SESSION_KEY, json());
    return true;
  } catch {
    return false;
  }
}

/** The terminal's history (↑/↓, Ctrl+R) kept across reloads, newest last; bash keeps 500 by default (HISTSIZE). */
export const HISTORY_KEY = 'k8s-storage-playground.history';
export const HISTORY_MAX = 500;

export function loadHistory(storage: KeyValueStorage | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(HISTORY_KEY) ?? 'null');
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string').slice(-HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

export function saveHistory(storage: KeyValueStorage | undefined, history: readonly string[]): boolean {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(history.slice(-HISTORY_MAX)));
    return storage !== undefined;
  } catch {
    return false;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
