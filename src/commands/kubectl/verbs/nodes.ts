// `kubectl cordon`, `uncordon` and `drain`.
import { act, deleteObject, getObject, rfc3339, updateObject, type Txn } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { formatApiError } from '../errors.ts';
import { isSet } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';

export function cordonVerb(ctx: KubectlContext, unschedulable: boolean): CommandOutput {
  const name = ctx.flags.args[0];
  const verb = unschedulable ? 'cordon' : 'uncordon';
  if (!name) return output(ctx.state, { stderr: `error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`, exitCode: 1 });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const r = act(ctx.state, `user ran kubectl ${verb} ${name}`, (txn) => setUnschedulable(txn, name, unschedulable, stdout, stderr));
  return output(r.state, { stdout: lines(stdout), stderr: lines(stderr), exitCode: stderr.length ? 1 : 0, steps: r.steps });
}

function setUnschedulable(txn: Txn, name: string, unschedulable: boolean, stdout: string[], stderr: string[]): boolean {
  const got = getObject(txn, 'Node', undefined, name);
  if (!got.ok) {
    stderr.push(formatApiError(got.error));
    return false;
  }
  const node = got.value;
  if (!!node.spec?.unschedulable === unschedulable) {
    stdout.push(`node/${name} already ${unschedulable ? 'cordoned' : 'uncordoned'}`);
    return true;
  }
  const spec = { ...node.spec };
  if (unschedulable) spec.unschedulable = true;
  else delete spec.unschedulable;
  const taints = (spec.taints ?? []).filter((t) => t.key !== 'node.kubernetes.io/unschedulable');
  if (unschedulable) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: rfc3339(txn.state.now) });
  spec.taints = taints.length ? taints : undefined;
  const res = updateObject(txn, node, { ...node, spec });
  if (!res.ok) stderr.push(formatApiError(res.error));
  else stdout.push(`node/${name} ${unschedulable ? 'cordoned' : 'uncordoned'}`);
  return res.ok;
}

export function drainVerb(ctx: KubectlContext): CommandOutput {
  const name = ctx.flags.args[0];
  if (!name) return output(ctx.state, { stderr: "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n", exitCode: 1 });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const r = act(ctx.state, `user ran kubectl drain ${name}`, (txn) => {
    if (!setUnschedulable(txn, name, true, stdout, stderr)) return;
    const pods = txn.list('Pod').filter((p) => p.spec?.nodeName === name && !p.metadata.deletionTimestamp);
    const unmanaged = pods.filter((p) => !(p.metadata.ownerReferences ?? []).some((o) => o.controller));
    const withEmptyDir = pods.filter((p) => (p.spec?.volumes ?? []).some((v) => v.emptyDir));
    const problems: string[] = [];
    if (unmanaged.length && !isSet(ctx.flags, 'force')) {
      problems.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
    }
    if (withEmptyDir.length && !isSet(ctx.flags, 'delete-emptydir-data')) {
      problems.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${withEmptyDir.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
    }
    if (problems.length) {
      stderr.push(`error: unable to drain node "${name}" due to error: [${problems.join(', ')}], continuing command...`);
      stderr.push('There are pending nodes to be drained:');
      stderr.push(` ${name}`);
      for (const p of problems) stderr.push(`error: ${p}`);
      return;
    }
    if (unmanaged.length) stderr.push(`Warning: deleting Pods that declare no controller: ${unmanaged.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
    for (const p of pods) {
      stdout.push(`evicting pod ${p.metadata.namespace}/${p.metadata.name}`);
      deleteObject(txn, 'Pod', `${p.metadata.namespace}/${p.metadata.name}`);
    }
    for (const p of pods) stdout.push(`pod/${p.metadata.name} evicted`);
    stdout.push(`node/${name} drained`);
  });
  return output(r.state, { stdout: lines(stdout), stderr: lines(stderr), exitCode: stderr.some((l) => l.startsWith('error')) ? 1 : 0, steps: r.steps });
}
