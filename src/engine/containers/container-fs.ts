// A container's view of files: its mounts over the overlay of image and writable layer. Reads
// and writes go to wherever the path lives (the writable layer, the node's filesystem, a
// volume's data); writes to read-only mounts fail with EROFS, as in a real container.
import type { Stored } from '../api/objects.ts';
import type { ClusterState } from '../cluster/state.ts';
import type { Txn } from '../cluster/store.ts';
import { nodeRootFs } from '../fs/node-root.ts';
import { imageRootFs } from '../fs/images.ts';
import { bytesUnder, childrenOf, entryAt, holdsPath, lookup, normalizePath, parentOf, removeAll, resolveEntry, resolvePath, setEntry, sizeOf, treeOf, utf8Length, whiteoutAbove, type FsEntry, type FsTree } from '../fs/tree.ts';
import { NODE_DISK_BYTES, containerKey, mountsOf, type Mount } from './mounts.ts';
import { getOwn, setOwn } from '../../lib/own.ts';

export type FsErrorCode = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EROFS' | 'EEXIST' | 'ENOTEMPTY' | 'ENOSPC' | 'EBUSY' | 'ENAMETOOLONG';

/** Linux's PATH_MAX (with its NUL) and NAME_MAX: longer paths and names are refused, not stored. */
const PATH_MAX = 4096;
const NAME_MAX = 255;

function nameTooLong(path: string): boolean {
  return path.length >= PATH_MAX || path.split('/').some((part) => part.length > NAME_MAX);
}
export type FsResult<T> = { ok: true; value: T } | { ok: false; code: FsErrorCode };

const DIR: FsEntry = { type: 'Directory', mode: 0o755 };
/** A volume nothing has written to yet: its empty root directory. */
const EMPTY_VOLUME = treeOf({ '/': { type: 'Directory', mode: 0o777 } });
const ok = <T>(value: T): FsResult<T> => ({ ok: true, value });
const err = <T>(code: FsErrorCode): FsResult<T> => ({ ok: false, code });

/** One layer of storage a path can live in, with how to read and replace its tree. */
interface Place {
  tree: FsTree;
  path: string;
  readOnly: boolean;
  save?: (tree: FsTree) => void;
  /** The overlay root: reads fall through to the image, deletes leave whiteouts. */
  overlay?: { lower: FsTree };
}

/** What a container's filesystem is made of: the image below, its own writable layer, its mounts. */
export interface ContainerRoot {
  state: ClusterState;
  mounts: Mount[];
  lower: FsTree;
  upper(): FsTree | undefined;
  setUpper(tree: FsTree): void;
}

export class ContainerFs {
  readonly mounts: Mount[];

  private readonly state: ClusterState;

  constructor(private readonly root: ContainerRoot) {
    this.state = root.state;
    this.mounts = root.mounts;
  }

  /** A pod's container; `view` is the transaction the exec runs in, so writes land in its state. */
  static ofPod(view: Pick<Txn, 'get' | 'state'>, pod: Stored<'Pod'>, container: string): ContainerFs {
    const key = containerKey(pod, container);
    const state = view.state;
    return new ContainerFs({
      state,
      mounts: mountsOf(view, pod, container),
      lower: imageRootFs(state.containers[key]?.image ?? ''),
      upper: () => state.containers[key]?.upper,
      setUpper: (tree) => (state.containers[key] = { ...state.containers[key]!, upper: tree }),
    });
  }

  /** The simulated time, for timestamps `ls -l` prints. */
  get now(): number {
    return this.state.now;
  }

  /** What `df` and `mount` list: the overlay root, then each mount in path order. */
  diskUsage(): { source: string; mountPath: string; fsType: string; readOnly: boolean; size: number; used: number }[] {
    const root = { source: 'overlay', mountPath: '/', fsType: 'overlay', readOnly: false, size: NODE_DISK_BYTES, used: this.usage('/') ?? 0 };
    const mounts = [...this.mounts]
      .sort((a, b) => a.mountPath.localeCompare(b.mountPath))
      .map((m) => ({ source: m.device, mountPath: m.mountPath, fsType: m.fsType, readOnly: m.readOnly, size: m.size, used: this.usage(m.mountPath) ?? 0 }));
    return [root, ...mounts];
  }

  /** Bytes of the files under a path (what `du -s` adds up), or undefined if it does not exist. */
  usage(path: string): number | undefined {
    const top = this.stat(path);
    if (!top) return undefined;
    if (top.type !== 'Directory') return sizeOf(top);
    const listing = this.list(path);
    if (!listing.ok) return 0;
    const base = normalizePath(path);
    return listing.value.reduce((sum, e) => sum + (e.entry.type === 'Symlink' ? 0 : (this.usage(`${base === '/' ? '' : base}/${e.name}`) ?? 0)), 0);
  }

