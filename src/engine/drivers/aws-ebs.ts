// AWS EBS (ebs.csi.aws.com): gp3 by default; `type` must be one the EC2 API knows.
import { LABEL_ZONE } from '../api/storage.ts';
import { zonalBlockDriver, oneOf } from './zonal-block.ts';

export const awsEbs = zonalBlockDriver({
  name: 'ebs.csi.aws.com',
  description: 'AWS EBS volumes (zonal block, RWO)',
  topologyKey: LABEL_ZONE,
  handle: (hex) => `vol-0${hex(16)}`,
  checkParameters: (p, volumeName) =>
    oneOf(p, 'type', ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard'], (v) => `Could not create volume "${volumeName}": invalid AWS VolumeType "${v}"`),
});
