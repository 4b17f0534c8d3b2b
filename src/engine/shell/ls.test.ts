// ls as busybox 1.36 and GNU coreutils 9.1 print it, in a busybox and a Debian (nginx) pod:
// the `total` line, -R sections, -L through symlinks, and each tool's long-format columns.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod } from '../index.ts';
import { applyManifest } from '../write.ts';

const pod = (name: string, image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: ${image}
    command: ["sh", "-c", "sleep 3600"]
`;

const state = applyManifest(createCluster({ preset: 'bare' }), [pod('bb', 'busybox'), pod('web', 'nginx:1.27')].join('---\n'), { mode: 'apply' }).state;

/** A directory /d with a 6-byte file, a symlink to it and a subdirectory holding a 5000-byte file. */
const SETUP = 'mkdir -p /d/sub && echo hello > /d/f && ln -s f /d/l && dd if=/dev/zero of=/d/sub/big bs=1000 count=5 2>/dev/null; ';

function sh(name: string, script: string) {
  const r = execInPod(state, 'default', name, 'c', ['sh', '-c', SETUP + script], '');
  if (!r.ok) throw new Error(r.reason);
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

const bbRow = (mode: string, links: number, size: string, name: string) => `${mode} ${String(links).padStart(4)} root     root     ${size.padStart(9)} Jan  1 00:00 ${name}`;

describe('busybox ls', () => {
  it('ls -l DIR starts with the total of its entries in KiB (1 block for f, none for the symlink, 1 for the directory)', () => {
    expect(sh('bb', 'ls -l /d').stdout).toBe(
      ['total 8', bbRow('-rw-r--r--', 1, '6', 'f'), bbRow('lrwxrwxrwx', 1, '1', 'l -> f'), bbRow('drwxr-xr-x', 2, '4096', 'sub'), ''].join('\n'),
    );
  });

  it('ls -laR lists each directory in a `DIR:` section after a blank line, with . and .. counted', () => {
    expect(sh('bb', 'ls -laR /d').stdout).toBe(
      [
        '/d:',
        'total 16',
        bbRow('drwxr-xr-x', 2, '4096', '.'),
        bbRow('drwxr-xr-x', 2, '4096', '..'),
        bbRow('-rw-r--r--', 1, '6', 'f'),
        bbRow('lrwxrwxrwx', 1, '1', 'l -> f'),
        bbRow('drwxr-xr-x', 2, '4096', 'sub'),
        '',
        '/d/sub:',
        'total 16',
        bbRow('drwxr-xr-x', 2, '4096', '.'),
        bbRow('drwxr-xr-x', 2, '4096', '..'),
        bbRow('-rw-r--r--', 1, '5000', 'big'),
        '',
      ].join('\n'),
    );
    expect(sh('bb', 'cd /d && ls -R').stdout).toBe('.:\nf\nl\nsub\n\n./sub:\nbig\n');
  });

  it('ls -L shows what a symlink points to; -l alone shows the link', () => {
    expect(sh('bb', 'ls -lL /d').stdout).toBe(['total 12', bbRow('-rw-r--r--', 1, '6', 'f'), bbRow('-rw-r--r--', 1, '6', 'l'), bbRow('drwxr-xr-x', 2, '4096', 'sub'), ''].join('\n'));
    // A symlink operand: -l shows the link, a plain ls or a trailing `/` lists where it leads.
    expect(sh('bb', 'ln -s /d /link; ls -l /link; ls /link; ls -l /link/').stdout).toBe(
      [bbRow('lrwxrwxrwx', 1, '2', '/link -> /d'), 'f', 'l', 'sub', 'total 8', bbRow('-rw-r--r--', 1, '6', 'f'), bbRow('lrwxrwxrwx', 1, '1', 'l -> f'), bbRow('drwxr-xr-x', 2, '4096', 'sub'), ''].join('\n'),
    );
  });

  it('files first, then each directory labelled; a missing one is an error (status 1)', () => {
    const r = sh('bb', 'ls /d/sub /nope /d/f');
    expect(r).toEqual({ stdout: '/d/f\n\n/d/sub:\nbig\n', stderr: 'ls: /nope: No such file or directory\n', code: 1 });
  });

  it('ls -lh: sizes with one tenth, the total without (padded as busybox pads it), devices as major, minor', () => {
    expect(sh('bb', 'ls -lh /d/sub').stdout).toBe(`total 8K     \n-rw-r--r--    1 root     root        4.9K Jan  1 00:00 big\n`);
    expect(sh('bb', 'ls -l /dev/null').stdout).toBe('crw-rw-rw-    1 root     root        1,   3 Jan  1 00:00 /dev/null\n');
    expect(sh('bb', 'ls -ld /tmp').stdout).toBe(bbRow('drwxrwxrwt', 2, '4096', '/tmp') + '\n');
  });
});

describe('GNU ls (Debian images)', () => {
  it('aligns each column to its widest value in the listing', () => {
    expect(sh('web', 'ls -l /d').stdout).toBe('total 8\n-rw-r--r-- 1 root root    6 Jan  1 00:00 f\nlrwxrwxrwx 1 root root    1 Jan  1 00:00 l -> f\ndrwxr-xr-x 2 root root 4096 Jan  1 00:00 sub\n');
    expect(sh('web', 'ls -l /d/f').stdout).toBe('-rw-r--r-- 1 root root 6 Jan  1 00:00 /d/f\n');
  });

  it('-R sections, -h sizes (4.9K, total 8.0K), devices', () => {
    expect(sh('web', 'ls -R /d').stdout).toBe('/d:\nf\nl\nsub\n\n/d/sub:\nbig\n');
    expect(sh('web', 'ls -lh /d/sub').stdout).toBe('total 8.0K\n-rw-r--r-- 1 root root 4.9K Jan  1 00:00 big\n');
    expect(sh('web', 'ls -l /dev/null /d/f').stdout).toBe('-rw-r--r-- 1 root root    6 Jan  1 00:00 /d/f\ncrw-rw-rw- 1 root root 1, 3 Jan  1 00:00 /dev/null\n');
  });

  it('a missing operand is "cannot access", status 2', () => {
    expect(sh('web', 'ls /nope')).toEqual({ stdout: '', stderr: "ls: cannot access '/nope': No such file or directory\n", code: 2 });
  });
});
