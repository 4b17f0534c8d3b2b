// What each card shows: the object's kind, name, kubectl status, its colour family and one or
// two short lines of facts a learner looks for (size, access modes, class, source, provisioner).
import { ANN_SELECTED_NODE, accessModesString, canonicalQuantity, claimClass, isDefaultClass, LABEL_ZONE, refOf, volumeClass, type ObjectRef, type Stored } from '../../engine/index.ts';
import { isServiceAccountTokenVolume } from '../../engine/cluster/service-account-admission.ts';
import { classStatus, claimStatus, kubectlCell, nodeStatus, podStatus, toneOf, volumeStatus, type Tone } from './status.ts';

export type CardKind = 'Pod' | 'PersistentVolumeClaim' | 'PersistentVolume' | 'StorageClass' | 'ConfigMap' | 'Secret' | 'StatefulSet' | 'Job' | 'Service';

export type ObjectCardData = {
  kind: CardKind;
  ref: ObjectRef;
  /** The name, or `namespace/name` outside the default namespace. */
  label: string;
  status: string;
  tone: Tone;
  detail: string;
  note?: string;
  flag?: string;
  /** A pod's containers and its own volumes (emptyDir, configMap, …), drawn as chips inside the card. */
  chips?: Chip[];
};

export type ChipKind = 'container' | 'emptyDir' | 'configMap' | 'secret' | 'hostPath' | 'downwardAPI' | 'projected' | 'other';
export interface Chip {
  kind: ChipKind;
  label: string;
  title: string;
  /** Gives way first when the card is too narrow (init containers and sidecars): the app's containers stay readable. */
  yields?: true;
}

export type NodeGroupData = {
  ref: ObjectRef;
  name: string;
  status: string;
  tone: Tone;
  /** `control-plane`, or empty for a worker. */
  roles: string;
  zone?: string;
  podCount: number;
  /** Volumes the attach/detach controller attached here (VolumeAttachment, status.attached). */
  attached: string[];
  /** Host directories pods on this node mount (hostPath volumes). */
  hostPaths: string[];
  /** Where the "Local volumes" caption goes, relative to the box; absent when the node holds none. */
  localVolumesTop?: number;
};

const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' · ');

function labelOf(ref: ObjectRef): string {
  return ref.namespace && ref.namespace !== 'default' ? `${ref.namespace}/${ref.name}` : ref.name;
}

function size(q: string | number | undefined): string | undefined {
  return q === undefined ? undefined : canonicalQuantity(String(q));
}

/**
 * `needs`: where a pod held by its volume's topology would have to run (`zone us-east-1a`), as the
 * engine's explanation says it (zoneConflict); it leads the card's line, so a stuck pod shows why.
 */
export function cardOfPod(pod: Stored<'Pod'>, now: number, needs?: string): ObjectCardData {
  const ref = refOf(pod);
  const status = podStatus(pod, now);
  const images = [...new Set((pod.spec?.containers ?? []).map((c) => c.image ?? c.name))].join(', ');
  const ready = kubectlCell('Pod', pod, 'READY', now);
  return { kind: 'Pod', ref, label: labelOf(ref), status, tone: toneOf(status), detail: join(needs && `needs ${needs}`, images, !needs && ready && `${ready} ready`), chips: podChips(pod) };
}

/** Containers (with restarts) and the pod's own volumes; claims are drawn as edges instead. */
function podChips(pod: Stored<'Pod'>): Chip[] {
  const restarts = new Map([...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].map((c) => [c.name, c.restartCount]));
  // Init containers first, as they run: marked `init` (runs to completion first) or `sidecar` (restartPolicy Always, runs beside the app).
  const inits = (pod.spec?.initContainers ?? []).map((c): Chip => {
    const n = restarts.get(c.name) ?? 0;
    const role = c.restartPolicy === 'Always' ? 'sidecar' : 'init';
    const what = role === 'sidecar' ? 'sidecar container, started before the app containers and running beside them' : 'init container, run to completion before the app containers start';
    return { kind: 'container', label: `${role} ${c.name}${n > 0 ? ` ↻${n}` : ''}`, title: `${what}: ${c.name} (${c.image ?? ''})${n > 0 ? `, restarted ${n}×` : ''}`, yields: true };
  });
  const containers = (pod.spec?.containers ?? []).map((c): Chip => {
    const n = restarts.get(c.name) ?? 0;
    return { kind: 'container', label: n > 0 ? `${c.name} ↻${n}` : c.name, title: `container ${c.name} (${c.image ?? ''})${n > 0 ? `, restarted ${n}×` : ''}: its own writable layer` };
  });
  const volumes = (pod.spec?.volumes ?? []).flatMap((v): Chip[] => {
    // Claims are edges; every pod's kube-api-access token volume would only be clutter.
    if (v.persistentVolumeClaim || isServiceAccountTokenVolume(v)) return [];
    const kind: ChipKind = v.emptyDir ? 'emptyDir' : v.configMap ? 'configMap' : v.secret ? 'secret' : v.hostPath ? 'hostPath' : v.downwardAPI ? 'downwardAPI' : v.projected ? 'projected' : 'other';
    const source = v.configMap?.name ?? v.secret?.secretName ?? v.hostPath?.path;
    return [{ kind, label: v.name, title: `${kind} volume ${v.name}${source ? ` (${source})` : ''}${kind === 'emptyDir' ? ': lives and dies with the pod' : ''}` }];
  });
  return [...inits, ...containers, ...volumes];
}

