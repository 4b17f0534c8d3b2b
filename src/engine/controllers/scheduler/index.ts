// default-scheduler: places each pending pod on a node (schedule_one.go).
//
// Design: level-triggered, without an assume cache. Each pass runs PreFilter and the filters
// in the default order over every node; the first failing filter is that node's reason. With
// feasible nodes it picks the least busy one; if the pod's WaitForFirstConsumer claims still
// need volumes there, it binds static volumes (claimRef) or marks claims for provisioning
// (selected-node) and waits; once every claim is bound it binds the pod. The selected-node
// annotation keeps later passes choosing the same node.
import type { Stored } from '../../api/objects.ts';
import { ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, claimRefTo } from '../../api/storage.ts';
import type { SchedulingRecord } from '../../cluster/state.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import { bindPod, updateResource, updateStatus } from '../../cluster/controller-writes.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import type { CycleState, FilterPlugin, Node, Pod, Status } from './framework.ts';
import { nodeAffinity, nodeName, nodeUnschedulable, taintToleration } from './plugins/node-basics.ts';
import { decideVolumes, isFullyBound, volumeBinding, volumeBindingPreFilter, volumeZone } from './plugins/volume-binding.ts';
import { failureMessage } from './message.ts';
import { volumeRestrictions } from './plugins/volume-restrictions.ts';
import { podTopologySpread, SpreadCounts, spreadPenalty } from './plugins/pod-topology-spread.ts';
import { setOwn } from '../../../lib/own.ts';

/** The default filter order (pkg/scheduler/apis/config/v1/default_plugins.go), restricted to what we model. */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, volumeRestrictions, volumeBinding, volumeZone, podTopologySpread];

