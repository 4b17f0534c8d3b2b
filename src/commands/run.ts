// One command line, whatever the tool: `kubectl …`, `kubesim explain …` and `docker …`.
import { output, type CommandInput, type CommandOutput } from './types.ts';
import { kubectl } from './kubectl/index.ts';
import { kubesimTool } from './kubesim/index.ts';
import { docker } from './docker/index.ts';
import { getOwn } from '../lib/own.ts';

export const TOOLS: Record<string, (input: CommandInput) => CommandOutput> = { kubectl, kubesim: kubesimTool, docker };

export function runCommand(input: CommandInput): CommandOutput {
  const tool = input.argv[0];
  if (!tool) return output(input.state, {});
  const run = getOwn(TOOLS, tool);
  if (!run) return output(input.state, { stderr: `${tool}: command not found\n`, exitCode: 127 });
  return run(input);
}
