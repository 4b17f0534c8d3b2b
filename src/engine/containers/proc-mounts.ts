// `/proc/mounts` inside a container: the kernel's mount table as the container's mount namespace
// sees it, `DEVICE MOUNTPOINT TYPE OPTIONS 0 0` per line.
//
// The closest faithful form of what a pod on kind shows, kept short:
//   - the overlay root first, then what runc mounts for every container (proc, /dev, devpts,
//     mqueue, sysfs, cgroup2); the overlay's lowerdir/upperdir/workdir options (long containerd
//     snapshot paths) are left out;
//   - then the kubelet's mounts, ordered as containerd's CRI orders them (fewer path components
//     first, otherwise in the order given): the pod's volumes and the four files every pod gets
//     (/etc/hosts, /dev/termination-log, /etc/hostname, /etc/resolv.conf) and /dev/shm;
//   - volumes on the node's disk (hostPath, local and local-path PVs, disk emptyDirs, ConfigMaps)
//     show the disk's device and ext4, as `df` and `mount` here do (on kind they show the device
//     behind the node container); memory-backed ones (`emptyDir.medium: Memory`, Secrets,
//     projected service-account tokens) are tmpfs with their size in KiB.
import type { Mount } from './mounts.ts';

/** The paths a container reads its mount table from (/proc/mounts links to self/mounts). */
export const PROC_MOUNTS_PATHS: ReadonlySet<string> = new Set(['/proc/mounts', '/proc/self/mounts']);

/** The node disk's device and filesystem type, as the pod's files on it show. */
const NODE_DEVICE = '/dev/sda1';

const RUNTIME_LINES = [
  'overlay / overlay rw,relatime 0 0',
  'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
  'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0',
  'devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0',
  'mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0',
  'sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0',
  'cgroup /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime 0 0',
];

interface Row {
  device: string;
  path: string;
  type: string;
  options: string;
}

const depth = (path: string) => path.split('/').filter(Boolean).length;

/** The text of /proc/mounts for a container with these volume mounts. */
export function procMounts(mounts: readonly Mount[]): string {
  const volumes: Row[] = mounts.map((m) => ({
    device: m.device,
    path: m.mountPath,
    type: m.fsType,
    options: `${m.readOnly ? 'ro' : 'rw'},relatime${m.fsType === 'tmpfs' ? `,size=${Math.floor(m.size / 1024)}k` : ''}`,
  }));
  // mountsOf sorts longest path first; the pod's own order is lost, so name order stands in for it.
  volumes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const podFiles: Row[] = ['/etc/hosts', '/dev/termination-log', '/etc/hostname', '/etc/resolv.conf']
    .filter((path) => !mounts.some((m) => m.mountPath === path))
    .map((path) => ({ device: NODE_DEVICE, path, type: 'ext4', options: 'rw,relatime' }));
  const shm: Row = { device: 'shm', path: '/dev/shm', type: 'tmpfs', options: 'rw,nosuid,nodev,noexec,relatime,size=65536k' };
  const kubelet = [...volumes, ...podFiles, shm].map((row, index) => ({ row, index }));
  // Array.prototype.sort is stable: equal depths keep the kubelet's order.
  kubelet.sort((a, b) => depth(a.row.path) - depth(b.row.path) || a.index - b.index);
  const lines = [...RUNTIME_LINES, ...kubelet.map(({ row }) => `${row.device} ${row.path} ${row.type} ${row.options} 0 0`)];
  return `${lines.join('\n')}\n`;
}
