// When a pod's ConfigMap, Secret, downward API and projected volumes follow updates. The kubelet
// rewrites them (atomic writer, a new `..data`) only when it syncs the pod: at its periodic
// resync (syncFrequency, 1 minute) or when the pod itself changes (labels, annotations), never
// the moment a ConfigMap is updated. What it last wrote is kept as the objects it read then
// (VolumeSync), so the files are made from those, not from the objects as they are now.
import type { Volume } from 'kubernetes-types/core/v1';
import type { AnyStored, Kind, Stored } from '../api/objects.ts';
import type { VolumeSync } from '../cluster/state.ts';
import type { Txn } from '../cluster/store.ts';
import { rfc3339 } from '../runtime/clock.ts';

type Pod = Stored<'Pod'>;
type Reader = Pick<Txn, 'get'>;

/** The kubelet's syncFrequency: each pod is synced again this long after its last sync. */
export const POD_SYNC_MS = 60_000;

/** The ConfigMaps and Secrets a pod's volumes project, as `Kind/namespace/name`. */
function sourceKeys(pod: Pod): string[] {
  const ns = pod.metadata.namespace ?? 'default';
  const keys = new Set<string>();
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap) keys.add(`ConfigMap/${ns}/${v.configMap.name ?? ''}`);
    if (v.secret) keys.add(`Secret/${ns}/${v.secret.secretName ?? ''}`);
    for (const s of v.projected?.sources ?? []) {
      if (s.configMap) keys.add(`ConfigMap/${ns}/${s.configMap.name ?? ''}`);
      if (s.secret) keys.add(`Secret/${ns}/${s.secret.name ?? ''}`);
    }
  }
  return [...keys];
}

function split(key: string): { kind: 'ConfigMap' | 'Secret'; key: string } {
  const slash = key.indexOf('/');
  return { kind: key.slice(0, slash) as 'ConfigMap' | 'Secret', key: key.slice(slash + 1) };
}

/** Whether the pod has a downward API volume or source (its files show labels and annotations). */
function usesDownwardAPI(pod: Pod): boolean {
  return (pod.spec?.volumes ?? []).some((v: Volume) => !!v.downwardAPI || !!v.projected?.sources?.some((s) => s.downwardAPI));
}

/** What the kubelet writes into the pod's projected-style volumes at `at`: the objects as they are now. */
export function readVolumeSync(view: Reader, pod: Pod, at: number): VolumeSync {
  const objects: Record<string, AnyStored | null> = {};
  for (const k of sourceKeys(pod)) {
    const { kind, key } = split(k);
    objects[k] = (view.get(kind, key) as AnyStored | undefined) ?? null;
  }
  const downward = usesDownwardAPI(pod);
  return {
    at,
    objects,
    ...(downward && pod.metadata.labels ? { labels: pod.metadata.labels } : {}),
    ...(downward && pod.metadata.annotations ? { annotations: pod.metadata.annotations } : {}),
  };
}

/**
 * What changed since the kubelet last wrote the volumes: `pod` (labels or annotations a downward
 * API volume shows: a pod update, which the kubelet syncs at once), `objects` (a ConfigMap or
 * Secret: seen at the next periodic sync), or nothing.
 */
export function changedSince(view: Reader, pod: Pod, sync: VolumeSync): 'pod' | 'objects' | undefined {
  if (usesDownwardAPI(pod) && (!sameMap(pod.metadata.labels, sync.labels) || !sameMap(pod.metadata.annotations, sync.annotations))) return 'pod';
  const keys = sourceKeys(pod);
  if (keys.length !== Object.keys(sync.objects).length) return 'objects';
  for (const k of keys) {
    if (!(k in sync.objects)) return 'objects';
    const { kind, key } = split(k);
    const now = view.get(kind, key);
    if ((now?.metadata.resourceVersion ?? null) !== (sync.objects[k]?.metadata.resourceVersion ?? null)) return 'objects';
  }
  return undefined;
}

function sameMap(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && b![k] === a![k]);
}

/** The pod's first periodic sync strictly after `now`: syncs fall every POD_SYNC_MS from `anchor` (its start). */
export function nextPodSync(anchor: number, now: number): number {
  const elapsed = Math.max(0, now - anchor);
  return anchor + (Math.floor(elapsed / POD_SYNC_MS) + 1) * POD_SYNC_MS;
}

/** A reader that answers ConfigMaps and Secrets as the kubelet read them at its last sync, and anything else as it is. */
export function syncedView(view: Reader, sync: VolumeSync): Reader {
  return {
    get<K extends Kind>(kind: K, key: string): Stored<K> | undefined {
      if (kind !== 'ConfigMap' && kind !== 'Secret') return view.get(kind, key);
      const k = `${kind}/${key}`;
      if (!Object.prototype.hasOwnProperty.call(sync.objects, k)) return view.get(kind, key);
      return (sync.objects[k] ?? undefined) as Stored<K> | undefined;
    },
  };
}

/** The pod with the labels and annotations its downward API files were written from. */
export function syncedPod(pod: Pod, sync: VolumeSync): Pod {
  if (!('labels' in sync) && !('annotations' in sync) && !usesDownwardAPI(pod)) return pod;
  const { labels: _l, annotations: _a, ...metadata } = pod.metadata;
  return { ...pod, metadata: { ...metadata, ...(sync.labels ? { labels: sync.labels } : {}), ...(sync.annotations ? { annotations: sync.annotations } : {}) } };
}

/** The atomic writer's timestamped directory name for a write at `at` (`2026_01_01_00_01_00.000000000`). */
export function syncStamp(at: number): string {
  return rfc3339(at).replace(/[-:T]/g, '_').replace('Z', '.000000000');
}
