// What kubectl and the API server know about each kind we model: group/version, plural,
// short names, scope. Mirrors `kubectl api-resources`.
import type { Kind } from './objects.ts';

export interface KindInfo {
  kind: Kind;
  /** `v1`, `apps/v1`, `storage.k8s.io/v1`. */
  apiVersion: string;
  group: string;
  plural: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  /** Whether a learner may create it from a manifest (Event is engine-made). */
  userCreatable: boolean;
  verbs: readonly string[];
}

const STD_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

export const KINDS: Readonly<Record<Kind, KindInfo>> = {
  Namespace: info('Namespace', 'v1', 'namespaces', ['ns'], false),
  Node: info('Node', 'v1', 'nodes', ['no'], false),
  PersistentVolume: info('PersistentVolume', 'v1', 'persistentvolumes', ['pv'], false),
  PersistentVolumeClaim: info('PersistentVolumeClaim', 'v1', 'persistentvolumeclaims', ['pvc'], true),
  Pod: info('Pod', 'v1', 'pods', ['po'], true),
  ConfigMap: info('ConfigMap', 'v1', 'configmaps', ['cm'], true),
  Secret: info('Secret', 'v1', 'secrets', [], true),
  ServiceAccount: info('ServiceAccount', 'v1', 'serviceaccounts', ['sa'], true),
  Event: { ...info('Event', 'v1', 'events', ['ev'], true), userCreatable: false },
  Deployment: info('Deployment', 'apps/v1', 'deployments', ['deploy'], true),
  ReplicaSet: info('ReplicaSet', 'apps/v1', 'replicasets', ['rs'], true),
  StatefulSet: info('StatefulSet', 'apps/v1', 'statefulsets', ['sts'], true),
  Job: info('Job', 'batch/v1', 'jobs', [], true),
  Service: info('Service', 'v1', 'services', ['svc'], true),
  Endpoints: info('Endpoints', 'v1', 'endpoints', ['ep'], true),
  EndpointSlice: info('EndpointSlice', 'discovery.k8s.io/v1', 'endpointslices', [], true),
  StorageClass: info('StorageClass', 'storage.k8s.io/v1', 'storageclasses', ['sc'], false),
  CSIDriver: info('CSIDriver', 'storage.k8s.io/v1', 'csidrivers', [], false),
  VolumeAttachment: { ...info('VolumeAttachment', 'storage.k8s.io/v1', 'volumeattachments', [], false), userCreatable: false },
};

function info(kind: Kind, apiVersion: string, plural: string, shortNames: string[], namespaced: boolean): KindInfo {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return { kind, apiVersion, group, plural, singular: kind.toLowerCase(), shortNames, namespaced, userCreatable: true, verbs: STD_VERBS };
}

export const ALL_KINDS = Object.keys(KINDS) as Kind[];

/**
 * Resolves what a learner types after `kubectl get` (`pv`, `pvc`, `persistentvolumes`,
 * `PersistentVolume`, `storageclass.storage.k8s.io`) to a kind, like kubectl's RESTMapper.
 */
export function resolveResource(typed: string): KindInfo | undefined {
  const lower = typed.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  for (const k of ALL_KINDS) {
    const i = KINDS[k];
    if (group !== undefined && group !== i.group && !(group === 'core' && i.group === '')) continue;
    if (name === i.plural || name === i.singular || i.shortNames.includes(name)) return i;
  }
  return undefined;
}

/** `persistentvolumeclaims` → `persistentvolumeclaim`, `storageclasses` → `storageclass.storage.k8s.io` (kubectl's resource/name prefix). */
export function resourcePrefix(kind: Kind): string {
  const i = KINDS[kind];
  return i.group ? `${i.singular}.${i.group}` : i.singular;
}
