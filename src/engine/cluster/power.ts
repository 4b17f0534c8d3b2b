// Machines switching off and on: `kubesim node fail` / `recover`, `zone down` / `up`.
//
// Design: a machine that is off runs nothing. At the instant it goes off, the main process of
// every running container on it ends (the kubelet reports it as `Unknown`, exit code 255, when it
// comes back) and memory-backed emptyDirs are gone with the RAM; disk-backed emptyDirs, hostPath
// directories and attached disks stay. Nothing is written to the API: the control plane only
// learns of it when the kubelet's status stops arriving (node-lifecycle-controller, 50 s later).
// Powering on only marks the machine on; its kubelet then posts Ready again and restarts what it
// finds (kubelet/index.ts, kubelet/restarts.ts).
import type { Stored } from '../api/objects.ts';
import { LABEL_ZONE } from '../api/storage.ts';
import { containerKey, emptyDirKey } from '../containers/mounts.ts';
import type { ClusterState } from './state.ts';
import type { Txn } from './store.ts';
import { getOwn, hasOwn, withoutOwn } from '../../lib/own.ts';

/** The terminated reason a kubelet reports for a container whose process vanished with its machine. */
export const LOST_CONTAINER_REASON = 'Unknown';
export const LOST_CONTAINER_EXIT_CODE = 255;

export function isPoweredOff(state: Pick<ClusterState, 'poweredOff'>, node: string): boolean {
  return hasOwn(state.poweredOff, node);
}

/** When the node's machine went off (ms), or undefined while it runs. */
export function poweredOffSince(state: Pick<ClusterState, 'poweredOff'>, node: string): number | undefined {
  return getOwn(state.poweredOff, node);
}

export type PowerResult = 'done' | 'unchanged' | 'not-found';

/** Switches a node's machine off. */
export function powerOff(txn: Txn, name: string): PowerResult {
  if (!txn.get('Node', name)) return 'not-found';
  if (isPoweredOff(txn.state, name)) return 'unchanged';
  const now = txn.state.now;
  txn.state.poweredOff = { ...txn.state.poweredOff, [name]: now };
  for (const pod of txn.list('Pod').filter((p) => p.spec?.nodeName === name)) {
    for (const status of pod.status?.containerStatuses ?? []) {
      const key = containerKey(pod, status.name);
      const record = txn.state.containers[key];
      if (!status.state?.running || !record) continue;
      txn.state.containers[key] = { ...record, exitAt: now, exitCode: LOST_CONTAINER_EXIT_CODE, exitReason: LOST_CONTAINER_REASON };
    }
    for (const v of pod.spec?.volumes ?? []) {
      if (v.emptyDir?.medium === 'Memory') delete txn.state.volumeData[emptyDirKey(pod, v.name)];
    }
  }
  return 'done';
}

/** Switches a node's machine back on; its kubelet takes over from there. */
export function powerOn(txn: Txn, name: string): PowerResult {
  if (!txn.get('Node', name)) return 'not-found';
  if (!isPoweredOff(txn.state, name)) return 'unchanged';
  const rest = withoutOwn(txn.state.poweredOff, name);
  if (Object.keys(rest).length > 0) txn.state.poweredOff = rest;
  else delete txn.state.poweredOff; // the working copy's own key: earlier snapshots keep theirs
  return 'done';
}

/** The nodes of a zone (label topology.kubernetes.io/zone), by name. */
export function nodesInZone(view: Pick<Txn, 'list'>, zone: string): Stored<'Node'>[] {
  return view.list('Node').filter((n) => n.metadata.labels?.[LABEL_ZONE] === zone);
}
