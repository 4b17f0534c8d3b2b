// What a check sees: the cluster as it is now (read only through the engine's read door), what
// happened since the lesson started (the controllers' steps, with each change's object), and the
// learner's commands with their output. The UI builds the same from its store and terminal.
import type { ClusterState, Step } from '../../engine/index.ts';
import type { CommandRecord } from '../types.ts';

export interface CheckContext {
  state: ClusterState;
  /** Steps since the lesson's start (after its setup). */
  steps: readonly Step[];
  /** The learner's command lines since the lesson's start, in order. */
  history: readonly CommandRecord[];
}
