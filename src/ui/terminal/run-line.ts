// One terminal line through the same command layer as `kubesim run` (kubectl, docker, kubesim
// explain, sleep, sudo, here-documents); what it changes goes to the store's timeline. Only the
// terminal (a lazy chunk), the canvas menu and the test hook load this, so the command layer
// stays off the first screen.
import { runCommandAction } from '../../store/command-action.ts';
import type { ScriptChunk } from '../../commands/script/run-script.ts';
import type { AppStore } from '../../store/index.ts';

export function runLine(store: AppStore, line: string): { chunks: ScriptChunk[]; exitCode: number } {
  const out = runCommandAction(store.getState().cluster, line);
  store.getState().recordCommand(line, out);
  return { chunks: out.chunks, exitCode: out.exitCode };
}
