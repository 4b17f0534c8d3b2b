// What a strategic merge patch needs to know about the kinds we model: which lists merge, and by
// which key. These are the Go struct tags `patchStrategy:"merge" patchMergeKey:"…"` of
// k8s.io/api (core/v1, apps/v1, batch/v1, storage/v1) and apimachinery's ObjectMeta, Kubernetes
// v1.34. A field missing here merges as a map when it is one and is replaced when it is a list
// (envFrom, tolerations, volumeClaimTemplates, accessModes…), which is what no tag means.
import type { Kind } from '../../../engine/index.ts';

/** One field: the type it holds (to keep walking), and for lists how they merge. */
export interface FieldMeta {
  type?: string;
  /** `merge`: the list merges (by `key` for lists of objects, as a set for primitives). */
  strategy?: 'merge';
  key?: string;
}

type TypeMeta = Readonly<Record<string, FieldMeta>>;

const mergeBy = (key: string, type?: string): FieldMeta => ({ strategy: 'merge', key, ...(type ? { type } : {}) });
const conditions = { conditions: mergeBy('type') };

const TYPES: Readonly<Record<string, TypeMeta>> = {
  ObjectMeta: { finalizers: { strategy: 'merge' }, ownerReferences: mergeBy('uid') },
  PodTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodSpec' } },
  PodSpec: {
    // `merge,retainKeys`: the retainKeys half only acts through a `$retainKeys` directive.
    volumes: mergeBy('name'),
    initContainers: mergeBy('name', 'Container'),
    containers: mergeBy('name', 'Container'),
    ephemeralContainers: mergeBy('name', 'Container'),
    imagePullSecrets: mergeBy('name'),
    hostAliases: mergeBy('ip'),
    topologySpreadConstraints: mergeBy('topologyKey'),
    schedulingGates: mergeBy('name'),
    resourceClaims: mergeBy('name'),
  },
  Container: { ports: mergeBy('containerPort'), env: mergeBy('name'), volumeMounts: mergeBy('mountPath'), volumeDevices: mergeBy('devicePath') },
  PodStatus: {
    ...conditions,
    hostIPs: mergeBy('ip'),
    podIPs: mergeBy('ip'),
    resourceClaimStatuses: mergeBy('name'),
    containerStatuses: { type: 'ContainerStatus' },
    initContainerStatuses: { type: 'ContainerStatus' },
  },
  ContainerStatus: { volumeMounts: mergeBy('mountPath'), allocatedResourcesStatus: mergeBy('name') },
  ServiceSpec: { ports: mergeBy('port') },
  NodeSpec: { podCIDRs: { strategy: 'merge' } },
  NodeStatus: { ...conditions, addresses: mergeBy('type') },
  Conditions: conditions,
  WorkloadSpec: { template: { type: 'PodTemplateSpec' } },
};

/** Each kind's top-level fields that lead to a tagged field. */
const KIND_FIELDS: Readonly<Record<Kind, TypeMeta>> = {
  Namespace: { status: { type: 'Conditions' } },
  Node: { spec: { type: 'NodeSpec' }, status: { type: 'NodeStatus' } },
  PersistentVolume: {},
  PersistentVolumeClaim: { status: { type: 'Conditions' } },
  Pod: { spec: { type: 'PodSpec' }, status: { type: 'PodStatus' } },
  ConfigMap: {},
  Secret: {},
  ServiceAccount: { secrets: mergeBy('name') },
  Event: {},
  Deployment: { spec: { type: 'WorkloadSpec' }, status: { type: 'Conditions' } },
  ReplicaSet: { spec: { type: 'WorkloadSpec' }, status: { type: 'Conditions' } },
  StatefulSet: { spec: { type: 'WorkloadSpec' }, status: { type: 'Conditions' } },
  Job: { spec: { type: 'WorkloadSpec' }, status: { type: 'Conditions' } },
  Service: { spec: { type: 'ServiceSpec' }, status: { type: 'Conditions' } },
  Endpoints: {},
  EndpointSlice: {},
  StorageClass: {},
  CSIDriver: {},
  VolumeAttachment: {},
};

/** A place in a kind's schema, to look fields up from. */
export interface PatchSchema {
  field(name: string): { meta: FieldMeta; schema: PatchSchema };
}

function schemaOf(fields: TypeMeta): PatchSchema {
  return {
    field(name) {
      const meta = Object.hasOwn(fields, name) ? fields[name]! : {};
      // Every object has metadata; a type we do not describe has no tagged fields below it.
      const type = meta.type ?? (name === 'metadata' ? 'ObjectMeta' : undefined);
      return { meta, schema: schemaOf(type && Object.hasOwn(TYPES, type) ? TYPES[type]! : {}) };
    },
  };
}

export function patchSchemaFor(kind: Kind): PatchSchema {
  return schemaOf(KIND_FIELDS[kind]);
}
