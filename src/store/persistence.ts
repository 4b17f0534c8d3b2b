// What survives a reload: the editor text, the cluster preset and the theme choice. The storage
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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
