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
import { PROC_MOUNTS_PATHS, procMounts } from './proc-mounts.ts';
import { resolvConf } from '../net/dns.ts';
import { getOwn, setOwn } from '../../lib/own.ts';

export type FsErrorCode = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EROFS' | 'EEXIST' | 'ENOTEMPTY' | 'ENOSPC' | 'EBUSY' | 'ENAMETOOLONG';

/** Linux's PATH_MAX (with its NUL) and NAME_MAX: longer paths and names are refused, not stored. */
const PATH_MAX = 4096;
const NAME_MAX = 255;

function nameTooLong(path: string): boolean {
  // No name can be longer than the whole path: most paths need no scan.
  if (path.length <= NAME_MAX) return false;
  if (path.length >= PATH_MAX) return true;
  for (let start = 0; start <= path.length; ) {
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    if (end - start > NAME_MAX) return true;
    start = end + 1;
  }
  return false;
}
export type FsResult<T> = { ok: true; value: T } | { ok: false; code: FsErrorCode };

const DIR: FsEntry = { type: 'Directory', mode: 0o755 };
/** A volume nothing has written to yet: its empty root directory. */
const EMPTY_VOLUME = treeOf({ '/': { type: 'Directory', mode: 0o777 } });
const ok = <T>(value: T): FsResult<T> => ({ ok: true, value });
const err = <T>(code: FsErrorCode): FsResult<T> => ({ ok: false, code });

/**
 * Where a place's tree is kept, so a write can replace it: the container's writable layer, a
 * node's files, or a volume's data. Data, not a closure: a place is made for every path a
 * command touches.
 */
type Home = { kind: 'upper' } | { kind: 'node'; node: string } | { kind: 'store'; key: string };

/** One layer of storage a path can live in, with where its tree is kept (none when read-only). */
interface Place {
  tree: FsTree;
  path: string;
  readOnly: boolean;
  home?: Home;
  /** The overlay root: reads fall through to the image, deletes leave whiteouts. */
  overlay?: { lower: FsTree };
}

const UPPER: Home = { kind: 'upper' };
/** Where the kubelet mounts the pod's resolver configuration. */
const RESOLV_CONF = '/etc/resolv.conf';

/** What a container's filesystem is made of: the image below, its own writable layer, its mounts. */
export interface ContainerRoot {
  state: ClusterState;
  mounts: Mount[];
  lower: FsTree;
  upper(): FsTree | undefined;
  setUpper(tree: FsTree): void;
  /**
   * For a state whose file tables are still shared with the state it was made from: makes one
   * its own before its first write. Without it, the tables are the caller's to write.
   */
  own?(table: FileTable): void;
  /** A pod's container: the kernel shows its mount table at /proc/mounts (made when read, never stored). */
  procfs?: boolean;
  /** The /etc/resolv.conf the kubelet bind-mounts into a pod's containers (made when read, never stored). */
  resolvConf?: string;
}

/** The tables of a state that hold files, which a container's commands write into. */
export type FileTable = 'containers' | 'volumeData' | 'nodeFiles';

export class ContainerFs {
  readonly mounts: Mount[];

  private readonly state: ClusterState;
  private readonly overlay: { lower: FsTree };

  constructor(private readonly root: ContainerRoot) {
    this.state = root.state;
    this.mounts = root.mounts;
    this.overlay = { lower: root.lower };
  }

  /**
   * A pod's container; `view` is the transaction the exec runs in, so writes land in its state.
   * `mounts`, when given, are what mountsOf gives for this view (worked out once for many execs).
   */
  static ofPod(view: Pick<Txn, 'get' | 'state'> & Pick<ContainerRoot, 'own'>, pod: Stored<'Pod'>, container: string, mounts = mountsOf(view, pod, container)): ContainerFs {
    const dnsPolicy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
    const resolv = dnsPolicy === 'ClusterFirst' || dnsPolicy === 'ClusterFirstWithHostNet' ? resolvConf(pod.metadata.namespace ?? 'default') : undefined;
    return new ContainerFs(new PodContainerRoot(view, containerKey(pod, container), mounts, resolv));
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
    this.save(p, setEntry(p.tree, target, { ...entryAt(p.tree, target)!, size: bytes }));
    return ok(undefined);
  }

  stat(path: string): FsEntry | undefined {
    const proc = this.procEntry(path);
    if (proc) return proc;
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
    if (dir === '/etc' && this.root.resolvConf !== undefined) names.add('resolv.conf');
    const out: { name: string; entry: FsEntry }[] = [];
    for (const name of [...names].sort()) {
      const child = this.lstat(`${dir === '/' ? '' : dir}/${name}`);
      if (child) out.push({ name, entry: child });
    }
    return ok(out);
  }

  /** The entry itself, not following a final symlink (for `ls -l`). */
  lstat(path: string): FsEntry | undefined {
    const proc = this.procEntry(path);
    if (proc) return proc;
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
    // One walk gives both the entry and the path a symlink leads to (where the file is written).
    const resolved = resolveEntry(p.tree, p.path);
    const existing = this.entryOf(p, resolved);
    if (existing?.type === 'Directory') return err('EISDIR');
    const parent = this.place(parentOf(normalizePath(path)));
    if (!parent || this.entryAt(parent)?.type !== 'Directory') return err('ENOENT');
    const before = append ? existing?.content ?? '' : '';
    const text = before + content;
    if (!this.fits(path, existing ? sizeOf(existing) : 0, utf8Length(text))) return err('ENOSPC');
    this.save(p, setEntry(p.tree, resolved.path, { type: 'File', mode: existing?.mode ?? 0o644, content: text }));
    return ok(undefined);
  }

