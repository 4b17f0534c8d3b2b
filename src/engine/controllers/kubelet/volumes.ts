// The kubelet's volume manager, reduced to its verdict: can every volume of the pod be set up
// on its node now? If not, the message the kubelet reports (FailedMount).
import type { Volume } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { ANN_BIND_COMPLETED } from '../../api/storage.ts';
import type { Txn } from '../../cluster/store.ts';
import { nodeRootFs } from '../../fs/node-root.ts';
import type { FsTree } from '../../fs/tree.ts';
import { setUpHostPaths } from './host-path.ts';
import { attachableVolume, attachmentName } from '../attach-detach/index.ts';
import { getOwn } from '../../../lib/own.ts';
import { podVolumeClaimName } from '../../api/storage.ts';

type Pod = Stored<'Pod'>;

/** A node's root filesystem as it is now. */
export function nodeFs(txn: Pick<Txn, 'state'>, node: string): FsTree {
  return getOwn(txn.state.nodeFiles, node) ?? nodeRootFs(node);
}

/**
 * The hostPath volumes the kubelet sets up for a pod: its own, and those of the hostPath
 * PersistentVolumes behind its claims (static ones and local-path's), under the pod's volume names.
 */
export function hostPathVolumes(txn: Pick<Txn, 'get'>, pod: Pod): Volume[] {
  return (pod.spec?.volumes ?? []).flatMap((v): Volume[] => {
    if (v.hostPath) return [v];
    const claimName = podVolumeClaimName(pod, v);
    const claim = claimName ? txn.get('PersistentVolumeClaim', `${pod.metadata.namespace}/${claimName}`) : undefined;
    const pv = claim?.spec?.volumeName ? txn.get('PersistentVolume', claim.spec.volumeName) : undefined;
    return pv?.spec?.hostPath ? [{ name: v.name, hostPath: pv.spec.hostPath }] : [];
  });
}

export type VolumeVerdict =
  | { ready: true }
  /** `unattached`: waiting for the attach/detach controller; the kubelet reports it only after its mount timeout. */
  | { ready: false; message: string; unattached?: boolean };

/** How long the kubelet waits for volumes before it reports the timeout (volumemanager's 2 minutes). */
export const MOUNT_TIMEOUT_MS = 2 * 60 * 1000;

export function checkPodVolumes(txn: Pick<Txn, 'get' | 'state'>, pod: Pod): VolumeVerdict {
  const ns = pod.metadata.namespace!;
  const unprocessed: { volume: string; error: string }[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const pvcError = claimError(txn, pod, v);
    if (pvcError) unprocessed.push({ volume: v.name, error: pvcError });
  }
  if (unprocessed.length > 0) {
    const names = unprocessed.map((u) => u.volume).join(' ');
    return {
      ready: false,
      message: `Unable to attach or mount volumes: unmounted volumes=[${names}], unattached volumes=[], failed to process volumes=[${names}]: ${unprocessed.map((u) => u.error).join(', ')}`,
    };
  }
  const unattached = (pod.spec?.volumes ?? []).filter((v) => {
    const pv = attachableVolume(txn, ns, podVolumeClaimName(pod, v));
    return pv && !txn.get('VolumeAttachment', attachmentName(pv, pod.spec!.nodeName!))?.status?.attached;
  });
  if (unattached.length > 0) {
    const names = unattached.map((v) => v.name).join(' ');
    return {
      ready: false,
      unattached: true,
      message: `Unable to attach or mount volumes: unmounted volumes=[${names}], unattached volumes=[${names}], failed to process volumes=[]: timed out waiting for the condition`,
    };
  }
  for (const v of pod.spec?.volumes ?? []) {
    const setUp = setUpError(txn, ns, v);
    if (setUp) return { ready: false, message: `MountVolume.SetUp failed for volume "${v.name}" : ${setUp}` };
  }
  const hostPaths = setUpHostPaths(nodeFs(txn, pod.spec!.nodeName!), hostPathVolumes(txn, pod));
  if (!hostPaths.ok) return { ready: false, message: `MountVolume.SetUp failed for volume "${hostPaths.volume}" : ${hostPaths.error}` };
  return { ready: true };
}

/** The volume manager's populator: a claim must exist and be bound before anything is mounted. */
function claimError(txn: Pick<Txn, 'get'>, pod: Pod, v: Volume): string | undefined {
  const ns = pod.metadata.namespace!;
  const name = podVolumeClaimName(pod, v);
  if (!name) return undefined;
  const claim = txn.get('PersistentVolumeClaim', `${ns}/${name}`);
  if (!claim) return `error processing PVC ${ns}/${name}: failed to fetch PVC from API server: persistentvolumeclaims "${name}" not found`;
  if (claim.metadata.deletionTimestamp && !claim.spec?.volumeName) return `error processing PVC ${ns}/${name}: PVC is being deleted`;
  if (!claim.spec?.volumeName || claim.metadata.annotations?.[ANN_BIND_COMPLETED] !== 'yes' || claim.status?.phase !== 'Bound') {
    return `error processing PVC ${ns}/${name}: PVC is not bound`;
  }
  if (!txn.get('PersistentVolume', claim.spec.volumeName)) {
    return `error processing PVC ${ns}/${name}: failed to fetch PV ${claim.spec.volumeName} from API server: persistentvolumes "${claim.spec.volumeName}" not found`;
  }
  return undefined;
}

/** The volume plugins' SetUp: ConfigMaps and Secrets must exist unless optional. */
export function setUpError(txn: Pick<Txn, 'get'>, ns: string, v: Volume): string | undefined {
  if (v.configMap) {
    const cm = txn.get('ConfigMap', `${ns}/${v.configMap.name}`);
    if (!cm) return v.configMap.optional ? undefined : `configmap "${v.configMap.name}" not found`;
    const missing = (v.configMap.items ?? []).find((i) => !(i.key in (cm.data ?? {})) && !(i.key in (cm.binaryData ?? {})));
    if (missing && !v.configMap.optional) return `configmap references non-existent config key: ${missing.key}`;
  }
  if (v.secret) {
    const secret = txn.get('Secret', `${ns}/${v.secret.secretName}`);
    if (!secret) return v.secret.optional ? undefined : `secret "${v.secret.secretName}" not found`;
    const missing = (v.secret.items ?? []).find((i) => !(i.key in (secret.data ?? {})));
    if (missing && !v.secret.optional) return `references non-existent secret key: ${missing.key}`;
  }
  for (const source of v.projected?.sources ?? []) {
    // A projected volume fails the same way as the plain volume its source would.
    if (source.configMap && !source.configMap.optional && !txn.get('ConfigMap', `${ns}/${source.configMap.name}`)) return `configmap "${source.configMap.name}" not found`;
    if (source.secret && !source.secret.optional && !txn.get('Secret', `${ns}/${source.secret.name}`)) return `secret "${source.secret.name}" not found`;
  }
  return undefined;
}
