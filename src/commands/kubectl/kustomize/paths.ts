// Paths as kustomize sees them: every file of a kustomization is relative to its own directory,
// and its errors name absolute paths (`lstat /home/learner/app/missing.yaml: …`).
import { HOST_CWD } from '../../shell/host-fs.ts';
import type { FileSource } from '../../types.ts';

/** `base` joined with `path` (unless absolute), with `.` and `..` resolved. */
export function joinPath(base: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${base}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The directory relative paths start from: the shell's, else the script's folder. */
export function workingDir(files: FileSource): string {
  return files.cwd?.() ?? HOST_CWD;
}

/**
 * kubectl builds with LoadRestrictionsRootOnly: a kustomization reads files only in or below its
 * own directory (other kustomization directories are fine: they are roots of their own).
 */
export function outsideRoot(abs: string, root: string): string | undefined {
  return abs === root || abs.startsWith(root === '/' ? '/' : `${root}/`) ? undefined : `security; file '${abs}' is not in or below '${root}'`;
}

/** The last element of a path, as Go's path.Base. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
