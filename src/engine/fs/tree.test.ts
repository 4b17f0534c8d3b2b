// Filesystem trees as plain, persistent data: what each operation means, that earlier trees
// never change, that equal contents are equal trees, and that any name is just a name.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_TREE,
  applyLayer,
  bytesUnder,
  childrenOf,
  createFile,
  entryAt,
  holdsPath,
  layerBytes,
  lookup,
  normalizePath,
  mkdirAll,
  removeAll,
  resolvePath,
  setEntry,
  sizeOf,
  treeEntries,
  treeOf,
  utf8Length,
  writeFile,
  type FsEntry,
  type FsTree,
} from './tree.ts';
import { imageRootFs } from './images.ts';
import { nodeRootFs } from './node-root.ts';

const dir: FsEntry = { type: 'Directory', mode: 0o755 };
const file = (content: string): FsEntry => ({ type: 'File', mode: 0o644, content });
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

describe('filesystem trees', () => {
  it('stores entries by path, sparse paths included, and lists them parents first', () => {
    const t = treeOf({ '/': dir, '/etc/hostname': file('n\n'), '/etc': dir, '/a/b/c': file('x') });
    expect(entryAt(t, '/etc/hostname')).toEqual(file('n\n'));
    expect(entryAt(t, '//etc/./hostname/')).toEqual(file('n\n'));
    expect(entryAt(t, '/a')).toBeUndefined();
    expect(holdsPath(t, '/a')).toBe(true);
    expect(holdsPath(t, '/b')).toBe(false);
    expect(childrenOf(t, '/')).toEqual(['a', 'etc']);
    expect(treeEntries(t)).toEqual([
      ['/', dir],
      ['/a/b/c', file('x')],
      ['/etc', dir],
      ['/etc/hostname', file('n\n')],
    ]);
  });

  it('removes a path and everything under it, and prunes what led only there', () => {
    const t = treeOf({ '/': dir, '/a/b/c': file('x'), '/a/bb': file('y'), '/ab': file('z') });
    const r = removeAll(t, '/a/b');
    expect(treeEntries(r).map((e) => e[0])).toEqual(['/', '/a/bb', '/ab']);
    expect(removeAll(r, '/a/bb')).toEqual(treeOf({ '/': dir, '/ab': file('z') }));
    // `/` loses only its own entry, as the flat table did.
    expect(treeEntries(removeAll(t, '/')).map((e) => e[0])).toEqual(['/a/b/c', '/a/bb', '/ab']);
    expect(removeAll(removeAll(removeAll(r, '/a'), '/ab'), '/')).toEqual(EMPTY_TREE);
  });

  it('equal contents make equal trees (toEqual and JSON), whatever the order of writes', () => {
    const paths = Array.from({ length: 300 }, (_, i) => `/d${i % 3}/f-${i}`);
    const forward = paths.reduce((t, p) => setEntry(t, p, file(p)), treeOf({ '/': dir }));
    const backward = [...paths].reverse().reduce((t, p) => setEntry(t, p, file(p)), treeOf({ '/': dir }));
    expect(backward).toEqual(forward);
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
    const extra = removeAll(setEntry(forward, '/d9/x', file('x')), '/d9');
    expect(JSON.stringify(extra)).toBe(JSON.stringify(forward));
  });

  it('never changes an earlier tree: old snapshots stay as they were after many writes', () => {
    let t = mkdirAll(treeOf({ '/': dir }), '/data')!;
    for (let i = 0; i < 2000; i++) t = writeFile(t, `/data/f-${i}`, `line-${i}\n`)!;
    const snapshot = t;
    const json = JSON.stringify(snapshot);
    for (let i = 0; i < 2000; i += 3) t = writeFile(t, `/data/f-${i}`, 'more\n', true)!;
    for (let i = 1; i < 2000; i += 3) t = removeAll(t, `/data/f-${i}`);
    t = applyLayer(t, treeOf({ '/data/f-2': { type: 'Whiteout', mode: 0 }, '/data/new': file('n') }));
    t = mkdirAll(t, '/data/sub/deeper')!;
    expect(JSON.stringify(snapshot)).toBe(json);
    expect(entryAt(snapshot, '/data/f-1')).toEqual(file('line-1\n'));
    expect(entryAt(t, '/data/f-0')?.content).toBe('line-0\nmore\n');
    expect(entryAt(t, '/data/f-1')).toBeUndefined();
  });

  it('resolves symlinks on the way, relative and absolute, and stops after 16 hops', () => {
    const t = nodeRootFs('n1');
    expect(resolvePath(t, '/var/run/containerd/containerd.sock')).toBe('/run/containerd/containerd.sock');
    expect(lookup(t, '/var/run/containerd/containerd.sock')?.type).toBe('Socket');
    const rel = treeOf({ '/': dir, '/vol/..2024': dir, '/vol/..2024/key': file('v'), '/vol/..data': { type: 'Symlink', mode: 0o777, target: '..2024' }, '/vol/key': { type: 'Symlink', mode: 0o777, target: '..data/key' } });
    expect(resolvePath(rel, '/vol/key')).toBe('/vol/..2024/key');
    expect(lookup(rel, '/vol/key')).toEqual(file('v'));
    const loop = treeOf({ '/': dir, '/a': { type: 'Symlink', mode: 0o777, target: '/b' }, '/b': { type: 'Symlink', mode: 0o777, target: '/a' } });
    expect(['/a', '/b']).toContain(resolvePath(loop, '/a/x').slice(0, 2));
  });

  it('mkdir -p, create and write refuse what a real filesystem refuses', () => {
    const t = treeOf({ '/': dir, '/f': file('') });
    expect(mkdirAll(t, '/f/x')).toBeUndefined();
    const made = mkdirAll(t, '/a/b', 0o700)!;
    expect(entryAt(made, '/a')).toEqual({ type: 'Directory', mode: 0o700 });
    expect(mkdirAll(made, '/a/b')).toBe(made);
    expect(createFile(t, '/nope/x')).toBeUndefined();
    expect(createFile(t, '/f')).toBe(t);
    expect(writeFile(t, '/nope/x', 'x')).toBeUndefined();
    expect(writeFile(made, '/a', 'x')).toBeUndefined();
    expect(entryAt(writeFile(made, '/a/b/x', 'é')!, '/a/b/x')).toEqual(file('é'));
  });

  it('layers: the upper wins, whiteouts delete what they cover; layerBytes counts files only', () => {
    const lower = treeOf({ '/': dir, '/etc': dir, '/etc/a': file('aaa'), '/etc/b': file('b'), '/usr/x': file('x') });
    const upper = treeOf({ '/etc/a': file('A'), '/usr': { type: 'Whiteout', mode: 0 }, '/new': file('né') });
    const merged = applyLayer(lower, upper);
    expect(treeEntries(merged).map(([p, e]) => [p, e.content ?? e.type])).toEqual([
      ['/', 'Directory'],
      ['/etc', 'Directory'],
      ['/etc/a', 'A'],
      ['/etc/b', 'b'],
      ['/new', 'né'],
    ]);
    expect(layerBytes(upper)).toBe(1 + 3);
    expect(layerBytes(EMPTY_TREE)).toBe(0);
    expect(sizeOf({ type: 'File', mode: 0o644, content: '', size: 4096 })).toBe(4096);
  });

  it('knows the bytes below any path without walking: the same as adding up every file', () => {
    let t = mkdirAll(treeOf({ '/': dir }), '/v/a/b')!;
    const sum = (tree: FsTree, under: string) => treeEntries(tree).reduce((s, [p, e]) => s + ((p === under || p.startsWith(`${under}/`)) && e.type === 'File' ? sizeOf(e) : 0), 0);
    for (let i = 0; i < 600; i++) t = writeFile(t, `/v/${['a', 'a/b', ''][i % 3]}/f-${i % 250}`.replace('//', '/'), 'é'.repeat(i % 7), i % 2 === 0)!;
    t = setEntry(t, '/v/a/big', { type: 'File', mode: 0o644, content: '', size: 5_000_000 });
    t = removeAll(t, '/v/a/b/f-1');
    t = setEntry(t, '/v/link', { type: 'Symlink', mode: 0o777, target: 'a' });
    for (const p of ['/', '/v', '/v/a', '/v/a/b', '/v/a/big', '/v/link', '/nope']) expect(bytesUnder(t, p)).toBe(sum(t, p === '/' ? '' : p));
    expect(layerBytes(t)).toBe(sum(t, ''));
    expect(layerBytes(t)).toBeGreaterThan(5_000_000);
  });

  it('counts UTF-8 bytes as TextEncoder does', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a\uD800b', '\uDC00', 'x😀y\n']) expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });

  it('prototype-like names are names: own entries, listed, removed, kept by JSON and structuredClone', () => {
    let t: FsTree = treeOf({ '/': dir });
    for (const n of PROTO_NAMES) {
      t = mkdirAll(t, `/${n}`)!;
      t = writeFile(t, `/${n}/${n}`, `${n}\n`)!;
    }
    expect(childrenOf(t, '/')).toEqual([...PROTO_NAMES].sort());
    for (const n of PROTO_NAMES) expect(lookup(t, `/${n}/${n}`)).toEqual(file(`${n}\n`));
    expect(entryAt(t, '/nothing/constructor')).toBeUndefined();
    expect(entryAt(treeOf({ '/': dir }), '/__proto__')).toBeUndefined();
    for (const copy of [JSON.parse(JSON.stringify(t)) as FsTree, structuredClone(t)]) {
      expect(copy).toEqual(t);
      expect(entryAt(copy, '/__proto__/__proto__')).toEqual(file('__proto__\n'));
      expect(childrenOf(removeAll(copy, '/hasOwnProperty'), '/')).toEqual(['__proto__', 'constructor', 'toString', 'valueOf']);
    }
    expect(({} as Record<string, unknown>)['__proto__']).toBe(Object.prototype);
  });

  it('image and node filesystems are shared, never rebuilt per container', () => {
    expect(imageRootFs('nginx:1.27')).toBe(imageRootFs('docker.io/library/nginx'));
    expect(lookup(imageRootFs('nginx'), '/usr/share/nginx/html/index.html')?.content).toContain('Welcome to nginx!');
    expect(lookup(imageRootFs('constructor'), '/etc/passwd')).toEqual(lookup(imageRootFs('busybox'), '/etc/passwd'));
    expect(entryAt(imageRootFs('busybox'), '/usr/share')).toBeUndefined();
    expect(entryAt(nodeRootFs('kind-worker'), '/etc/hostname')?.content).toBe('kind-worker\n');
    expect(entryAt(nodeRootFs('toString'), '/etc/hostname')?.content).toBe('toString\n');
  });
});

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['a/b', '/a/b'],
    ['/a//b/./c/', '/a/b/c'],
    ['/a/b/..', '/a'],
    ['/a/b/.', '/a/b'],
    ['/../..', '/'],
    ['/a/../../b', '/b'],
    ['/..data/.hidden/...', '/..data/.hidden/...'],
    ['/x/..2024_01_01', '/x/..2024_01_01'],
    ['//', '/'],
    ['/a/', '/a'],
  ])('%s → %s', (input, out) => {
    expect(normalizePath(input)).toBe(out);
    expect(entryAt(treeOf({ [out]: file('x') }), input)).toEqual(file('x'));
  });
});
