// One terminal line through the same command layer as `kubesim run` (kubectl, docker, kubesim
// explain, sleep, sudo, here-documents), run by the store in the engine's worker; what it changes
// goes to the store's timeline. Its output always comes back: a cancelled line says "Cancelled",
// an engine bug says "error: internal error: …". `nested`: input for the process open at the
// terminal (`kubectl exec -it POD -- sh`), a line or a key (Ctrl-D, Ctrl-C).
import type { AppStore, CommandResult } from '../../store/index.ts';
import type { Nested } from '../../store/engine-protocol.ts';

export function runLine(store: AppStore, line: string, nested?: Nested): Promise<CommandResult> {
  return store.getState().runCommand(line, nested);
}
