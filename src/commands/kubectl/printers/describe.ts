// `kubectl describe`: dispatches on the object's kind to the ported describer.
import { ALL_KINDS } from '../../../engine/api/kinds.ts';
import type { Kind, ObjectsByKind } from '../../../engine/api/objects.ts';
import { describeDeployment, describeReplicaSet } from './apps.ts';
import { describeNamespace, describeNode } from './cluster.ts';
import { describeConfigMap, describeSecret } from './config.ts';
import { describeGeneric } from './generic.ts';
import { describeJob } from './jobs.ts';
import { describePod } from './pods.ts';
import { describeServiceAccount } from './service-accounts.ts';
import { describeService } from './services.ts';
import { describeStatefulSet } from './statefulsets.ts';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.ts';
import type { DescribeOptions, PrintableObject } from './types.ts';

/** kubectl prints this between objects when one describe command shows several. */
export const DESCRIBE_SEPARATOR = '\n\n';

type Describer<K extends Kind> = (obj: ObjectsByKind[K], options: DescribeOptions) => string;

/** Kinds without a kubectl describer (CSIDriver, VolumeAttachment, Event) get kubectl's generic field dump. */
const generic = <K extends Kind>(obj: ObjectsByKind[K], { now, events }: DescribeOptions) => describeGeneric(obj, now, events);

/** One describer per kind: typed by the engine's kinds, so a new kind without one does not compile. */
const DESCRIBERS: { readonly [K in Kind]: Describer<K> } = {
  PersistentVolume: (obj, { now, events }) => describePersistentVolume(obj, now, events),
  PersistentVolumeClaim: (obj, { now, events, usedBy }) => describePersistentVolumeClaim(obj, now, events, usedBy),
  StorageClass: (obj, { now, events }) => describeStorageClass(obj, now, events),
  Pod: (obj, { now, events }) => describePod(obj, now, events),
  Node: (obj, { now, events, pods, lease }) => describeNode(obj, now, events, pods, lease),
  Namespace: (obj) => describeNamespace(obj),
  ConfigMap: (obj, { now, events }) => describeConfigMap(obj, now, events),
  Secret: (obj) => describeSecret(obj),
  ServiceAccount: (obj, { now, events }) => describeServiceAccount(obj, now, events),
  Deployment: (obj, { now, events, replicaSets }) => describeDeployment(obj, now, events, replicaSets),
  ReplicaSet: (obj, { now, events, pods }) => describeReplicaSet(obj, now, events, pods),
  StatefulSet: (obj, { now, events, pods }) => describeStatefulSet(obj, now, events, pods),
  Job: (obj, { now, events }) => describeJob(obj, now, events),
  Service: (obj, { now, events, endpointSlices }) => describeService(obj, now, events, endpointSlices ?? []),
  Endpoints: generic,
  EndpointSlice: generic,
  CSIDriver: generic,
  VolumeAttachment: generic,
  Event: generic,
};

/**
 * The text of `kubectl describe` for one object (ending with `\n`). The object must carry its
 * `kind`, as stored objects do; an object of a kind the engine does not model gets the generic dump.
 */
export function describeObject(obj: PrintableObject & { kind?: string }, options: DescribeOptions): string {
  const kind = ALL_KINDS.find((k) => k === obj.kind);
  if (!kind) return describeGeneric(obj, options.now, options.events);
  return (DESCRIBERS[kind] as Describer<Kind>)(obj as ObjectsByKind[Kind], options);
}
