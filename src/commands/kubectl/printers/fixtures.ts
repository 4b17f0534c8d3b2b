// Test fixtures for the printer tests: the course's PV/PVC/Pod demo and KIND's objects, shaped
// the way the API server stores them (defaults applied). Not used by production code.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type {
  ConfigMap,
  Event,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Secret,
} from 'kubernetes-types/core/v1';
import type { CSIDriver, StorageClass, VolumeAttachment } from 'kubernetes-types/storage/v1';

/** "Now" for every fixture: 2026-01-01T00:10:00Z. */
export const NOW = Date.parse('2026-01-01T00:10:00Z');

/** An RFC3339 timestamp `seconds` before {@link NOW}. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export const examplePV: PersistentVolume = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: {
    name: 'example-pv',
    uid: 'pv-uid-1',
    creationTimestamp: ago(6 * 60),
    annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' },
    finalizers: ['kubernetes.io/pv-protection'],
  },
  spec: {
    capacity: { storage: '5Gi' },
    accessModes: ['ReadWriteOnce'],
    persistentVolumeReclaimPolicy: 'Retain',
    volumeMode: 'Filesystem',
    hostPath: { path: '/mnt/data', type: '' },
    claimRef: {
      kind: 'PersistentVolumeClaim',
      namespace: 'default',
      name: 'example-pvc',
      uid: 'pvc-uid-1',
      apiVersion: 'v1',
      resourceVersion: '700',
    },
  },
  status: { phase: 'Bound', lastPhaseTransitionTime: ago(5 * 60) },
};

export const examplePVC: PersistentVolumeClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'example-pvc',
    namespace: 'default',
    uid: 'pvc-uid-1',
    creationTimestamp: ago(5 * 60),
    annotations: {
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    },
    finalizers: ['kubernetes.io/pvc-protection'],
  },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '2Gi' } },
    volumeMode: 'Filesystem',
    volumeName: 'example-pv',
  },
  status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' } },
};

/** A claim waiting for its first consumer under KIND's `standard` class. */
export const pendingPVC: PersistentVolumeClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data-pvc', namespace: 'default', uid: 'pvc-uid-2', creationTimestamp: ago(90) },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
  },
  status: { phase: 'Pending' },
};

export const standardSC: StorageClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name: 'standard',
    uid: 'sc-uid-1',
    creationTimestamp: ago(27 * 24 * 3600),
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration':
        '{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"},"name":"standard"},"provisioner":"rancher.io/local-path","reclaimPolicy":"Delete","volumeBindingMode":"WaitForFirstConsumer"}\n',
      'storageclass.kubernetes.io/is-default-class': 'true',
    },
  },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
};

export const examplePod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'example-pod', namespace: 'default', uid: 'pod-uid-1', creationTimestamp: ago(4 * 60) },
  spec: {
    containers: [
      {
        name: 'nginx-container',
        image: 'nginx',
        imagePullPolicy: 'Always',
        volumeMounts: [
          { mountPath: '/usr/share/nginx/html', name: 'persistent-storage' },
          { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-7xk2p', readOnly: true },
        ],
      },
    ],
    volumes: [
      { name: 'persistent-storage', persistentVolumeClaim: { claimName: 'example-pvc' } },
      {
        name: 'kube-api-access-7xk2p',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            {
              downwardAPI: {
                items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
              },
            },
          ],
        },
      },
    ],
    nodeName: 'kind-control-plane',
    priority: 0,
    serviceAccountName: 'default',
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '172.18.0.2',
    hostIPs: [{ ip: '172.18.0.2' }],
    podIP: '10.244.0.5',
    podIPs: [{ ip: '10.244.0.5' }],
    startTime: '2026-01-01T00:06:00Z',
    qosClass: 'BestEffort',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: '2026-01-01T00:06:05Z' },
      { type: 'Initialized', status: 'True', lastTransitionTime: '2026-01-01T00:06:00Z' },
      { type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:06:08Z' },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: '2026-01-01T00:06:08Z' },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-01T00:06:00Z' },
    ],
    containerStatuses: [
      {
        name: 'nginx-container',
        containerID: 'containerd://4f1c2a9e',
        image: 'docker.io/library/nginx:latest',
        imageID: 'docker.io/library/nginx@sha256:0d17b565',
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: '2026-01-01T00:06:07Z' } },
      },
    ],
  },
};

export const exampleEvents: Event[] = [
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'example-pod.1881', namespace: 'default' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'example-pod', uid: 'pod-uid-1', apiVersion: 'v1' },
    type: 'Normal',
    reason: 'Scheduled',
    message: 'Successfully assigned default/example-pod to kind-control-plane',
    source: { component: 'default-scheduler' },
    firstTimestamp: ago(4 * 60),
    lastTimestamp: ago(4 * 60),
    count: 1,
  },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'example-pod.1882', namespace: 'default' },
    involvedObject: {
      kind: 'Pod',
      namespace: 'default',
      name: 'example-pod',
      uid: 'pod-uid-1',
      apiVersion: 'v1',
      fieldPath: 'spec.containers{nginx-container}',
    },
    type: 'Normal',
    reason: 'Pulling',
    message: 'Pulling image "nginx"',
    source: { component: 'kubelet', host: 'kind-control-plane' },
    firstTimestamp: ago(4 * 60),
    lastTimestamp: ago(4 * 60),
    count: 1,
  },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'data-pvc.1883', namespace: 'default' },
    involvedObject: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-pvc', uid: 'pvc-uid-2', apiVersion: 'v1' },
    type: 'Normal',
    reason: 'WaitForFirstConsumer',
    message: 'waiting for first consumer to be created before binding',
    source: { component: 'persistentvolume-controller' },
    firstTimestamp: ago(90),
    lastTimestamp: ago(5),
    count: 7,
  },
];

