// A session is everything needed to reproduce what a learner did: preset, seed, editor text,
// every action in order (forks included), the frame being viewed and the canvas view. The
// engine is deterministic, so replaying the actions rebuilds every frame exactly. Share links
// carry a session; its JSON comes from outside, so `parseSession` checks every field.
//
// Replaying a session needs the engine's write path, so it lives apart (session-replay.ts, run in
// the engine's worker): this file is on the first screen.
import { KINDS, PRESETS, type ObjectRef, type PresetName } from '../engine/index.ts';
import type { CanvasView } from './app-store.ts';
import type { RecordedAction, UserAction } from './timeline.ts';

export interface SessionV1 {
  v: 1;
  preset: PresetName;
  seed: number;
  editorText: string;
  actions: RecordedAction[];
  /** The frame shown (an index into the replayed timeline's frames). */
  cursor: number;
  view: CanvasView;
  /** The object selected when the link was made (the inspector shows it on arrival). */
  selected?: ObjectRef;
  /**
   * How the page was laid out: the dock tab in front, the inspector's sub-view, presentation mode.
   * UI words the store does not interpret; the page applies the ones it knows and ignores the rest.
   */
  ui?: SessionUi;
}

export interface SessionUi {
  dock?: string;
  inspector?: string;
  presentation?: boolean;
}

/** Limits that keep a hostile or corrupt link from freezing the page. */
export const SESSION_LIMITS = { actions: 500, textChars: 200_000 } as const;

export type SessionParse = { ok: true; session: SessionV1 } | { ok: false; error: string };

/** Checks decoded JSON field by field; the error names the field that is wrong. */
export function parseSession(value: unknown): SessionParse {
  const fail = (error: string): SessionParse => ({ ok: false, error });
  if (!isRecord(value)) return fail('the session is not an object');
  if (value.v !== 1) return fail(`unsupported session version ${JSON.stringify(value.v)} (this playground reads version 1)`);
  if (typeof value.preset !== 'string' || !(PRESETS as readonly string[]).includes(value.preset)) return fail(`unknown cluster preset ${JSON.stringify(value.preset)}`);
  if (!Number.isSafeInteger(value.seed)) return fail('seed must be an integer');
  if (typeof value.editorText !== 'string') return fail('editorText must be a string');
  if (value.editorText.length > SESSION_LIMITS.textChars) return fail(`editorText is longer than ${SESSION_LIMITS.textChars} characters`);
  if (!Array.isArray(value.actions)) return fail('actions must be a list');
  if (value.actions.length > SESSION_LIMITS.actions) return fail(`more than ${SESSION_LIMITS.actions} actions`);
  const actions: RecordedAction[] = [];
  for (const [i, raw] of value.actions.entries()) {
    const a = parseAction(raw);
    if (typeof a === 'string') return fail(`actions[${i}]: ${a}`);
    actions.push(a);
  }
  if (!Number.isSafeInteger(value.cursor) || (value.cursor as number) < 0) return fail('cursor must be a non-negative integer');
  if (value.view !== 'cluster' && value.view !== 'docker') return fail(`unknown view ${JSON.stringify(value.view)}`);
  const selected = value.selected === undefined ? undefined : parseRef(value.selected);
  if (typeof selected === 'string') return fail(`selected: ${selected}`);
  const ui = value.ui === undefined ? undefined : parseUi(value.ui);
  if (typeof ui === 'string') return fail(`ui: ${ui}`);
  return {
    ok: true,
    session: {
      v: 1,
      preset: value.preset as PresetName,
      seed: value.seed as number,
      editorText: value.editorText,
      actions,
      cursor: value.cursor as number,
      view: value.view,
      ...(selected ? { selected } : {}),
      ...(ui ? { ui } : {}),
    },
  };
}

/** Object names are DNS names (253 characters at most); anything longer is not one. */
const NAME_MAX = 253;

function parseRef(raw: unknown): ObjectRef | string {
  if (!isRecord(raw)) return 'not an object reference';
  if (typeof raw.kind !== 'string' || !Object.hasOwn(KINDS, raw.kind)) return `unknown kind ${JSON.stringify(raw.kind)}`;
  if (typeof raw.name !== 'string' || raw.name === '' || raw.name.length > NAME_MAX) return 'name must be a non-empty string';
  if (raw.namespace !== undefined && (typeof raw.namespace !== 'string' || raw.namespace.length > NAME_MAX)) return 'namespace must be a string';
  return { kind: raw.kind as ObjectRef['kind'], name: raw.name, ...(raw.namespace !== undefined ? { namespace: raw.namespace } : {}) };
}

function parseUi(raw: unknown): SessionUi | string {
  if (!isRecord(raw)) return 'not an object';
  const word = (v: unknown) => v === undefined || (typeof v === 'string' && v.length <= 40);
  if (!word(raw.dock)) return 'dock must be a short word';
  if (!word(raw.inspector)) return 'inspector must be a short word';
  if (raw.presentation !== undefined && typeof raw.presentation !== 'boolean') return 'presentation must be true or false';
  return {
    ...(raw.dock !== undefined ? { dock: raw.dock as string } : {}),
    ...(raw.inspector !== undefined ? { inspector: raw.inspector as string } : {}),
    ...(raw.presentation !== undefined ? { presentation: raw.presentation } : {}),
  };
}

function parseAction(raw: unknown): RecordedAction | string {
  if (!isRecord(raw) || !isRecord(raw.action)) return 'not an action';
  if (raw.at !== undefined && (!Number.isSafeInteger(raw.at) || (raw.at as number) < 0)) return '"at" must be a non-negative integer';
  const a = raw.action;
  let action: UserAction;
  if (a.type === 'command') {
    if (typeof a.line !== 'string' || a.line.length > SESSION_LIMITS.textChars) return 'a command needs a "line" string';
    if (a.before !== undefined && (typeof a.before !== 'string' || a.before.length > SESSION_LIMITS.textChars)) return '"before" must be a string';
    if (a.file !== undefined && (typeof a.file !== 'string' || a.file.length > SESSION_LIMITS.textChars)) return '"file" must be a string';
    action = { type: 'command', line: a.line, ...(a.before !== undefined ? { before: a.before } : {}), ...(a.file !== undefined ? { file: a.file } : {}) };
  } else if (a.type === 'interactive') {
    if (typeof a.line !== 'string' || a.line.length > SESSION_LIMITS.textChars) return 'interactive input needs a "line" string';
    if (a.key !== undefined && a.key !== 'eof' && a.key !== 'interrupt') return '"key" must be "eof" or "interrupt"';
    action = { type: 'interactive', line: a.line, ...(a.key !== undefined ? { key: a.key } : {}) };
  } else if (a.type === 'apply' || a.type === 'delete') {
    if (typeof a.text !== 'string' || a.text.length > SESSION_LIMITS.textChars) return `${a.type} needs a "text" string`;
    if (a.only !== undefined && !(Array.isArray(a.only) && a.only.every((n) => Number.isSafeInteger(n) && n >= 0))) return '"only" must list document indexes';
    action = { type: a.type, text: a.text, ...(a.only ? { only: a.only as number[] } : {}) };
  } else {
    return `unknown action type ${JSON.stringify(a.type)}`;
  }
  return raw.at === undefined ? { action } : { action, at: raw.at as number };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
