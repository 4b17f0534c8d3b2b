// `kubesim …` inside a script or the terminal: the playground's own commands, beside kubectl.
// Today: `kubesim explain pvc/NAME | pod/NAME [-n NAMESPACE]`.
import { explainObject, formatExplanation, viewOf } from '../../engine/index.ts';
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { flag, parseFlags } from '../kubectl/flags.ts';

const USAGE = 'Usage: kubesim explain pvc/NAME|pod/NAME [-n NAMESPACE]\n';

export function kubesimTool(input: CommandInput): CommandOutput {
  const [sub, ...rest] = input.argv.slice(1);
  if (sub !== 'explain') {
    return output(input.state, { stderr: sub ? `kubesim: unknown command "${sub}"\n${USAGE}` : USAGE, exitCode: sub ? 1 : 0 });
  }
  const parsed = parseFlags(rest, [{ long: 'namespace', short: 'n', value: true }]);
  if (!parsed.ok) return output(input.state, { stderr: `kubesim: ${parsed.error}\n${USAGE}`, exitCode: 1 });
  const [target, extra] = parsed.parsed.args;
  if (!target || extra) return output(input.state, { stderr: USAGE, exitCode: 1 });
  const r = explainObject(viewOf(input.state), target, flag(parsed.parsed, 'namespace') ?? 'default');
  return r.ok ? output(input.state, { stdout: formatExplanation(r.explanation) }) : output(input.state, { stderr: `kubesim: ${r.error}\n`, exitCode: 1 });
}
