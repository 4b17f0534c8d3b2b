// Where each path of a container comes from: its volume mounts (longest mount path wins), else
// the overlay of its image and its writable layer.
import type { Volume } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import type { Txn } from '../cluster/store.ts';
import { parseQuantity, quantityValue } from '../api/quantity.ts';
import { lookup, normalizePath, type FsTree } from '../fs/tree.ts';
import { nodeRootFs } from '../fs/node-root.ts';
import { getOwn } from '../../lib/own.ts';
import { atomicLayout, projectedFiles } from './projected-files.ts';
import { podVolumeClaimName } from '../api/storage.ts';
import type { VolumeSync } from '../cluster/state.ts';
import { syncedPod, syncedView, syncStamp } from './volume-sync.ts';
import { podContainer } from './pod-containers.ts';

type Pod = Stored<'Pod'>;
type Reader = Pick<Txn, 'get' | 'state'>;

export type MountSource =
  /** A directory of the node's filesystem: hostPath volumes, hostPath and local PVs. */
  | { kind: 'node'; node: string; root: string }
  /** An emptyDir or a CSI volume's data. */
  | { kind: 'store'; key: string; root: string }
  /**
   * ConfigMap, Secret, downward API and projected volumes: files made from API objects. Made when
   * first read (then kept): an exec that only writes elsewhere does not build them (a
   * service-account token, base64 and digests per exec would cost more than the write).
   */
  | { kind: 'generated'; tree: () => FsTree; root: string }
  /** A single file mounted with subPath from a generated volume: a copy taken at container start. */
  | { kind: 'file'; content: string };

export interface Mount {
  mountPath: string;
  volume: string;
  source: MountSource;
  readOnly: boolean;
  /** What `mount` prints as the filesystem type. */
  fsType: string;
  /** What `df` and `mount` print as the device. */
  device: string;
  /** The size `df` reports, in bytes. */
  size: number;
}

/** A kind node's disk, as `df` inside a container sees it. */
export const NODE_DISK_BYTES = 105_089_261_568;
const TMPFS_BYTES = 8_326_438_912;

export function emptyDirKey(pod: Pod, volume: string): string {
  return `emptydir/${pod.metadata.uid}/${volume}`;
}

export function containerKey(pod: Pod, container: string): string {
  return `${pod.metadata.uid}/${container}`;
}

/** The mounts of one container of a pod, as the kubelet set them up. */
export function mountsOf(view: Reader, pod: Pod, containerName: string): Mount[] {
  const container = podContainer(pod, containerName);
  if (!container) return [];
  const record = view.state.containers[containerKey(pod, containerName)];
  const out: Mount[] = [];
  for (const m of container.volumeMounts ?? []) {
    const volume = pod.spec?.volumes?.find((v) => v.name === m.name);
    if (!volume) continue;
    const source = sourceOf(view, pod, volume, record?.volumeSync);
    if (!source) continue;
    const sub = m.subPath ? `/${m.subPath}` : '';
    const mountPath = normalizePath(m.mountPath);
    const readOnly = !!m.readOnly || source.source.kind === 'generated' || !!volume.persistentVolumeClaim?.readOnly || !!source.readOnly;
    const common = { mountPath, volume: m.name, readOnly, fsType: source.fsType, device: source.device ?? '/dev/sda1', size: source.size ?? NODE_DISK_BYTES };
    if (sub && source.source.kind === 'generated') {
      out.push({ ...common, source: { kind: 'file', content: record?.subPathFiles[mountPath] ?? '' } });
    } else {
      out.push({ ...common, source: { ...source.source, root: normalizePath(`${source.source.root}${sub}`) } as MountSource });
    }
  }
  return out.sort((a, b) => b.mountPath.length - a.mountPath.length);
}

/**
 * Whether a mount's source is a directory, as the runtime stats it before making the mount point
 * (mount-points.ts). A path that does not exist yet is made a directory (by the kubelet for a
 * subPath, by containerd for a bind source), so only an existing file counts as a file.
 */
export function sourceIsDirectory(view: Reader, pod: Pod, mount: Mount, subPath: string | undefined): boolean {
  const src = mount.source;
  switch (src.kind) {
    case 'generated':
      return true;
    case 'file': {
      // A subPath of a ConfigMap, Secret or downward API volume: a key is a file; a directory of items is not.
      const volume = pod.spec?.volumes?.find((v) => v.name === mount.volume);
      return !(volume && (projectedFiles(view, pod, volume) ?? []).some((f) => f.path === subPath));
    }
    case 'node':
      return lookup(getOwn(view.state.nodeFiles, src.node) ?? nodeRootFs(src.node), src.root)?.type !== 'File';
    case 'store': {
      const tree = view.state.volumeData[src.key];
      return !tree || lookup(tree, src.root)?.type !== 'File';
    }
  }
}

