// Defaulting as the API server does it on create (pkg/apis/*/v1/defaults.go), so that what a
// learner reads back with `kubectl get -o yaml` has the same filled-in fields as a real cluster.
import type { Container, PodSpec, Volume } from 'kubernetes-types/core/v1';
import type { Kind, Stored } from '../api/objects.ts';

type S<K extends Kind> = Stored<K>;

// One function per kind (the registry maps each kind to its own): each returns a copy with the
// defaults filled in. A shallow copy is enough: every default replaces a top-level field whole.

export function defaultPersistentVolume(input: S<'PersistentVolume'>): S<'PersistentVolume'> {
  const spec = { persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', ...input.spec };
  if (spec.hostPath && spec.hostPath.type === undefined) spec.hostPath = { ...spec.hostPath, type: '' };
  return { ...input, spec, status: { phase: 'Pending', ...input.status } };
}

export function defaultPersistentVolumeClaim(input: S<'PersistentVolumeClaim'>): S<'PersistentVolumeClaim'> {
  return { ...input, spec: { ...input.spec, volumeMode: input.spec?.volumeMode ?? 'Filesystem' }, status: { phase: 'Pending', ...input.status } };
}

export function defaultStorageClass(input: S<'StorageClass'>): S<'StorageClass'> {
  return { ...input, reclaimPolicy: input.reclaimPolicy ?? 'Delete', volumeBindingMode: input.volumeBindingMode ?? 'Immediate' };
}

export function defaultPod(input: S<'Pod'>): S<'Pod'> {
  // Pods only, not templates: enableServiceLinks is SetDefaults_Pod's, priority and
  // preemptionPolicy come from the Priority admission plugin, tolerations from DefaultTolerationSeconds.
  const spec = { enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority', priority: 0, ...defaultPodSpec(input.spec ?? { containers: [] }) };
  return { ...input, spec: { ...spec, tolerations: withDefaultTolerations(spec.tolerations) }, status: { phase: 'Pending', qosClass: 'BestEffort', ...input.status } };
}

export function defaultDeployment(input: S<'Deployment'>): S<'Deployment'> {
  return {
    ...input,
    spec: {
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...input.spec,
      strategy: deploymentStrategy(input.spec?.strategy),
      selector: input.spec?.selector ?? {},
      template: { ...input.spec?.template, spec: defaultPodSpec(input.spec?.template?.spec ?? { containers: [] }) },
    },
  };
}

/** SetDefaults_Deployment: an empty strategy (`strategy: {}`, as typed clients send it) is a rolling update of 25 % / 25 %. */
function deploymentStrategy(strategy: NonNullable<S<'Deployment'>['spec']>['strategy']): NonNullable<S<'Deployment'>['spec']>['strategy'] {
  const type = strategy?.type || 'RollingUpdate';
  if (type !== 'RollingUpdate') return { ...strategy, type };
  return { ...strategy, type, rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%', ...strategy?.rollingUpdate } };
}

export function defaultReplicaSet(input: S<'ReplicaSet'>): S<'ReplicaSet'> {
  return {
    ...input,
    spec: {
      replicas: 1,
      ...input.spec,
      selector: input.spec?.selector ?? {},
      template: { ...input.spec?.template, spec: defaultPodSpec(input.spec?.template?.spec ?? { containers: [] }) },
    },
  };
}

/** SetDefaults_StatefulSet (apps/v1); each claim template is defaulted as a claim is. */
export function defaultStatefulSet(input: S<'StatefulSet'>): S<'StatefulSet'> {
  const spec = input.spec;
  return {
    ...input,
    spec: {
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      ...spec,
      ...(spec?.persistentVolumeClaimRetentionPolicy
        ? { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain', ...spec.persistentVolumeClaimRetentionPolicy } }
        : {}),
      selector: spec?.selector as NonNullable<typeof spec>['selector'],
      template: { ...spec?.template, spec: defaultPodSpec(spec?.template?.spec ?? { containers: [] }) },
      ...(spec?.volumeClaimTemplates
        ? {
            volumeClaimTemplates: spec.volumeClaimTemplates.map((t) => ({
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              ...t,
              spec: { ...t.spec, volumeMode: t.spec?.volumeMode ?? 'Filesystem' },
              status: { phase: 'Pending', ...t.status },
            })),
          }
        : {}),
      // kubernetes-types still marks serviceName required; since v1.30 the API does not.
    } as NonNullable<S<'StatefulSet'>['spec']>,
  };
}

/**
 * SetDefaults_Job (batch/v1): one completion at a time unless told otherwise. The selector and
 * its labels are generated at create (registry/job-selector.ts), from the uid.
 */
export function defaultJob(input: S<'Job'>): S<'Job'> {
  const spec = input.spec;
  const bothUnset = spec?.completions === undefined && spec?.parallelism === undefined;
  return {
    ...input,
    spec: {
      ...(bothUnset ? { completions: 1, parallelism: 1 } : {}),
      ...(spec?.parallelism === undefined && !bothUnset ? { parallelism: 1 } : {}),
      backoffLimit: spec?.backoffLimit ?? (spec?.backoffLimitPerIndex !== undefined ? 2147483647 : 6),
      completionMode: 'NonIndexed',
      suspend: false,
      ...(spec?.podFailurePolicy === undefined ? { podReplacementPolicy: 'TerminatingOrFailed' } : {}),
      ...spec,
      template: { ...spec?.template, spec: defaultPodSpec(spec?.template?.spec ?? { containers: [] }) },
    },
  };
}

export function defaultSecret(input: S<'Secret'>): S<'Secret'> {
  return { ...input, type: input.type ?? 'Opaque' };
}

export function defaultNamespace(input: S<'Namespace'>): S<'Namespace'> {
  return { ...input, spec: { finalizers: ['kubernetes'], ...input.spec }, status: { phase: 'Active', ...input.status } };
}

export function defaultCSIDriver(input: S<'CSIDriver'>): S<'CSIDriver'> {
  return {
    ...input,
    spec: {
      attachRequired: true,
      podInfoOnMount: false,
      requiresRepublish: false,
      storageCapacity: false,
      fsGroupPolicy: 'ReadWriteOnceWithFSType',
      seLinuxMount: false,
      volumeLifecycleModes: ['Persistent'],
      ...input.spec,
    },
  };
}

/**
 * SetDefaults_Service (core/v1): type ClusterIP, no session affinity, TCP ports whose targetPort is
 * the port, Cluster traffic policies. The addresses (clusterIP, ipFamilies, nodePorts) are the
 * REST storage's allocation at create (registry/service-allocation.ts). Keys in Go's field order,
 * as `-o yaml` prints them.
 */
export function defaultService(input: S<'Service'>): S<'Service'> {
  const spec = input.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  const ports = spec.ports?.map((p) => {
    const { name, protocol, appProtocol, port, targetPort, nodePort, ...rest } = p;
    const unsetTarget = targetPort === undefined || targetPort === 0 || targetPort === '';
    return {
      ...(name !== undefined ? { name } : {}),
      protocol: protocol ?? 'TCP',
      ...(appProtocol !== undefined ? { appProtocol } : {}),
      port,
      targetPort: unsetTarget ? port : targetPort,
      ...(nodePort !== undefined ? { nodePort } : {}),
      ...rest,
    };
  });
  const { ports: _p, selector, clusterIP, clusterIPs, type: _t, sessionAffinity, externalTrafficPolicy, internalTrafficPolicy, ...rest } = spec;
  return {
    ...input,
    spec: {
      ...(ports ? { ports } : {}),
      ...(selector !== undefined ? { selector } : {}),
      ...(clusterIP !== undefined ? { clusterIP } : {}),
      ...(clusterIPs !== undefined ? { clusterIPs } : {}),
      type,
      sessionAffinity: sessionAffinity ?? 'None',
      ...(external ? { externalTrafficPolicy: externalTrafficPolicy ?? 'Cluster' } : externalTrafficPolicy !== undefined ? { externalTrafficPolicy } : {}),
      ...rest,
      ...(type === 'LoadBalancer' ? { allocateLoadBalancerNodePorts: spec.allocateLoadBalancerNodePorts ?? true } : {}),
      ...(type !== 'ExternalName' ? { internalTrafficPolicy: internalTrafficPolicy ?? 'Cluster' } : {}),
    },
    status: input.status ?? { loadBalancer: {} },
  };
}

/** Kinds whose API defaulting adds nothing we model. */
export function noDefaults<T>(input: T): T {
  return input;
}

function defaultPodSpec(spec: PodSpec): PodSpec {
  // No `serviceAccountName: default` here: the ServiceAccount admission plugin sets it on pods
  // only (service-account-admission.ts), so a Deployment's or Job's template never gets it. The v1
  // conversion does mirror one of the pair into the other when either was given.
  const account = spec.serviceAccountName || spec.serviceAccount;
  return {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    ...(account ? { serviceAccountName: account, serviceAccount: account } : {}),
    securityContext: {},
    schedulerName: 'default-scheduler',
    ...spec,
    containers: (spec.containers ?? []).map(defaultContainer),
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(defaultContainer) } : {}),
    ...(spec.volumes ? { volumes: spec.volumes.map(defaultVolume) } : {}),
  };
}

/**
 * DefaultTolerationSeconds admission: pods ride out a short node outage for 5 minutes. An
 * admission plugin on pods, so a Deployment's or Job's template never gets them (describe shows
 * its Tolerations as <none>); the pods made from it do.
 */
function withDefaultTolerations(tolerations: PodSpec['tolerations']): NonNullable<PodSpec['tolerations']> {
  return [
    ...(tolerations ?? []),
    ...['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']
      .filter((key) => !(tolerations ?? []).some((t) => t.key === key))
      .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })),
  ];
}

function defaultContainer(c: Container): Container {
  const tag = imageTag(c.image ?? '');
  return {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? (tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'),
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
    resources: c.resources ?? {},
    // SetDefaults_ContainerPort: a port without a protocol is TCP.
    ...(Array.isArray(c.ports) ? { ports: c.ports.map((p) => (p.protocol === undefined ? { ...p, protocol: 'TCP' } : p)) } : {}),
  };
}

function defaultVolume(v: Volume): Volume {
  if (v.configMap) return { ...v, configMap: { defaultMode: 420, ...v.configMap } };
  if (v.secret) return { ...v, secret: { defaultMode: 420, ...v.secret } };
  if (v.downwardAPI) return { ...v, downwardAPI: { defaultMode: 420, ...v.downwardAPI } };
  if (v.projected) return { ...v, projected: { defaultMode: 420, ...v.projected } };
  if (v.hostPath) return { ...v, hostPath: { type: '', ...v.hostPath } };
  return v;
}

/** The tag of an image reference (`nginx:1.27` → `1.27`, `nginx` → ``, digests count as pinned). */
export function imageTag(image: string): string {
  if (image.includes('@')) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : '';
}
