// rancher.io/local-path, KIND's default provisioner: a hostPath directory on the node the
// scheduler picked, pinned to that node by node affinity. Capacity is recorded, not enforced.
import { LABEL_HOSTNAME } from '../api/storage.ts';
import type { ProvisionerDriver } from './driver.ts';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
export const LOCAL_PATH_ADDON = 'local-path-provisioner';
const BASE = '/var/local-path-provisioner';

export const localPath: ProvisionerDriver = {
  name: LOCAL_PATH_PROVISIONER,
  csi: false,
  attachRequired: false,
  description: 'node-local directories (KIND default)',
  provision({ claim, selectedNode, volumeName }) {
    const modes = claim.spec?.accessModes ?? [];
    if (modes.some((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod')) {
      return { ok: false, error: 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes' };
    }
    if (claim.spec?.selector) return { ok: false, error: 'claim.Spec.Selector is not supported' };
    if (!selectedNode) return { ok: false, error: 'configuration error, no node was specified' };
    const node = selectedNode.metadata.name;
    return {
      ok: true,
      spec: {
        capacity: { storage: claim.spec?.resources?.requests?.['storage'] ?? '0' },
        hostPath: { path: `${BASE}/${volumeName}_${claim.metadata.namespace}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
        nodeAffinity: {
          required: { nodeSelectorTerms: [{ matchExpressions: [{ key: LABEL_HOSTNAME, operator: 'In', values: [node] }] }] },
        },
      },
      annotations: { 'local.path.provisioner/selected-node': node },
    };
  },
};
