// `kubectl create job NAME --image=IMAGE [-- COMMAND…]` and `--from=cronjob/NAME`
// (pkg/cmd/create/create_job.go), in the order it checks things: the NAME (Complete), --dry-run
// and -o, then Validate, then --from, then the request. The Job it builds has one container
// named after the Job and `restartPolicy: Never`.
import { getObject, type AnyStored } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, serverMessage, usageErrorf } from '../errors.ts';
import { formatApiError } from '../errors.ts';
import type { KubectlContext } from '../context.ts';
import { flag } from '../flags.ts';
import { dryRunOf } from '../dry-run.ts';
import { outputFormatError } from '../object-output.ts';
import { parseResourceArgs } from '../resources.ts';
import { sendCreated } from './create-object.ts';

/** `kubectl create job …`, or undefined when the subcommand is another one. */
export function createJob(ctx: KubectlContext): CommandOutput | undefined {
  if (ctx.flags.args[0] !== 'job') return undefined;
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  // NameFromCommandArgs counts the words before `--`, "job" itself excluded.
  const given = (ctx.flags.argsAtDash ?? ctx.flags.args.length) - 1;
  if (given !== 1) return fail(usageErrorf('create job', `exactly one NAME is required, got ${given}`));
  const name = ctx.flags.args[1]!;
  const command = ctx.flags.rest;
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return fail(clientError(dryRun.error));
  const badFormat = outputFormatError(flag(ctx.flags, 'output'), ctx.input.files);
  if (badFormat) return fail(clientError(badFormat));
  // --image is a plain string flag for a Job: the last one given wins.
  const image = ctx.flags.values['image']?.at(-1) ?? '';
  const from = flag(ctx.flags, 'from') ?? '';
  if ((image === '' && from === '') || (image !== '' && from !== '')) return fail(clientError('either --image or --from must be specified'));
  if (command.length > 0 && from !== '') return fail(clientError('cannot specify --from and command'));
  if (from !== '') return fail(fromError(ctx, from));
  const metadata = { name, ...(ctx.namespaceGiven ? { namespace: ctx.namespace } : {}) };
  // Keys in the order kubectl's YAML prints them (sorted), with the empty structs Go writes.
  const built = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata,
    spec: {
      template: {
        metadata: {},
        spec: { containers: [{ ...(command.length ? { command: [...command] } : {}), image, name, resources: {} }], restartPolicy: 'Never' },
      },
    },
    status: {},
  } as unknown as AnyStored;
  const r = sendCreated(ctx, built, dryRun.value, (e) => clientError(`failed to create job: ${serverMessage(e)}`), `user ran kubectl create job ${name}`);
  return output(r.state, { stdout: r.stdout, stderr: r.error ? r.error + '\n' : '', exitCode: r.error ? 1 : 0, steps: r.steps });
}

/**
 * `--from` names the object to copy the Job from, and only a CronJob will do. The simulated API
 * server has no CronJob resource, so `cronjob/x` fails as the resource builder fails on a type
 * the server lacks; a kind it has fails as create_job.go fails on any other object.
 */
function fromError(ctx: KubectlContext, from: string): string {
  const parsed = parseResourceArgs([from]);
  if (!parsed.ok) return clientError(parsed.error);
  const target = parsed.targets[0]!;
  const objectName = target.names[0];
  if (objectName === undefined) return clientError('from must be an existing cronjob');
  const got = getObject(ctx.api, target.info.kind, ctx.namespace, objectName);
  if (!got.ok) return formatApiError(got.error);
  return clientError(`unknown object type *v1.${target.info.kind}`);
}