export function cardOfClaim(pvc: Stored<'PersistentVolumeClaim'>, now: number, classOf: (name: string) => Stored<'StorageClass'> | undefined = () => undefined): ObjectCardData {
  const ref = refOf(pvc);
  const status = claimStatus(pvc, now);
  const requested = size(pvc.status?.capacity?.['storage'] ?? pvc.spec?.resources?.requests?.['storage']);
  const cls = claimClass(pvc);
  // The binder's own state, read from the objects: a WaitForFirstConsumer claim no pod has picked yet.
  const waitsForConsumer =
    status === 'Pending' && !pvc.spec?.volumeName && !!cls && classOf(cls)?.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[ANN_SELECTED_NODE];
  const provisioning = status === 'Pending' && !!pvc.metadata.annotations?.[ANN_SELECTED_NODE] && !pvc.spec?.volumeName;
  return {
    kind: 'PersistentVolumeClaim',
    ref,
    label: labelOf(ref),
    status,
    tone: toneOf(status),
    detail: join(requested, accessModesString(pvc.spec?.accessModes)),
    note: waitsForConsumer ? `waiting for a consumer · class ${cls}` : provisioning ? `provisioning on ${pvc.metadata.annotations![ANN_SELECTED_NODE]}` : cls ? `class ${cls}` : 'no class',
  };
}

export function cardOfVolume(pv: Stored<'PersistentVolume'>, now: number): ObjectCardData {
  const ref = refOf(pv);
  const status = volumeStatus(pv, now);
  const cls = volumeClass(pv);
  return {
    kind: 'PersistentVolume',
    ref,
    label: ref.name,
    status,
    tone: toneOf(status),
    detail: join(size(pv.spec?.capacity?.['storage']), accessModesString(pv.spec?.accessModes), pv.spec?.persistentVolumeReclaimPolicy),
    // Released: the claim is gone but the data stays until someone deletes or reuses the volume.
    note: status === 'Released' ? join('data kept', pv.spec?.claimRef?.name && `was ${pv.spec.claimRef.name}`) : join(sourceOf(pv), cls && `class ${cls}`),
  };
}

export function cardOfClass(sc: Stored<'StorageClass'>): ObjectCardData {
  const ref = refOf(sc);
  const status = classStatus(sc);
  return {
    kind: 'StorageClass',
    ref,
    label: ref.name,
    status,
    tone: toneOf(status),
    detail: '',
    note: join(sc.provisioner, sc.reclaimPolicy ?? 'Delete', sc.allowVolumeExpansion && 'expandable'),
    ...(isDefaultClass(sc) ? { flag: 'default' } : {}),
  };
}

export interface NodeExtras {
  attachments: readonly Stored<'VolumeAttachment'>[];
  pods: readonly Stored<'Pod'>[];
  /** Where a Pending pod would have to run for its volumes (the engine's zoneConflict), for its card. */
  needs?: (pod: Stored<'Pod'>) => string | undefined;
}

/** A ConfigMap or Secret: its keys (never a Secret's values) and how many pods use it. */
export function cardOfConfig(obj: Stored<'ConfigMap'> | Stored<'Secret'>, users: number): ObjectCardData {
  const ref = refOf(obj);
  const keys = Object.keys({ ...obj.data, ...(obj as { binaryData?: Record<string, string> }).binaryData, ...(obj as { stringData?: Record<string, string> }).stringData }).sort();
  const kindNote = obj.kind === 'Secret' ? (obj as Stored<'Secret'>).type ?? 'Opaque' : undefined;
  return {
    kind: obj.kind,
    ref,
    label: labelOf(ref),
    status: `${keys.length} ${keys.length === 1 ? 'key' : 'keys'}`,
    tone: 'blue',
    detail: users === 0 ? 'no pod uses it' : `used by ${users} ${users === 1 ? 'pod' : 'pods'}`,
    note: join(kindNote, keys.slice(0, 4).join(', ') + (keys.length > 4 ? ', …' : '')),
  };
}

export function nodeGroupData(node: Stored<'Node'>, now: number, podCount: number, localTop: number | undefined, extras: NodeExtras = { attachments: [], pods: [] }): NodeGroupData {
  const status = nodeStatus(node, now);
  const roles = kubectlCell('Node', node, 'ROLES', now);
  const zone = node.metadata.labels?.[LABEL_ZONE];
  return {
    ref: refOf(node),
    name: node.metadata.name,
    status,
    tone: toneOf(status),
    roles: roles === '<none>' ? '' : roles,
    ...(zone ? { zone } : {}),
    podCount,
    attached: extras.attachments
      .filter((va) => va.spec.nodeName === node.metadata.name && va.status?.attached)
      .map((va) => va.spec.source.persistentVolumeName ?? va.metadata.name)
      .sort(),
    hostPaths: [...new Set(extras.pods.filter((p) => p.spec?.nodeName === node.metadata.name).flatMap((p) => (p.spec?.volumes ?? []).flatMap((v) => (v.hostPath ? [v.hostPath.path] : []))))].sort(),
    ...(localTop !== undefined ? { localVolumesTop: localTop } : {}),
  };
}

/** `hostPath /mnt/data`, `csi ebs.csi.aws.com`, `nfs 10.0.0.5:/exports`: the volume's backing storage. */
function sourceOf(pv: Stored<'PersistentVolume'>): string | undefined {
  const spec = pv.spec ?? {};
  if (spec.hostPath) return `hostPath ${spec.hostPath.path}`;
  if (spec.local) return `local ${spec.local.path}`;
  if (spec.csi) return `csi ${spec.csi.driver}`;
  if (spec.nfs) return `nfs ${spec.nfs.server}:${spec.nfs.path}`;
  const other = Object.keys(spec).find((k) => !['capacity', 'accessModes', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeMode', 'claimRef', 'nodeAffinity', 'mountOptions'].includes(k));
  return other;
}
