// `kubectl cordon`, `uncordon` and `drain` (pkg/cmd/drain): nodes by name (several) or by
// `-l/--selector`, all fetched before anything changes (Complete's resource builder: the first
// missing node fails the command with nothing done), then each cordoned in turn, then each drained.
import { act, deleteObject, getObject, listObjects, readerOf, rfc3339, updateObject, type ClusterState, type Step, type Stored, type Txn } from '../../../engine/index.ts';
import { output, type CommandOutput, type OutputChunk } from '../../types.ts';
import { waitForDeletedPods, type Deleted } from './delete-wait.ts';
import { formatApiError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import { lines, type KubectlContext } from '../context.ts';
import { NO_RESOURCES } from './set-image.ts';

type Node = Stored<'Node'>;

export function cordonVerb(ctx: KubectlContext, unschedulable: boolean): CommandOutput {
  const verb = unschedulable ? 'cordon' : 'uncordon';
  const nodes = targetNodes(ctx, verb);
  if (!nodes.ok) return output(ctx.state, { stderr: nodes.stderr, exitCode: 1 });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const names = nodes.list.map((n) => n.metadata.name).join(' ');
  const r = act(ctx.state, `user ran kubectl ${verb} ${names}`, (txn) => {
    for (const node of nodes.list) setUnschedulable(txn, node, unschedulable, stdout, stderr);
  });
  // RunCordonOrUncordon prints a failed patch and goes on; the command still succeeds.
  return output(r.state, { stdout: lines(stdout), stderr: lines(stderr), exitCode: 0, steps: r.steps });
}

/**
 * The nodes named on the command line, or chosen by the selector, as Complete finds them: the
 * usage errors first, then each name fetched in order (the first missing one is the command's error).
 */
function targetNodes(ctx: KubectlContext, verb: string): { ok: true; list: Node[] } | { ok: false; stderr: string } {
  const args = ctx.flags.args;
  const selector = flag(ctx.flags, 'selector') ?? '';
  const usage = (message: string) => ({ ok: false as const, stderr: `error: ${message}\nSee 'kubectl ${verb} -h' for help and examples\n` });
  if (args.length === 0 && !isSet(ctx.flags, 'selector')) return usage(`USAGE: ${verb} NODE [flags]`);
  if (args.length > 0 && selector !== '') return usage('cannot specify both a node name and a --selector option');
  const reader = readerOf(ctx.state);
  if (selector !== '') {
    const listed = listObjects(reader, 'Node', { labelSelector: selector });
    return listed.ok ? { ok: true, list: listed.value } : { ok: false, stderr: formatApiError(listed.error) + '\n' };
  }
  // `-l ''` with no names: an empty selector is ignored and the builder has nothing to visit.
  if (args.length === 0) return { ok: false, stderr: NO_RESOURCES + '\n' };
  const list: Node[] = [];
  for (const arg of args) {
    // ResourceNames takes `node/NAME` too.
    const name = arg.replace(/^(nodes?|no)\//, '');
    const got = getObject(reader, 'Node', undefined, name);
    if (!got.ok) return { ok: false, stderr: formatApiError(got.error) + '\n' };
    list.push(got.value);
  }
  return { ok: true, list };
}

/**
 * Cordons or uncordons one node. Whether it is "already" so is read from the node as it was
 * fetched before the command changed anything, as RunCordonOrUncordon reads its infos.
 */
function setUnschedulable(txn: Txn, fetched: Node, unschedulable: boolean, stdout: string[], stderr: string[]): void {
  const name = fetched.metadata.name;
  const verb = unschedulable ? 'cordon' : 'uncordon';
  if (!!fetched.spec?.unschedulable === unschedulable) {
    stdout.push(`node/${name} already ${verb}ed`);
    return;
  }
  const got = getObject(txn, 'Node', undefined, name);
  if (!got.ok) {
    stderr.push(`error: unable to ${verb} node "${name}": ${got.error.message}`);
    return;
  }
  const node = got.value;
  const spec = { ...node.spec };
  if (unschedulable) spec.unschedulable = true;
  else delete spec.unschedulable;
  const taints = (spec.taints ?? []).filter((t) => t.key !== 'node.kubernetes.io/unschedulable');
  if (unschedulable) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: rfc3339(txn.state.now) });
  spec.taints = taints.length ? taints : undefined;
  const res = updateObject(txn, node, { ...node, spec });
  if (!res.ok) stderr.push(`error: unable to ${verb} node "${name}": ${res.error.message}`);
  else stdout.push(`node/${name} ${verb}ed`);
}

