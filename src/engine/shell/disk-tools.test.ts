// df, dd and rmdir in a busybox and a Debian (nginx) pod, each in its own tool's words.
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
    volumeMounts:
    - name: scratch
      mountPath: /scratch
  volumes:
  - name: scratch
    emptyDir:
      medium: Memory
      sizeLimit: 64Mi
`;

const state = applyManifest(createCluster({ preset: 'bare' }), [pod('bb', 'busybox'), pod('web', 'nginx:1.27')].join('---\n'), { mode: 'apply' }).state;

function sh(name: string, script: string) {
  const r = execInPod(state, 'default', name, 'c', ['sh', '-c', script], '');
  if (!r.ok) throw new Error(r.reason);
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

describe('df PATH', () => {
  it('busybox: only the filesystem holding each path, fixed widths, sizes with one tenth', () => {
    const r = sh('bb', 'df -h /scratch/ /scratch /etc');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Filesystem                Size      Used Available Use% Mounted on');
    expect(lines[1]).toBe('tmpfs                    64.0M         0     64.0M   0% /scratch');
    expect(lines[2]).toBe(lines[1]);
    expect(lines[3]).toMatch(/^overlay {13} +\S+ +\S+ +\S+ +\d+% \/$/);
    expect(lines).toHaveLength(5);
    expect(sh('bb', 'df /nope')).toEqual({ stdout: 'Filesystem           1K-blocks      Used Available Use% Mounted on\n', stderr: "df: /nope: can't find mount point\n", code: 1 });
  });

  it('GNU: columns as wide as their cells, Size/Avail with -h, "No such file or directory"', () => {
    expect(sh('web', 'dd if=/dev/zero of=/scratch/f bs=1M count=3 2>/dev/null; df -h /scratch').stdout).toBe('Filesystem      Size  Used Avail Use% Mounted on\ntmpfs            64M  3.0M   61M   5% /scratch\n');
    expect(sh('web', 'df /scratch').stdout).toBe('Filesystem     1K-blocks  Used Available Use% Mounted on\ntmpfs              65536     0     65536   0% /scratch\n');
    expect(sh('web', 'df /nope')).toEqual({ stdout: '', stderr: 'df: /nope: No such file or directory\n', code: 1 });
  });
});

describe('dd', () => {
  it('busybox: records, then size with one tenth and %f seconds', () => {
    expect(sh('bb', 'dd if=/dev/zero of=/f bs=1M count=1').stderr).toBe('1+0 records in\n1+0 records out\n1048576 bytes (1.0MB) copied, 0.001230 seconds, 813.0MB/s\n');
  });

  it('GNU: SI and IEC sizes, %g seconds, the rate in SI; small copies drop the parentheses', () => {
    expect(sh('web', 'dd if=/dev/zero of=/f bs=1M count=1').stderr).toBe('1+0 records in\n1+0 records out\n1048576 bytes (1.0 MB, 1.0 MiB) copied, 0.00123 s, 853 MB/s\n');
    expect(sh('web', 'dd if=/dev/zero of=/f bs=1000 count=1').stderr).toMatch(/\n1000 bytes \(1\.0 kB\) copied, [\d.e-]+ s, [\d.]+ [kM]B\/s\n$/);
    expect(sh('web', 'dd if=/dev/zero of=/f bs=512 count=1').stderr).toMatch(/\n512 bytes copied, [\d.e-]+ s, /);
    expect(sh('web', 'dd if=/dev/zero of=/f bs=1 count=1').stderr).toMatch(/\n1 byte copied, /);
    expect(sh('web', 'dd if=/dev/zero of=/f bs=1M count=x').stderr).toBe("dd: invalid number: 'x'\n");
  });
});

describe('rmdir', () => {
  it('busybox: removes an empty directory, refuses a full one, -p removes the parents', () => {
    expect(sh('bb', 'mkdir -p /a/b/c && rmdir /a/b/c && ls /a/b && echo gone')).toEqual({ stdout: 'gone\n', stderr: '', code: 0 });
    expect(sh('bb', 'mkdir -p /a/b && touch /a/b/f && rmdir /a/b /nope /a/b/f')).toEqual({
      stdout: '',
      stderr: "rmdir: '/a/b': Directory not empty\nrmdir: '/nope': No such file or directory\nrmdir: '/a/b/f': Not a directory\n",
      code: 1,
    });
    expect(sh('bb', 'mkdir -p /a/b/c && rmdir -p /a/b/c; ls /a')).toEqual({ stdout: '', stderr: 'ls: /a: No such file or directory\n', code: 1 });
  });

  it('GNU: "failed to remove"', () => {
    expect(sh('web', 'mkdir -p /a/b && touch /a/b/f && rmdir /a/b').stderr).toBe("rmdir: failed to remove '/a/b': Directory not empty\n");
    expect(sh('web', 'rmdir /scratch').stderr).toBe("rmdir: failed to remove '/scratch': Device or resource busy\n");
  });
});
