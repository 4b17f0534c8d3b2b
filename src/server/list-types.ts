// How server-side apply sees the lists of the kinds we model: the OpenAPI extensions
// `x-kubernetes-list-type` and `x-kubernetes-list-map-keys`, which the bundled schema does not
// carry. Taken from k8s.io/api v0.34's `+listType` / `+listMapKey` markers (core/v1, apps/v1,
// batch/v1, storage/v1) and apimachinery's ObjectMeta, for the fields above status: a `map` list's
// items are owned one by one by their keys (`k:{"containerPort":80,"protocol":"TCP"}`), a `set`'s
// values one by one (`v:"x"`), and every other list is `atomic`, owned whole (tolerations, args,
// accessModes, volumeClaimTemplates). These differ from the strategic-merge keys where it matters:
// container and Service ports are keyed by port and protocol, topology spread constraints by
// topologyKey and whenUnsatisfiable.

/** A list's type; a field that is not a list, or not listed here, is walked as an object or is a leaf. */
export type ListType = { list: 'map'; keys: readonly string[] } | { list: 'set' } | { list: 'atomic' };

export interface SsaField {
  list?: ListType;
  /** The type the field (or each item of a list) holds, to keep walking. */
  type?: string;
}

type TypeFields = Readonly<Record<string, SsaField>>;

const map = (keys: string[], type?: string): SsaField => ({ list: { list: 'map', keys }, ...(type ? { type } : {}) });
const SET: SsaField = { list: { list: 'set' } };

const TYPES: Readonly<Record<string, TypeFields>> = {
  ObjectMeta: { ownerReferences: map(['uid']), finalizers: SET },
  PodTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'PodSpec' } },
  PodSpec: {
    volumes: map(['name']),
    initContainers: map(['name'], 'Container'),
    containers: map(['name'], 'Container'),
    ephemeralContainers: map(['name'], 'Container'),
    imagePullSecrets: map(['name']),
    hostAliases: map(['ip']),
    topologySpreadConstraints: map(['topologyKey', 'whenUnsatisfiable']),
    schedulingGates: map(['name']),
    resourceClaims: map(['name']),
  },
  Container: {
    ports: map(['containerPort', 'protocol']),
    env: map(['name']),
    volumeMounts: map(['mountPath']),
    volumeDevices: map(['devicePath']),
    resources: { type: 'ResourceRequirements' },
  },
  ResourceRequirements: { claims: map(['name']) },
  ServiceSpec: { ports: map(['port', 'protocol']) },
  NodeSpec: { podCIDRs: SET },
  WorkloadSpec: { template: { type: 'PodTemplateSpec' } },
  CSIDriverSpec: { volumeLifecycleModes: SET },
};

/** Each kind's top-level fields that lead to a typed list. */
const KIND_FIELDS: Readonly<Record<string, TypeFields>> = {
  Pod: { spec: { type: 'PodSpec' } },
  Deployment: { spec: { type: 'WorkloadSpec' } },
  ReplicaSet: { spec: { type: 'WorkloadSpec' } },
  StatefulSet: { spec: { type: 'WorkloadSpec' } },
  Job: { spec: { type: 'WorkloadSpec' } },
  Service: { spec: { type: 'ServiceSpec' } },
  Node: { spec: { type: 'NodeSpec' } },
  ServiceAccount: { secrets: map(['name']) },
  CSIDriver: { spec: { type: 'CSIDriverSpec' } },
};

/**
 * A key field's default, which the API server's schema supplies when an applied item leaves it
 * out (`+default="TCP"` on the ports' protocol), so `- containerPort: 80` is `k:{"containerPort":80,"protocol":"TCP"}`.
 */
export const KEY_DEFAULTS: Readonly<Record<string, unknown>> = { protocol: 'TCP' };

/** A place in a kind's schema. */
export interface SsaSchema {
  field(name: string): { meta: SsaField; schema: SsaSchema };
}

function schemaOf(fields: TypeFields): SsaSchema {
  return {
    field(name) {
      const meta = Object.hasOwn(fields, name) ? fields[name]! : {};
      // Every object has metadata.
      const type = meta.type ?? (name === 'metadata' ? 'ObjectMeta' : undefined);
      return { meta, schema: schemaOf(type && Object.hasOwn(TYPES, type) ? TYPES[type]! : {}) };
    },
  };
}

export function ssaSchemaFor(kind: string): SsaSchema {
  return schemaOf(Object.hasOwn(KIND_FIELDS, kind) ? KIND_FIELDS[kind]! : {});
}

/** An item's key as FieldsV1 writes it: the key fields, defaulted where the schema defaults them, sorted by name. */
export function itemKey(keys: readonly string[], item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...keys].sort()) {
    const v = item[k] ?? KEY_DEFAULTS[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
