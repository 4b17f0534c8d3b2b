// The Kubernetes objects the engine models, typed with `kubernetes-types`.
// Every stored object is plain JSON: exactly what `kubectl get -o json` would show.
import type {
  ConfigMap,
  Endpoints,
  Event,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { CSIDriver, StorageClass, VolumeAttachment } from 'kubernetes-types/storage/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export type {
  ConfigMap,
  CSIDriver,
  Deployment,
  Endpoints,
  EndpointSlice,
  Event,
  Job,
  Namespace,
  Node,
  ObjectMeta,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicaSet,
  Secret,
  Service,
  ServiceAccount,
  StatefulSet,
  StorageClass,
  VolumeAttachment,
};

/** Object types by kind. `Event` is engine-made; users cannot apply it. */
export interface ObjectsByKind {
  Namespace: Namespace;
  Node: Node;
  PersistentVolume: PersistentVolume;
  PersistentVolumeClaim: PersistentVolumeClaim;
  StorageClass: StorageClass;
  CSIDriver: CSIDriver;
  VolumeAttachment: VolumeAttachment;
  Pod: Pod;
  ConfigMap: ConfigMap;
  Secret: Secret;
  ServiceAccount: ServiceAccount;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  StatefulSet: StatefulSet;
  Job: Job;
  Service: Service;
  Endpoints: Endpoints;
  EndpointSlice: EndpointSlice;
  Event: Event;
}

export type Kind = keyof ObjectsByKind;
export type KubeObject = ObjectsByKind[Kind];

/** A stored object always has its kind, apiVersion and a name. */
export type Stored<K extends Kind> = ObjectsByKind[K] & {
  apiVersion: string;
  kind: K;
  metadata: ObjectMeta & { name: string };
};
export type AnyStored = { [K in Kind]: Stored<K> }[Kind];

/** Points at one object, the way the timeline and the canvas name things. */
export interface ObjectRef {
  kind: Kind;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
  name: string;
}
