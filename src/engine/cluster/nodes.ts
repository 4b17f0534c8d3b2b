// Simulated nodes: what a kubelet registers when it joins (labels, capacity, Ready condition).
import type { Stored } from '../api/objects.ts';
import { LABEL_HOSTNAME } from '../api/storage.ts';

export const KUBELET_VERSION = 'v1.34.0';
export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;

/** The conditions a healthy kubelet posts, in the order it writes them. */
export const HEALTHY_NODE_CONDITIONS = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
] as const;

export interface NodeOptions {
  name: string;
  labels?: Record<string, string>;
  controlPlane?: boolean;
  /** Whether the control-plane taint is set (kind's single node has none). */
  tainted?: boolean;
  internalIP?: string;
}

export function makeNode(opts: NodeOptions): Stored<'Node'> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    [LABEL_HOSTNAME]: opts.name,
    'kubernetes.io/os': 'linux',
    ...(opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...opts.labels,
  };
  return completeNode({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: opts.name, labels },
    spec: opts.tainted ? { taints: [{ ...CONTROL_PLANE_TAINT }] } : {},
    ...(opts.internalIP ? { status: { addresses: [{ type: 'InternalIP', address: opts.internalIP }] } } : {}),
  });
}

/** Fills in what the node's kubelet reports on registration, keeping whatever the manifest set. */
export function completeNode(node: Stored<'Node'>): Stored<'Node'> {
  const name = node.metadata.name;
  const labels = { [LABEL_HOSTNAME]: name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...node.metadata.labels };
  const status = node.status ?? {};
  return {
    ...node,
    metadata: { ...node.metadata, labels },
    spec: node.spec ?? {},
    status: {
      ...status,
      capacity: status.capacity ?? { cpu: '4', 'ephemeral-storage': '102626232Ki', memory: '8131288Ki', pods: '110' },
      allocatable: status.allocatable ?? { cpu: '4', 'ephemeral-storage': '102626232Ki', memory: '8131288Ki', pods: '110' },
      conditions: status.conditions ?? HEALTHY_NODE_CONDITIONS.map((c) => ({ ...c })),
      addresses: status.addresses ?? [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: name }],
      nodeInfo: status.nodeInfo ?? {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.3',
        kernelVersion: '6.8.0-1015-gcp',
        kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  };
}
