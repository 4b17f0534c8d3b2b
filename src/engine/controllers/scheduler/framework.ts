// The scheduling framework's shapes (pkg/scheduler/framework): plugins run per node, and the
// first failing filter gives that node's reason. Statuses are values, not exceptions.
import type { Stored } from '../../api/objects.ts';
import type { Txn } from '../../cluster/store.ts';
import type { SpreadCounts } from './plugins/pod-topology-spread.ts';

export type StatusCode = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status {
  code: StatusCode;
  reason?: string;
}

export const SUCCESS: Status = { code: 'Success' };
export const unresolvable = (reason: string): Status => ({ code: 'UnschedulableAndUnresolvable', reason });
export const unschedulable = (reason: string): Status => ({ code: 'Unschedulable', reason });

export type Pod = Stored<'Pod'>;
export type Node = Stored<'Node'>;
export type Reader = Pick<Txn, 'get' | 'list' | 'state'>;

/** What PreFilter learned about the pod, shared with Filter and Reserve (the framework's CycleState). */
export interface CycleState {
  /** Set when the pod cannot be scheduled anywhere (e.g. an unbound Immediate claim). */
  preFilterReason?: string;
  claims: Stored<'PersistentVolumeClaim'>[];
  /** The pass's matching-pod counts and the nodes, for PodTopologySpread. */
  spread?: { counts: SpreadCounts; nodes: readonly Node[] };
}

export interface FilterPlugin {
  readonly name: string;
  filter(view: Reader, pod: Pod, node: Node, cycle: CycleState): Status;
}

/** `node(s) had volume node affinity conflict` was renamed by KK PR #129887 (v1.33); we emulate v1.34. */
export const REASON_PV_NODE_AFFINITY = "node(s) didn't match PersistentVolume's node affinity";
export const REASON_NO_PV_TO_BIND = "node(s) didn't find available persistent volumes to bind";
