// The postMessage protocol between a host page and an embedded playground (docs/embed.md): what
// the host may send, checked field by field before anything runs, and what the playground sends
// back. Pure: the bridge (embed-bridge.ts) does the window wiring.
//
// Anything that is not an object with a string `type` starting with `kubesim:` is not for us
// (browser extensions and other widgets post to every frame) and is ignored in silence. A
// `kubesim:` message that is wrong in any way is answered with `kubesim:error`, never thrown.
import { PRESETS, type PresetName } from '../../engine/index.ts';
import { SESSION_LIMITS } from '../../store/session.ts';

export const MESSAGE_PREFIX = 'kubesim:';

/** What a host page may ask. Steps are counted from 1, as `#lesson=ID&step=N` and the lesson pane count them. */
export type InboundMessage =
  /** YAML put in the editor and applied on a fresh cluster (of `preset`, else the current one), or a share link's fragment opened. */
  | { type: 'kubesim:load'; scenario: string; preset?: PresetName }
  | { type: 'kubesim:load'; lesson: string; step?: number }
  /** Applies the editor's text, as the Apply button does. */
  | { type: 'kubesim:apply' }
  /** In a lesson: back to the start of the step. Otherwise: the cluster from its preset again (the editor text is kept). */
  | { type: 'kubesim:reset' };

export type InboundType = InboundMessage['type'];
export const INBOUND_TYPES: readonly InboundType[] = ['kubesim:load', 'kubesim:apply', 'kubesim:reset'];

/** What the playground tells the host page. */
export type OutboundMessage =
  | { type: 'kubesim:ready'; version: 1 }
  /** A load finished: what is on screen now. `errors`: what the API server refused when the scenario was applied. */
  | { type: 'kubesim:loaded'; lesson?: string; step?: number; scenario?: true; errors?: string[] }
  | { type: 'kubesim:goal-met'; lesson: string; step: number; goal: string; title: string }
  | { type: 'kubesim:step-complete'; lesson: string; step: number; title: string }
  | { type: 'kubesim:lesson-complete'; lesson: string; title: string }
  /** A message that could not be carried out; `request` is the type it had, when it had one. */
  | { type: 'kubesim:error'; message: string; request?: string };

export const PROTOCOL_VERSION = 1;

export type Checked =
  /** Not a kubesim message: say nothing. */
  | { status: 'ignore' }
  | { status: 'error'; message: string; request: string }
  | { status: 'ok'; message: InboundMessage };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a `MessageEvent.data` from a host page. */
export function checkInbound(data: unknown): Checked {
  if (!isRecord(data) || typeof data.type !== 'string' || !data.type.startsWith(MESSAGE_PREFIX)) return { status: 'ignore' };
  const type = data.type;
  const fail = (message: string): Checked => ({ status: 'error', message, request: type });
  switch (type) {
    case 'kubesim:apply':
    case 'kubesim:reset':
      return { status: 'ok', message: { type } };
    case 'kubesim:load':
      return checkLoad(data, fail);
    default:
      // Our own events echoed back (a host forwarding everything) are not requests: ignore them.
      if (OUTBOUND_TYPES.has(type)) return { status: 'ignore' };
      return fail(`unknown message type ${JSON.stringify(type)} (expected one of ${INBOUND_TYPES.join(', ')})`);
  }
}

const OUTBOUND_TYPES = new Set(['kubesim:ready', 'kubesim:loaded', 'kubesim:goal-met', 'kubesim:step-complete', 'kubesim:lesson-complete', 'kubesim:error']);

function checkLoad(data: Record<string, unknown>, fail: (message: string) => Checked): Checked {
  const hasScenario = data.scenario !== undefined;
  const hasLesson = data.lesson !== undefined;
  if (hasScenario === hasLesson) return fail('kubesim:load needs exactly one of "scenario" (YAML text or a share link\'s #s=… fragment) and "lesson" (a lesson id)');
  if (hasLesson) {
    if (typeof data.lesson !== 'string' || data.lesson.trim() === '') return fail('"lesson" must be a lesson id (a non-empty string)');
    if (data.preset !== undefined) return fail('"preset" goes with "scenario"; a lesson brings its own cluster');
    if (data.step === undefined) return { status: 'ok', message: { type: 'kubesim:load', lesson: data.lesson } };
    if (!Number.isSafeInteger(data.step) || (data.step as number) < 1) return fail(`"step" must be a whole number from 1 (got ${JSON.stringify(data.step) ?? String(data.step)})`);
    return { status: 'ok', message: { type: 'kubesim:load', lesson: data.lesson, step: data.step as number } };
  }
  if (typeof data.scenario !== 'string') return fail('"scenario" must be a string of YAML, or a share link\'s #s=… fragment');
  if (data.scenario.length > SESSION_LIMITS.textChars) return fail(`"scenario" is longer than ${SESSION_LIMITS.textChars.toLocaleString('en')} characters`);
  if (data.step !== undefined) return fail('"step" goes with "lesson"');
  if (data.preset === undefined) return { status: 'ok', message: { type: 'kubesim:load', scenario: data.scenario } };
  if (typeof data.preset !== 'string' || !(PRESETS as readonly string[]).includes(data.preset)) {
    return fail(`unknown cluster preset ${JSON.stringify(data.preset)} (expected one of ${PRESETS.join(', ')})`);
  }
  return { status: 'ok', message: { type: 'kubesim:load', scenario: data.scenario, preset: data.preset as PresetName } };
}
