// `kubectl kustomize [DIR]`: the build printed as YAML. Its errors come back to kubectl's main as
// a returned error, which component-base logs with klog (`E… run.go:72] "command failed" err="…"`).
import { goQuote } from '../../../engine/api/go-strings.ts';
import { output, type CommandOutput } from '../../types.ts';
import { lines, type KubectlContext } from '../context.ts';
import { kustomizeBuild } from './build.ts';
import { renderYaml } from './sources.ts';

export function kustomizeVerb(ctx: KubectlContext): CommandOutput {
  const args = ctx.flags.args;
  if (args.length > 1) return failed(ctx, 'specify one path to kustomization.yaml');
  const built = kustomizeBuild(ctx.input.files, args[0] ?? '.');
  const warnings = lines(built.warnings);
  if (!built.ok) return failed(ctx, built.error, warnings);
  return output(ctx.state, { chunks: [{ stream: 'stderr', text: warnings }, { stream: 'stdout', text: renderYaml(built.objects) }] });
}

function failed(ctx: KubectlContext, message: string, before = ''): CommandOutput {
  return output(ctx.state, { stderr: before + klogError(ctx.state.now, 'run.go:72', `"command failed" err=${klogValue(message)}`), exitCode: 1 });
}

/** klog's text form of a string value: quoted, or when it spans lines, `<` then each line indented by a tab, then ` >`. */
function klogValue(s: string): string {
  if (!s.includes('\n')) return goQuote(s);
  const lines = s.split('\n');
  if (s.endsWith('\n')) lines.pop();
  return `<\n${lines.map((l) => `\t${l}\n`).join('')} >`;
}

/**
 * A klog error line: `Emmdd hh:mm:ss.uuuuuu PID file:line] msg`. The time is the simulated
 * clock's; the process id, which a simulation does not have, is 1.
 */
export function klogError(now: number, where: string, message: string): string {
  const d = new Date(now);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
  return `E${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${time} ${'1'.padStart(7)} ${where}] ${message}\n`;
}
