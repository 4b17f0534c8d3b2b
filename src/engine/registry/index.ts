// The kind registry, as Kubernetes' registry/<kind>/strategy.go: one entry per kind, holding
// what the API server does with that kind on every write (defaults, admission, validation,
// which fields may change, whether spec changes bump metadata.generation), which field
// selectors its lists accept, and what the garbage collector looks after. Naming (plural, short
// names, scope) lives beside it in api/kinds.ts. The table is typed `{ [K in Kind]: … }`, so a
// new kind that misses an entry, or an entry that misses a part, does not compile.
import type { AnyStored, Kind, Stored } from '../api/objects.ts';
import { DEFAULT_FIELD_LABELS, NOT_SUPPORTED, type FieldLabels } from '../api/field-selector.ts';
import {
  admitAsIs,
  admitNamespaceLifecycle,
  admitNode,
  admitPersistentVolume,
  admitPersistentVolumeClaim,
  type Admitted,
} from '../cluster/admission.ts';
import { admitPodServiceAccount } from '../cluster/service-account-admission.ts';
import {
  configDataUpdate,
  noUpdateRules,
  persistentVolumeClaimUpdate,
  persistentVolumeUpdate,
  podUpdate,
  storageClassUpdate,
  workloadUpdate,
} from '../cluster/immutability.ts';
import type { Txn } from '../cluster/store.ts';
import {
  defaultCSIDriver,
  defaultDeployment,
  defaultJob,
  defaultNamespace,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultPod,
  defaultReplicaSet,
  defaultSecret,
  defaultService,
  defaultStatefulSet,
  defaultStorageClass,
  noDefaults,
} from '../manifest/defaults.ts';
import { validateConfigMap, validateSecret } from '../manifest/validation/config.ts';
import type { FieldError } from '../manifest/validation/field-errors.ts';
import { validateObjectMeta } from '../manifest/validation/metadata.ts';
import type { NameRule } from '../manifest/validation/names.ts';
import { validatePod } from '../manifest/validation/pod.ts';
import { validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass } from '../manifest/validation/storage.ts';
import { validateWorkload } from '../manifest/validation/workloads.ts';
import { jobUpdate, validateJob } from '../manifest/validation/job.ts';
import { statefulSetUpdate, validateStatefulSet } from '../manifest/validation/statefulset.ts';
import { admitJob } from './job-selector.ts';
import { serviceUpdate, validateService } from '../manifest/validation/service.ts';
import { admitService } from './service-allocation.ts';

export interface KindStrategy<K extends Kind> {
  /** Each kind's ValidateXName: a Namespace is a DNS-1123 label, the kinds we model otherwise subdomains. */
  nameRule: NameRule;
  /** API defaulting (pkg/apis/*\/v1/defaults.go). */
  defaults(obj: Stored<K>): Stored<K>;
  /** The mutating admission plugins that act on a create of this kind. */
  admit(txn: Txn, obj: Stored<K>): Admitted<K>;
  /** The kind's own create validation (metadata is validated for every kind). */
  validate(obj: Stored<K>): FieldError[];
  /** ValidateXUpdate: what may not change after creation. */
  validateUpdate(old: Stored<K>, next: Stored<K>): FieldError[];
  /** Spec changes bump metadata.generation (pods too since v1.34's PodObservedGenerationTracking). */
  tracksGeneration: boolean;
  /** The field labels its lists accept (its field label conversion function). */
  fieldLabels: FieldLabels;
  /** The garbage collector deletes it when its controlling owner is gone. */
  collectedWithOwner: boolean;
}

type Registry = { readonly [K in Kind]: KindStrategy<K> };

const noValidation = (): FieldError[] => [];

/** A kind with none of the special behaviours: subdomain name, no defaults, no own rules. */
function plain<K extends Kind>(overrides: Partial<KindStrategy<K>> = {}): KindStrategy<K> {
  return {
    nameRule: 'subdomain',
    defaults: noDefaults,
    admit: admitAsIs,
    validate: noValidation,
    validateUpdate: noUpdateRules,
    tracksGeneration: false,
    fieldLabels: DEFAULT_FIELD_LABELS,
    collectedWithOwner: false,
    ...overrides,
  };
}

