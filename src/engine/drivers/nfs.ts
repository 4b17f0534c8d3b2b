// NFS subdirectories (nfs.csi.k8s.io): one directory per volume on an NFS server, ReadWriteMany.
import { sharedFileDriver } from './shared-file.ts';

export const nfs = sharedFileDriver('nfs.csi.k8s.io', 'NFS subdirectories (shared file, RWX)', (hex) => `nfs-server.default.svc.cluster.local#share#pvc-${hex(8)}##`);
