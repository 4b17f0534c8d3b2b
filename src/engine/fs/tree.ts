// A filesystem as plain data. It is what a node's root filesystem is here (hostPath volumes and
// local volumes live in it), what a volume's data and a container's writable layer are, and the
// shape the container filesystems build on.
//
// A tree is a node per path: the entry at that path, and the nodes below it by name (a
// name-table, so a big directory is chunked). Trees are persistent: a change copies only the
// nodes on its path and shares the rest, so a write costs O(depth × log entries) and every earlier
// tree, kept by time travel, stays exactly as it was. Functions return new trees; a tree is never
// modified in place. A path may hold no entry and still lead to deeper ones (a writable layer has
// `/etc/hostname` without `/etc`); a node with neither an entry nor anything below is removed,
// so equal contents are equal trees (toEqual, JSON) whatever the order of the writes. Every
// directory's table also keeps the bytes of the files below it, so what a volume or a layer
// holds (a tmpfs's limit, an emptyDir's sizeLimit, `docker system df`) costs no walk of its files.
import { tableGet, tableDelete, tablePairs, tableSet, tableWeight, type NameTable } from './name-table.ts';

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

/** The node of a path: its entry, if the path has one, and what is below it by name. */
export interface FsNode {
  readonly entry?: FsEntry;
  readonly children?: NameTable<FsNode>;
}

/** A tree is the node of `/`. */
export type FsTree = FsNode;

/** The tree with nothing in it. */
export const EMPTY_TREE: FsTree = Object.freeze({});

/** The node with these parts, keys always in the same order; undefined when it holds nothing. */
function makeNode(entry: FsEntry | undefined, children: NameTable<FsNode> | undefined): FsNode | undefined {
  if (entry && children) return { entry, children };
  if (entry) return { entry };
  if (children) return { children };
  return undefined;
}

/** A tree from `path → entry` pairs (a literal image or node filesystem, or a listing). */
export function treeOf(entries: Readonly<Record<string, FsEntry>> | Iterable<readonly [string, FsEntry]>): FsTree {
  let tree = EMPTY_TREE;
  const pairs = Symbol.iterator in entries ? (entries as Iterable<readonly [string, FsEntry]>) : Object.entries(entries);
  for (const [path, entry] of pairs) tree = setEntry(tree, path, entry);
  return tree;
}

/** What a path needs normalizing for: `//`, a `.` or `..` component, a trailing `/`. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

/** The names of a path, `..` resolved, never above `/`. */
function partsOf(path: string): string[] {
  // Most paths are already normal (the engine normalizes before it stores): split them directly.
  if (path.charCodeAt(0) === 47 && !NOT_NORMAL.test(path)) return path.length === 1 ? [] : path.slice(1).split('/');
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts;
}

/** `/a//b/./c/` → `/a/b/c`; `..` is resolved, never above `/`. */
export function normalizePath(path: string): string {
  return path.charCodeAt(0) === 47 && !NOT_NORMAL.test(path) ? path : '/' + partsOf(path).join('/');
}

export function parentOf(path: string): string {
  const p = normalizePath(path);
  return p === '/' ? '/' : p.slice(0, p.lastIndexOf('/')) || '/';
}

function nodeAt(tree: FsTree, parts: readonly string[]): FsNode | undefined {
  let node: FsNode | undefined = tree;
  for (let i = 0; node && i < parts.length; i++) node = tableGet(node.children, parts[i]!);
  return node;
}

/** The entry stored at exactly this path (no symlink followed), or undefined. */
export function entryAt(tree: FsTree, path: string): FsEntry | undefined {
  return nodeAt(tree, partsOf(path))?.entry;
}

/** Whether a strict ancestor of the path is a whiteout in this (writable) layer: one walk down, O(depth). */
export function whiteoutAbove(tree: FsTree, path: string): boolean {
  const parts = partsOf(path);
  let node: FsNode | undefined = tree;
  for (let i = 0; node && i < parts.length - 1; i++) {
    node = tableGet(node.children, parts[i]!);
    if (node?.entry?.type === 'Whiteout') return true;
  }
  return false;
}

