// Shared-file CSI drivers (AWS EFS, Azure Files, NFS; one file each): one filesystem reachable from every node
// and zone, mounted by many pods at once (ReadWriteMany), nothing to attach.
import type { ProvisionerDriver } from './driver.ts';

export function sharedFileDriver(name: string, description: string, handle: (hex: (n: number) => string) => string): ProvisionerDriver {
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
