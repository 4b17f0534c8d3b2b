import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { describeObject, printTable } from './index.ts';
import { NOW, ago, exampleEvents, examplePod } from './fixtures.ts';
import { computePodQOS } from './pods.ts';

const lines = (...l: string[]): string => l.map((x) => x + '\n').join('');

function pod(name: string, spec: Partial<NonNullable<Pod['spec']>>, status: Pod['status'], meta: Pod['metadata'] = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: ago(4 * 60), ...meta },
    spec: { containers: [{ name: 'app', image: 'busybox' }], ...spec },
    status,
  };
}

const waiting = (reason: string) => [{ name: 'app', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason } } }];

const statusPods: Pod[] = [
  examplePod,
  pod('unscheduled', {}, {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
  }),
  pod('creating', { nodeName: 'kind-control-plane' }, { phase: 'Pending', containerStatuses: waiting('ContainerCreating') }),
  pod('bad-config', { nodeName: 'kind-control-plane' }, { phase: 'Pending', containerStatuses: waiting('CreateContainerConfigError') }),
  pod('crashy', { nodeName: 'kind-control-plane' }, {
    phase: 'Running',
    containerStatuses: [
      {
        name: 'app',
        image: 'busybox',
        imageID: '',
        ready: false,
        restartCount: 3,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(120) } },
      },
    ],
  }),
  pod('job-done', { nodeName: 'kind-control-plane' }, {
    phase: 'Succeeded',
    containerStatuses: [
      { name: 'app', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    ],
  }),
  pod('with-init', { nodeName: 'kind-control-plane', initContainers: [{ name: 'init', image: 'busybox' }] }, {
    phase: 'Pending',
    initContainerStatuses: [
      { name: 'init', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
    ],
    containerStatuses: waiting('PodInitializing'),
  }),
  { ...examplePod, metadata: { ...examplePod.metadata, name: 'leaving', deletionTimestamp: ago(5) } },
  pod('evicted', { nodeName: 'kind-control-plane' }, {
    phase: 'Failed',
    reason: 'Evicted',
    message: 'Pod ephemeral local storage usage exceeds the total limit of containers 1Mi.',
    containerStatuses: [
      { name: 'app', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 137, reason: 'Error' } } },
    ],
  }),
  pod('gated', { schedulingGates: [{ name: 'example.com/gate' }] }, {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
  }),
];

describe('kubectl get pods', () => {
  it('derives READY, STATUS and RESTARTS like printPod', () => {
    expect(printTable('Pod', statusPods, { now: NOW })).toBe(
      lines(
        'NAME          READY   STATUS                       RESTARTS     AGE',
        'example-pod   1/1     Running                      0            4m',
        'unscheduled   0/1     Pending                      0            4m',
        'creating      0/1     ContainerCreating            0            4m',
        'bad-config    0/1     CreateContainerConfigError   0            4m',
        'crashy        0/1     CrashLoopBackOff             3 (2m ago)   4m',
        'job-done      0/1     Completed                    0            4m',
        'with-init     0/1     Init:0/1                     0            4m',
        'leaving       1/1     Terminating                  0            4m',
        'evicted       0/1     Error                        0            4m',
        'gated         0/1     SchedulingGated              0            4m',
      ),
    );
  });

  it('adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    const unscheduled = statusPods[1]!;
    expect(printTable('Pod', [examplePod, unscheduled], { now: NOW, wide: true })).toBe(
      lines(
        'NAME          READY   STATUS    RESTARTS   AGE   IP           NODE                 NOMINATED NODE   READINESS GATES',
        'example-pod   1/1     Running   0          4m    10.244.0.5   kind-control-plane   <none>           <none>',
        'unscheduled   0/1     Pending   0          4m    <none>       <none>               <none>           <none>',
      ),
    );
  });

  it('adds NAMESPACE with -A and LABELS with --show-labels', () => {
    const labelled = { ...examplePod, metadata: { ...examplePod.metadata, labels: { tier: 'web', app: 'nginx' } } };
    expect(printTable('Pod', [labelled], { now: NOW, allNamespaces: true, showLabels: true })).toBe(
      lines(
        'NAMESPACE   NAME          READY   STATUS    RESTARTS   AGE   LABELS',
        'default     example-pod   1/1     Running   0          4m    app=nginx,tier=web',
      ),
    );
    expect(printTable('Pod', [examplePod], { now: NOW, showLabels: true })).toBe(
      lines('NAME          READY   STATUS    RESTARTS   AGE   LABELS', 'example-pod   1/1     Running   0          4m    <none>'),
    );
  });

  it('counts a started sidecar as a ready container', () => {
    const sidecar = pod(
      'with-sidecar',
      { nodeName: 'n1', initContainers: [{ name: 'log', image: 'busybox', restartPolicy: 'Always' }] },
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [
          { name: 'log', image: 'busybox', imageID: '', ready: true, started: true, restartCount: 1, state: { running: {} } },
        ],
        containerStatuses: [{ name: 'app', image: 'busybox', imageID: '', ready: true, restartCount: 0, state: { running: {} } }],
      },
    );
    expect(printTable('Pod', [sidecar], { now: NOW, noHeaders: true })).toBe('with-sidecar   2/2   Running   1     4m\n');
  });
});

