// A pod's containers as their filesystems are stacked: the image's read-only layers (newest on
// top, as `docker image history` lists them) under each container's own writable layer, with
// what the container changed there, and the volumes mounted over it. Pure: read from the
// engine's state (catalogue image history, the container's upper tree, the pod spec).
import { findCatalogImage, layerBytes, treeEntries, type ClusterState, type Stored } from '../../engine/index.ts';
import { humanSize } from '../../commands/docker/format.ts';

export interface ContainerLayers {
  name: string;
  image: string;
  /** Read-only image layers, newest first; empty when the image is not in the catalogue. */
  imageLayers: { createdBy: string; size: string }[];
  imageSize: string;
  /** The writable layer: its size, and the paths it holds (changed, added or deleted), first few. */
  writable: { size: string; bytes: number; paths: { path: string; change: 'added or changed' | 'deleted' }[]; more: number } | null;
  /** Volumes mounted over the stack, which writes to those paths go to instead. */
  mounts: { path: string; volume: string; readOnly: boolean }[];
}

const SHOWN_PATHS = 8;

export function podLayers(state: ClusterState, pod: Stored<'Pod'>): ContainerLayers[] {
  return (pod.spec?.containers ?? []).map((c) => {
    const image = c.image ?? '';
    const rows = (findCatalogImage(image)?.history ?? []).filter((h) => !h.empty).reverse();
    const record = state.containers[`${pod.metadata.uid}/${c.name}`];
    const upper = record?.upper;
    const files = upper ? treeEntries(upper).filter(([, e]) => e.type === 'File' || e.type === 'Whiteout').sort(([a], [b]) => a.localeCompare(b)) : [];
    return {
      name: c.name,
      image,
      imageLayers: rows.map((h) => ({ createdBy: h.createdBy, size: humanSize(h.size) })),
      imageSize: humanSize(rows.reduce((s, h) => s + h.size, 0)),
      writable: upper
        ? {
            size: humanSize(layerBytes(upper)),
            bytes: layerBytes(upper),
            paths: files.slice(0, SHOWN_PATHS).map(([path, e]) => ({ path, change: e.type === 'Whiteout' ? 'deleted' : 'added or changed' })),
            more: Math.max(0, files.length - SHOWN_PATHS),
          }
        : null,
      mounts: (c.volumeMounts ?? []).map((m) => ({ path: m.mountPath, volume: m.name, readOnly: !!m.readOnly })),
    };
  });
}
