// Cluster kinds: Nodes and Namespaces (tables from printers.go, describers from describe.go).
import type { Event, Namespace, Node, Pod } from 'kubernetes-types/core/v1';
import type { Column } from './columns.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import { DescribeWriter, compareStrings, findNodeRoles, rfc1123z, since, type PrefixWriter } from './format.ts';
import { podRequestsAndLimits } from './pods.ts';
import { ZERO_QUANTITY as ZERO, addQuantities as addQuantity, canonicalQuantity, formatQuantity, parseQuantity as parseEngineQuantity, quantityMilliValue, quantityValue, type Quantity } from '../../../engine/api/quantity.ts';

/** A quantity from an object field, or undefined when absent or malformed. */
function parseQuantity(input: string | number | undefined | null): Quantity | undefined {
  if (input === undefined || input === null) return undefined;
  const r = parseEngineQuantity(input);
  return r.ok ? r.quantity : undefined;
}

function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export const NODE_COLUMNS: Column<Node>[] = [
  { header: 'NAME', cell: (n) => n.metadata?.name ?? '' },
  { header: 'STATUS', cell: (n) => nodeStatus(n) },
  { header: 'ROLES', cell: (n) => findNodeRoles(n).join(',') || '<none>' },
  { header: 'AGE', cell: (n, { now }) => since(n.metadata?.creationTimestamp, now) },
  { header: 'VERSION', cell: (n) => n.status?.nodeInfo?.kubeletVersion ?? '' },
  { header: 'INTERNAL-IP', wide: true, cell: (n) => nodeAddress(n, 'InternalIP') },
  { header: 'EXTERNAL-IP', wide: true, cell: (n) => nodeAddress(n, 'ExternalIP') },
  { header: 'OS-IMAGE', wide: true, cell: (n) => n.status?.nodeInfo?.osImage || '<unknown>' },
  { header: 'KERNEL-VERSION', wide: true, cell: (n) => n.status?.nodeInfo?.kernelVersion || '<unknown>' },
  { header: 'CONTAINER-RUNTIME', wide: true, cell: (n) => n.status?.nodeInfo?.containerRuntimeVersion || '<unknown>' },
];

export const NAMESPACE_COLUMNS: Column<Namespace>[] = [
  { header: 'NAME', cell: (ns) => ns.metadata?.name ?? '' },
  { header: 'STATUS', cell: (ns) => ns.status?.phase ?? '' },
  { header: 'AGE', cell: (ns, { now }) => since(ns.metadata?.creationTimestamp, now) },
];

// ---------------------------------------------------------------------------------------------
// Describe

export function describeNamespace(ns: Namespace): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata?.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conditions = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
  }
  // The playground has no ResourceQuota or LimitRange kinds: kubectl lists none.
  w.write(0, '\n');
  w.write(0, 'No resource quota.\n');
  w.write(0, '\n');
  w.write(0, 'No LimitRange resource.\n');
  return w.toString();
}

export function describeNode(
  node: Node,
  now: number,
  events: readonly Event[] | undefined,
  pods: readonly Pod[] | undefined,
  lease: { holderIdentity?: string; acquireTime?: string; renewTime?: string } | null | undefined,
): string {
  const w = new DescribeWriter();
  const meta = node.metadata ?? {};
  const name = meta.name ?? '';
  w.write(0, `Name:\t${name}\n`);
  w.write(0, `Roles:\t${findNodeRoles(node).join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);

  // The kubelet renews its Lease as it posts status; a silent one's Lease stops at its last heartbeat.
  const silent = node.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'Unknown')?.lastHeartbeatTime;
  const l = lease === undefined ? { holderIdentity: name, renewTime: silent ?? new Date(now).toISOString() } : lease;
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${l?.holderIdentity ?? '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${l?.acquireTime ? rfc1123z(l.acquireTime) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${l?.renewTime ? rfc1123z(l.renewTime) : '<unset>'}\n`);

  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);

  const printResourceList = (list: Readonly<Record<string, string>>): void => {
    for (const key of Object.keys(list).sort(compareStrings)) {
      w.write(0, `  ${key}:\t${canonicalQuantity(list[key])}\n`);
    }
  };
  const capacity = node.status?.capacity ?? {};
  const allocatable = node.status?.allocatable ?? {};
  if (Object.keys(capacity).length > 0) {
    w.write(0, 'Capacity:\n');
    printResourceList(capacity);
  }
  if (Object.keys(allocatable).length > 0) {
    w.write(0, 'Allocatable:\n');
    printResourceList(allocatable);
  }
  const info = node.status?.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResource(pods ?? [], node, w, now);
  describeEvents(w, eventsAbout({ kind: 'Node', name, uid: meta.uid }, events, { extraUids: [name] }), now);
  return w.toString();
}

function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.trunc((Number(part) / Number(whole)) * 100);
}

function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const capacity = node.status?.capacity ?? {};
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? (node.status?.allocatable ?? {}) : capacity;
  const alloc = (name: string): Quantity => parseQuantity(allocatable[name]) ?? ZERO;
  const allocCpu = quantityMilliValue(alloc('cpu'));
  const allocMemory = quantityValue(alloc('memory'));
  const allocStorage = quantityValue(alloc('ephemeral-storage'));
  const get = (m: Map<string, Quantity>, name: string): Quantity => m.get(name) ?? ZERO;
  const cell = (q: Quantity, pct: number): string => `${formatQuantity(q)} (${pct}%)`;

  const totalReqs = new Map<string, Quantity>();
  const totalLimits = new Map<string, Quantity>();
  const add = (into: Map<string, Quantity>, from: Map<string, Quantity>): void => {
    for (const [k, q] of from) {
      const prev = into.get(k);
      into.set(k, prev ? addQuantity(prev, q) : q);
    }
  };

  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    add(totalReqs, requests);
    add(totalLimits, limits);
    const cpuReq = get(requests, 'cpu');
    const cpuLim = get(limits, 'cpu');
    const memReq = get(requests, 'memory');
    const memLim = get(limits, 'memory');
    w.write(
      1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell(cpuReq, percent(quantityMilliValue(cpuReq), allocCpu))}\t${cell(cpuLim, percent(quantityMilliValue(cpuLim), allocCpu))}\t${cell(memReq, percent(quantityValue(memReq), allocMemory))}\t${cell(memLim, percent(quantityValue(memLim), allocMemory))}\t${since(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }

  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (name: string, whole: bigint, value: (q: Quantity) => bigint): void => {
    const req = get(totalReqs, name);
    const lim = get(totalLimits, name);
    w.write(1, `${name}\t${cell(req, percent(value(req), whole))}\t${cell(lim, percent(value(lim), whole))}\n`);
  };
  row('cpu', allocCpu, quantityMilliValue);
  row('memory', allocMemory, quantityValue);
  row('ephemeral-storage', allocStorage, quantityValue);
  const names = Object.keys(allocatable);
  for (const name of names.filter((n) => n.startsWith('hugepages-')).sort(compareStrings)) {
    row(name, quantityValue(alloc(name)), quantityValue);
  }
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n)).sort(compareStrings)) {
    w.write(1, `${name}\t${formatQuantity(get(totalReqs, name))}\t${formatQuantity(get(totalLimits, name))}\n`);
  }
}
