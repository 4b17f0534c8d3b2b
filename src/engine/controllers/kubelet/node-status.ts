// The kubelet's node status: a kubelet that starts (here: on a machine switched back on) posts
// its node's conditions again, healthy, with the events a kubelet records as it starts.
import type { Stored } from '../../api/objects.ts';
import { HEALTHY_NODE_CONDITIONS } from '../../cluster/nodes.ts';
import { isPoweredOff } from '../../cluster/power.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import { updateStatus } from '../../cluster/controller-writes.ts';
import type { ControllerContext } from '../../runtime/controller.ts';

/** Each condition whose change the kubelet reports as `Node <name> status is now: <event>`. */
const STATUS_EVENTS: Record<string, string> = {
  MemoryPressure: 'NodeHasSufficientMemory',
  DiskPressure: 'NodeHasNoDiskPressure',
  PIDPressure: 'NodeHasSufficientPID',
  Ready: 'NodeReady',
};

/** Posts healthy conditions for every running node whose Ready condition is not True. */
export function postNodeStatuses(ctx: ControllerContext): void {
  for (const node of ctx.txn.list('Node')) {
    const name = node.metadata.name;
    if (isPoweredOff(ctx.txn.state, name)) continue;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'True') continue;
    postReady(ctx, node);
  }
}

function postReady(ctx: ControllerContext, node: Stored<'Node'>): void {
  const name = node.metadata.name;
  const now = rfc3339(ctx.now);
  const before = node.status?.conditions ?? [];
  const conditions = HEALTHY_NODE_CONDITIONS.map((c) => ({ ...c, lastHeartbeatTime: now, lastTransitionTime: now }));
  updateStatus(ctx.txn, { ...node, status: { ...node.status, conditions } });
  ctx.event(node, 'Normal', 'Starting', 'Starting kubelet.');
  ctx.event(node, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  for (const c of conditions) {
    const was = before.find((b) => b.type === c.type)?.status;
    if (was !== c.status) ctx.event(node, 'Normal', STATUS_EVENTS[c.type]!, `Node ${name} status is now: ${STATUS_EVENTS[c.type]}`);
  }
  ctx.step(`kubelet on ${name} started and posted its node status: Ready`);
}
