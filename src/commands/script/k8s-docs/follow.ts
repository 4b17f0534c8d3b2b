// Following a kubernetes.io task page: the page's steps as one script, run the way a learner
// types them. The output is then cut per command, so a test can say "this command printed this"
// the way the page does, and repeated commands (a `get` before and after a change) stay apart.
import { runScript, type ScriptResult } from '../run-script.ts';
import type { PresetName } from '../../../engine/index.ts';

export interface Step {
  /** The command as echoed (a heredoc's whole text). */
  command: string;
  stdout: string;
  stderr: string;
}

export interface Followed {
  result: ScriptResult;
  steps: Step[];
  /** The nth (from 0) step whose command is `command`, or starts with it followed by a newline (a heredoc). */
  step(command: string, nth?: number): Step;
  /** That step's stdout. */
  out(command: string, nth?: number): string;
}

/** Runs the script in a fresh cluster; files exist only when the script writes them. */
export function follow(script: string, preset: PresetName = 'kind'): Followed {
  const result = runScript(script, { preset, files: { read: () => undefined } });
  const steps: Step[] = [];
  for (const chunk of result.chunks) {
    // The runner echoes each command as one chunk `$ COMMAND\n` (after a newline when the
    // previous output ended mid-line); everything until the next echo is that command's.
    const echo = chunk.stream === 'stdout' ? /^\n?\$ ([\s\S]*)\n$/.exec(chunk.text) : null;
    if (echo) {
      steps.push({ command: echo[1]!, stdout: '', stderr: '' });
      continue;
    }
    const last = steps[steps.length - 1];
    if (last) last[chunk.stream] += chunk.text;
  }
  const step = (command: string, nth = 0): Step => {
    const found = steps.filter((s) => s.command === command || s.command.startsWith(command + '\n'))[nth];
    if (!found) throw new Error(`the script did not run: ${command}${nth ? ` (#${nth})` : ''}`);
    return found;
  };
  return { result, steps, step, out: (command, nth) => step(command, nth).stdout };
}