/** Whether the tree holds an entry at this path or anywhere below it. */
export function holdsPath(tree: FsTree, path: string): boolean {
  const node = nodeAt(tree, partsOf(path));
  return !!node && (!!node.entry || !!node.children);
}

/**
 * The tree with the node at `parts` replaced by what `change` makes of it and `arg`, copying only
 * that path. `change` takes its argument instead of closing over it: every write comes through
 * here, and a module function costs nothing to make.
 */
function update<A>(node: FsNode | undefined, parts: readonly string[], i: number, change: (node: FsNode | undefined, arg: A) => FsNode | undefined, arg: A): FsNode | undefined {
  if (i === parts.length) return change(node, arg);
  const name = parts[i]!;
  const child = tableGet(node?.children, name);
  const next = update(child, parts, i + 1, change, arg);
  if (next === child) return node;
  return makeNode(node?.entry, next ? tableSet(node?.children, name, next, nodeBytes(next)) : tableDelete(node?.children, name));
}

function updateTree<A>(tree: FsTree, path: string, change: (node: FsNode | undefined, arg: A) => FsNode | undefined, arg: A): FsTree {
  return update(tree, partsOf(path), 0, change, arg) ?? EMPTY_TREE;
}

/** What setEntry leaves at its path: the entry, over whatever was below it. */
function withEntry(node: FsNode | undefined, entry: FsEntry): FsNode | undefined {
  return node?.entry === entry ? node : makeNode(entry, node?.children);
}

/** The tree with `entry` at this path (what is below it stays). */
export function setEntry(tree: FsTree, path: string, entry: FsEntry): FsTree {
  return updateTree(tree, path, withEntry, entry);
}

/** What removeAll leaves at its path: nothing, or at `/` what is below it without its own entry. */
function without(node: FsNode | undefined, isRoot: boolean): FsNode | undefined {
  return isRoot ? makeNode(undefined, node?.children) : undefined;
}

/** Removes a path and everything under it. (`/` itself loses only its own entry, as it always did.) */
export function removeAll(tree: FsTree, path: string): FsTree {
  return updateTree(tree, path, without, partsOf(path).length === 0);
}

/** The entry at a path, following symlinks on the way (`/var/run/x` through `/var/run` → `/run`). */
export function lookup(tree: FsTree, path: string): FsEntry | undefined {
  return resolveEntry(tree, path).entry;
}

/** The path with every symlink on the way replaced by its target (at most 16 hops, like ELOOP). */
export function resolvePath(tree: FsTree, path: string): string {
  return resolveEntry(tree, path).path;
}

/** The resolved path and the entry stored there, in one walk down the tree. */
export function resolveEntry(tree: FsTree, path: string): { path: string; entry: FsEntry | undefined } {
  let parts = partsOf(path);
  let node: FsNode | undefined = tree;
  let followed = false;
  let i = 0;
  for (let hops = 0; i < parts.length && hops < 16; i++) {
    const child: FsNode | undefined = tableGet(node?.children, parts[i]!);
    const entry = child?.entry;
    if (entry?.type === 'Symlink' && entry.target) {
      const base = entry.target.startsWith('/') ? entry.target : `/${parts.slice(0, i).join('/')}/${entry.target}`;
      parts = [...partsOf(base), ...parts.slice(i + 1)];
      node = tree;
      i = -1;
      hops++;
      followed = true;
    } else node = child;
  }
  const resolved = followed ? '/' + parts.join('/') : normalizePath(path);
  // Stopped by the hop limit, the walk is not at the path it returns: look that up on its own.
  return { path: resolved, entry: i >= parts.length ? node?.entry : entryAt(tree, resolved) };
}