export const REGISTRY: Registry = {
  Namespace: plain<'Namespace'>({
    nameRule: 'label',
    defaults: defaultNamespace,
    fieldLabels: { accepts: ['metadata.name', 'status.phase'], refuse: NOT_SUPPORTED },
  }),
  Node: plain<'Node'>({ admit: admitNode, fieldLabels: { accepts: ['metadata.name', 'spec.unschedulable'], refuse: NOT_SUPPORTED } }),
  PersistentVolume: plain<'PersistentVolume'>({
    defaults: defaultPersistentVolume,
    admit: admitPersistentVolume,
    validate: validatePersistentVolume,
    validateUpdate: persistentVolumeUpdate,
  }),
  PersistentVolumeClaim: plain<'PersistentVolumeClaim'>({
    // A generic ephemeral volume's claim is owned by its pod.
    collectedWithOwner: true,
    defaults: defaultPersistentVolumeClaim,
    admit: admitPersistentVolumeClaim,
    validate: validatePersistentVolumeClaim,
    validateUpdate: persistentVolumeClaimUpdate,
  }),
  StorageClass: plain<'StorageClass'>({ defaults: defaultStorageClass, validate: validateStorageClass, validateUpdate: storageClassUpdate }),
  CSIDriver: plain<'CSIDriver'>({ defaults: defaultCSIDriver }),
  VolumeAttachment: plain<'VolumeAttachment'>(),
  Pod: plain<'Pod'>({
    defaults: defaultPod,
    admit: admitPodServiceAccount,
    validate: validatePod,
    validateUpdate: podUpdate,
    tracksGeneration: true,
    collectedWithOwner: true,
    fieldLabels: {
      accepts: [
        'metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName',
        'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName',
      ],
      refuse: NOT_SUPPORTED,
    },
  }),
  ConfigMap: plain<'ConfigMap'>({ validate: validateConfigMap, validateUpdate: configDataUpdate }),
  Secret: plain<'Secret'>({
    defaults: defaultSecret,
    validate: validateSecret,
    validateUpdate: configDataUpdate,
    fieldLabels: { accepts: ['metadata.name', 'metadata.namespace', 'type'], refuse: NOT_SUPPORTED },
  }),
  ServiceAccount: plain<'ServiceAccount'>(),
  Deployment: plain<'Deployment'>({ defaults: defaultDeployment, validate: validateWorkload, validateUpdate: workloadUpdate, tracksGeneration: true }),
  // apps/v1 registers no field label conversion: status.replicas is refused although the
  // registry sets it (KK #135136).
  ReplicaSet: plain<'ReplicaSet'>({
    defaults: defaultReplicaSet,
    validate: validateWorkload,
    validateUpdate: workloadUpdate,
    tracksGeneration: true,
    collectedWithOwner: true,
  }),
  // `kubectl scale` changes spec.replicas like any other field; a set's pods are its own.
  StatefulSet: plain<'StatefulSet'>({ defaults: defaultStatefulSet, validate: validateStatefulSet, validateUpdate: statefulSetUpdate, tracksGeneration: true }),
  Job: plain<'Job'>({ defaults: defaultJob, admit: admitJob, validate: validateJob, validateUpdate: jobUpdate, tracksGeneration: true }),
  // The REST storage allocates the cluster IP and node ports on create (service-allocation.ts).
  Service: plain<'Service'>({
    defaults: defaultService,
    admit: admitService,
    validate: validateService,
    validateUpdate: serviceUpdate,
    fieldLabels: { accepts: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'], refuse: NOT_SUPPORTED },
  }),
  // The endpoints controller deletes a Service's Endpoints itself; slices are owned by their Service.
  Endpoints: plain<'Endpoints'>(),
  EndpointSlice: plain<'EndpointSlice'>({ collectedWithOwner: true }),
  Event: plain<'Event'>({
    fieldLabels: {
      accepts: [
        'metadata.name', 'metadata.namespace', 'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
        'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type',
      ],
      refuse: NOT_SUPPORTED,
    },
  }),
};

export function strategyOf<K extends Kind>(kind: K): KindStrategy<K> {
  return REGISTRY[kind] as unknown as KindStrategy<K>;
}

/** Kinds the garbage collector looks after. */
export const GC_DEPENDENT_KINDS: readonly Kind[] = (Object.keys(REGISTRY) as Kind[]).filter((k) => REGISTRY[k].collectedWithOwner);

// The write path's steps, each dispatched to the kind's entry.

export function applyDefaults<T extends AnyStored>(obj: T): T {
  return strategyOf(obj.kind).defaults(obj as never) as T;
}

/** Create validation: metadata by the kind's name rule, then the kind's own rules. */
export function validateObject(obj: AnyStored): FieldError[] {
  const strategy = strategyOf(obj.kind);
  return [...validateObjectMeta(obj.metadata, strategy.nameRule), ...strategy.validate(obj as never)];
}

export function validateUpdate(old: AnyStored, next: AnyStored): FieldError[] {
  if (old.kind !== next.kind) return [];
  return strategyOf(next.kind).validateUpdate(old as never, next as never);
}

export function admitCreate(txn: Txn, obj: AnyStored): Admitted<Kind> {
  const refused = admitNamespaceLifecycle(txn, obj);
  if (refused) return { ok: false, error: refused };
  return strategyOf(obj.kind).admit(txn, obj as never) as Admitted<Kind>;
}

export function tracksGeneration(kind: Kind): boolean {
  return REGISTRY[kind].tracksGeneration;
}
