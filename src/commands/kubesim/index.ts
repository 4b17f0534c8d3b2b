// `kubesim …` inside a script or the terminal: the playground's own commands, beside kubectl.
// `kubesim explain` says why an object is stuck; `node`, `zone` and `container` make things
// happen to the cluster (a machine switched off, a zone lost, a process killed) that no API
// call can.
import { viewOf } from '../../engine/index.ts';
import { explainObject, formatExplanation } from '../../engine/explain/index.ts';
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { flag, parseFlags } from '../kubectl/flags.ts';
import { killContainerCommand, nodeCommand, zoneCommand } from './chaos.ts';
import { importCommand } from './import.ts';

const USAGE = [
  'Usage: kubesim explain pvc/NAME|pod/NAME [-n NAMESPACE]',
  '       kubesim node fail|recover NODE...',
  '       kubesim zone down|up ZONE',
  '       kubesim container kill POD [-c CONTAINER] [-n NAMESPACE]',
  '       kubesim import FILE|-',
].join('\n') + '\n';

export function kubesimTool(input: CommandInput): CommandOutput {
  const [sub, ...rest] = input.argv.slice(1);
  const parsed = parseFlags(rest, [
    { long: 'namespace', short: 'n', value: true },
    { long: 'container', short: 'c', value: true },
  ]);
  if (!parsed.ok) return output(input.state, { stderr: `kubesim: ${parsed.error}\n${USAGE}`, exitCode: 1 });
  const args = parsed.parsed.args;
  const namespace = flag(parsed.parsed, 'namespace') ?? 'default';
  switch (sub) {
    case 'explain':
      return explain(input, args, namespace);
    case 'node':
      return nodeCommand(input.state, args[0], args.slice(1), USAGE);
    case 'zone':
      return zoneCommand(input.state, args[0], args.slice(1), USAGE);
    case 'container':
      if (args[0] !== 'kill') return output(input.state, { stderr: USAGE, exitCode: 1 });
      return killContainerCommand(input.state, args.slice(1), namespace, flag(parsed.parsed, 'container'), USAGE);
    case 'import':
      return importCommand(input, args, USAGE);
    case undefined:
      return output(input.state, { stdout: USAGE });
    default:
      return output(input.state, { stderr: `kubesim: unknown command "${sub}"\n${USAGE}`, exitCode: 1 });
  }
}

function explain(input: CommandInput, args: readonly string[], namespace: string): CommandOutput {
  const [target, extra] = args;
  if (!target || extra) return output(input.state, { stderr: USAGE, exitCode: 1 });
  const r = explainObject(viewOf(input.state), target, namespace);
  return r.ok ? output(input.state, { stdout: formatExplanation(r.explanation) }) : output(input.state, { stderr: `kubesim: ${r.error}\n`, exitCode: 1 });
}
