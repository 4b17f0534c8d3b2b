// One terminal line through the same command layer as `kubesim run` (kubectl, docker, kubesim
// explain, sleep, sudo, here-documents); what it changes goes to the store. Only the terminal
// (a lazy chunk) and the test hook load this, so the command layer stays off the first screen.
import { runScript, type ScriptChunk } from '../../commands/script/run-script.ts';
import type { AppStore } from '../../store/index.ts';

export function runLine(store: AppStore, line: string): { chunks: ScriptChunk[]; exitCode: number } {
  const out = runScript(`${line}\n`, { state: store.getState().cluster, quiet: true, files: { read: () => undefined } });
  store.getState().recordCommand(out.state, out.steps);
  return { chunks: out.chunks, exitCode: out.exitCode };
}
