// `kubectl patch KIND NAME --type merge -p '{"spec":{"claimRef":null}}'`.
import { act, objectKey, patchObject } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';
import { parseResourceArgs } from '../resources.ts';
import { dryRunOf, serverDryRun } from '../dry-run.ts';
import { outputFormatError, printObject } from '../object-output.ts';
import type { Txn } from '../../../engine/cluster/store.ts';

export function patchVerb(ctx: KubectlContext): CommandOutput {
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return output(ctx.state, { stderr: clientError(dryRun.error) + '\n', exitCode: 1 });
  const format = flag(ctx.flags, 'output');
  const badFormat = outputFormatError(format, ctx.input.files);
  if (badFormat) return output(ctx.state, { stderr: clientError(badFormat) + '\n', exitCode: 1 });
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
  const write = (txn: Txn) => {
    // Strategic merge patches behave like merge patches for the fields learners patch (maps, claimRef, replicas).
    const res = patchObject(txn, target.info.kind, objectKey(target.info.kind, ctx.namespace, name), patch);
    if (!res.ok) err = formatApiError(res.error);
    // patch.go sets its printer's operation after the dry-run suffix was added, so a dry run
    // prints plain `patched` too.
    else line = printObject(res.object, format, `patched${res.outcome === 'unchanged' ? ' (no change)' : ''}`, false, ctx.input.files).replace(/\n$/, '');
  };
  // A client dry run patches the fetched copy locally; a server dry run is checked and thrown away:
  // both are a write on a transaction nobody keeps.
  const r = dryRun.value === 'none' ? act(ctx.state, () => `user ran kubectl patch ${target.info.kind.toLowerCase()} ${name}`, write) : { state: ctx.state, steps: [], result: serverDryRun(ctx.state, write) };
  return output(r.state, { stdout: lines(line ? [line] : []), stderr: lines(err ? [err] : []), exitCode: err ? 1 : 0, steps: r.steps });
}
