// The script runner turns an engine exception into one stderr line ("error: internal error
// running …"), which hides where it was thrown. To name the crash site, the failing script is
// replayed one command at a time, and the command that fails is run again through
// `runCommand`, which does not catch, to read the exception's stack.
import type { ClusterState } from '../../src/engine/index.ts';
import { runCommand } from '../../src/commands/run.ts';
import { parseScript } from '../../src/commands/script/parse-script.ts';
import { runScript } from '../../src/commands/script/run-script.ts';
import { splitWords } from '../../src/commands/shell/words.ts';
import type { FileSource } from '../../src/commands/types.ts';
import { describeError } from './check.ts';

/** The first project frame of the exception behind an internal error in `text`, when it can be found. */
export function locateInternalError(text: string, state: ClusterState, files: FileSource): { site?: string; trace?: string[] } | undefined {
  const parsed = parseScript(text);
  if (!parsed.ok) return undefined;
  let current = state;
  for (const cmd of parsed.commands) {
    const r = runScript(cmd.echo, { state: current, files, quiet: true });
    if (/internal error/.test(r.stderr)) {
      const words = splitWords(cmd.text);
      if (!words.ok) return undefined;
      try {
        runCommand({ state: current, argv: words.line.words, files, ...(cmd.stdin !== undefined ? { stdin: cmd.stdin } : {}) });
      } catch (e) {
        const { site, trace } = describeError(e);
        return { ...(site ? { site } : {}), ...(trace ? { trace } : {}) };
      }
      return undefined;
    }
    current = r.state;
  }
  return undefined;
}
