// node-lifecycle-controller (kube-controller-manager's nodelifecycle): notices nodes whose kubelet
// went silent, and taints them.
//
// Design: a kubelet posts its node's status (and renews its Lease) every few seconds. When
// nothing has arrived for node-monitor-grace-period (50 s since v1.32), the controller sets the
// node's Ready, MemoryPressure, DiskPressure and PIDPressure conditions to Unknown
// ("Kubelet stopped posting node status."), records NodeNotReady, and marks the node's pods not
// ready. Taints follow the Ready condition: node.kubernetes.io/unreachable (Unknown) or
// node.kubernetes.io/not-ready (False). The NoSchedule taint keeps the scheduler away; the
// NoExecute taint lets the taint-eviction-controller evict pods once their toleration runs out
// (300 s, from DefaultTolerationSeconds). NoExecute tainting respects zone disruption: when every
// zone has lost all of its nodes, the controller suspects its own network, not the nodes
// ("master disruption mode"), and taints nothing; a small zone that lost most (but not all) of
// its nodes is not tainted further either. When the kubelet posts Ready again, the taints go.
// In the simulation the only silent kubelets are those of machines that are switched off.
import type { NodeCondition, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { LABEL_ZONE } from '../../api/storage.ts';
import { poweredOffSince } from '../../cluster/power.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import { updateResource, updateStatus } from '../../cluster/controller-writes.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';

type Node = Stored<'Node'>;

/** --node-monitor-grace-period: how long a silent kubelet is given before its node is Unknown (50 s since v1.32). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
/** --unhealthy-zone-threshold and --large-cluster-size-threshold. */
const UNHEALTHY_ZONE_THRESHOLD = 0.55;
const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
const HEALTH_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

export const nodeLifecycle: Controller = {
  name: 'node-lifecycle-controller',
  source: 'node-controller',
  sync(ctx) {
    forgetDeletedMachines(ctx);
    for (const node of ctx.txn.list('Node')) monitorNodeHealth(ctx, node);
    const nodes = ctx.txn.list('Node');
    const zones = zoneStates(nodes);
    const masterDisruption = zones.size > 0 && [...zones.values()].every((z) => z.state === 'FullDisruption');
    for (const node of nodes) {
      const zone = zones.get(zoneKey(node))!;
      // A partially disrupted small zone gets an eviction rate of 0: no new NoExecute taints there.
      const mayAddNoExecute = !masterDisruption && !(zone.state === 'PartialDisruption' && zone.size <= LARGE_CLUSTER_SIZE_THRESHOLD);
      syncTaints(ctx, node, { noExecute: !masterDisruption, mayAddNoExecute });
    }
  },
  // The only clock it reads: a silent kubelet's grace period running out.
  wakeTimes(view) {
    return Object.values(view.state.poweredOff ?? {}).map((since) => since + NODE_MONITOR_GRACE_PERIOD_MS);
  },
};

/** A Node deleted from the API takes its machine with it: a node registered later under that name is a new one. */
function forgetDeletedMachines(ctx: ControllerContext): void {
  const off = ctx.txn.state.poweredOff;
  if (!off) return;
  const gone = Object.keys(off).filter((name) => !ctx.txn.get('Node', name));
  if (gone.length === 0) return;
  const kept = Object.fromEntries(Object.entries(off).filter(([name]) => !gone.includes(name)));
  if (Object.keys(kept).length > 0) ctx.txn.state.poweredOff = kept;
  else delete ctx.txn.state.poweredOff;
}

function readyCondition(node: Node): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready');
}

