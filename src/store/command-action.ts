// A terminal line as a timeline action: it runs through the same command layer as `kubesim run`
// and keeps the cluster as it was after every step, for time travel. Loaded lazily (with the
// terminal, or when a share link replays a command) so the command layer stays off the first screen.
import { runScript, type ScriptChunk } from '../commands/script/run-script.ts';
import { captureStates, type ClusterState } from '../engine/index.ts';
import { FRAMES_PER_ACTION, type ActionOutcome } from './timeline.ts';

export interface CommandRun extends ActionOutcome {
  chunks: ScriptChunk[];
  exitCode: number;
}

export function runCommandAction(state: ClusterState, line: string): CommandRun {
  const { result, states } = captureStates(() => runScript(`${line}\n`, { state, quiet: true, files: { read: () => undefined } }), FRAMES_PER_ACTION);
  return { state: result.state, steps: result.steps, states, chunks: result.chunks, exitCode: result.exitCode };
}
