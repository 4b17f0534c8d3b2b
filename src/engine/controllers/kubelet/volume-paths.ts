// Where the kubelet keeps a pod's volumes on its node: the host paths it hands the runtime as
// mount sources (kubelet_pods.go makeMounts), and so the paths the runtime's errors name.
import type { Container, Volume } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import type { Txn } from '../../cluster/store.ts';
import { podVolumeClaimName } from '../../api/storage.ts';

type Pod = Stored<'Pod'>;
type Reader = Pick<Txn, 'get'>;

/** The kubelet's root directory for pods (--root-dir /var/lib/kubelet). */
const PODS_DIR = '/var/lib/kubelet/pods';

/**
 * The source of the container's mount number `index`: a subPath is bind-mounted by the kubelet
 * under volume-subpaths/<volume>/<container>/<index> first; otherwise the volume's own directory.
 */
export function mountSourcePath(view: Reader, pod: Pod, container: Container, index: number): string {
  const mount = container.volumeMounts?.[index];
  if (!mount) return '';
  const podDir = `${PODS_DIR}/${pod.metadata.uid}`;
  if (mount.subPath) return `${podDir}/volume-subpaths/${mount.name}/${container.name}/${index}`;
  const volume = pod.spec?.volumes?.find((v) => v.name === mount.name);
  return volume ? volumePath(view, pod, podDir, volume) : '';
}

/** A volume's directory: `volumes/kubernetes.io~<plugin>/<name>`, or the node path itself for hostPath. */
function volumePath(view: Reader, pod: Pod, podDir: string, volume: Volume): string {
  const dir = (plugin: string, name = volume.name) => `${podDir}/volumes/kubernetes.io~${plugin}/${name}`;
  if (volume.hostPath) return volume.hostPath.path;
  if (volume.emptyDir) return dir('empty-dir');
  if (volume.configMap) return dir('configmap');
  if (volume.secret) return dir('secret');
  if (volume.downwardAPI) return dir('downward-api');
  if (volume.projected) return dir('projected');
  const claim = podVolumeClaimName(pod, volume);
  const claimed = claim ? view.get('PersistentVolumeClaim', `${pod.metadata.namespace}/${claim}`) : undefined;
  const pv = claimed?.spec?.volumeName ? view.get('PersistentVolume', claimed.spec.volumeName) : undefined;
  if (!pv) return dir('csi');
  // The hostPath plugin (and local-path's volumes, which are hostPath PVs) hands over the node path.
  if (pv.spec?.hostPath) return pv.spec.hostPath.path;
  if (pv.spec?.local) return dir('local-volume', pv.metadata.name);
  if (pv.spec?.nfs) return dir('nfs', pv.metadata.name);
  // CSI volumes (and the in-tree ones migrated to CSI) are published into a `mount` directory.
  return `${dir('csi', pv.metadata.name)}/mount`;
}
