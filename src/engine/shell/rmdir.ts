// `rmdir [-p] DIR…`: removes empty directories only. busybox (coreutils/rmdir.c) says
// `rmdir: 'x': Directory not empty`, GNU coreutils 9.1 `rmdir: failed to remove 'x': Directory
// not empty`; with -p each parent goes too, as long as it is empty.
import type { FsErrorCode } from '../containers/container-fs.ts';
import { parentOf } from '../fs/tree.ts';
import type { CommandIO } from './commands.ts';
import type { ShellResult } from './interpreter.ts';
import { fsMessage } from './messages.ts';

/** Why a directory cannot be removed, or undefined when it was. */
function removeOne(path: string, io: CommandIO): FsErrorCode | undefined {
  const abs = io.resolve(path);
  const e = io.ctx.fs.lstat(abs);
  if (!e) return 'ENOENT';
  if (e.type !== 'Directory') return 'ENOTDIR';
  const listing = io.ctx.fs.list(abs);
  if (listing.ok && listing.value.length > 0) return 'ENOTEMPTY';
  const r = io.ctx.fs.remove(abs, true);
  return r.ok ? undefined : r.code;
}

export function rmdir(args: string[], io: CommandIO): ShellResult {
  const parents = args.some((a) => /^-[a-z]*p/.test(a) || a === '--parents');
  const dirs = args.filter((a) => !a.startsWith('-'));
  const gnu = io.ctx.family === 'debian';
  if (dirs.length === 0) return { stdout: '', stderr: gnu ? "rmdir: missing operand\nTry 'rmdir --help' for more information.\n" : 'rmdir: missing operand\n', code: 1 };
  let stderr = '';
  for (const dir of dirs) {
    // With -p, `a/b/c` removes a/b/c, then a/b, then a.
    for (let p = dir.replace(/\/+$/, '') || dir; ; p = parentOf(p)) {
      const code = removeOne(p, io);
      if (code) {
        // glibc's words for EBUSY (a mount point); busybox's libc (musl) says "Resource busy".
        const reason = gnu && code === 'EBUSY' ? 'Device or resource busy' : fsMessage(code);
        stderr += gnu ? `rmdir: failed to remove '${p}': ${reason}\n` : `rmdir: '${p}': ${reason}\n`;
        break;
      }
      if (!parents || !p.includes('/') || parentOf(p) === '/' || parentOf(p) === '.') break;
    }
  }
  return { stdout: '', stderr, code: stderr ? 1 : 0 };
}
