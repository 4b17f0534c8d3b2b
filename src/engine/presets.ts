// The starting clusters a learner can pick (architecture.md, "Presets"). Each is what the real
// tool would give: `kind create cluster`, the course's three-node kind cluster, a bare node for
// static provisioning, a three-zone cloud cluster with the EBS CSI driver, or nothing at all.
import type { Stored } from './api/objects.ts';
import { ANN_DEFAULT_CLASS, LABEL_ZONE } from './api/storage.ts';
import { makeNode } from './cluster/nodes.ts';
import type { PresetName } from './cluster/state.ts';
import { LOCAL_PATH_ADDON, LOCAL_PATH_PROVISIONER } from './drivers/local-path.ts';

export interface PresetContents {
  description: string;
  namespaces: string[];
  nodes: Stored<'Node'>[];
  storageClasses: Stored<'StorageClass'>[];
  csiDrivers: Stored<'CSIDriver'>[];
  addons: string[];
}

const BASE_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export const PRESET_DESCRIPTIONS: Record<PresetName, string> = {
  kind: 'kind create cluster: one node, default class "standard" (local-path, WaitForFirstConsumer)',
  'kind-multinode': 'kind with a tainted control plane and two workers, default class "standard"',
  bare: 'one node "node-1", no StorageClass, no provisioner (static provisioning only)',
  'multi-az': 'three zones us-east-1a/b/c with two workers each, EBS CSI driver, default class "gp3"',
  empty: 'no nodes, no classes, no provisioners',
};

export function presetContents(preset: PresetName): PresetContents {
  const base = { description: PRESET_DESCRIPTIONS[preset], namespaces: BASE_NAMESPACES, storageClasses: [], csiDrivers: [], addons: [] };
  switch (preset) {
    case 'kind':
      return {
        ...base,
        namespaces: [...BASE_NAMESPACES, 'local-path-storage'],
        nodes: [makeNode({ name: 'kind-control-plane', controlPlane: true, internalIP: '172.18.0.2' })],
        storageClasses: [kindStandardClass()],
        addons: [LOCAL_PATH_ADDON],
      };
    case 'kind-multinode':
      return {
        ...base,
        namespaces: [...BASE_NAMESPACES, 'local-path-storage'],
        nodes: [
          makeNode({ name: 'kind-control-plane', controlPlane: true, tainted: true, internalIP: '172.18.0.4' }),
          makeNode({ name: 'kind-worker', internalIP: '172.18.0.2' }),
          makeNode({ name: 'kind-worker2', internalIP: '172.18.0.3' }),
        ],
        storageClasses: [kindStandardClass()],
        addons: [LOCAL_PATH_ADDON],
      };
    case 'bare':
      return { ...base, nodes: [makeNode({ name: 'node-1', internalIP: '192.168.49.2' })] };
    case 'multi-az':
      return {
        ...base,
        nodes: ['a', 'b', 'c'].flatMap((z, zi) =>
          [1, 2].map((i) =>
            makeNode({
              name: `worker-${z}${i}`,
              internalIP: `10.0.${zi + 1}.${10 + i}`,
              labels: { [LABEL_ZONE]: `us-east-1${z}`, 'topology.kubernetes.io/region': 'us-east-1', 'node.kubernetes.io/instance-type': 'm5.large' },
            }),
          ),
        ),
        storageClasses: [
          {
            apiVersion: 'storage.k8s.io/v1',
            kind: 'StorageClass',
            metadata: { name: 'gp3', annotations: { [ANN_DEFAULT_CLASS]: 'true' } },
            provisioner: 'ebs.csi.aws.com',
            parameters: { type: 'gp3' },
            reclaimPolicy: 'Delete',
            volumeBindingMode: 'WaitForFirstConsumer',
            allowVolumeExpansion: true,
          },
        ],
        csiDrivers: [
          {
            apiVersion: 'storage.k8s.io/v1',
            kind: 'CSIDriver',
            metadata: { name: 'ebs.csi.aws.com' },
            spec: { attachRequired: true, podInfoOnMount: false, fsGroupPolicy: 'File', volumeLifecycleModes: ['Persistent'] },
          },
        ],
      };
    case 'empty':
      return { ...base, namespaces: ['default', 'kube-system'], nodes: [] };
  }
}

function kindStandardClass(): Stored<'StorageClass'> {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [ANN_DEFAULT_CLASS]: 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}