  /** A file of a given size with no content to show (`dd`, `fallocate`). */
  writeSized(path: string, bytes: number): FsResult<void> {
    // No file is bigger than a disk (and the state stays JSON: no Infinity or NaN sizes).
    if (!Number.isSafeInteger(bytes) || bytes < 0) return err('ENOSPC');
    const before = this.stat(path);
    if (!this.fits(path, before ? sizeOf(before) : 0, bytes)) return err('ENOSPC');
    const written = this.write(path, '', false);
    if (!written.ok) return written;
    const p = this.place(path)!;
    const target = resolvePath(p.tree, p.path);
    p.save!(setEntry(p.tree, target, { ...entryAt(p.tree, target)!, size: bytes }));
    return ok(undefined);
  }

  stat(path: string): FsEntry | undefined {
    const p = this.place(path);
    if (!p) return undefined;
    return this.entryAt(p);
  }

  read(path: string): FsResult<string> {
    const e = this.stat(path);
    if (!e) return err('ENOENT');
    if (e.type === 'Directory') return err('EISDIR');
    return ok(e.content ?? (e.size ? '\0'.repeat(Math.min(e.size, 64)) : ''));
  }

  list(path: string): FsResult<{ name: string; entry: FsEntry }[]> {
    const p = this.place(path);
    const e = p && this.entryAt(p);
    if (!p || !e) return err('ENOENT');
    if (e.type !== 'Directory') return err('ENOTDIR');
    const names = new Set(childrenOf(p.tree, resolvePath(p.tree, p.path)));
    if (p.overlay) for (const n of childrenOf(p.overlay.lower, p.path)) names.add(n);
    const dir = normalizePath(path);
    for (const m of this.mounts) if (parentOf(m.mountPath) === dir && m.mountPath !== '/') names.add(m.mountPath.slice(m.mountPath.lastIndexOf('/') + 1));
    const out: { name: string; entry: FsEntry }[] = [];
    for (const name of [...names].sort()) {
      const child = this.lstat(`${dir === '/' ? '' : dir}/${name}`);
      if (child) out.push({ name, entry: child });
    }
    return ok(out);
  }

  /** The entry itself, not following a final symlink (for `ls -l`). */
  lstat(path: string): FsEntry | undefined {
    const p = this.place(path);
    if (!p) return undefined;
    const raw = entryAt(p.tree, p.path) ?? (p.overlay && entryAt(p.overlay.lower, p.path));
    return raw && raw.type !== 'Whiteout' ? raw : this.entryAt(p);
  }

  write(path: string, content: string, append: boolean): FsResult<void> {
    if (nameTooLong(path)) return err('ENAMETOOLONG');
    const p = this.place(path);
    if (!p) return err('ENOENT');
    if (p.readOnly) return err('EROFS');
    const existing = this.entryAt(p);
    if (existing?.type === 'Directory') return err('EISDIR');
    const parent = this.place(parentOf(normalizePath(path)));
    if (!parent || this.entryAt(parent)?.type !== 'Directory') return err('ENOENT');
    const target = resolvePath(p.tree, p.path);
    const before = append ? existing?.content ?? '' : '';
    const text = before + content;
    if (!this.fits(path, existing ? sizeOf(existing) : 0, utf8Length(text))) return err('ENOSPC');
    p.save!(setEntry(p.tree, target, { type: 'File', mode: existing?.mode ?? 0o644, content: text }));
    return ok(undefined);
  }

  /** A memory-backed emptyDir is a tmpfs of its sizeLimit: writes past it fail (SizeMemoryBackedVolumes). */
  private fits(path: string, oldBytes: number, newBytes: number): boolean {
    const norm = normalizePath(path);
    // A mount at `/` (the Docker host's own disk) covers every path not under a deeper mount.
    const mount = this.mounts.find((m) => m.mountPath === '/' || norm === m.mountPath || norm.startsWith(`${m.mountPath}/`));
    if (!mount || mount.fsType !== 'tmpfs' || mount.source.kind !== 'store') return true;
    // The volume's tree keeps its byte total, so the check need not walk its files; with another
    // mount inside it, `du` of the mount point is what counts.
    const src = mount.source;
    const nested = this.mounts.some((m) => m !== mount && m.mountPath.startsWith(`${mount.mountPath}/`));
    const used = nested ? (this.usage(mount.mountPath) ?? 0) : bytesUnder(this.state.volumeData[src.key] ?? EMPTY_VOLUME, src.root);
    return used - oldBytes + newBytes <= mount.size;
  }

