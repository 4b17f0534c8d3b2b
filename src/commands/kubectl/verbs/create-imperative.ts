// `kubectl create namespace NAME`, `kubectl create configmap NAME --from-literal=k=v …`,
// `kubectl create secret generic NAME --from-literal=k=v …`, `kubectl create serviceaccount NAME`:
// objects without a manifest.
import { act, resourcePrefix, type AnyStored } from '../../../engine/index.ts';
import { createObjectFromManifest } from '../../../engine/write.ts';
import { output, type CommandOutput } from '../../types.ts';
import { formatApiError } from '../errors.ts';
import type { KubectlContext } from '../context.ts';
import { getOwn, setOwn } from '../../../lib/own.ts';

const CANONICAL: Record<string, string> = { ns: 'namespace', cm: 'configmap', sa: 'serviceaccount', secret: 'secret generic' };

export function createImperative(ctx: KubectlContext): CommandOutput | undefined {
  const [what, ...rest] = ctx.flags.args;
  if (!what) return undefined;
  const literals = ctx.flags.values['from-literal'] ?? [];
  let manifest: AnyStored;
  let name: string | undefined;
  switch (what) {
    case 'namespace':
    case 'ns':
      name = rest[0];
      manifest = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: name ?? '' } };
      break;
    case 'configmap':
    case 'cm': {
      name = rest[0];
      const data = pairs(literals);
      if (typeof data === 'string') return output(ctx.state, { stderr: `error: ${data}\n`, exitCode: 1 });
      manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: name ?? '', namespace: ctx.namespace }, data };
      break;
    }
    case 'secret': {
      if (rest[0] !== 'generic') return output(ctx.state, { stderr: 'error: only "kubectl create secret generic" is simulated\n', exitCode: 1 });
      name = rest[1];
      const data = pairs(literals);
      if (typeof data === 'string') return output(ctx.state, { stderr: `error: ${data}\n`, exitCode: 1 });
      manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: name ?? '', namespace: ctx.namespace }, type: 'Opaque', stringData: data } as AnyStored;
      break;
    }
    case 'serviceaccount':
    case 'sa':
      name = rest[0];
      manifest = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: name ?? '', namespace: ctx.namespace } };
      break;
    default:
      return undefined;
  }
  // NameFromCommandArgs; cobra names the command by its name, not the alias typed.
  const given = what === 'secret' ? rest.length - 1 : rest.length;
  if (given !== 1 || !name) {
    const command = getOwn(CANONICAL, what) ?? what;
    return output(ctx.state, { stderr: `error: exactly one NAME is required, got ${given}\nSee 'kubectl create ${command} -h' for help and examples\n`, exitCode: 1 });
  }
  let line = '';
  let err = '';
  const r = act(ctx.state, `user ran kubectl create ${what} ${name}`, (txn) => {
    const res = createObjectFromManifest(txn, manifest);
    if (res.ok) line = `${resourcePrefix(res.object.kind)}/${name} created`;
    else err = formatApiError(res.error);
  });
  return output(r.state, { stdout: line ? `${line}\n` : '', stderr: err ? `${err}\n` : '', exitCode: err ? 1 : 0, steps: r.steps });
}

function pairs(literals: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const l of literals) {
    const eq = l.indexOf('=');
    if (eq <= 0) return `invalid literal source ${l}, expected key=value`;
    setOwn(out, l.slice(0, eq), l.slice(eq + 1));
  }
  return out;
}
