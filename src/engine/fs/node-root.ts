// What a fresh node's root filesystem holds, as far as hostPath volumes can see: the usual
// directories, a few files, device nodes and the container runtime's socket.
import { setEntry, treeOf, type FsEntry, type FsTree } from './tree.ts';

const dir = (mode = 0o755): FsEntry => ({ type: 'Directory', mode });

// Everything but the hostname is the same on every node: built once and shared (trees are never
// changed in place), since a node's files are looked at on every exec into a hostPath volume.
const TEMPLATE: FsTree = treeOf({
  '/': dir(),
  '/bin': dir(),
  '/dev': dir(),
  '/dev/null': { type: 'CharDevice', mode: 0o666 },
  '/dev/zero': { type: 'CharDevice', mode: 0o666 },
  '/dev/sda': { type: 'BlockDevice', mode: 0o660 },
  '/etc': dir(),
  '/etc/hosts': { type: 'File', mode: 0o644, content: `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n` },
  '/etc/os-release': { type: 'File', mode: 0o644, content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n' },
  '/home': dir(),
  '/mnt': dir(),
  '/opt': dir(),
  '/proc': dir(0o555),
  '/root': dir(0o700),
  '/run': dir(),
  '/run/containerd': dir(0o711),
  '/run/containerd/containerd.sock': { type: 'Socket', mode: 0o660 },
  '/srv': dir(),
  '/sys': dir(0o555),
  '/tmp': dir(0o1777),
  '/usr': dir(),
  '/usr/bin': dir(),
  '/var': dir(),
  '/var/lib': dir(),
  '/var/lib/kubelet': dir(0o750),
  '/var/log': dir(),
  '/var/run': { type: 'Symlink', mode: 0o777, target: '/run' },
});

/** A fresh node's root filesystem, with its own name in /etc/hostname. */
export function nodeRootFs(nodeName: string): FsTree {
  return setEntry(TEMPLATE, '/etc/hostname', { type: 'File', mode: 0o644, content: `${nodeName}\n` });
}
