// Azure Files (file.csi.azure.com): SMB shares, ReadWriteMany.
import { sharedFileDriver } from './shared-file.ts';

export const azureFile = sharedFileDriver('file.csi.azure.com', 'Azure Files (shared file, RWX)', (hex) => `playground#sa${hex(10)}#pvc-${hex(8)}###default`);
