// Test builders: manifests as small functions, so table-driven tests read like the cases they
// describe. Imported only by tests.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { dump } from 'js-yaml';

export interface PvOptions {
  capacity?: string;
  modes?: string[];
  className?: string;
  policy?: string;
  labels?: Record<string, string>;
  claimRef?: { name: string; namespace?: string };
  hostPath?: string;
  volumeMode?: string;
  nodeAffinityHost?: string;
}

export function pv(name: string, o: PvOptions = {}): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      capacity: { storage: o.capacity ?? '5Gi' },
      accessModes: o.modes ?? ['ReadWriteOnce'],
      ...(o.policy ? { persistentVolumeReclaimPolicy: o.policy } : {}),
      ...(o.className !== undefined ? { storageClassName: o.className } : {}),
      ...(o.volumeMode ? { volumeMode: o.volumeMode } : {}),
      ...(o.claimRef ? { claimRef: { name: o.claimRef.name, namespace: o.claimRef.namespace ?? 'default' } } : {}),
      ...(o.nodeAffinityHost
        ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [o.nodeAffinityHost] }] }] } } }
        : {}),
      hostPath: { path: o.hostPath ?? `/mnt/${name}` },
    },
  };
}

export interface PvcOptions {
  request?: string;
  modes?: string[];
  className?: string | null;
  selector?: Record<string, string>;
  volumeName?: string;
  namespace?: string;
  volumeMode?: string;
}

/** `className: null` leaves storageClassName unset; `''` opts out of classes. */
export function pvc(name: string, o: PvcOptions = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: {
      accessModes: o.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: o.request ?? '1Gi' } },
      ...(o.className !== undefined && o.className !== null ? { storageClassName: o.className } : {}),
      ...(o.selector ? { selector: { matchLabels: o.selector } } : {}),
      ...(o.volumeName ? { volumeName: o.volumeName } : {}),
      ...(o.volumeMode ? { volumeMode: o.volumeMode } : {}),
    },
  };
}

export interface PodOptions {
  claims?: string[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  namespace?: string;
  image?: string;
}

export function pod(name: string, o: PodOptions = {}) {
  const claims = o.claims ?? [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: {
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      containers: [
        {
          name: 'app',
          image: o.image ?? 'nginx',
          volumeMounts: claims.map((c, i) => ({ name: `data-${i}`, mountPath: `/data/${i}` })),
        },
      ],
      volumes: claims.map((c, i) => ({ name: `data-${i}`, persistentVolumeClaim: { claimName: c } })),
    },
  };
}

export function storageClass(name: string, o: { provisioner?: string; mode?: 'Immediate' | 'WaitForFirstConsumer'; isDefault?: boolean; policy?: string } = {}) {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, ...(o.isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    provisioner: o.provisioner ?? 'rancher.io/local-path',
    ...(o.mode ? { volumeBindingMode: o.mode } : {}),
    ...(o.policy ? { reclaimPolicy: o.policy } : {}),
  };
}

/** Several objects as one multi-document YAML text. */
export function yaml(...objects: unknown[]): string {
  return objects.map((o) => dump(o)).join('---\n');
}
