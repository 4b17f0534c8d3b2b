// `docker cp`'s copy rules (docker's archive package, CopyInfo and PrepareArchiveCopy), between
// any two filesystems the shell can use: a container's and the script host's. Like `cp -a`:
//   SRC file → DEST missing: written as DEST (its parent must exist; a DEST ending in / must exist)
//   SRC file → DEST file: overwritten;  SRC file → DEST dir: DEST/basename(SRC)
//   SRC dir  → DEST missing: DEST is made and gets SRC's contents
//   SRC dir  → DEST dir: DEST/basename(SRC), or DEST itself when SRC ends in `/.`
//   SRC dir  → DEST file: refused
// It also counts the bytes of the tar stream docker sends, which is what "Successfully copied"
// reports: a 512-byte header per entry, file data padded to 512, and the two zero blocks at the end.
import type { FsEntry } from '../fs/tree.ts';
import type { ShellFs } from '../shell/interpreter.ts';

export type CopyFailure =
  | { code: 'source-missing'; path: string }
  | { code: 'source-not-dir'; path: string }
  | { code: 'dest-parent-missing'; path: string }
  | { code: 'dest-dir-missing'; path: string }
  | { code: 'dir-onto-file'; path: string }
  | { code: 'write-failed'; path: string; reason: string };

export type CopyResult = { ok: true; bytes: number } | { ok: false; failure: CopyFailure };

const BLOCK = 512;

/** Bytes an entry takes in a tar stream. */
function tarBytes(entry: FsEntry): number {
  const size = entry.type === 'File' ? (entry.size ?? new TextEncoder().encode(entry.content ?? '').length) : 0;
  return BLOCK + Math.ceil(size / BLOCK) * BLOCK;
}

const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Strips `.` components and a trailing slash: `/a/./b/` → `/a/b`. Paths here are absolute. */
function clean(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  return `/${parts.join('/')}`;
}

/**
 * Copies SRC (on `from`) to DEST (on `to`) by docker's rules. Both paths are absolute; a trailing
 * `/.` or `/` is meaningful, as in docker.
 */
export function copyPath(from: ShellFs, srcPath: string, to: ShellFs, dstPath: string): CopyResult {
  const contentsOnly = /\/\.$/.test(srcPath);
  const src = clean(srcPath);
  const srcEntry = from.stat(src);
  if (!srcEntry) return { ok: false, failure: { code: 'source-missing', path: src } };
  if ((contentsOnly || srcPath.endsWith('/')) && srcEntry.type !== 'Directory') return { ok: false, failure: { code: 'source-not-dir', path: src } };
  const dst = clean(dstPath);
  const dstEntry = to.stat(dst);
  let target: string;
  if (!dstEntry) {
    const parent = parentOf(dst);
    if (to.stat(parent)?.type !== 'Directory') return { ok: false, failure: { code: 'dest-parent-missing', path: parent } };
    if (dstPath.endsWith('/') && srcEntry.type !== 'Directory') return { ok: false, failure: { code: 'dest-dir-missing', path: dst } };
    target = dst;
  } else if (dstEntry.type === 'Directory') {
    target = srcEntry.type === 'Directory' && contentsOnly ? dst : join(dst, baseOf(src));
  } else {
    if (srcEntry.type === 'Directory') return { ok: false, failure: { code: 'dir-onto-file', path: dst } };
    target = dst;
  }
  let bytes = 2 * BLOCK;
  const copy = (s: string, d: string, entry: FsEntry): CopyFailure | undefined => {
    bytes += tarBytes(entry);
    if (entry.type === 'Directory') {
      if (to.stat(d)?.type !== 'Directory') {
        const made = to.mkdir(d, false);
        if (!made.ok) return { code: 'write-failed', path: d, reason: made.code };
      }
      const listed = from.list(s);
      if (!listed.ok) return { code: 'write-failed', path: s, reason: listed.code };
      for (const child of listed.value) {
        const failed = copy(join(s, child.name), join(d, child.name), child.entry);
        if (failed) return failed;
      }
      return undefined;
    }
    if (entry.type !== 'File') return undefined;
    const text = from.read(s);
    if (!text.ok) return { code: 'write-failed', path: s, reason: text.code };
    const written = entry.size !== undefined && text.value === '' ? to.writeSized(d, entry.size) : to.write(d, text.value, false);
    return written.ok ? undefined : { code: 'write-failed', path: d, reason: written.code };
  };
  const failed = copy(src, target, srcEntry);
  return failed ? { ok: false, failure: failed } : { ok: true, bytes };
}
