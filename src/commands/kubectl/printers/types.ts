// Types shared by the kubectl printers. The printers take objects exactly as `kubectl get -o json`
// shows them (typed with `kubernetes-types`) and never read a clock: `now` is passed in.
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { ALL_KINDS, KINDS } from '../../../engine/api/kinds.ts';
import type { ObjectsByKind } from '../../../engine/api/objects.ts';

/** The kinds the printers know: every kind the engine models. */
export type PrintableObjects = ObjectsByKind;
export type PrintableKind = keyof PrintableObjects;
export type PrintableObject = PrintableObjects[PrintableKind];

/** Namespaced kinds get a NAMESPACE column with `-A`; cluster-scoped kinds never do. */
export const NAMESPACED_KINDS: ReadonlySet<PrintableKind> = new Set(ALL_KINDS.filter((k) => KINDS[k].namespaced));

export interface TableOptions {
  /** Current simulated time, milliseconds since the epoch. */
  now: number;
  /** `-o wide`. */
  wide?: boolean;
  /** `--show-labels`: adds a LABELS column. */
  showLabels?: boolean;
  /** `-A` / `--all-namespaces`: namespaced kinds get a leading NAMESPACE column. */
  allNamespaces?: boolean;
  /** `--no-headers`. */
  noHeaders?: boolean;
}

export interface Table {
  headers: string[];
  rows: string[][];
}

/** What `kubectl describe` needs besides the object; the printer cannot query the cluster. */
export interface DescribeOptions {
  /** Current simulated time, milliseconds since the epoch. */
  now: number;
  /**
   * Events to search. Only those about the described object are shown (matched on involvedObject
   * kind, namespace, name and uid, like kubectl's field selector), so passing every event is fine.
   * Undefined is the same as none: `Events:  <none>`.
   */
  events?: readonly Event[];
  /** PersistentVolumeClaim: names of the pods that use the claim (`Used By:`). */
  usedBy?: readonly string[];
  /**
   * Pods kubectl would list alongside: for a Node, its non-terminated pods (the Non-terminated Pods
   * table and Allocated resources); for a ReplicaSet, the pods it controls (`Pods Status:`).
   */
  pods?: readonly Pod[];
  /** Service: the EndpointSlices labelled with its name (the `Endpoints:` lines). */
  endpointSlices?: readonly EndpointSlice[];
  /** Deployment: its old and new ReplicaSets (`OldReplicaSets:` / `NewReplicaSet:`). */
  replicaSets?: { old: readonly ReplicaSet[]; new?: ReplicaSet };
  /**
   * Node: the node's Lease in kube-node-lease. Defaults to holder = node name, no acquire time,
   * renewed `now` (a healthy kubelet).
   */
  lease?: { holderIdentity?: string; acquireTime?: string; renewTime?: string } | null;
}
