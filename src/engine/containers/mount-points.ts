// runc making a container's mount points (libcontainer createMountpoint, then the bind mount),
// shared by the kubelet's containers and the Docker host's. A target the root filesystem lacks is
// made: its missing parents as directories (0755), then a directory for a directory source, or
// an empty file (0644) for a file source (a file hostPath, a subPath naming a ConfigMap key).
// They land in the writable layer, as they do under overlayfs, so `ls` shows them. A target of
// the other type cannot be mounted, and the container does not start: a directory source where a
// file is fails while making the mount point; a file source over a directory fails in mount(2)
// (the kernel's graft_tree). Both are ENOTDIR. Wording from runc 1.3 (kind v0.30's node image;
// Docker 27's runc 1.2 says the same) and filepath-securejoin's MkdirAllHandle.
import type { ContainerFs } from './container-fs.ts';
import type { Mount } from './mounts.ts';
import { normalizePath, parentOf } from '../fs/tree.ts';

/** A mount as the runtime is asked for it: where it goes and whether its source is a directory. */
export interface MountPlan {
  mountPath: string;
  directory: boolean;
}

export type MountPointFailure =
  /** A directory was needed where a file is: the target itself, or one of its parents (`file` is where). */
  | { mountPath: string; step: 'mkdir'; file: string; directory: boolean }
  /** A file source over a directory of the image: the bind mount itself fails. */
  | { mountPath: string; step: 'mount' };

/**
 * Containerd's and moby's order (orderedMounts): fewer path components first, otherwise as given,
 * so a mount inside another is made in it rather than hidden by it.
 */
export function mountOrder<T extends { mountPath: string }>(mounts: readonly T[]): T[] {
  const depth = (p: string) => normalizePath(p).split('/').filter(Boolean).length;
  return mounts.map((m, i) => ({ m, i })).sort((a, b) => depth(a.m.mountPath) - depth(b.m.mountPath) || a.i - b.i).map((x) => x.m);
}

/**
 * Makes the mount points of `plans` in mount order; `fsBelow(path)` is the container's files as
 * they are before the mount at `path`: the image, the writable layer, and the mounts above it.
 * The first that cannot be mounted ends it, as runc stops at the first error.
 */
export function makeMountPoints(plans: readonly MountPlan[], fsBelow: (mountPath: string) => ContainerFs): MountPointFailure | undefined {
  for (const plan of mountOrder(plans)) {
    const target = normalizePath(plan.mountPath);
    if (target === '/') continue;
    const fs = fsBelow(target);
    const parts = target.split('/').filter(Boolean);
    let missingFrom = -1;
    for (let i = 1; i <= parts.length; i++) {
      const path = '/' + parts.slice(0, i).join('/');
      const entry = fs.stat(path);
      if (!entry) {
        missingFrom = i;
        break;
      }
      if (entry.type === 'Directory') {
        if (path === target && !plan.directory) return { mountPath: plan.mountPath, step: 'mount' };
        continue;
      }
      // A file (or device) where a directory must be: above the target always, at it for a directory source.
      if (path !== target || plan.directory) return { mountPath: plan.mountPath, step: 'mkdir', file: path, directory: plan.directory };
    }
    if (missingFrom < 0) continue;
    // Where the path is read-only (inside a ConfigMap volume) nothing can be made; the mount is still shown.
    if (plan.directory) fs.mkdir(target, true);
    else if (fs.mkdir(parentOf(target), true).ok) fs.write(target, '', false);
  }
  return undefined;
}

/** The mounts a mount is made over: those at a proper ancestor of its path (mounted before it). */
export function mountsAbove(mounts: readonly Mount[], mountPath: string): Mount[] {
  const target = normalizePath(mountPath);
  return mounts.filter((m) => m.mountPath !== target && (m.mountPath === '/' || target.startsWith(`${m.mountPath}/`)));
}

/** The file descriptor runc's WithProcfd opens the target as: unknowable from outside, any plausible one does. */
const TARGET_FD = 7;

/**
 * What runc reports for a failure (after "error during container init: "): `source` is the
 * host path the runtime was given, `rootfs` the container's root filesystem on the host.
 */
export function runcMountError(failure: MountPointFailure, source: string, rootfs: string, readOnly: boolean): string {
  const at = `error mounting "${source}" to rootfs at "${failure.mountPath}": `;
  if (failure.step === 'mount') {
    // rbind (+ ro): runc's stringifyMountFlags order.
    const flags = `${readOnly ? 'MS_RDONLY|' : ''}MS_BIND|MS_REC`;
    return `${at}mount src=${source}, dst=${failure.mountPath}, dstFd=/proc/thread-self/fd/${TARGET_FD}, flags=${flags}: not a directory`;
  }
  const parent = failure.directory ? '' : 'make parent dir of file bind-mount: ';
  return `${at}create mountpoint for ${failure.mountPath} mount: ${parent}cannot create subdirectories in "${rootfs}${failure.file}": not a directory`;
}

/** runc's own prefix, as `runc create` prints it and the shim passes it on ("OCI runtime create failed: …"). */
export function ociCreateFailed(runcError: string): string {
  return `OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${runcError}: unknown`;
}
