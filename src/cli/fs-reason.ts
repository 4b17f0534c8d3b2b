// A file system error in the words `ls`, `cat` or `mkdir` use (strerror's), for kubesim's one-line
// messages, instead of Node's "ENOTDIR: not a directory, mkdir 'x'".

/** The file system's reason, as `ls` or `mkdir` would say it, for the errors a path can meet. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'ENOTDIR': return 'not a directory';
    case 'EISDIR': return 'is a directory';
    // read-file.ts's own code for a device, FIFO or socket.
    case 'ENOTREG': return 'not a regular file';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on device';
    case 'EEXIST': return 'file exists';
    case 'ENAMETOOLONG': return 'file name too long';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: {
      // Node's message is "CODE: reason, syscall 'path'": keep the reason only.
      const m = /^[A-Z]+: ([^,]+)/.exec((e as Error).message ?? '');
      return m ? m[1]! : String((e as Error).message ?? e);
    }
  }
}

/** Why a file the user named could not be read, as kubesim's `cannot read FILE: …` says it ("no such file" for a missing one). */
export function cannotReadReason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : fsReason(e);
}
