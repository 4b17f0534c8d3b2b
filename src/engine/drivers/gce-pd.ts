// GCE persistent disks (pd.csi.storage.gke.io): `type` pd-standard, pd-balanced, pd-ssd, … .
import { LABEL_ZONE } from '../api/storage.ts';
import { zonalBlockDriver, oneOf } from './zonal-block.ts';

export const gcePd = zonalBlockDriver({
  name: 'pd.csi.storage.gke.io',
  description: 'GCE persistent disks (zonal block, RWO)',
  topologyKey: LABEL_ZONE,
  handle: (hex, zone) => `projects/playground/zones/${zone}/disks/pvc-${hex(8)}`,
  checkParameters: (p) =>
    oneOf(p, 'type', ['pd-standard', 'pd-balanced', 'pd-ssd', 'pd-extreme', 'hyperdisk-balanced', 'hyperdisk-throughput', 'hyperdisk-extreme'], (v) => `CreateVolume failed to extract parameters: invalid disk type "${v}"`),
});
