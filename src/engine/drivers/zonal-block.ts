// Cloud block-storage CSI drivers (AWS EBS, GCE PD, Azure Disk): one disk in one zone, attached
// to one node at a time, so only ReadWriteOnce / ReadWriteOncePod. The PV is pinned to the zone
// of the node the scheduler picked. Each cloud's driver is its own file built on this shape.
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
export function oneOf(parameters: Readonly<Record<string, string>>, key: string, allowed: readonly string[], message: (v: string) => string): string | undefined {
  const v = Object.entries(parameters).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  return v === undefined || allowed.some((a) => a.toLowerCase() === v.toLowerCase()) ? undefined : message(v);
}

function allowedZone(sc: { allowedTopologies?: { matchLabelExpressions?: { values?: string[] }[] }[] }): string | undefined {
  // `values` may be missing: the API layer does not yet refuse a requirement without values.
  return sc.allowedTopologies?.[0]?.matchLabelExpressions?.[0]?.values?.[0];
}