/** `mkdir -p`: creates every missing directory on the way. Fails (undefined) if a file is in the way. */
export function mkdirAll(tree: FsTree, path: string, mode = 0o755): FsTree | undefined {
  const parts = partsOf(resolvePath(tree, path));
  let node: FsNode | undefined = tree;
  for (let i = 0; node && i < parts.length; i++) {
    node = tableGet(node.children, parts[i]!);
    if (node?.entry && node.entry.type !== 'Directory') return undefined;
  }
  const made = (node: FsNode | undefined, i: number): FsNode | undefined => {
    const entry = i > 0 && !node?.entry ? { type: 'Directory' as const, mode } : node?.entry;
    if (i === parts.length) return entry === node?.entry ? node : makeNode(entry, node?.children);
    const child = tableGet(node?.children, parts[i]!);
    const next = made(child, i + 1)!;
    if (next === child && entry === node?.entry) return node;
    return makeNode(entry, tableSet(node?.children, parts[i]!, next, nodeBytes(next)));
  };
  return made(tree, 0) ?? EMPTY_TREE;
}

/** `open(path, O_CREATE)`: creates an empty file if its parent directory exists. */
export function createFile(tree: FsTree, path: string, mode = 0o644): FsTree | undefined {
  const p = resolvePath(tree, path);
  if (entryAt(tree, p)) return tree;
  if (lookup(tree, parentOf(p))?.type !== 'Directory') return undefined;
  return setEntry(tree, p, { type: 'File', mode, content: '' });
}

/** Names directly inside a directory (or leading to deeper entries), sorted. */
export function childrenOf(tree: FsTree, dir: string): string[] {
  return tablePairs(nodeAt(tree, partsOf(dir))?.children).map((pair) => pair[0]);
}

/** Writes (or appends to) a file whose parent directory exists. */
export function writeFile(tree: FsTree, path: string, content: string, append = false, mode = 0o644): FsTree | undefined {
  const p = resolvePath(tree, path);
  const existing = entryAt(tree, p);
  if (existing && existing.type !== 'File') return undefined;
  if (!existing && entryAt(tree, parentOf(p))?.type !== 'Directory') return undefined;
  const before = existing?.content ?? '';
  const text = append ? before + content : content;
  return setEntry(tree, p, { type: 'File', mode: existing?.mode ?? mode, content: text });
}

/** Every `[path, entry]`, parents before children, names in sorted order. */
export function treeEntries(tree: FsTree): [string, FsEntry][] {
  const out: [string, FsEntry][] = [];
  const walk = (node: FsNode, path: string): void => {
    if (node.entry) out.push([path || '/', node.entry]);
    for (const [name, child] of tablePairs(node.children)) walk(child, `${path}/${name}`);
  };
  walk(tree, '');
  return out;
}


/** Bytes of a string as UTF-8, as TextEncoder counts them (a lone surrogate becomes U+FFFD). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The bytes a file takes. */
export function sizeOf(entry: FsEntry): number {
  return entry.size ?? utf8Length(entry.content ?? '');
}

/** A lower tree with a layer on top: the layer's entries win; whiteouts delete what they cover. */
export function applyLayer(lower: FsTree, layer: FsTree): FsTree {
  let out = lower;
  for (const [path, entry] of treeEntries(layer)) out = entry.type === 'Whiteout' ? removeAll(out, path) : setEntry(out, path, entry);
  return out;
}

/** Bytes of the files at and below a node: its own, if a file, and what its table keeps. */
function nodeBytes(node: FsNode): number {
  return (node.entry?.type === 'File' ? sizeOf(node.entry) : 0) + tableWeight(node.children);
}

/** Bytes the files of a layer add (directories, links and whiteouts count nothing). */
export function layerBytes(layer: FsTree): number {
  return nodeBytes(layer);
}

/** Bytes of the files at and below a path (no symlink followed), without visiting them. */
export function bytesUnder(tree: FsTree, path: string): number {
  const node = nodeAt(tree, partsOf(path));
  return node ? nodeBytes(node) : 0;
}
