// AWS EFS (efs.csi.aws.com): an elastic shared filesystem, ReadWriteMany.
import { sharedFileDriver } from './shared-file.ts';

export const awsEfs = sharedFileDriver('efs.csi.aws.com', 'AWS EFS (shared file, RWX)', (hex) => `fs-${hex(17)}::fsap-${hex(17)}`);