export const scheduler: Controller = {
  name: 'scheduler',
  source: 'default-scheduler',
  sync(ctx) {
    // Counted once per sync and kept up to date as pods are bound: counting per pod made placing n pods O(n²).
    const load = podsPerNode(ctx);
    const spread = new SpreadCounts(ctx.txn);
    for (const pod of ctx.txn.list('Pod')) {
      if (pod.spec?.nodeName || pod.metadata.deletionTimestamp) continue;
      if ((pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler') continue;
      scheduleOne(ctx, pod, load, spread);
    }
  },
};

function scheduleOne(ctx: ControllerContext, pod: Pod, load: Map<string, number>, spread: SpreadCounts): void {
  const podKey = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const nodes = ctx.txn.list('Node');
  const cycle: CycleState = { ...volumeBindingPreFilter(ctx.txn, pod), spread: { counts: spread, nodes } };
  const record: SchedulingRecord = { at: ctx.now, nodes: {}, message: '' };
  if (cycle.preFilterReason) {
    record.preFilter = { plugin: 'VolumeBinding', reason: cycle.preFilterReason };
    return reportUnschedulable(ctx, pod, podKey, record, nodes.length, []);
  }
  const statuses: Status[] = [];
  const feasible: Node[] = [];
  for (const node of nodes) {
    const failed = runFilters(ctx, pod, node, cycle);
    setOwn(record.nodes, node.metadata.name, failed ? { plugin: failed.plugin, reason: failed.status.reason ?? '' } : null);
    if (failed) statuses.push(failed.status);
    else feasible.push(node);
  }
  if (feasible.length === 0) return reportUnschedulable(ctx, pod, podKey, record, nodes.length, statuses);
  const node = pickNode(feasible, load, spreadPenalty(ctx.txn, spread, nodes, pod));
  delete ctx.txn.state.scheduling[podKey];

  // Reserve + PreBind: get every WaitForFirstConsumer claim a volume on this node first.
  const decisions = decideVolumes(ctx.txn, cycle, node);
  for (const d of decisions) {
    if (d.action === 'bind') {
      updateResource(ctx.txn, {
        ...d.volume,
        metadata: { ...d.volume.metadata, annotations: { ...d.volume.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' } },
        spec: {
          ...d.volume.spec,
          claimRef: claimRefTo(d.claim),
        },
      });
      ctx.step(`scheduler chose node ${node.metadata.name} for pod ${podKey} and reserved volume ${d.volume.metadata.name} for claim ${d.claim.metadata.name}`);
    } else {
      const claim = ctx.txn.get('PersistentVolumeClaim', `${d.claim.metadata.namespace}/${d.claim.metadata.name}`) ?? d.claim;
      updateResource(ctx.txn, { ...claim, metadata: { ...claim.metadata, annotations: { ...claim.metadata.annotations, [ANN_SELECTED_NODE]: node.metadata.name } } });
      ctx.step(`scheduler chose node ${node.metadata.name} for pod ${podKey} and asked for claim ${d.claim.metadata.name} to be provisioned there`);
    }
  }
  const waiting = cycle.claims.some((c) => !isFullyBound(ctx.txn.get('PersistentVolumeClaim', `${c.metadata.namespace}/${c.metadata.name}`) ?? c));
  if (waiting) return; // PreBind waits until the binder and provisioner finish; a later pass binds the pod.

  // DefaultBinder: a Binding, not an update of the pod (which may not change spec.nodeName).
  if (!bindPod(ctx.txn, pod, node.metadata.name).ok) return;
  load.set(node.metadata.name, (load.get(node.metadata.name) ?? 0) + 1);
  spread.placed(pod, node.metadata.name);
  ctx.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${podKey} to ${node.metadata.name}`);
  ctx.step(`scheduler assigned pod ${podKey} to node ${node.metadata.name}`);
}

function runFilters(ctx: ControllerContext, pod: Pod, node: Node, cycle: CycleState): { plugin: string; status: Status } | undefined {
  for (const plugin of FILTER_PLUGINS) {
    const status = plugin.filter(ctx.txn, pod, node, cycle);
    if (status.code !== 'Success') return { plugin: plugin.name, status };
  }
  return undefined;
}

/**
 * Scoring, simplified: spreading the pod's workload first (PodTopologySpread weighs twice the
 * resource plugins, and one more replica in a domain outweighs one more pod on a node), then the
 * node running the fewest pods (LeastAllocated with default requests); ties go to the first by name.
 */
function pickNode(feasible: readonly Node[], load: ReadonlyMap<string, number>, penalty: ((node: Node) => number) | undefined): Node {
  const spreadOf = new Map(penalty ? feasible.map((n) => [n.metadata.name, penalty(n)]) : []);
  return [...feasible].sort((a, b) => (spreadOf.get(a.metadata.name) ?? 0) - (spreadOf.get(b.metadata.name) ?? 0) || (load.get(a.metadata.name) ?? 0) - (load.get(b.metadata.name) ?? 0))[0]!;
}

function podsPerNode(ctx: ControllerContext): Map<string, number> {
  const load = new Map<string, number>();
  for (const p of ctx.txn.list('Pod')) if (p.spec?.nodeName) load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1);
  return load;
}

function reportUnschedulable(ctx: ControllerContext, pod: Pod, podKey: string, record: SchedulingRecord, nodeCount: number, statuses: Status[]): void {
  record.message = failureMessage(nodeCount, record.preFilter?.reason, statuses);
  ctx.txn.state.scheduling[podKey] = record;
  const condition = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: record.message };
  const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (existing?.status !== 'False' || existing.message !== record.message) {
    updateStatus(ctx.txn, { ...pod, status: { ...pod.status, conditions: upsertCondition(pod.status?.conditions, { ...condition, lastTransitionTime: timestamp(ctx) }) } });
  }
  ctx.event(pod, 'Warning', 'FailedScheduling', record.message);
  ctx.step(`scheduler could not place pod ${podKey}: ${record.message}`);
}

type Condition = NonNullable<NonNullable<Stored<'Pod'>['status']>['conditions']>[number];

function upsertCondition(conditions: Condition[] | undefined, c: Condition): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((x) => x.type === c.type);
  if (i >= 0) list[i] = { ...list[i], ...c };
  else list.push(c);
  return list;
}

function timestamp(ctx: ControllerContext): string {
  return rfc3339(ctx.now);
}
