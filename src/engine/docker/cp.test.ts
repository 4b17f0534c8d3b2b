// docker cp's rules (archive.CopyInfo): where a file or directory lands, and the tar stream's size.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../runtime/simulation.ts';
import { NODE_DISK_BYTES, type Mount } from '../containers/mounts.ts';
import { ContainerFs } from '../containers/container-fs.ts';
import { EMPTY_TREE } from '../fs/tree.ts';
import { copyPath } from './cp.ts';

/** Two empty disks (node trees) to copy between. */
function disks() {
  const state = createCluster({ preset: 'empty' });
  const disk = (node: string) => {
    const root: Mount = { mountPath: '/', volume: node, readOnly: false, size: NODE_DISK_BYTES, fsType: 'ext4', device: '/dev/sda1', source: { kind: 'node', node, root: '/' } };
    return new ContainerFs({ state, mounts: [root], lower: EMPTY_TREE, upper: () => EMPTY_TREE, setUpper: () => undefined });
  };
  const a = disk('a');
  const b = disk('b');
  a.mkdir('/src', true);
  a.write('/src/one.txt', 'x'.repeat(600), false);
  a.mkdir('/src/sub', true);
  a.write('/src/sub/two.txt', 'y', false);
  b.mkdir('/dst', true);
  return { a, b };
}

describe('copyPath', () => {
  it('a file into a directory keeps its name; to a new name it is renamed; 512-byte blocks plus two zero blocks', () => {
    const { a, b } = disks();
    expect(copyPath(a, '/src/one.txt', b, '/dst')).toEqual({ ok: true, bytes: 512 + 1024 + 1024 });
    expect(b.read('/dst/one.txt')).toEqual({ ok: true, value: 'x'.repeat(600) });
    expect(copyPath(a, '/src/sub/two.txt', b, '/dst/renamed.txt')).toEqual({ ok: true, bytes: 2048 });
    expect(b.stat('/dst/renamed.txt')?.type).toBe('File');
  });

  it('a directory goes inside an existing one, its contents with /., or becomes a new one', () => {
    const { a, b } = disks();
    copyPath(a, '/src', b, '/dst');
    expect(b.stat('/dst/src/sub/two.txt')?.type).toBe('File');
    copyPath(a, '/src/.', b, '/dst');
    expect(b.stat('/dst/sub/two.txt')?.type).toBe('File');
    expect(copyPath(a, '/src', b, '/fresh')).toEqual({ ok: true, bytes: 1024 + 512 * 3 + 1024 + 512 + 512 });
    expect(b.stat('/fresh/one.txt')?.type).toBe('File');
  });

  it('refuses what docker refuses', () => {
    const { a, b } = disks();
    expect(copyPath(a, '/nope', b, '/dst')).toEqual({ ok: false, failure: { code: 'source-missing', path: '/nope' } });
    expect(copyPath(a, '/src/one.txt', b, '/no/where')).toEqual({ ok: false, failure: { code: 'dest-parent-missing', path: '/no' } });
    expect(copyPath(a, '/src/one.txt', b, '/dst/newdir/')).toEqual({ ok: false, failure: { code: 'dest-dir-missing', path: '/dst/newdir' } });
    expect(copyPath(a, '/src/one.txt/.', b, '/dst')).toEqual({ ok: false, failure: { code: 'source-not-dir', path: '/src/one.txt' } });
    b.write('/dst/file', 'f', false);
    expect(copyPath(a, '/src', b, '/dst/file')).toEqual({ ok: false, failure: { code: 'dir-onto-file', path: '/dst/file' } });
  });
});
