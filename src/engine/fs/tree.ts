// A filesystem as plain data: absolute paths to entries. It is what a node's root filesystem is
// here (hostPath volumes and local volumes live in it) and the shape the container filesystems
// build on. Functions return new trees; a tree is never modified in place.

/** `Whiteout` marks, in a writable layer, that a file of a lower layer was deleted. */
export type FsEntryType = 'Directory' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice' | 'Symlink' | 'Whiteout';

export interface FsEntry {
  type: FsEntryType;
  /** Permission bits, e.g. 0o755. */
  mode: number;
  /** File contents (text); absent for everything but files. */
  content?: string;
  /** Size in bytes when it differs from the content's (files made with dd or fallocate). */
  size?: number;
  /** Symlink target. */
  target?: string;
}

export type FsTree = Readonly<Record<string, FsEntry>>;

/** `/a//b/./c/` → `/a/b/c`; `..` is resolved, never above `/`. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

export function parentOf(path: string): string {
  const p = normalizePath(path);
  return p === '/' ? '/' : p.slice(0, p.lastIndexOf('/')) || '/';
}

/** The entry at a path, following symlinks on the way (`/var/run/x` through `/var/run` → `/run`). */
export function lookup(tree: FsTree, path: string): FsEntry | undefined {
  return tree[resolvePath(tree, path)];
}

/** The path with every symlink on the way replaced by its target (at most 16 hops, like ELOOP). */
export function resolvePath(tree: FsTree, path: string): string {
  let parts = normalizePath(path).split('/').filter(Boolean);
  for (let hops = 0, i = 0; i < parts.length && hops < 16; i++) {
    const prefix = '/' + parts.slice(0, i + 1).join('/');
    const entry = tree[prefix];
    if (entry?.type === 'Symlink' && entry.target) {
      const base = entry.target.startsWith('/') ? entry.target : `${parentOf(prefix)}/${entry.target}`;
      parts = [...normalizePath(base).split('/').filter(Boolean), ...parts.slice(i + 1)];
      i = -1;
      hops++;
    }
  }
  return '/' + parts.join('/');
}

/** `mkdir -p`: creates every missing directory on the way. Fails (undefined) if a file is in the way. */
export function mkdirAll(tree: FsTree, path: string, mode = 0o755): FsTree | undefined {
  const target = resolvePath(tree, path);
  const out: Record<string, FsEntry> = { ...tree };
  let cur = '';
  for (const part of target.split('/').filter(Boolean)) {
    cur += `/${part}`;
    const existing = out[cur];
    if (existing && existing.type !== 'Directory') return undefined;
    if (!existing) out[cur] = { type: 'Directory', mode };
  }
  return out;
}

/** `open(path, O_CREATE)`: creates an empty file if its parent directory exists. */
export function createFile(tree: FsTree, path: string, mode = 0o644): FsTree | undefined {
  const p = resolvePath(tree, path);
  if (tree[p]) return tree;
  if (lookup(tree, parentOf(p))?.type !== 'Directory') return undefined;
  return { ...tree, [p]: { type: 'File', mode, content: '' } };
}

/** Names directly inside a directory, sorted. */
export function childrenOf(tree: FsTree, dir: string): string[] {
  const base = normalizePath(dir);
  const prefix = base === '/' ? '/' : `${base}/`;
  const out = new Set<string>();
  for (const p of Object.keys(tree)) {
    if (p.length > prefix.length && p.startsWith(prefix)) out.add(p.slice(prefix.length).split('/')[0]!);
  }
  return [...out].sort();
}

/** Writes (or appends to) a file whose parent directory exists. */
export function writeFile(tree: FsTree, path: string, content: string, append = false, mode = 0o644): FsTree | undefined {
  const p = resolvePath(tree, path);
  const existing = tree[p];
  if (existing && existing.type !== 'File') return undefined;
  if (!existing && tree[parentOf(p)]?.type !== 'Directory') return undefined;
  const before = existing?.content ?? '';
  const text = append ? before + content : content;
  return { ...tree, [p]: { type: 'File', mode: existing?.mode ?? mode, content: text } };
}

/** Removes a path and everything under it. */
export function removeAll(tree: FsTree, path: string): FsTree {
  const p = normalizePath(path);
  const out: Record<string, FsEntry> = {};
  for (const [k, v] of Object.entries(tree)) if (k !== p && !k.startsWith(`${p}/`)) out[k] = v;
  return out;
}

/** The bytes a file takes. */
export function sizeOf(entry: FsEntry): number {
  return entry.size ?? new TextEncoder().encode(entry.content ?? '').length;
}

/** A lower tree with a layer on top: the layer's entries win; whiteouts delete what they cover. */
export function applyLayer(lower: FsTree, layer: FsTree): FsTree {
  const out: Record<string, FsEntry> = { ...lower };
  for (const [path, entry] of Object.entries(layer)) {
    if (entry.type === 'Whiteout') {
      for (const k of Object.keys(out)) if (k === path || k.startsWith(`${path}/`)) delete out[k];
    } else out[path] = entry;
  }
  return out;
}

/** Bytes the files of a layer add (directories, links and whiteouts count nothing). */
export function layerBytes(layer: FsTree): number {
  return Object.values(layer).reduce((sum, e) => sum + (e.type === 'File' ? sizeOf(e) : 0), 0);
}
