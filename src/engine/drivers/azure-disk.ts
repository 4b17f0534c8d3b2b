// Azure managed disks (disk.csi.azure.com): `skuName` picks the disk SKU.
import { LABEL_ZONE } from '../api/storage.ts';
import { zonalBlockDriver, oneOf } from './zonal-block.ts';

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
