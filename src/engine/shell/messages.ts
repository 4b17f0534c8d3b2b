import type { FsErrorCode } from '../containers/container-fs.ts';

/** strerror() as busybox prints it. */
export function fsMessage(code: FsErrorCode): string {
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'EROFS':
      return 'Read-only file system';
    case 'EEXIST':
      return 'File exists';
    case 'ENOTEMPTY':
      return 'Directory not empty';
    case 'ENOSPC':
      return 'No space left on device';
    case 'EBUSY':
      return 'Resource busy';
    case 'ENAMETOOLONG':
      return 'File name too long';
  }
}