  mkdir(path: string, parents: boolean): FsResult<void> {
    const norm = normalizePath(path);
    if (nameTooLong(norm)) return err('ENAMETOOLONG');
    if (this.stat(norm)) return parents && this.stat(norm)!.type === 'Directory' ? ok(undefined) : err('EEXIST');
    const parent = parentOf(norm);
    if (!this.stat(parent)) {
      if (!parents) return err('ENOENT');
      // `mkdir -p`: the missing ancestors, nearest the root first. A loop, not recursion: a path of
      // thousands of components (or a root that is missing) must not exhaust the stack.
      const missing: string[] = [];
      for (let dir = parent; !this.stat(dir); dir = parentOf(dir)) {
        if (dir === '/') return err('ENOENT');
        missing.push(dir);
      }
      for (const dir of missing.reverse()) {
        const made = this.mkdir(dir, false);
        if (!made.ok) return made;
      }
    }
    const p = this.place(norm);
    if (!p) return err('ENOENT');
    if (p.readOnly) return err('EROFS');
    p.save!(setEntry(p.tree, resolvePath(p.tree, p.path), DIR));
    return ok(undefined);
  }

  remove(path: string, recursive: boolean): FsResult<void> {
    const norm = normalizePath(path);
    const p = this.place(norm);
    const e = p && this.entryAt(p);
    if (!p || !e) return err('ENOENT');
    if (this.mounts.some((m) => m.mountPath === norm)) return err('EBUSY'); // a mount point cannot be removed
    if (p.readOnly) return err('EROFS');
    if (e.type === 'Directory' && !recursive) return err('EISDIR');
    let tree = removeAll(p.tree, p.path);
    if (p.overlay && holdsPath(p.overlay.lower, p.path)) tree = setEntry(tree, p.path, { type: 'Whiteout', mode: 0 });
    p.save!(tree);
    return ok(undefined);
  }

  symlink(target: string, path: string): FsResult<void> {
    if (nameTooLong(path)) return err('ENAMETOOLONG');
    const p = this.place(path);
    if (!p) return err('ENOENT');
    if (p.readOnly) return err('EROFS');
    if (this.lstat(path)) return err('EEXIST');
    p.save!(setEntry(p.tree, p.path, { type: 'Symlink', mode: 0o777, target }));
    return ok(undefined);
  }

  private entryAt(p: Place): FsEntry | undefined {
    const { path, entry: upper } = resolveEntry(p.tree, p.path);
    if (upper?.type === 'Whiteout') return undefined;
    if (upper) return upper.type === 'Symlink' ? undefined : upper;
    if (p.overlay) {
      // A whiteout on a parent hides everything under it.
      if (whiteoutAbove(p.tree, path)) return undefined;
      return lookup(p.overlay.lower, path);
    }
    return undefined;
  }

  /** Which layer a path lives in, and its path inside that layer. */
  private place(path: string): Place | undefined {
    const norm = normalizePath(path);
    // A mount at `/` (the Docker host's own disk) covers every path not under a deeper mount.
    const mount = this.mounts.find((m) => m.mountPath === '/' || norm === m.mountPath || norm.startsWith(`${m.mountPath}/`));
    if (!mount) {
      const upper = this.root.upper();
      if (!upper) return undefined;
      return { tree: upper, path: norm, readOnly: false, overlay: { lower: this.root.lower }, save: (tree) => this.root.setUpper(tree) };
    }
    const rel = mount.mountPath === '/' ? norm : norm.slice(mount.mountPath.length) || '/';
    const src = mount.source;
    switch (src.kind) {
      case 'file':
        return rel === '/' ? { tree: treeOf({ '/f': { type: 'File', mode: 0o644, content: src.content } }), path: '/f', readOnly: true } : undefined;
      case 'generated':
        return { tree: src.tree(), path: normalizePath(`${src.root}${rel}`), readOnly: true };
      case 'node': {
        const node = src.node;
        return {
          tree: getOwn(this.state.nodeFiles, node) ?? nodeRootFs(node),
          path: normalizePath(`${src.root}${rel}`),
          readOnly: mount.readOnly,
          save: (tree) => setOwn(this.state.nodeFiles, node, tree),
        };
      }
      case 'store': {
        const key = src.key;
        return {
          tree: this.state.volumeData[key] ?? EMPTY_VOLUME,
          path: normalizePath(`${src.root}${rel}`),
          readOnly: mount.readOnly,
          save: (tree) => (this.state.volumeData[key] = tree),
        };
      }
    }
  }
}
