// The script host's files: what a script writes (`cat <<EOF > pod.yaml`, `kubectl get … > out`)
// lives here in memory, over the script's folder, which is read but never written. The shell
// sees them through the same interface as a container's files; kubectl reads them by path.
import type { FsEntry } from '../../engine/fs/tree.ts';
import type { ShellFs } from '../../engine/shell/interpreter.ts';
import type { FileSource } from '../types.ts';

/** The host shell's working directory: relative paths are the script's folder. */
export const HOST_CWD = '/home/learner';

type Result<T> = { ok: true; value: T } | { ok: false; code: 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' };

export class HostFiles implements ShellFs {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/', '/home', HOST_CWD, '/tmp', '/dev']);

  constructor(private readonly source: FileSource) {}

  readonly now = 0;

  /** Hears every path read (the browser terminal notes whether a line read the editor's file). */
  onRead?: (abs: string) => void;

  /** kubectl's view: `-f pod.yaml` reads what the script wrote, else the script's folder. */
  fileSource(cwd: () => string): FileSource {
    return { read: (p) => this.readText(absolute(p, cwd())), list: (p) => this.listNames(absolute(p, cwd())), cwd };
  }

  private readText(abs: string): string | undefined {
    this.onRead?.(abs);
    const own = this.files.get(abs);
    if (own !== undefined) return own;
    if (this.dirs.has(abs)) return undefined;
    return this.fromDisk(this.diskTexts, abs, () => this.source.read(onDisk(abs)));
  }

  // The script's folder is only ever read: each path is read from disk once per run, so a loop
  // that tests or lists files does not hit the disk on every turn.
  private readonly diskTexts = new Map<string, string | undefined>();
  private readonly diskLists = new Map<string, readonly string[] | undefined>();

  private fromDisk<T>(cache: Map<string, T>, abs: string, read: () => T): T {
    if (cache.has(abs)) return cache.get(abs) as T;
    const value = read();
    cache.set(abs, value);
    return value;
  }

  /** A directory's entry names (`--from-file=conf/`), or undefined when it is not one. */
  private listNames(abs: string): string[] | undefined {
    const listed = this.list(abs);
    return listed.ok ? listed.value.map((e) => e.name) : undefined;
  }

  /**
   * The names in the script's folder at a host path, when the folder has a directory there. Only
   * the folder itself and below are listed: `ls /` or `ls /tmp` must not show the real machine's.
   */
  private diskNames(abs: string): readonly string[] | undefined {
    if (this.files.has(abs) || (abs !== HOST_CWD && !abs.startsWith(`${HOST_CWD}/`))) return undefined;
    return this.fromDisk(this.diskLists, abs, () => this.source.list?.(onDisk(abs)));
  }

  stat(path: string): FsEntry | undefined {
    if (this.dirs.has(path) || [...this.files.keys()].some((f) => f.startsWith(`${path}/`))) return { type: 'Directory', mode: 0o755 };
    if (path === '/dev/null') return { type: 'CharDevice', mode: 0o666 };
    const text = this.readText(path);
    if (text !== undefined) return { type: 'File', mode: 0o644, content: text };
    // A folder next to the script is a directory the script can read, write into and cd to.
    return this.diskNames(path) === undefined ? undefined : { type: 'Directory', mode: 0o755 };
  }

  lstat(path: string): FsEntry | undefined {
    return this.stat(path);
  }

  read(path: string): Result<string> {
    if (path === '/dev/null') return { ok: true, value: '' };
    if (this.stat(path)?.type === 'Directory') return { ok: false, code: 'EISDIR' };
    const text = this.readText(path);
    return text === undefined ? { ok: false, code: 'ENOENT' } : { ok: true, value: text };
  }

  list(path: string): Result<{ name: string; entry: FsEntry }[]> {
    if (this.stat(path)?.type !== 'Directory') return { ok: false, code: this.stat(path) ? 'ENOTDIR' : 'ENOENT' };
    const names = new Set<string>(this.diskNames(path) ?? []);
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (!p.startsWith(path === '/' ? '/' : `${path}/`) || p === path) continue;
      names.add(p.slice(path === '/' ? 1 : path.length + 1).split('/')[0]!);
    }
    return { ok: true, value: [...names].sort().map((name) => ({ name, entry: this.stat(path === '/' ? `/${name}` : `${path}/${name}`)! })) };
  }

  write(path: string, content: string, append: boolean): Result<void> {
    if (path === '/dev/null') return { ok: true, value: undefined };
    if (this.stat(path)?.type === 'Directory') return { ok: false, code: 'EISDIR' };
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (this.stat(parent)?.type !== 'Directory') return { ok: false, code: 'ENOENT' };
    this.files.set(path, (append ? (this.readText(path) ?? '') : '') + content);
    return { ok: true, value: undefined };
  }

  writeSized(path: string, bytes: number): Result<void> {
    return this.write(path, '\0'.repeat(Math.min(bytes, 1 << 20)), false);
  }

  mkdir(path: string, parents: boolean): Result<void> {
    if (this.stat(path)) return parents ? { ok: true, value: undefined } : { ok: false, code: 'EEXIST' };
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!this.stat(parent)) {
      if (!parents) return { ok: false, code: 'ENOENT' };
      this.mkdir(parent, true);
    }
    this.dirs.add(path);
    return { ok: true, value: undefined };
  }

  remove(path: string, recursive: boolean): Result<void> {
    if (this.files.delete(path)) return { ok: true, value: undefined };
    if (!this.dirs.has(path)) return { ok: false, code: 'ENOENT' };
    const inside = [...this.files.keys(), ...this.dirs].filter((p) => p.startsWith(`${path}/`));
    if (inside.length > 0 && !recursive) return { ok: false, code: 'ENOTEMPTY' };
    if (!recursive) return { ok: false, code: 'EISDIR' };
    for (const p of inside) {
      this.files.delete(p);
      this.dirs.delete(p);
    }
    this.dirs.delete(path);
    return { ok: true, value: undefined };
  }

  symlink(target: string, path: string): Result<void> {
    const text = this.readText(absolute(target, path.slice(0, path.lastIndexOf('/')) || '/'));
    return text === undefined ? { ok: false, code: 'ENOENT' } : this.write(path, text, false);
  }

  usage(path: string): number | undefined {
    const text = this.readText(path);
    return text === undefined ? undefined : new TextEncoder().encode(text).length;
  }

  diskUsage(): ReturnType<ShellFs['diskUsage']> {
    return [];
  }
}

/** Where the script's folder has a host path: the virtual home is the folder; others are as given. */
function onDisk(abs: string): string {
  return abs === HOST_CWD || abs.startsWith(`${HOST_CWD}/`) || abs.startsWith('/home/') ? relativeToScript(abs) : abs;
}

/** A path under the virtual home as the script's folder sees it (`../docker-layers/app` stays relative). */
function relativeToScript(abs: string): string {
  const from = HOST_CWD.split('/').filter(Boolean);
  const to = abs.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/') || '.';
}

function absolute(path: string, cwd: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
