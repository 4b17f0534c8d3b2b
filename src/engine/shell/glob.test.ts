// Pathname expansion in every component of a path, as POSIX has it: the local-path
// provisioner's `/var/local-path-provisioner/*_default_*/` finds the claim's directory.
import { describe, expect, it } from 'vitest';
import { memoryFs, run } from './testing.ts';

const fs = () =>
  memoryFs(
    {
      '/var/local-path-provisioner/pvc-1_default_notes/a.txt': 'A\n',
      '/var/local-path-provisioner/pvc-2_default_data/b.txt': 'B\n',
      '/var/local-path-provisioner/pvc-3_other_x/c.txt': 'C\n',
      '/var/local-path-provisioner/.hidden_default_h/d.txt': 'D\n',
      '/var/local-path-provisioner/stray_default_file': 'F\n',
    },
    ['/', '/tmp', '/root', '/var'],
  );

describe('globs in a middle component', () => {
  it('matches each component against its directory, in order, without hidden names', () => {
    expect(run('ash', 'echo /var/local-path-provisioner/*_default_*/*.txt', '', { fs: fs() }).stdout).toBe(
      '/var/local-path-provisioner/pvc-1_default_notes/a.txt /var/local-path-provisioner/pvc-2_default_data/b.txt\n',
    );
    expect(run('dash', 'cat /var/*/pvc-3_*/c.txt', '', { fs: fs() }).stdout).toBe('C\n');
  });

  it('a trailing / keeps only directories; a literal last component must exist', () => {
    expect(run('bash', 'echo /var/local-path-provisioner/*_default_*/', '', { fs: fs() }).stdout).toBe('/var/local-path-provisioner/pvc-1_default_notes/ /var/local-path-provisioner/pvc-2_default_data/\n');
    expect(run('ash', 'echo /var/local-path-provisioner/*/b.txt', '', { fs: fs() }).stdout).toBe('/var/local-path-provisioner/pvc-2_default_data/b.txt\n');
  });

  it('a pattern starting with . matches hidden names; no match leaves the word as written; quotes stay literal', () => {
    expect(run('ash', 'echo /var/local-path-provisioner/.*_default_*/d.txt', '', { fs: fs() }).stdout).toBe('/var/local-path-provisioner/.hidden_default_h/d.txt\n');
    expect(run('ash', 'echo /var/*/nope/*', '', { fs: fs() }).stdout).toBe('/var/*/nope/*\n');
    expect(run('ash', 'echo "/var/*"/pvc-1_default_notes/*', '', { fs: fs() }).stdout).toBe('/var/*/pvc-1_default_notes/*\n');
    expect(run('ash', 'cd /var && echo */pvc-1*', '', { fs: fs() }).stdout).toBe('local-path-provisioner/pvc-1_default_notes\n');
  });
});
