// For the shell's tests only: a small in-memory filesystem and a runner per dialect, so a test
// states a program and what dash, bash or busybox print for it.
import type { FsEntry } from '../fs/tree.ts';
import { DIALECTS, type DialectName } from './dialect.ts';
import { runShell, type ShellContext, type ShellFs, type ShellResult } from './interpreter.ts';

/** Files by absolute path; directories are the paths that have something under them, plus `dirs`. */
export function memoryFs(files: Record<string, string> = {}, dirs: string[] = ['/', '/tmp', '/root']): ShellFs {
  const data = new Map(Object.entries(files));
  const dirSet = new Set(dirs);
  const isDir = (p: string) => dirSet.has(p) || [...data.keys(), ...dirSet].some((f) => f.startsWith(p === '/' ? '/' : `${p}/`) && f !== p);
  const stat = (p: string): FsEntry | undefined => (isDir(p) ? { type: 'Directory', mode: 0o755 } : data.has(p) ? { type: 'File', mode: 0o644, content: data.get(p)! } : undefined);
  return {
    now: 0,
    stat,
    lstat: stat,
    read: (p) => (isDir(p) ? { ok: false, code: 'EISDIR' } : data.has(p) ? { ok: true, value: data.get(p)! } : { ok: false, code: 'ENOENT' }),
    list: (p) => {
      if (!isDir(p)) return { ok: false, code: 'ENOENT' };
      const prefix = p === '/' ? '/' : `${p}/`;
      const names = new Set([...data.keys(), ...dirSet].filter((f) => f.startsWith(prefix) && f !== p).map((f) => f.slice(prefix.length).split('/')[0]!));
      return { ok: true, value: [...names].sort().map((name) => ({ name, entry: stat(prefix + name)! })) };
    },
    write: (p, content, append) => {
      const parent = p.slice(0, p.lastIndexOf('/')) || '/';
      if (!isDir(parent)) return { ok: false, code: 'ENOENT' };
      if (isDir(p)) return { ok: false, code: 'EISDIR' };
      data.set(p, (append ? (data.get(p) ?? '') : '') + content);
      return { ok: true, value: undefined };
    },
    writeSized: () => ({ ok: true, value: undefined }),
    mkdir: (p) => {
      dirSet.add(p);
      return { ok: true, value: undefined };
    },
    remove: (p) => (data.delete(p) ? { ok: true, value: undefined } : { ok: false, code: 'ENOENT' }),
    symlink: () => ({ ok: false, code: 'EROFS' }),
    usage: () => undefined,
    diskUsage: () => [],
  };
}

export function context(dialect: DialectName, extra: Partial<ShellContext> = {}): ShellContext {
  return {
    fs: memoryFs(),
    env: { HOME: '/root', PATH: '/usr/local/bin:/usr/bin:/bin' },
    cwd: '/',
    hostname: 'box',
    lastCode: 0,
    dialect: DIALECTS[dialect],
    argv0: dialect === 'bash' ? 'bash' : 'sh',
    family: dialect === 'ash' ? 'busybox' : 'debian',
    ...extra,
  };
}

/** Runs `source` as `sh -c` (or `bash -c`) would in that dialect. */
export function run(dialect: DialectName, source: string, stdin = '', extra: Partial<ShellContext> = {}): ShellResult {
  return runShell(source, context(dialect, extra), stdin);
}