/** The content a subPath mount of a generated volume shows, taken when the container starts. */
export function subPathSnapshot(view: Reader, pod: Pod, volume: Volume, subPath: string): string {
  const source = sourceOf(view, pod, volume);
  if (!source || source.source.kind !== 'generated') return '';
  const files = projectedFiles(view, pod, volume) ?? [];
  return files.find((f) => f.path === subPath)?.content ?? '';
}

type Source = { source: Exclude<MountSource, { kind: 'file' }>; fsType: string; device?: string; size?: number; readOnly?: boolean };

function sourceOf(view: Reader, pod: Pod, volume: Volume, sync?: VolumeSync): Source | undefined {
  const node = pod.spec?.nodeName ?? '';
  if (volume.hostPath) return { source: { kind: 'node', node, root: normalizePath(volume.hostPath.path) }, fsType: 'ext4' };
  if (volume.emptyDir) {
    const memory = volume.emptyDir.medium === 'Memory';
    const limit = volume.emptyDir.sizeLimit ? parseQuantity(volume.emptyDir.sizeLimit) : undefined;
    return {
      source: { kind: 'store', key: emptyDirKey(pod, volume.name), root: '/' },
      fsType: memory ? 'tmpfs' : 'ext4',
      device: memory ? 'tmpfs' : '/dev/sda1',
      // A memory-backed emptyDir is a tmpfs of its sizeLimit; a disk one shares the node's disk.
      ...(memory ? { size: limit?.ok ? Number(quantityValue(limit.quantity)) : TMPFS_BYTES } : {}),
    };
  }
  const claimName = podVolumeClaimName(pod, volume);
  if (claimName) {
    const claim = view.get('PersistentVolumeClaim', `${pod.metadata.namespace}/${claimName}`);
    const pv = claim?.spec?.volumeName ? view.get('PersistentVolume', claim.spec.volumeName) : undefined;
    if (!pv) return undefined;
    if (pv.spec?.hostPath) return { source: { kind: 'node', node, root: normalizePath(pv.spec.hostPath.path) }, fsType: 'ext4' };
    if (pv.spec?.local) return { source: { kind: 'node', node, root: normalizePath(pv.spec.local.path) }, fsType: 'ext4' };
    const shared = !!pv.spec?.nfs || /efs|nfs|file\.csi/.test(pv.spec?.csi?.driver ?? '');
    const capacity = parseQuantity(pv.spec?.capacity?.['storage'] ?? '0');
    return {
      source: { kind: 'store', key: `pv/${pv.metadata.name}`, root: '/' },
      fsType: shared ? 'nfs4' : (pv.spec?.csi?.fsType ?? 'ext4'),
      device: shared ? `${pv.spec?.nfs?.server ?? 'fs.example'}:${pv.spec?.nfs?.path ?? '/'}` : '/dev/nvme1n1',
      size: capacity.ok ? Number(quantityValue(capacity.quantity)) : 0,
      // The volume source's own readOnly makes the mount read-only; the access modes do not.
      readOnly: !!(pv.spec?.csi?.readOnly || pv.spec?.nfs?.readOnly),
    };
  }
  // The kinds projectedFiles makes files for.
  if (volume.configMap || volume.secret || volume.downwardAPI || volume.projected) {
    let tree: FsTree | undefined;
    // What the kubelet wrote at its last sync of the pod; a container from a state made before
    // syncs were kept shows the objects as they are.
    const layout = () =>
      sync
        ? atomicLayout(projectedFiles(syncedView(view, sync), syncedPod(pod, sync), volume) ?? [], syncStamp(sync.at))
        : atomicLayout(projectedFiles(view, pod, volume) ?? [], syncStamp(view.state.now));
    return {
      source: { kind: 'generated', tree: () => (tree ??= layout()), root: '/' },
      // Secret and projected volumes are memory-backed (the kubelet wraps them in a Memory emptyDir).
      fsType: volume.secret || volume.projected ? 'tmpfs' : 'ext4',
      device: volume.secret || volume.projected ? 'tmpfs' : '/dev/sda1',
      ...(volume.secret || volume.projected ? { size: TMPFS_BYTES } : {}),
    };
  }
  return undefined;
}