  /** A memory-backed emptyDir is a tmpfs of its sizeLimit: writes past it fail (SizeMemoryBackedVolumes). */
  private fits(path: string, oldBytes: number, newBytes: number): boolean {
    const mount = this.mountOf(normalizePath(path));
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
    this.save(p, setEntry(p.tree, resolvePath(p.tree, p.path), DIR));
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
    this.save(p, tree);
    return ok(undefined);
  }

  symlink(target: string, path: string): FsResult<void> {
    if (nameTooLong(path)) return err('ENAMETOOLONG');
    const p = this.place(path);
    if (!p) return err('ENOENT');
    if (p.readOnly) return err('EROFS');
    if (this.lstat(path)) return err('EEXIST');
    this.save(p, setEntry(p.tree, p.path, { type: 'Symlink', mode: 0o777, target }));
    return ok(undefined);
  }

  private entryAt(p: Place): FsEntry | undefined {
    return this.entryOf(p, resolveEntry(p.tree, p.path));
  }

  /** The entry a place shows, given its walk down the place's own tree. */
  private entryOf(p: Place, { path, entry: upper }: { path: string; entry: FsEntry | undefined }): FsEntry | undefined {
    if (upper?.type === 'Whiteout') return undefined;
    if (upper) return upper.type === 'Symlink' ? undefined : upper;
    if (p.overlay) {
      // A whiteout on a parent hides everything under it.
      if (whiteoutAbove(p.tree, path)) return undefined;
      return lookup(p.overlay.lower, path);
    }
    return undefined;
  }

  /** The mount a normalized path is under: the first that covers it (mounts come longest path first). */
  private mountOf(norm: string): Mount | undefined {
    for (const m of this.mounts) {
      const at = m.mountPath;
      // A mount at `/` (the Docker host's own disk) covers every path not under a deeper mount.
      if (at === '/' || (norm.startsWith(at) && (norm.length === at.length || norm.charCodeAt(at.length) === 47))) return m;
    }
    return undefined;
  }

  /** Which layer a path lives in, and its path inside that layer. */
  private place(path: string): Place | undefined {
    const norm = normalizePath(path);
    const mount = this.mountOf(norm);
    if (!mount) {
      const upper = this.root.upper();
      if (!upper) return undefined;
      return { tree: upper, path: norm, readOnly: false, overlay: this.overlay, home: UPPER };
    }
    const rel = mount.mountPath === '/' ? norm : norm.slice(mount.mountPath.length) || '/';
    const src = mount.source;
    switch (src.kind) {
      case 'file':
        return rel === '/' ? { tree: treeOf({ '/f': { type: 'File', mode: 0o644, content: src.content } }), path: '/f', readOnly: true } : undefined;
      case 'generated':
        return { tree: src.tree(), path: below(src.root, rel), readOnly: true };
      case 'node':
        return { tree: getOwn(this.state.nodeFiles, src.node) ?? nodeRootFs(src.node), path: below(src.root, rel), readOnly: mount.readOnly, home: src };
      case 'store':
        return { tree: this.state.volumeData[src.key] ?? EMPTY_VOLUME, path: below(src.root, rel), readOnly: mount.readOnly, home: src };
    }
  }

  /** A file the kernel makes up as it is read (procfs), or undefined for any other path. */
  private procEntry(path: string): FsEntry | undefined {
    if (this.root.resolvConf !== undefined && normalizePath(path) === RESOLV_CONF && !this.mountOf(RESOLV_CONF)) return { type: 'File', mode: 0o644, content: this.root.resolvConf };
    if (!this.root.procfs || !PROC_MOUNTS_PATHS.has(normalizePath(path))) return undefined;
    return { type: 'File', mode: 0o444, content: procMounts(this.mounts) };
  }

  /** Replaces a writable place's tree where it is kept. */
  private save(p: Place, tree: FsTree): void {
    const home = p.home!;
    if (home.kind === 'upper') return this.root.setUpper(tree);
    this.root.own?.(home.kind === 'node' ? 'nodeFiles' : 'volumeData');
    if (home.kind === 'node') setOwn(this.state.nodeFiles, home.node, tree);
    else this.state.volumeData[home.key] = tree;
  }
}

/** A normalized path inside a volume's root: `/` + `/a` is `/a`, `/r` + `/` is `/r`. */
function below(root: string, rel: string): string {
  if (root === '/') return rel;
  return rel === '/' ? root : normalizePath(`${root}${rel}`);
}

/** A pod container's writable layer, kept in its record in the state the exec runs in. */
class PodContainerRoot implements ContainerRoot {
  readonly state: ClusterState;
  readonly lower: FsTree;
  readonly procfs = true;

  constructor(
    private readonly view: Pick<Txn, 'state'> & Pick<ContainerRoot, 'own'>,
    private readonly key: string,
    readonly mounts: Mount[],
    readonly resolvConf?: string,
  ) {
    this.state = view.state;
    this.lower = imageRootFs(this.state.containers[key]?.image ?? '');
  }

  upper(): FsTree | undefined {
    return this.state.containers[this.key]?.upper;
  }

  setUpper(tree: FsTree): void {
    this.own('containers');
    this.state.containers[this.key] = { ...this.state.containers[this.key]!, upper: tree };
  }

  own(table: FileTable): void {
    this.view.own?.(table);
  }
}
