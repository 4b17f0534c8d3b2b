// The messages between the page and the engine worker. Everything here is plain, structured-
// cloneable data: the engine's state is plain JSON precisely so it can cross this boundary.
import type { ClusterState, DocumentResult, PresetName } from '../engine/index.ts';
import type { StatePart } from './state-parts.ts';
import type { ScriptChunk } from '../commands/script/run-script.ts';
import type { CommandEffect } from '../commands/types.ts';
import type { runManifestAction } from './manifest-action.ts';
import type { SessionV1 } from './session.ts';
import type { EditorFileUse } from './editor-file.ts';
import type { ActionOutcome, Timeline, UserAction } from './timeline.ts';
import type { InteractiveView, NestedKey } from './interactive-action.ts';

export type EditorAction = Extract<UserAction, { type: 'apply' | 'delete' }>;

/**
 * The state an action runs on. The worker keeps the end state of its last successful action, so
 * the common case (acting at the live end) sends no state at all: `{ last: true }`. A large state
 * comes just before the job in `state-begin` / `state-part` messages: `{ last: false, parts: true }`.
 */
export type StateInput = { last: true } | { last: false; state: ClusterState } | { last: false; parts: true };

/** A piece of engine work, as the store asks for it (the client adds the state reference). */
export type EngineJob =
  /** A fresh cluster of a preset: the page's starting cluster and a Reset's are built here, off the first screen. */
  | { type: 'start'; preset: PresetName; seed: number }
  | { type: 'manifest'; state: ClusterState; action: EditorAction }
  /**
   * `shell` names the terminal's shell, kept from line to line (command-action.ts); `editorText` is its manifest.yaml (editor-file.ts).
   * `nested`: the line is input for the interactive process open in that shell (interactive-action.ts), a line or a key.
   */
  | { type: 'command'; state: ClusterState; line: string; shell?: number; editorText?: string; nested?: Nested }
  | { type: 'replay'; session: SessionV1 }
  | { type: 'analyze'; text: string };

export type EngineRequest = { id: number } & (
  | { type: 'start'; preset: PresetName; seed: number }
  | { type: 'manifest'; state: StateInput; action: EditorAction }
  | { type: 'command'; state: StateInput; line: string; shell?: number; editorText?: string; nested?: Nested }
  | { type: 'replay'; session: SessionV1 }
  | { type: 'analyze'; text: string }
  /** A large state, in slices (state-parts.ts); the next job's `{ parts: true }` refers to it. */
  | { type: 'state-begin'; skeleton: ClusterState }
  | { type: 'state-part'; part: StatePart }
);

/** What `kubectl apply|delete -f` of editor text did (the engine's ActResult plus captured states). */
export type ManifestOutcome = ReturnType<typeof runManifestAction>;

/** Input for an interactive process open at the terminal: a `line` typed, or a key (Ctrl-D: end of input; Ctrl-C). */
export type Nested = 'line' | NestedKey;

/**
 * A terminal line's outcome; a read-only one (get, describe, logs) sends no state back at all.
 * `interactive`: a process is open at the terminal after it (`kubectl exec -it`), with its prompt.
 * `lost`: input for a process that is no longer open (the worker was restarted): nothing ran.
 */
export type CommandOutcome = { chunks: ScriptChunk[]; exitCode: number; effects?: CommandEffect[]; editorFile?: EditorFileUse; interactive?: InteractiveView; lost?: true } & ({ unchanged: true } | ({ unchanged: false } & ActionOutcome));

/** Where a document of the editor text is, and what its code lens says (see document-lines.ts). */
export interface DocumentSpan {
  index: number;
  startLine: number;
  endLine: number;
  /** "Pod example-pod" for an object that can be applied on its own. */
  label?: string;
  /** Why it cannot be applied on its own (broken YAML, no kind). */
  problem?: string;
  /** The 1-based line its lens sits on. */
  lensLine: number;
}

export interface Analysis {
  documents: DocumentSpan[];
}

export interface EngineResults {
  start: ClusterState;
  manifest: ManifestOutcome;
  command: CommandOutcome;
  replay: Timeline;
  analyze: Analysis;
}

export type EngineReply =
  | { id: number; type: 'progress'; done: number; total: number }
  /**
   * The job's result. `parts` says which of its fields came before it in slices (a large end
   * state, a long list of document results) and are to be filled in from them.
   */
  | { id: number; type: 'done'; value: EngineResults[keyof EngineResults]; parts?: { state?: true; result?: true } }
  | { id: number; type: 'state-begin'; skeleton: ClusterState }
  | { id: number; type: 'state-part'; part: StatePart }
  | { id: number; type: 'result-part'; items: DocumentResult[] }
  /** The engine threw: a bug. `message` is its message only, never a stack. */
  | { id: number; type: 'error'; message: string }
  /** The worker does not hold the `last` state the request named (it was restarted): send it. */
  | { id: number; type: 'need-state' };

/** How a job ended, for the store. Never throws across this boundary. */
export type JobOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'cancelled' | 'timeout' | 'internal'; message: string; elapsedMs: number; progress?: { done: number; total: number } };
