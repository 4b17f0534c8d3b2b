// A file's content inside a container, read with `cat` through the same exec path as
// `kubectl exec` (so mounts, volumes and the writable layer count). The exec's new state is
// dropped: a check never changes the cluster. A file that is not there is "not set", so
// `exists: false` asks for its absence.
import { execInPod, type Stored } from '../../engine/index.ts';
import type { FieldCondition, Matcher } from '../types.ts';
import type { CheckContext } from './context.ts';
import { matchValue, show, type Outcome } from './matcher.ts';
import { findObjects } from './target.ts';

export interface FileArg extends Matcher {
  pod?: string;
  /** Any pod with these labels will do (the learner named it). */
  selector?: string;
  /** Any pod whose fields are so (`spec.volumes[*].persistentVolumeClaim.claimName` exists). */
  where?: FieldCondition[];
  /** One container; without it, any of the pod's containers will do. */
  container?: string;
  /** Every container of the pod must match (two containers sharing a volume both see the file). */
  allContainers?: boolean;
  namespace?: string;
  path: string;
}

export function file(ctx: CheckContext, arg: FileArg): Outcome {
  const { path, ...rest } = arg;
  return inPods(ctx, rest, ['cat', path], show(path));
}

/** An environment variable of the container's processes, read with `printenv` (so `$(VAR)` expansion and `envFrom` count). */
export function env(ctx: CheckContext, arg: Omit<FileArg, 'path'> & { name: string }): Outcome {
  const { name, ...rest } = arg;
  return inPods(ctx, rest, ['printenv', name], `$${name}`);
}

function inPods(ctx: CheckContext, arg: Omit<FileArg, 'path'>, argv: string[], what: string): Outcome {
  const { pod, selector, where, container, allContainers, namespace, ...m } = arg;
  const found = findObjects(ctx, { kind: 'Pod', ...(pod ? { name: pod } : {}), ...(namespace ? { namespace } : {}), ...(selector ? { selector } : {}), ...(where ? { where } : {}) });
  const pods = found.objects as Stored<'Pod'>[];
  if (pods.length === 0) return { ok: false, why: found.why };
  let why = '';
  for (const p of pods) {
    const names = container ? [container] : (p.spec?.containers ?? []).map((c) => c.name);
    const outcomes = names.map((name) => inContainer(ctx, p, name, argv, what, m, names.length > 1));
    const met = allContainers ? outcomes.every((o) => o.ok) : outcomes.some((o) => o.ok);
    if (met) return { ok: true };
    why ||= (outcomes.find((o) => !o.ok) as { why: string } | undefined)?.why ?? '';
  }
  return { ok: false, why };
}

function inContainer(ctx: CheckContext, pod: Stored<'Pod'>, container: string, argv: string[], what: string, m: Matcher, named: boolean): Outcome {
  const where = `pod "${pod.metadata.name}"${named ? ` (container ${container})` : ''}`;
  const r = execInPod(ctx.state, pod.metadata.namespace ?? 'default', pod.metadata.name, container, argv, '');
  if (!r.ok) {
    if (r.reason === 'container-not-found') return { ok: false, why: `${where} has no container "${container}"` };
    return { ok: false, why: `${where} is not running` };
  }
  // `echo hi > f` writes "hi\n": `equals: hi` means the line, not the bytes.
  const content = r.stdout.endsWith('\n') ? r.stdout.slice(0, -1) : r.stdout;
  const match = matchValue(r.code === 0 ? { found: true, value: content } : { found: false }, m);
  if (match.ok) return match;
  return { ok: false, why: `${what} in ${where} ${r.code === 0 ? match.why : r.stderr.trim() ? `cannot be read: ${r.stderr.trim()}` : 'is not set'}` };
}