export function drainVerb(ctx: KubectlContext): CommandOutput {
  const nodes = targetNodes(ctx, 'drain');
  if (!nodes.ok) return output(ctx.state, { stderr: nodes.stderr, exitCode: 1 });
  // In the order kubectl writes them: `node/x cordoned` for every node, then per node its
  // warnings, `evicting pod …` for each pod, `pod/x evicted` as each one is gone (drain waits for
  // that) and `node/x drained`, or why it could not be drained; the nodes left are listed last.
  const chunks: OutputChunk[] = [];
  const log = (stream: OutputChunk['stream'], list: string[]) => {
    if (list.length > 0) chunks.push({ stream, text: lines(list) });
  };
  const names = nodes.list.map((n) => n.metadata.name);
  // Cordoning every node shares the first node's user step, so a one-node drain stays one action.
  const cordonAll = (txn: Txn) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    for (const node of nodes.list) setUnschedulable(txn, node, true, stdout, stderr);
    log('stdout', stdout);
    log('stderr', stderr);
  };
  let state: ClusterState = ctx.state;
  const steps: Step[] = [];
  const pending: string[] = [];
  const fatal: string[][] = [];
  for (const [i, name] of names.entries()) {
    const drained = drainNode(ctx, state, name, log, i === 0 ? { summary: `user ran kubectl drain ${names.join(' ')}`, prelude: cordonAll } : undefined);
    state = drained.state;
    steps.push(...drained.steps);
    if (drained.problems === undefined) continue;
    log('stderr', [`error: unable to drain node "${name}" due to error: ${aggregateText(drained.problems)}, continuing command...`]);
    pending.push(name);
    fatal.push(drained.problems);
  }
  if (pending.length === 0) return output(state, { chunks, steps });
  // RunDrain returns one aggregate of the nodes' aggregates. CheckErr unwraps an aggregate of one,
  // then prints each error of what is left on its own line as it is (MultipleErrors, no "error: "):
  // one failed node's problems one by one, or each failed node's aggregate text.
  const last = fatal.length === 1 ? fatal[0]! : fatal.map(aggregateText);
  log('stderr', ['There are pending nodes to be drained:', ...pending.map((n) => ` ${n}`), ...last]);
  return output(state, { chunks, exitCode: 1, steps });
}

/** utilerrors.NewAggregate(errs).Error(): one error as it is, several in brackets. */
function aggregateText(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
}

/** deleteOrEvictPodsSimple for one node: the errors about pods it may not delete, or each pod evicted and waited for. */
function drainNode(
  ctx: KubectlContext,
  start: ClusterState,
  name: string,
  log: (stream: OutputChunk['stream'], list: string[]) => void,
  first?: { summary: string; prelude: (txn: Txn) => void },
): { state: ClusterState; steps: Step[]; problems?: string[] } {
  let problems: string[] | undefined;
  let evicted: Deleted[] = [];
  const r = act(start, first?.summary ?? `user ran kubectl drain: evicting the pods of node ${name}`, (txn) => {
    first?.prelude(txn);
    const pods = txn.list('Pod').filter((p) => p.spec?.nodeName === name && !p.metadata.deletionTimestamp);
    const unmanaged = pods.filter((p) => !(p.metadata.ownerReferences ?? []).some((o) => o.controller));
    const withEmptyDir = pods.filter((p) => (p.spec?.volumes ?? []).some((v) => v.emptyDir));
    const found: string[] = [];
    if (unmanaged.length && !isSet(ctx.flags, 'force')) {
      found.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
    }
    if (withEmptyDir.length && !isSet(ctx.flags, 'delete-emptydir-data')) {
      found.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${withEmptyDir.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
    }
    if (found.length) {
      problems = found;
      return;
    }
    if (unmanaged.length) log('stderr', [`Warning: deleting Pods that declare no controller: ${unmanaged.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`]);
    for (const p of pods) {
      log('stdout', [`evicting pod ${p.metadata.namespace}/${p.metadata.name}`]);
      deleteObject(txn, 'Pod', `${p.metadata.namespace}/${p.metadata.name}`);
    }
    evicted = pods.map((p) => ({ kind: 'Pod', namespace: p.metadata.namespace ?? 'default', name: p.metadata.name }));
  });
  // A refused node changes nothing; the cordons made in the same step stay.
  if (problems !== undefined) return first ? { state: r.state, steps: r.steps, problems } : { state: start, steps: [], problems };
  // waitForDelete: each pod is printed once it is gone, the clock moving as delete --wait moves it.
  // A pod still there when its grace period is over (its node is down) would keep kubectl waiting
  // until Ctrl+C, which a script cannot press: it is printed at the end as if it had gone.
  const gone: Deleted[] = [];
  const waited = waitForDeletedPods(r.state, evicted, (p) => gone.push(p));
  for (const p of evicted) if (!gone.includes(p)) gone.push(p);
  log('stdout', [...gone.map((p) => `pod/${p.name} evicted`), `node/${name} drained`]);
  return { state: waited.state, steps: [...r.steps, ...waited.steps] };
}
