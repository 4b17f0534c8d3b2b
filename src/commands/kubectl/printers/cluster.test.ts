import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { describeObject, printTable } from './index.ts';
import { NOW, ago, defaultNamespace, examplePod, kindNode, workerNode } from './fixtures.ts';

const lines = (...l: string[]): string => l.map((x) => x + '\n').join('');

describe('kubectl get nodes', () => {
  it('prints status, roles, age and kubelet version', () => {
    expect(printTable('Node', [kindNode, workerNode], { now: NOW })).toBe(
      lines(
        'NAME                 STATUS                     ROLES           AGE   VERSION',
        'kind-control-plane   Ready                      control-plane   27d   v1.34.0',
        'kind-worker          Ready,SchedulingDisabled   <none>          26d   v1.34.0',
      ),
    );
  });

  it('adds addresses and node info with -o wide', () => {
    expect(printTable('Node', [kindNode, workerNode], { now: NOW, wide: true })).toBe(
      lines(
        'NAME                 STATUS                     ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME',
        'kind-control-plane   Ready                      control-plane   27d   v1.34.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://2.1.3',
        'kind-worker          Ready,SchedulingDisabled   <none>          26d   v1.34.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://2.1.3',
      ),
    );
  });

  it('shows NotReady, Unknown and roles from kubernetes.io/role', () => {
    const notReady: Node = { metadata: { name: 'a', labels: { 'kubernetes.io/role': 'worker' } }, status: { conditions: [{ type: 'Ready', status: 'False' }] } };
    const unknown: Node = { metadata: { name: 'b' }, status: {} };
    expect(printTable('Node', [notReady, unknown], { now: NOW, noHeaders: true })).toBe(
      lines('a     NotReady   worker   <unknown>   ', 'b     Unknown    <none>   <unknown>   '),
    );
  });
});

describe('kubectl get namespaces', () => {
  it('prints NAME STATUS AGE and ignores -A', () => {
    expect(printTable('Namespace', [defaultNamespace], { now: NOW, allNamespaces: true })).toBe(
      lines('NAME      STATUS   AGE', 'default   Active   27d'),
    );
  });
});

describe('kubectl describe namespace', () => {
  it('ends with the quota and limit range notes', () => {
    expect(describeObject(defaultNamespace, { now: NOW })).toBe(
      lines(
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ),
    );
  });
});

describe('kubectl describe node', () => {
  it("describes KIND's control-plane node with its pods and allocated resources", () => {
    const busy: Pod = {
      ...examplePod,
      metadata: { ...examplePod.metadata, name: 'web', creationTimestamp: ago(3 * 60) },
      spec: {
        ...examplePod.spec!,
        containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } } }],
      },
    };
    const events = [
      {
        metadata: { name: 'kind-control-plane.1', namespace: 'default' },
        involvedObject: { kind: 'Node', name: 'kind-control-plane', uid: 'kind-control-plane' },
        type: 'Normal',
        reason: 'NodeReady',
        message: 'Node kind-control-plane status is now: NodeReady',
        source: { component: 'kubelet', host: 'kind-control-plane' },
        firstTimestamp: ago(9 * 60),
        lastTimestamp: ago(9 * 60),
        count: 1,
      },
    ];
    expect(describeObject(kindNode, { now: NOW, pods: [examplePod, busy], events })).toBe(
      lines(
        'Name:               kind-control-plane',
        'Roles:              control-plane',
        'Labels:             beta.kubernetes.io/arch=amd64',
        '                    beta.kubernetes.io/os=linux',
        '                    kubernetes.io/arch=amd64',
        '                    kubernetes.io/hostname=kind-control-plane',
        '                    kubernetes.io/os=linux',
        '                    node-role.kubernetes.io/control-plane=',
        'Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock',
        '                    node.alpha.kubernetes.io/ttl: 0',
        '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
        'CreationTimestamp:  Fri, 05 Dec 2025 00:10:00 +0000',
        'Taints:             <none>',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  kind-control-plane',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Thu, 01 Jan 2026 00:10:00 +0000',
        'Conditions:',
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Thu, 01 Jan 2026 00:09:30 +0000   Fri, 05 Dec 2025 00:00:30 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.2',
        '  Hostname:    kind-control-plane',
        'Capacity:',
        '  cpu:                8',
        '  ephemeral-storage:  102625208Ki',
        '  hugepages-2Mi:      0',
        '  memory:             16351872Ki',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                8',
        '  ephemeral-storage:  102625208Ki',
        '  hugepages-2Mi:      0',
        '  memory:             16351872Ki',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 a1b2c3',
        '  System UUID:                d4e5f6',
        '  Boot ID:                    0a0b0c',
        '  Kernel Version:             6.8.0-45-generic',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://2.1.3',
        '  Kubelet Version:            v1.34.0',
        '  Kube-Proxy Version:         ',
        'PodCIDR:                      10.244.0.0/24',
        'PodCIDRs:                     10.244.0.0/24',
        'ProviderID:                   kind://docker/kind/kind-control-plane',
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name           CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----           ------------  ----------  ---------------  -------------  ---',
        '  default                     example-pod    0 (0%)        0 (0%)      0 (0%)           0 (0%)         4m',
        '  default                     web            250m (3%)     0 (0%)      64Mi (0%)        128Mi (0%)     3m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests   Limits',
        '  --------           --------   ------',
        '  cpu                250m (3%)  0 (0%)',
        '  memory             64Mi (0%)  128Mi (0%)',
        '  ephemeral-storage  0 (0%)     0 (0%)',
        '  hugepages-2Mi      0 (0%)     0 (0%)',
        'Events:',
        '  Type    Reason     Age   From     Message',
        '  ----    ------     ----  ----     -------',
        '  Normal  NodeReady  9m    kubelet  Node kind-control-plane status is now: NodeReady',
      ),
    );
  });

  it('prints taints sorted by effect and key', () => {
    const tainted: Node = {
      ...workerNode,
      spec: {
        unschedulable: true,
        taints: [
          { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
          { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
        ],
      },
    };
    expect(describeObject(tainted, { now: NOW, lease: null })).toContain(
      'Taints:             dedicated=gpu:NoExecute\n                    node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\nLease:\n  HolderIdentity:  <unset>\n',
    );
  });
});
