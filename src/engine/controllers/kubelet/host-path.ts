// hostPath volumes (semantics reference §12.2): the type check against the node's filesystem,
// creating what DirectoryOrCreate and FileOrCreate promise. Messages are the newer kubelet's.
import type { Volume } from 'kubernetes-types/core/v1';
import { createFile, lookup, mkdirAll, type FsEntryType, type FsTree } from '../../fs/tree.ts';

const WORD: Record<FsEntryType, string> = {
  Directory: 'directory',
  File: 'file',
  Socket: 'socket file',
  CharDevice: 'character device',
  BlockDevice: 'block device',
  Symlink: 'symbolic link',
  Whiteout: 'whiteout',
};

export type HostPathResult = { ok: true; tree: FsTree; created: string[] } | { ok: false; volume: string; error: string };

/** Sets up every hostPath volume of a pod on a node's filesystem; the first failure wins. */
export function setUpHostPaths(tree: FsTree, volumes: readonly Volume[]): HostPathResult {
  let current = tree;
  const created: string[] = [];
  for (const v of volumes) {
    if (!v.hostPath) continue;
    const path = v.hostPath.path;
    const type = v.hostPath.type ?? '';
    const existing = lookup(current, path);
    const fail = (error: string): HostPathResult => ({ ok: false, volume: v.name, error });
    switch (type) {
      case '':
      case 'DirectoryOrCreate': {
        // With no type there is no check; the runtime creates a missing path as a directory.
        if (existing) {
          if (type === 'DirectoryOrCreate' && existing.type !== 'Directory') return fail(`hostPath type check failed: ${path} is not a directory, it's a ${WORD[existing.type]}`);
          break;
        }
        const next = mkdirAll(current, path);
        if (!next) return fail(`mkdir ${path}: not a directory`);
        current = next;
        created.push(`${path}/`);
        break;
      }
      case 'FileOrCreate': {
        if (existing) {
          if (existing.type !== 'File') return fail(`hostPath type check failed: ${path} is not a file, it's a ${WORD[existing.type]}`);
          break;
        }
        const next = createFile(current, path);
        if (!next) return fail(`open ${path}: no such file or directory`);
        current = next;
        created.push(path);
        break;
      }
      case 'Directory':
      case 'File':
      case 'Socket':
      case 'CharDevice':
      case 'BlockDevice': {
        if (!existing) return fail(`hostPath ${path} doesn't exist`);
        if (existing.type !== type) return fail(`hostPath type check failed: ${path} is not a ${WORD[type]}, it's a ${WORD[existing.type]}`);
        break;
      }
      default:
        return fail(`hostPath type check failed: unknown type ${type}`);
    }
  }
  return { ok: true, tree: current, created };
}
