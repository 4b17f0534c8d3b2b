// Defaulting as the API server does it on create (pkg/apis/*/v1/defaults.go), so that what a
// learner reads back with `kubectl get -o yaml` has the same filled-in fields as a real cluster.
import type { Container, PodSpec, Volume } from 'kubernetes-types/core/v1';
import type { AnyStored } from '../api/objects.ts';

export function applyDefaults<T extends AnyStored>(input: T): T {
  // A shallow copy is enough: every default below replaces a top-level field with a new object.
  const obj = { ...input } as AnyStored;
  switch (obj.kind) {
    case 'PersistentVolume':
      obj.spec = { persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', ...obj.spec };
      if (obj.spec.hostPath && obj.spec.hostPath.type === undefined) obj.spec.hostPath = { ...obj.spec.hostPath, type: '' };
      Object.assign(obj, { status: { phase: 'Pending', ...obj.status } });
      break;
    case 'PersistentVolumeClaim':
      obj.spec = { ...obj.spec, volumeMode: obj.spec?.volumeMode ?? 'Filesystem' };
      Object.assign(obj, { status: { phase: 'Pending', ...obj.status } });
      break;
    case 'StorageClass':
      obj.reclaimPolicy ??= 'Delete';
      obj.volumeBindingMode ??= 'Immediate';
      break;
    case 'Pod':
      obj.spec = defaultPodSpec(obj.spec ?? { containers: [] });
      Object.assign(obj, { status: { phase: 'Pending', qosClass: 'BestEffort', ...obj.status } });
      break;
    case 'Deployment':
      obj.spec = {
        replicas: 1,
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        ...obj.spec,
        selector: obj.spec?.selector ?? {},
        template: { ...obj.spec?.template, spec: defaultPodSpec(obj.spec?.template?.spec ?? { containers: [] }) },
      };
      break;
    case 'ReplicaSet':
      obj.spec = {
        replicas: 1,
        ...obj.spec,
        selector: obj.spec?.selector ?? {},
        template: { ...obj.spec?.template, spec: defaultPodSpec(obj.spec?.template?.spec ?? { containers: [] }) },
      };
      break;
    case 'Secret':
      obj.type ??= 'Opaque';
      break;
    case 'Namespace':
      obj.spec = { finalizers: ['kubernetes'], ...obj.spec };
      Object.assign(obj, { status: { phase: 'Active', ...obj.status } });
      break;
    case 'CSIDriver':
      obj.spec = {
        attachRequired: true,
        podInfoOnMount: false,
        requiresRepublish: false,
        storageCapacity: false,
        fsGroupPolicy: 'ReadWriteOnceWithFSType',
        seLinuxMount: false,
        volumeLifecycleModes: ['Persistent'],
        ...obj.spec,
      };
      break;
    default:
      break;
  }
  return obj as T;
}

function defaultPodSpec(spec: PodSpec): PodSpec {
  return {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    serviceAccount: 'default',
    securityContext: {},
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    ...spec,
    containers: (spec.containers ?? []).map(defaultContainer),
    ...(spec.volumes ? { volumes: spec.volumes.map(defaultVolume) } : {}),
    // DefaultTolerationSeconds admission: pods ride out a short node outage for 5 minutes.
    tolerations: [
      ...(spec.tolerations ?? []),
      ...['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']
        .filter((key) => !(spec.tolerations ?? []).some((t) => t.key === key))
        .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })),
    ],
  };
}

function defaultContainer(c: Container): Container {
  const tag = imageTag(c.image ?? '');
  return {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? (tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'),
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
    resources: c.resources ?? {},
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
