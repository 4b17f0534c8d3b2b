// `kubectl cordon`, `uncordon` and `drain`.
import { act, deleteObject, getObject, rfc3339, updateObject, type Txn } from '../../../engine/index.ts';
import { output, type CommandOutput, type OutputChunk } from '../../types.ts';
import { waitForDeletedPods, type Deleted } from './delete-wait.ts';
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
  // In the order kubectl writes them: `node/x cordoned`, its warnings, `evicting pod …` for each
  // pod, then `pod/x evicted` as each one is gone (drain waits for that), then `node/x drained`.
  const chunks: OutputChunk[] = [];
  const log = (stream: OutputChunk['stream'], list: string[]) => chunks.push({ stream, text: lines(list) });
  let evicted: Deleted[] = [];
  let failed = false;
  const r = act(ctx.state, `user ran kubectl drain ${name}`, (txn) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const cordoned = setUnschedulable(txn, name, true, stdout, stderr);
    log('stdout', stdout);
    log('stderr', stderr);
    if (!cordoned) {
      failed = true;
      return;
    }
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
      log('stderr', [
        `error: unable to drain node "${name}" due to error: [${problems.join(', ')}], continuing command...`,
        'There are pending nodes to be drained:',
        ` ${name}`,
        ...problems.map((p) => `error: ${p}`),
      ]);
      failed = true;
      return;
    }
    if (unmanaged.length) log('stderr', [`Warning: deleting Pods that declare no controller: ${unmanaged.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`]);
    for (const p of pods) {
      log('stdout', [`evicting pod ${p.metadata.namespace}/${p.metadata.name}`]);
      deleteObject(txn, 'Pod', `${p.metadata.namespace}/${p.metadata.name}`);
    }
    evicted = pods.map((p) => ({ kind: 'Pod', namespace: p.metadata.namespace ?? 'default', name: p.metadata.name }));
  });
  if (failed) return output(r.state, { chunks, exitCode: 1, steps: r.steps });
  // waitForDelete: each pod is printed once it is gone, the clock moving as delete --wait moves it.
  // A pod still there when its grace period is over (its node is down) would keep kubectl waiting
  // until Ctrl+C, which a script cannot press: it is printed at the end as if it had gone.
  const gone: Deleted[] = [];
  const waited = waitForDeletedPods(r.state, evicted, (p) => gone.push(p));
  for (const p of evicted) if (!gone.includes(p)) gone.push(p);
  log('stdout', [...gone.map((p) => `pod/${p.name} evicted`), `node/${name} drained`]);
  return output(waited.state, { chunks, steps: [...r.steps, ...waited.steps] });
}
