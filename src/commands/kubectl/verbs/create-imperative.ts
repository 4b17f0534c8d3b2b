// `kubectl create namespace|configmap|secret generic|serviceaccount|deployment NAME …`: objects
// kubectl builds itself, in the order its commands check things (create_*.go: required flags,
// NameFromCommandArgs, --dry-run, -o, Validate, the data sources, then the request).
import type { AnyStored, ApiError } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError, serverMessage, usageErrorf } from '../errors.ts';
import type { KubectlContext } from '../context.ts';
import { flag } from '../flags.ts';
import { dryRunOf } from '../dry-run.ts';
import { outputFormatError } from '../object-output.ts';
import { base64Encode } from '../../../lib/base64.ts';
import { getOwn } from '../../../lib/own.ts';
import { collectData } from './create-sources.ts';
import { buildDeployment } from './create-deployment.ts';
import { sendCreated } from './create-object.ts';
import { buildDockerRegistrySecret } from './create-secret-docker.ts';

/** Each subcommand by every name cobra accepts for it: its canonical name, and how a refusal reads. */
const SUBCOMMANDS: Record<string, { command: string; wrap: (e: ApiError) => string }> = {
  namespace: { command: 'namespace', wrap: (e) => formatApiError(e) },
  configmap: { command: 'configmap', wrap: (e) => clientError(`failed to create configmap: ${serverMessage(e)}`) },
  // create_secret.go has no colon after "secret".
  secret: { command: 'secret generic', wrap: (e) => clientError(`failed to create secret ${serverMessage(e)}`) },
  serviceaccount: { command: 'serviceaccount', wrap: (e) => clientError(`failed to create serviceaccount: ${serverMessage(e)}`) },
  deployment: { command: 'deployment', wrap: (e) => clientError(`failed to create deployment: ${serverMessage(e)}`) },
};
const ALIASES: Record<string, string> = { ns: 'namespace', cm: 'configmap', sa: 'serviceaccount', deploy: 'deployment' };

export function createImperative(ctx: KubectlContext): CommandOutput | undefined {
  const [typed, ...rest] = ctx.flags.args;
  if (!typed) return undefined;
  const what = getOwn(ALIASES, typed) ?? (Object.hasOwn(SUBCOMMANDS, typed) ? typed : undefined);
  if (!what) return undefined;
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  let words = rest;
  let command = SUBCOMMANDS[what]!.command;
  if (what === 'secret') {
    const [kind, ...after] = rest;
    // DefaultSubCommandRun: no subcommand prints the help on stderr and fails.
    if (kind === undefined) return fail(SECRET_HELP.trimEnd());
    if (kind !== 'generic' && kind !== 'docker-registry') {
      if (kind === 'tls') return fail(clientError('"kubectl create secret tls" is not simulated; use "kubectl create secret generic"'));
      return fail(`error: unknown command "${rest.join(' ')}"\nSee 'kubectl create secret -h' for help and examples`);
    }
    command = `secret ${kind}`;
    words = after;
  }
  const sub = SUBCOMMANDS[what]!;
  // cobra checks required flags before the command runs.
  const images = splitSlice(ctx.flags.values['image']);
  if (what === 'deployment' && images.length === 0) return fail(clientError('required flag(s) "image" not set'));
  // NameFromCommandArgs counts the words before `--` (the subcommand's own words excluded).
  const own = what === 'secret' ? 2 : 1;
  const given = (ctx.flags.argsAtDash ?? ctx.flags.args.length) - own;
  if (given !== 1) return fail(usageErrorf(`create ${command}`, `exactly one NAME is required, got ${given}`));
  const name = words[0]!;
  const dryRun = dryRunOf(ctx.flags);
  if (!dryRun.ok) return fail(clientError(dryRun.error));
  const badFormat = outputFormatError(flag(ctx.flags, 'output'), ctx.input.files);
  if (badFormat) return fail(clientError(badFormat));
  // kubectl leaves the namespace out of what it builds unless -n was given.
  const metadata = { name, ...(ctx.namespaceGiven && what !== 'namespace' ? { namespace: ctx.namespace } : {}) };
  let built: AnyStored;
  switch (what) {
    case 'namespace':
      built = { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} } as AnyStored;
      break;
    case 'serviceaccount':
      built = { apiVersion: 'v1', kind: 'ServiceAccount', metadata } as AnyStored;
      break;
    case 'configmap':
    case 'secret': {
      if (command === 'secret docker-registry') {
        const secret = buildDockerRegistrySecret(ctx, metadata);
        if (!secret.ok) return fail(clientError(secret.error));
        built = secret.object;
        break;
      }
      const sources = { files: splitSlice(ctx.flags.values['from-file']), literals: ctx.flags.values['from-literal'] ?? [], envFiles: splitSlice(ctx.flags.values['from-env-file']) };
      const target = what === 'configmap' ? ({ kind: 'ConfigMap', name } as const) : ({ kind: 'Secret' } as const);
      const data = collectData(sources, target, ctx.input.files);
      if (!data.ok) return fail(clientError(data.error));
      // Go's omitempty leaves an empty map out.
      const filled = Object.keys(data.data).length > 0;
      if (what === 'configmap') {
        built = { apiVersion: 'v1', kind: 'ConfigMap', metadata, ...(filled ? { data: { ...data.data } } : {}) } as AnyStored;
      } else {
        const encoded = Object.fromEntries(Object.entries(data.data).map(([k, v]) => [k, base64Encode(v)]));
        const type = flag(ctx.flags, 'type');
        built = { apiVersion: 'v1', kind: 'Secret', metadata, ...(filled ? { data: encoded } : {}), ...(type ? { type } : {}) } as AnyStored;
      }
      break;
    }
    default: {
      const deployment = buildDeployment(ctx, name, images, metadata);
      if (!deployment.ok) return fail(clientError(deployment.error));
      built = deployment.object;
    }
  }
  const r = sendCreated(ctx, built, dryRun.value, sub.wrap, `user ran kubectl create ${what} ${name}`);
  return output(r.state, { stdout: r.stdout, stderr: r.error ? r.error + '\n' : '', exitCode: r.error ? 1 : 0, steps: r.steps });
}

const SECRET_HELP = `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Use "kubectl create secret <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** pflag's StringSlice: each value is a comma-separated list. */
export function splitSlice(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => (v === '' ? [] : v.split(',')));
}
