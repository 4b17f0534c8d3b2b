// `kubectl patch KIND NAME --type merge -p '{"spec":{"claimRef":null}}'`.
import { act, objectKey, patchObject, resourcePrefix } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';

export function patchVerb(ctx: KubectlContext): CommandOutput {
  const parsed = parseResourceArgs(ctx.flags.args);
  if (!parsed.ok) return output(ctx.state, { stderr: clientError(parsed.error) + '\n', exitCode: 1 });
  const target = parsed.targets[0];
  const name = target?.names[0];
  if (!target || !name) return output(ctx.state, { stderr: clientError('resource(s) were provided, but no name was specified') + '\n', exitCode: 1 });
  const text = flag(ctx.flags, 'patch');
  if (text === undefined) return output(ctx.state, { stderr: clientError('must specify --patch or --patch-file containing the contents of the patch') + '\n', exitCode: 1 });
  const type = flag(ctx.flags, 'type') ?? 'strategic';
  if (!['merge', 'strategic', 'json'].includes(type)) {
    return output(ctx.state, { stderr: clientError(`--type must be one of [json merge strategic], not "${type}"`) + '\n', exitCode: 1 });
  }
  if (type === 'json') return output(ctx.state, { stderr: clientError('JSON patches (--type json) are not simulated yet; use --type merge') + '\n', exitCode: 1 });
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch (e) {
    return output(ctx.state, { stderr: clientError(`unable to parse "${text}": ${(e as Error).message}`) + '\n', exitCode: 1 });
  }
  let line = '';
  let err = '';
  const r = act(
    ctx.state,
    () => `user ran kubectl patch ${target.info.kind.toLowerCase()} ${name}`,
    (txn) => {
      // Strategic merge patches behave like merge patches for the fields learners patch (maps, claimRef, replicas).
      const res = patchObject(txn, target.info.kind, objectKey(target.info.kind, ctx.namespace, name), patch);
      if (!res.ok) err = formatApiError(res.error);
      else line = `${resourcePrefix(target.info.kind)}/${name} patched${res.outcome === 'unchanged' ? ' (no change)' : ''}`;
    },
  );
  return output(r.state, { stdout: lines(line ? [line] : []), stderr: lines(err ? [err] : []), exitCode: err ? 1 : 0, steps: r.steps });
}
