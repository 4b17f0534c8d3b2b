// Which of the simulated cluster's objects the learner made, and each as they wrote it. What the
// preset made (nodes, the default class, the kubernetes Service) and what controllers made
// (provisioned volumes, a Deployment's ReplicaSets and pods, events, endpoints) would be made
// again by the real cluster, so they are left out of the exported manifests.
import { LAST_APPLIED, createCluster, readerOf, listObjects, ALL_KINDS, ANN_PROVISIONED_BY, type AnyStored, type ClusterState, type Kind } from '../../engine/index.ts';

/** Kinds a cluster makes for itself, never exported. */
const MADE_BY_THE_CLUSTER: ReadonlySet<Kind> = new Set<Kind>(['Event', 'Endpoints', 'EndpointSlice', 'VolumeAttachment', 'Node', 'CSIDriver']);

/** The order `kubectl apply -f` should meet them in: what others refer to first. */
const APPLY_ORDER: readonly Kind[] = ['Namespace', 'StorageClass', 'PersistentVolume', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job', 'Pod'];

/** Annotations the control plane writes (binding, provisioning, rollouts), dropped from cleaned objects. */
const SERVER_ANNOTATION_PREFIXES = ['pv.kubernetes.io/', 'volume.kubernetes.io/', 'volume.beta.kubernetes.io/storage-provisioner', 'deployment.kubernetes.io/', 'local.path.provisioner/'];

/** The learner's objects, in apply order, each as written (its last-applied configuration, or cleaned of what the server added). */
export function userObjects(state: ClusterState): AnyStored[] {
  const reader = readerOf(state);
  const fresh = readerOf(createCluster({ preset: state.preset, seed: state.seed }));
  const kinds = [...APPLY_ORDER, ...ALL_KINDS.filter((k) => !APPLY_ORDER.includes(k))].filter((k) => !MADE_BY_THE_CLUSTER.has(k));
  const out: AnyStored[] = [];
  for (const kind of kinds) {
    const listed = listObjects(reader, kind);
    if (!listed.ok) continue;
    for (const obj of listed.value) {
      if (madeByTheCluster(obj, fresh)) continue;
      out.push(asWritten(obj));
    }
  }
  return out;
}

function madeByTheCluster(obj: AnyStored, fresh: ReturnType<typeof readerOf>): boolean {
  const m = obj.metadata;
  if ((m.ownerReferences ?? []).length > 0) return true;
  if (m.deletionTimestamp) return true;
  if (obj.kind === 'PersistentVolume' && m.annotations?.[ANN_PROVISIONED_BY]) return true;
  if (obj.kind === 'ConfigMap' && m.name === 'kube-root-ca.crt') return true;
  if (obj.kind === 'ServiceAccount' && m.name === 'default') return true;
  // The preset's own objects, unchanged since the cluster was made (kind makes its own).
  const ns = m.namespace;
  const key = ns ? `${ns}/${m.name}` : m.name;
  return fresh.get(obj.kind, key) !== undefined && !m.annotations?.[LAST_APPLIED];
}

/** The manifest as the learner wrote it: kubectl apply's record of it when there is one. */
export function asWritten(obj: AnyStored): AnyStored {
  const last = obj.metadata.annotations?.[LAST_APPLIED];
  if (last) {
    try {
      const parsed = JSON.parse(last) as AnyStored;
      if (parsed && typeof parsed === 'object' && parsed.kind === obj.kind) return withoutEmptyAnnotations(parsed);
    } catch {
      // A hand-edited annotation that is not JSON: clean the live object instead.
    }
  }
  return cleaned(obj);
}

/** kubectl apply records `annotations: {}` when a manifest has none; the learner never wrote it. */
function withoutEmptyAnnotations(obj: AnyStored): AnyStored {
  const a = obj.metadata?.annotations;
  if (!a || Object.keys(a).length > 0) return obj;
  const { annotations: _a, ...metadata } = obj.metadata;
  return { ...obj, metadata } as AnyStored;
}

/** The live object without status and what the server filled in (uids, versions, times, bound names, generated IPs). */
function cleaned(obj: AnyStored): AnyStored {
  const { status: _s, ...rest } = obj as AnyStored & { status?: unknown };
  const m = obj.metadata;
  const annotations = Object.fromEntries(Object.entries(m.annotations ?? {}).filter(([k]) => k !== LAST_APPLIED && !SERVER_ANNOTATION_PREFIXES.some((p) => k.startsWith(p))));
  const metadata = {
    name: m.name,
    ...(m.namespace ? { namespace: m.namespace } : {}),
    ...(m.labels && Object.keys(m.labels).length > 0 ? { labels: m.labels } : {}),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
  const out = { ...rest, metadata } as Record<string, unknown>;
  const spec = out['spec'] as Record<string, unknown> | undefined;
  if (obj.kind === 'Service' && spec) out['spec'] = omit(spec, ['clusterIP', 'clusterIPs']);
  if (obj.kind === 'Pod' && spec) out['spec'] = podSpecAsWritten(spec);
  if (obj.kind === 'PersistentVolumeClaim' && spec && m.annotations?.['pv.kubernetes.io/bound-by-controller']) out['spec'] = omit(spec, ['volumeName']);
  if (obj.kind === 'PersistentVolume' && spec && spec['claimRef']) {
    // A claimRef the binder wrote names a uid the new cluster will not have; keep only a pre-binding.
    const ref = spec['claimRef'] as Record<string, unknown>;
    out['spec'] = m.annotations?.['pv.kubernetes.io/bound-by-controller'] ? omit(spec, ['claimRef']) : { ...spec, claimRef: { namespace: ref['namespace'], name: ref['name'] } };
  }
  return out as unknown as AnyStored;
}

/** A pod without what the scheduler and admission added: its node and the service account token volume. */
function podSpecAsWritten(spec: Record<string, unknown>): Record<string, unknown> {
  const isToken = (name: unknown) => typeof name === 'string' && name.startsWith('kube-api-access-');
  const volumes = ((spec['volumes'] as { name?: string }[] | undefined) ?? []).filter((v) => !isToken(v.name));
  const containers = ((spec['containers'] as { volumeMounts?: { name?: string }[] }[] | undefined) ?? []).map((c) => {
    const mounts = (c.volumeMounts ?? []).filter((vm) => !isToken(vm.name));
    const { volumeMounts: _vm, ...rest } = c;
    return mounts.length > 0 ? { ...rest, volumeMounts: mounts } : rest;
  });
  const out = omit(spec, ['nodeName', 'volumes', 'containers']);
  return { ...out, containers, ...(volumes.length > 0 ? { volumes } : {}) };
}

function omit(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}
