// What each card shows: the object's kind, name, kubectl status, its colour family and one or
// two short lines of facts a learner looks for (size, access modes, class, source, provisioner).
import { accessModesString, canonicalQuantity, claimClass, isDefaultClass, LABEL_ZONE, refOf, volumeClass, type ObjectRef, type Stored } from '../../engine/index.ts';
import { classStatus, claimStatus, kubectlCell, nodeStatus, podStatus, toneOf, volumeStatus, type Tone } from './status.ts';

export type CardKind = 'Pod' | 'PersistentVolumeClaim' | 'PersistentVolume' | 'StorageClass';

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
};

export type NodeGroupData = {
  ref: ObjectRef;
  name: string;
  status: string;
  tone: Tone;
  /** `control-plane`, or empty for a worker. */
  roles: string;
  zone?: string;
  podCount: number;
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

export function cardOfPod(pod: Stored<'Pod'>, now: number): ObjectCardData {
  const ref = refOf(pod);
  const status = podStatus(pod, now);
  const images = [...new Set((pod.spec?.containers ?? []).map((c) => c.image ?? c.name))].join(', ');
  const ready = kubectlCell('Pod', pod, 'READY', now);
  return { kind: 'Pod', ref, label: labelOf(ref), status, tone: toneOf(status), detail: join(images, ready && `${ready} ready`) };
}

export function cardOfClaim(pvc: Stored<'PersistentVolumeClaim'>, now: number): ObjectCardData {
  const ref = refOf(pvc);
  const status = claimStatus(pvc, now);
  const requested = size(pvc.status?.capacity?.['storage'] ?? pvc.spec?.resources?.requests?.['storage']);
  const cls = claimClass(pvc);
  return {
    kind: 'PersistentVolumeClaim',
    ref,
    label: labelOf(ref),
    status,
    tone: toneOf(status),
    detail: join(requested, accessModesString(pvc.spec?.accessModes)),
    note: cls ? `class ${cls}` : 'no class',
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
    note: join(sourceOf(pv), cls && `class ${cls}`),
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

export function nodeGroupData(node: Stored<'Node'>, now: number, podCount: number, localTop: number | undefined): NodeGroupData {
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
