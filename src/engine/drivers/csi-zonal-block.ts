// Cloud block-storage CSI drivers (AWS EBS, GCE PD, Azure Disk): one disk in one zone, attached
// to one node at a time, so only ReadWriteOnce / ReadWriteOncePod. The PV is pinned to the zone
// of the node the scheduler picked. (Parameter checks per cloud arrive with the fidelity issue.)
import { parseQuantity, roundUpToGiB } from '../api/quantity.ts';
import { LABEL_ZONE } from '../api/storage.ts';
import type { ProvisionerDriver } from './driver.ts';

interface ZonalBlockOptions {
  name: string;
  description: string;
  /** Checks the class's parameters the way the driver does; returns its error, if any. */
  checkParameters: (parameters: Readonly<Record<string, string>>, volumeName: string) => string | undefined;
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
    provision({ claim, selectedNode, randomHex, storageClass, volumeName }) {
      const modes = claim.spec?.accessModes ?? [];
      const badMode = modes.find((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod');
      if (badMode) {
        return { ok: false, error: `rpc error: code = InvalidArgument desc = Volume capabilities ${badMode} not supported. Only AccessModes [ReadWriteOnce ReadWriteOncePod] supported.` };
      }
      if (claim.spec?.selector) return { ok: false, error: 'claim Selector is not supported' };
      const bad = opts.checkParameters(storageClass.parameters ?? {}, volumeName);
      if (bad) return { ok: false, error: `rpc error: code = InvalidArgument desc = ${bad}` };
      const zone = selectedNode?.metadata.labels?.[LABEL_ZONE] ?? allowedZone(storageClass) ?? 'us-east-1a';
      return {
        ok: true,
        spec: {
          // Cloud disks come in whole GiB: a 500Mi request gets a 1Gi disk.
          capacity: { storage: roundUpRequest(claim.spec?.resources?.requests?.['storage'] ?? '1Gi') },
          csi: { driver: opts.name, volumeHandle: opts.handle(randomHex, zone), fsType: 'ext4', volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': `1767225600000-${randomHex(4)}-${opts.name}` } },
          nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: opts.topologyKey, operator: 'In', values: [zone] }] }] } },
        },
      };
    },
  };
}


function roundUpRequest(request: string): string {
  const q = parseQuantity(request);
  return q.ok ? roundUpToGiB(q.quantity) : request;
}

/** A parameter that must be one of a set of values (case-insensitively, as the drivers compare). */
function oneOf(parameters: Readonly<Record<string, string>>, key: string, allowed: readonly string[], message: (v: string) => string): string | undefined {
  const v = Object.entries(parameters).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  return v === undefined || allowed.some((a) => a.toLowerCase() === v.toLowerCase()) ? undefined : message(v);
}

function allowedZone(sc: { allowedTopologies?: { matchLabelExpressions?: { values: string[] }[] }[] }): string | undefined {
  return sc.allowedTopologies?.[0]?.matchLabelExpressions?.[0]?.values[0];
}

export const awsEbs = zonalBlockDriver({
  name: 'ebs.csi.aws.com',
  description: 'AWS EBS volumes (zonal block, RWO)',
  topologyKey: LABEL_ZONE,
  handle: (hex) => `vol-0${hex(16)}`,
  checkParameters: (p, volumeName) =>
    oneOf(p, 'type', ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard'], (v) => `Could not create volume "${volumeName}": invalid AWS VolumeType "${v}"`),
});

export const gcePd = zonalBlockDriver({
  name: 'pd.csi.storage.gke.io',
  description: 'GCE persistent disks (zonal block, RWO)',
  topologyKey: LABEL_ZONE,
  handle: (hex, zone) => `projects/playground/zones/${zone}/disks/pvc-${hex(8)}`,
  checkParameters: (p) =>
    oneOf(p, 'type', ['pd-standard', 'pd-balanced', 'pd-ssd', 'pd-extreme', 'hyperdisk-balanced', 'hyperdisk-throughput', 'hyperdisk-extreme'], (v) => `CreateVolume failed to extract parameters: invalid disk type "${v}"`),
});

export const azureDisk = zonalBlockDriver({
  name: 'disk.csi.azure.com',
  description: 'Azure managed disks (zonal block, RWO)',
  topologyKey: LABEL_ZONE,
  handle: (hex) => `/subscriptions/0000/resourceGroups/playground/providers/Microsoft.Compute/disks/pvc-${hex(8)}`,
  checkParameters: (p) => {
    const skus = ['Standard_LRS', 'Premium_LRS', 'StandardSSD_LRS', 'UltraSSD_LRS', 'Premium_ZRS', 'StandardSSD_ZRS', 'PremiumV2_LRS'];
    return oneOf(p, 'skuName', skus, (v) => `azureDisk - ${v} is not supported sku/storageaccounttype. Supported values are [${skus.join(' ')}]`);
  },
});
