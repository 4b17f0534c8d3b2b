// Shared-file CSI drivers (AWS EFS, Azure Files, NFS): one filesystem reachable from every node
// and zone, mounted by many pods at once (ReadWriteMany), nothing to attach.
import type { ProvisionerDriver } from './driver.ts';

function sharedFileDriver(name: string, description: string, handle: (hex: (n: number) => string) => string): ProvisionerDriver {
  return {
    name,
    csi: true,
    attachRequired: false,
    description,
    provision({ claim, randomHex }) {
      if (claim.spec?.selector) return { ok: false, error: 'claim Selector is not supported' };
      return {
        ok: true,
        spec: {
          capacity: { storage: claim.spec?.resources?.requests?.['storage'] ?? '1Gi' },
          csi: { driver: name, volumeHandle: handle(randomHex) },
        },
      };
    },
  };
}

export const awsEfs = sharedFileDriver('efs.csi.aws.com', 'AWS EFS (shared file, RWX)', (hex) => `fs-${hex(17)}::fsap-${hex(17)}`);
export const azureFile = sharedFileDriver('file.csi.azure.com', 'Azure Files (shared file, RWX)', (hex) => `playground#sa${hex(10)}#pvc-${hex(8)}###default`);
export const nfs = sharedFileDriver('nfs.csi.k8s.io', 'NFS subdirectories (shared file, RWX)', (hex) => `nfs-server.default.svc.cluster.local#share#pvc-${hex(8)}##`);
