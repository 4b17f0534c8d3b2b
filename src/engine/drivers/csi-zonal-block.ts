// Cloud block-storage CSI drivers (AWS EBS, GCE PD, Azure Disk): one disk in one zone, attached
// to one node at a time, so only ReadWriteOnce / ReadWriteOncePod. The PV is pinned to the zone
// of the node the scheduler picked. (Parameter checks per cloud arrive with the fidelity issue.)
import { LABEL_ZONE } from '../api/storage.ts';
import type { ProvisionerDriver } from './driver.ts';

interface ZonalBlockOptions {
  name: string;
  description: string;
  /** The topology key the driver reports (`topology.ebs.csi.aws.com/zone` …); the PV uses the standard zone label too. */
  topologyKey: string;
  handle: (hex: (n: number) => string, zone: string) => string;
}

export function zonalBlockDriver(opts: ZonalBlockOptions): ProvisionerDriver {
  return {
    name: opts.name,
    csi: true,
    attachRequired: true,
    description: opts.description,
    provision({ claim, selectedNode, randomHex, storageClass }) {
      const modes = claim.spec?.accessModes ?? [];
      const bad = modes.find((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod');
      if (bad) {
        return { ok: false, error: `rpc error: code = InvalidArgument desc = Volume capabilities ${bad} not supported. Only AccessModes [ReadWriteOnce ReadWriteOncePod] supported.` };
      }
      if (claim.spec?.selector) return { ok: false, error: 'claim Selector is not supported' };
      const zone = selectedNode?.metadata.labels?.[LABEL_ZONE] ?? allowedZone(storageClass) ?? 'us-east-1a';
      return {
        ok: true,
        spec: {
          capacity: { storage: claim.spec?.resources?.requests?.['storage'] ?? '1Gi' },
          csi: { driver: opts.name, volumeHandle: opts.handle(randomHex, zone), fsType: 'ext4', volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': `1767225600000-${randomHex(4)}-${opts.name}` } },
          nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: opts.topologyKey, operator: 'In', values: [zone] }] }] } },
        },
      };
    },
  };
}

function allowedZone(sc: { allowedTopologies?: { matchLabelExpressions?: { values: string[] }[] }[] }): string | undefined {
  return sc.allowedTopologies?.[0]?.matchLabelExpressions?.[0]?.values[0];
}

export const awsEbs = zonalBlockDriver({
  name: 'ebs.csi.aws.com',
  description: 'AWS EBS volumes (zonal block, RWO)',
  topologyKey: LABEL_ZONE,
  handle: (hex) => `vol-0${hex(16)}`,
});

export const gcePd = zonalBlockDriver({
  name: 'pd.csi.storage.gke.io',
  description: 'GCE persistent disks (zonal block, RWO)',
  topologyKey: LABEL_ZONE,
  handle: (hex, zone) => `projects/playground/zones/${zone}/disks/pvc-${hex(8)}`,
});

export const azureDisk = zonalBlockDriver({
  name: 'disk.csi.azure.com',
  description: 'Azure managed disks (zonal block, RWO)',
  topologyKey: LABEL_ZONE,
  handle: (hex) => `/subscriptions/0000/resourceGroups/playground/providers/Microsoft.Compute/disks/pvc-${hex(8)}`,
});
