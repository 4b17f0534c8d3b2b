// The engine side of the worker protocol: runs one request and posts its replies. No DOM and no
// worker globals here, so the same code runs in the worker (engine.worker.ts) and in-process
// (tests, and browsers without module workers).
//
// What it sends back is sized for the page: the page deserializes each message in one task, so
// a large end state goes in slices, a long list of document results too, and an action on a
// large cluster keeps fewer in-between frames (the timeline folds the rest into its last frame).
import type { ClusterState, DocumentResult, Step } from '../engine/index.ts';
import { createCluster, parseManifestText } from '../engine/index.ts';
import { documentLenses } from '../ui/editor/document-lines.ts';
import type { DocumentSpan, EngineReply, EngineRequest } from './engine-protocol.ts';
import { runManifestAction } from './manifest-action.ts';
import { replaySession } from './session-replay.ts';
import { addPart, splitState, stateEntries, WHOLE_STATE_ENTRIES } from './state-parts.ts';
import type { ActionOutcome } from './timeline.ts';

/** Table entries all the in-between frames of one action may hold together (they share objects). */
export const FRAME_ENTRY_BUDGET = 60_000;
/** An action with more steps than this sends only its last SENT_STEPS (the steps list shows 200). */
export const STEP_LIMIT = 1_000;
export const SENT_STEPS = 200;
/** Document results per message. */
export const RESULTS_PER_PART = 1_000;

export interface EngineHost {
  handle(req: EngineRequest): Promise<void>;
}

/** A host with its own memory of the last state it produced (what `{ last: true }` refers to). */
export function createEngineHost(post: (reply: EngineReply) => void): EngineHost {
  let last: ClusterState | null = null;
  let incoming: ClusterState | null = null;

  // A state sent in full becomes `last` at once: the page assumes so from the moment it sends it.
  const stateOf = (input: Extract<EngineRequest, { state: unknown }>['state']): ClusterState | null => {
    if (!input.last) last = 'parts' in input ? incoming : input.state;
    incoming = null;
    return last;
  };

  /** Posts an action's outcome: trimmed, with a large state and long results in slices before it. */
  const postOutcome = <T extends ActionOutcome & { result?: DocumentResult[] }>(id: number, out: T) => {
    const sized = trimOutcome(out);
    const parts: { state?: true; result?: true } = {};
    let value: T = sized;
    if (stateEntries(sized.state) >= WHOLE_STATE_ENTRIES) {
      const { skeleton, parts: slices } = splitState(sized.state);
      post({ id, type: 'state-begin', skeleton });
      for (const part of slices) post({ id, type: 'state-part', part });
      value = { ...value, state: null as never };
      parts.state = true;
    }
    if (sized.result && sized.result.length > RESULTS_PER_PART) {
      for (let i = 0; i < sized.result.length; i += RESULTS_PER_PART) post({ id, type: 'result-part', items: sized.result.slice(i, i + RESULTS_PER_PART) });
      value = { ...value, result: [] };
      parts.result = true;
    }
    post({ id, type: 'done', value: value as never, ...(parts.state || parts.result ? { parts } : {}) });
  };

  return {
    async handle(req) {
      try {
        switch (req.type) {
          case 'state-begin':
            incoming = req.skeleton;
            return;
          case 'state-part':
            if (incoming) addPart(incoming, req.part);
            return;
          case 'start':
            // The page holds this state as its first frame: the next action at live refers to it.
            last = createCluster({ preset: req.preset, seed: req.seed });
            incoming = null;
            return post({ id: req.id, type: 'done', value: last });
          case 'manifest': {
            const state = stateOf(req.state);
            if (!state) return post({ id: req.id, type: 'need-state' });
            const out = runManifestAction(state, req.action);
            last = out.state;
            return postOutcome(req.id, out);
          }
          case 'command': {
            const state = stateOf(req.state);
            if (!state) return post({ id: req.id, type: 'need-state' });
            // The command layer loads with the first command, as it does on the page.
            const { runTerminalInput } = await import('./command-action.ts');
            const { chunks, exitCode, effects: asked, editorFile, interactive, lost, ...out } = runTerminalInput(state, req.line, req.shell, req.editorText, req.nested);
            const effects = { ...(asked.length ? { effects: asked } : {}), ...(editorFile ? { editorFile } : {}), ...(interactive ? { interactive } : {}), ...(lost ? { lost } : {}) };
            // A read-only command sends no state back: cloning a large cluster for `kubectl get` would cost more than the command.
            if (out.state === state && out.steps.length === 0) return post({ id: req.id, type: 'done', value: { chunks, exitCode, unchanged: true, ...effects } });
            last = out.state;
            return postOutcome(req.id, { chunks, exitCode, unchanged: false as const, ...effects, ...out });
          }
          case 'replay': {
            const total = req.session.actions.length;
            post({ id: req.id, type: 'progress', done: 0, total });
            const t = await replaySession(req.session, (done) => post({ id: req.id, type: 'progress', done, total }));
            last = t.frames[t.frames.length - 1]!.state;
            return post({ id: req.id, type: 'done', value: t });
          }
          case 'analyze':
            return post({ id: req.id, type: 'done', value: { documents: analyze(req.text) } });
        }
      } catch (err) {
        // A bug in the engine: its message only (a stack trace helps nobody in a terminal).
        post({ id: req.id, type: 'error', message: messageOf(err) });
      }
    },
  };
}

/**
 * Fewer in-between frames for a large cluster, and only the last steps of a huge action: what
 * the page can take in without a long task. The end state is always exact.
 */
export function trimOutcome<T extends ActionOutcome>(out: T): T {
  if (out.steps.length > STEP_LIMIT) {
    return { ...out, steps: out.steps.slice(-SENT_STEPS), states: new Map<Step, ClusterState>(), totalSteps: out.totalSteps ?? out.steps.length };
  }
  const entries = stateEntries(out.state);
  const keep = entries >= WHOLE_STATE_ENTRIES ? 0 : Math.floor(FRAME_ENTRY_BUDGET / Math.max(1, entries));
  if (out.states.size <= keep) return out;
  return { ...out, states: new Map([...out.states].slice(0, keep)) };
}

/** The documents of editor text as the code lens, the toolbar and "apply at cursor" need them. */
function analyze(text: string): DocumentSpan[] {
  const docs = parseManifestText(text);
  const lenses = documentLenses(docs, text.split('\n'));
  return docs.map((d, i) => {
    const lens = lenses[i]!;
    return { index: d.index, startLine: d.startLine, endLine: d.endLine, lensLine: lens.line, ...(lens.label ? { label: lens.label } : {}), ...(lens.problem ? { problem: lens.problem } : {}) };
  });
}

export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