/** tryUpdateNodeHealth + the NotReady transition: conditions Unknown, NodeNotReady, pods not ready. */
function monitorNodeHealth(ctx: ControllerContext, node: Node): void {
  const name = node.metadata.name;
  const silentSince = poweredOffSince(ctx.txn.state, name);
  if (silentSince === undefined || ctx.now - silentSince < NODE_MONITOR_GRACE_PERIOD_MS) return;
  if (readyCondition(node)?.status === 'Unknown') return;
  const now = rfc3339(ctx.now);
  const conditions = (node.status?.conditions ?? []).map((c) =>
    HEALTH_CONDITIONS.includes(c.type) && c.status !== 'Unknown'
      ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: c.lastHeartbeatTime ?? rfc3339(silentSince), lastTransitionTime: now }
      : c,
  );
  updateStatus(ctx.txn, { ...node, status: { ...node.status, conditions } });
  ctx.event(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
  ctx.step(`node-lifecycle-controller marked node ${name} NotReady: its kubelet has posted no status for ${Math.round((ctx.now - silentSince) / 1000)}s (grace period 50s)`);
  // MarkPodsNotReady: the node's pods are no longer Ready (their containers' own statuses stay as last reported).
  for (const pod of ctx.txn.list('Pod').filter((p) => p.spec?.nodeName === name)) {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const podConditions = (pod.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
    updateStatus(ctx.txn, { ...pod, status: { ...pod.status, conditions: podConditions } });
    ctx.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    ctx.step(`node-lifecycle-controller marked pod ${pod.metadata.namespace}/${pod.metadata.name} not ready: node ${name} is NotReady`);
  }
}

/** The taint key the Ready condition calls for, if any. */
function taintKeyFor(node: Node): string | undefined {
  const status = readyCondition(node)?.status;
  return status === 'Unknown' ? TAINT_UNREACHABLE : status === 'False' ? TAINT_NOT_READY : undefined;
}

/** doNoScheduleTaintingPass and the NoExecute tainter (markNodeForTainting / markNodeAsReachable). */
function syncTaints(ctx: ControllerContext, node: Node, opts: { noExecute: boolean; mayAddNoExecute: boolean }): void {
  const key = taintKeyFor(node);
  const taints = node.spec?.taints ?? [];
  const ours = (t: Taint) => t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY;
  const want = (t: Pick<Taint, 'key' | 'effect'>) => t.key === key && (t.effect === 'NoSchedule' || (t.effect === 'NoExecute' && opts.noExecute));
  const kept = taints.filter((t) => !ours(t) || want(t));
  const added: Taint[] = [];
  const now = rfc3339(ctx.now);
  if (key) {
    if (!kept.some((t) => t.key === key && t.effect === 'NoSchedule')) added.push({ key, effect: 'NoSchedule', timeAdded: now });
    if (opts.noExecute && opts.mayAddNoExecute && !kept.some((t) => t.key === key && t.effect === 'NoExecute')) added.push({ key, effect: 'NoExecute', timeAdded: now });
  }
  const removed = taints.filter((t) => !kept.includes(t));
  if (added.length === 0 && removed.length === 0) return;
  const next = [...kept, ...added];
  const spec = { ...node.spec };
  if (next.length > 0) spec.taints = next;
  else delete spec.taints;
  const latest = ctx.txn.get('Node', node.metadata.name) ?? node;
  updateResource(ctx.txn, { ...latest, spec });
  const describe = (list: Taint[]) => list.map((t) => `${t.key}:${t.effect}`).join(', ');
  const parts = [added.length > 0 && `tainted node ${node.metadata.name} ${describe(added)}`, removed.length > 0 && `removed ${describe(removed)} from node ${node.metadata.name}`].filter(Boolean);
  ctx.step(`node-lifecycle-controller ${parts.join(' and ')}`);
}

/** GetZoneKey: region and zone labels together; nodes without them share the zone "". */
function zoneKey(node: Node): string {
  const labels = node.metadata.labels ?? {};
  return `${labels['topology.kubernetes.io/region'] ?? ''}:\u0000:${labels[LABEL_ZONE] ?? ''}`;
}

/** ComputeZoneState for every zone: Full when no node is Ready, Partial when most are not. */
function zoneStates(nodes: readonly Node[]): Map<string, { state: ZoneState; size: number }> {
  const counts = new Map<string, { ready: number; notReady: number }>();
  for (const node of nodes) {
    const c = counts.get(zoneKey(node)) ?? { ready: 0, notReady: 0 };
    if (readyCondition(node)?.status === 'True') c.ready++;
    else c.notReady++;
    counts.set(zoneKey(node), c);
  }
  const out = new Map<string, { state: ZoneState; size: number }>();
  for (const [zone, { ready, notReady }] of counts) {
    const size = ready + notReady;
    const state: ZoneState =
      ready === 0 && notReady > 0 ? 'FullDisruption' : notReady > 2 && notReady / size >= UNHEALTHY_ZONE_THRESHOLD ? 'PartialDisruption' : 'Normal';
    out.set(zone, { state, size });
  }
  return out;
}