describe('kubectl describe pod', () => {
  it("describes the course's example-pod using example-pvc", () => {
    expect(describeObject(examplePod, { now: NOW, events: exampleEvents })).toBe(
      lines(
        'Name:             example-pod',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             kind-control-plane/172.18.0.2',
        'Start Time:       Thu, 01 Jan 2026 00:06:00 +0000',
        'Labels:           <none>',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.0.5',
        'IPs:',
        '  IP:  10.244.0.5',
        'Containers:',
        '  nginx-container:',
        '    Container ID:   containerd://4f1c2a9e',
        '    Image:          nginx',
        '    Image ID:       docker.io/library/nginx@sha256:0d17b565',
        '    Port:           <none>',
        '    Host Port:      <none>',
        '    State:          Running',
        '      Started:      Thu, 01 Jan 2026 00:06:07 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        '      /usr/share/nginx/html from persistent-storage (rw)',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xk2p (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  persistent-storage:',
        '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        '    ClaimName:  example-pvc',
        '    ReadOnly:   false',
        '  kube-api-access-7xk2p:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    Optional:                false',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  4m    default-scheduler  Successfully assigned default/example-pod to kind-control-plane',
        '  Normal  Pulling    4m    kubelet            Pulling image "nginx"',
      ),
    );
  });

  const configDemo: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'config-demo', namespace: 'default', uid: 'pod-uid-7', creationTimestamp: ago(4 * 60), labels: { app: 'demo' } },
    spec: {
      containers: [
        {
          name: 'busybox-container',
          image: 'busybox',
          command: ['sh', '-c', 'sleep 3600'],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          env: [
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
            { name: 'APP', valueFrom: { configMapKeyRef: { name: 'frontend-cm', key: 'APP' } } },
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db-secret', key: 'password', optional: true } } },
            { name: 'GREETING', value: 'hello' },
          ],
          volumeMounts: [
            { name: 'host', mountPath: '/host' },
            { name: 'cache', mountPath: '/scratch', subPath: 'tmp' },
            { name: 'cache', mountPath: '/data' },
            { name: 'config', mountPath: '/etc/config', readOnly: true },
            { name: 'secret', mountPath: '/etc/secret', readOnly: true },
            { name: 'podinfo', mountPath: '/etc/podinfo' },
          ],
        },
      ],
      volumes: [
        { name: 'cache', emptyDir: { sizeLimit: '500Mi' } },
        { name: 'config', configMap: { name: 'frontend-cm', defaultMode: 420 } },
        { name: 'secret', secret: { secretName: 'db-secret', defaultMode: 420 } },
        {
          name: 'podinfo',
          downwardAPI: {
            defaultMode: 420,
            items: [
              { path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } },
              { path: 'cpu_limit', resourceFieldRef: { containerName: 'busybox-container', resource: 'limits.cpu', divisor: '1m' } },
            ],
          },
        },
        { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
      ],
      priority: 0,
      serviceAccountName: 'default',
      nodeSelector: { disktype: 'ssd' },
    },
    status: {
      phase: 'Pending',
      qosClass: 'Burstable',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', lastTransitionTime: ago(4 * 60) }],
    },
  };

  it('describes an unscheduled pod with env, resources and every common volume type', () => {
    const events = [
      {
        metadata: { name: 'config-demo.1', namespace: 'default' },
        involvedObject: { kind: 'Pod', namespace: 'default', name: 'config-demo', uid: 'pod-uid-7' },
        type: 'Warning',
        reason: 'FailedScheduling',
        message:
          "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
        source: { component: 'default-scheduler' },
        firstTimestamp: ago(4 * 60),
        lastTimestamp: ago(3 * 60),
        count: 3,
      },
    ];
    expect(describeObject(configDemo, { now: NOW, events })).toBe(
      lines(
        'Name:             config-demo',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             <none>',
        'Labels:           app=demo',
        'Annotations:      <none>',
        'Status:           Pending',
        'IP:               ',
        'IPs:              <none>',
        'Containers:',
        '  busybox-container:',
        '    Image:      busybox',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      sleep 3600',
        '    Limits:',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:     100m',
        '      memory:  64Mi',
        '    Environment:',
        '      POD_NAME:   config-demo (v1:metadata.name)',
        '      NODE_NAME:   (v1:spec.nodeName)',
        "      APP:        <set to the key 'APP' of config map 'frontend-cm'>  Optional: false",
        "      PASSWORD:   <set to the key 'password' in secret 'db-secret'>   Optional: true",
        '      GREETING:   hello',
        '    Mounts:',
        '      /data from cache (rw)',
        '      /etc/config from config (ro)',
        '      /etc/podinfo from podinfo (rw)',
        '      /etc/secret from secret (ro)',
        '      /host from host (rw)',
        '      /scratch from cache (rw,path="tmp")',
        'Conditions:',
        '  Type           Status',
        '  PodScheduled   False ',
        'Volumes:',
        '  cache:',
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:     ',
        '    SizeLimit:  500Mi',
        '  config:',
        '    Type:      ConfigMap (a volume populated by a ConfigMap)',
        '    Name:      frontend-cm',
        '    Optional:  false',
        '  secret:',
        '    Type:        Secret (a volume populated by a Secret)',
        '    SecretName:  db-secret',
        '    Optional:    false',
        '  podinfo:',
        '    Type:  DownwardAPI (a volume populated by information about the pod)',
        '    Items:',
        '      metadata.labels -> labels',
        '      limits.cpu -> cpu_limit',
        '  host:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/log',
        '    HostPathType:  Directory',
        'QoS Class:         Burstable',
        'Node-Selectors:    disktype=ssd',
        'Tolerations:       <none>',
        'Events:',
        '  Type     Reason            Age              From               Message',
        '  ----     ------            ----             ----               -------',
        "  Warning  FailedScheduling  3m (x3 over 4m)  default-scheduler  0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
      ),
    );
  });

  it('shows waiting reasons, last state and Terminating', () => {
    const crashy = statusPods[4]!;
    const out = describeObject(crashy, { now: NOW });
    expect(out).toContain(
      lines(
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Mon, 01 Jan 0001 00:00:00 +0000',
        '      Finished:     Thu, 01 Jan 2026 00:08:00 +0000',
        '    Ready:          False',
        '    Restart Count:  3',
      ),
    );
    const leaving = describeObject(
      { ...examplePod, metadata: { ...examplePod.metadata, deletionTimestamp: ago(5), deletionGracePeriodSeconds: 30 } },
      { now: NOW },
    );
    expect(leaving).toContain('\nStatus:                    Terminating (lasts 5s)\nTermination Grace Period:  30s\n');
  });

  it('prints Reason and Message of an evicted pod', () => {
    const out = describeObject(statusPods[8]!, { now: NOW });
    expect(out).toContain('Status:       Failed\nReason:       Evicted\nMessage:      Pod ephemeral local storage usage exceeds the total limit of containers 1Mi.\n');
  });
});

describe('QoS class', () => {
  const withResources = (requests: Record<string, string> | undefined, limits: Record<string, string> | undefined) =>
    pod('q', { containers: [{ name: 'a', image: 'x', resources: { requests, limits } }] }, {});
  it('is BestEffort, Burstable or Guaranteed', () => {
    expect(computePodQOS(withResources(undefined, undefined))).toBe('BestEffort');
    expect(computePodQOS(withResources({ cpu: '100m' }, undefined))).toBe('Burstable');
    expect(computePodQOS(withResources({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' }))).toBe('Guaranteed');
    expect(computePodQOS(withResources({ cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' }))).toBe('Burstable');
  });
});