export const kindNode: Node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'kind-control-plane',
    uid: 'node-uid-1',
    creationTimestamp: ago(27 * 24 * 3600),
    labels: {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'kind-control-plane',
      'kubernetes.io/os': 'linux',
      'node-role.kubernetes.io/control-plane': '',
    },
    annotations: {
      'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    },
  },
  spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'], providerID: 'kind://docker/kind/kind-control-plane' },
  status: {
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        lastHeartbeatTime: '2026-01-01T00:09:30Z',
        lastTransitionTime: '2025-12-05T00:00:30Z',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
      },
    ],
    addresses: [
      { type: 'InternalIP', address: '172.18.0.2' },
      { type: 'Hostname', address: 'kind-control-plane' },
    ],
    capacity: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-2Mi': '0', memory: '16351872Ki', pods: '110' },
    allocatable: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-2Mi': '0', memory: '16351872Ki', pods: '110' },
    nodeInfo: {
      machineID: 'a1b2c3',
      systemUUID: 'd4e5f6',
      bootID: '0a0b0c',
      kernelVersion: '6.8.0-45-generic',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      operatingSystem: 'linux',
      architecture: 'amd64',
      containerRuntimeVersion: 'containerd://2.1.3',
      kubeletVersion: 'v1.34.0',
      kubeProxyVersion: '',
    },
  },
};

export const workerNode: Node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'kind-worker',
    uid: 'node-uid-2',
    creationTimestamp: ago(27 * 24 * 3600 - 20),
    labels: { 'kubernetes.io/hostname': 'kind-worker' },
  },
  spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] },
  status: {
    conditions: [{ type: 'Ready', status: 'True' }],
    addresses: [{ type: 'InternalIP', address: '172.18.0.3' }],
    nodeInfo: {
      machineID: '',
      systemUUID: '',
      bootID: '',
      kernelVersion: '6.8.0-45-generic',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      operatingSystem: 'linux',
      architecture: 'amd64',
      containerRuntimeVersion: 'containerd://2.1.3',
      kubeletVersion: 'v1.34.0',
      kubeProxyVersion: '',
    },
  },
};

export const defaultNamespace: Namespace = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name: 'default',
    uid: 'ns-uid-1',
    creationTimestamp: ago(27 * 24 * 3600),
    labels: { 'kubernetes.io/metadata.name': 'default' },
  },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
};

export const frontendCM: ConfigMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'frontend-cm', namespace: 'default', uid: 'cm-uid-1', creationTimestamp: ago(3 * 60) },
  data: { ENVIRONMENT: 'production', APP: 'frontend' },
};

export const dbSecret: Secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db-secret', namespace: 'default', uid: 'secret-uid-1', creationTimestamp: ago(2 * 60) },
  type: 'Opaque',
  // "admin" and "s3cr3t-pass"
  data: { username: 'YWRtaW4=', password: 'czNjcjN0LXBhc3M=' },
};

export const frontendDeploy: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'frontend',
    namespace: 'default',
    uid: 'deploy-uid-1',
    generation: 1,
    creationTimestamp: ago(8 * 60),
    labels: { app: 'frontend' },
    annotations: { 'deployment.kubernetes.io/revision': '1' },
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'frontend' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    minReadySeconds: 0,
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    template: {
      metadata: { labels: { app: 'frontend' } },
      spec: {
        containers: [
          {
            name: 'frontend',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            envFrom: [{ configMapRef: { name: 'frontend-cm' } }],
            env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'frontend-cm', key: 'ENVIRONMENT' } } }],
          },
        ],
        restartPolicy: 'Always',
      },
    },
  },
  status: {
    observedGeneration: 1,
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 2,
    availableReplicas: 2,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "frontend-7d9c8b6f5" has successfully progressed.' },
    ],
  },
};

export const frontendRS: ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'frontend-7d9c8b6f5',
    namespace: 'default',
    uid: 'rs-uid-1',
    creationTimestamp: ago(8 * 60),
    labels: { app: 'frontend', 'pod-template-hash': '7d9c8b6f5' },
    annotations: {
      'deployment.kubernetes.io/desired-replicas': '2',
      'deployment.kubernetes.io/max-replicas': '3',
      'deployment.kubernetes.io/revision': '1',
    },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'frontend', uid: 'deploy-uid-1', controller: true, blockOwnerDeletion: true },
    ],
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'frontend', 'pod-template-hash': '7d9c8b6f5' } },
    template: {
      metadata: { labels: { app: 'frontend', 'pod-template-hash': '7d9c8b6f5' } },
      spec: { containers: [{ name: 'frontend', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
    },
  },
  status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
};

export const hostpathDriver: CSIDriver = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'CSIDriver',
  metadata: { name: 'hostpath.csi.k8s.io', uid: 'csi-uid-1', resourceVersion: '412', creationTimestamp: '2025-12-05T00:01:00Z' },
  spec: {
    attachRequired: true,
    podInfoOnMount: true,
    fsGroupPolicy: 'File',
    requiresRepublish: false,
    seLinuxMount: false,
    storageCapacity: false,
    volumeLifecycleModes: ['Persistent', 'Ephemeral'],
  },
};

export const exampleAttachment: VolumeAttachment = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'VolumeAttachment',
  metadata: { name: 'csi-8a3f0c', uid: 'va-uid-1', creationTimestamp: ago(150) },
  spec: { attacher: 'hostpath.csi.k8s.io', nodeName: 'kind-worker', source: { persistentVolumeName: 'pvc-24d1f4ee' } },
  status: { attached: true },
};
