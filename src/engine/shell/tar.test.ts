// tar as `kubectl cp` uses it: `tar cf - PATH` out of a container, `tar -xmf - -C DIR` into one,
// the archive as bytes (one character each), in busybox's and GNU tar's words.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod, type ClusterState } from '../index.ts';
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

let state: ClusterState = applyManifest(createCluster({ preset: 'bare' }), [pod('bb', 'busybox'), pod('web', 'nginx:1.27')].join('---\n'), { mode: 'apply' }).state;

function exec(name: string, argv: string[], stdin = '') {
  const r = execInPod(state, 'default', name, 'c', argv, stdin);
  if (!r.ok) throw new Error(r.reason);
  state = r.state;
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

describe('tar', () => {
  it('archives a folder as ustar and extracts it elsewhere, UTF-8 contents intact', () => {
    exec('bb', ['sh', '-c', 'mkdir -p /src/sub && echo héllo > /src/a.txt && echo b > /src/sub/b.txt']);
    const archive = exec('bb', ['tar', 'cf', '-', '/src']);
    expect(archive.stderr).toBe("tar: removing leading '/' from member names\n");
    expect(archive.code).toBe(0);
    // Whole 512-byte blocks, the first a ustar header for `src/`, each character one byte.
    expect(archive.stdout.length % 512).toBe(0);
    expect(archive.stdout.slice(0, 4)).toBe('src/');
    expect(archive.stdout.slice(257, 263)).toBe('ustar\0');
    expect([...archive.stdout].every((c) => c.charCodeAt(0) < 256)).toBe(true);
    // The header checksum is the sum of its bytes with the checksum field as spaces.
    const header = archive.stdout.slice(0, 512);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header.charCodeAt(i);
    expect(parseInt(header.slice(148, 154), 8)).toBe(sum);
    exec('bb', ['mkdir', '/dest']);
    expect(exec('bb', ['tar', '-xmf', '-', '-C', '/dest'], archive.stdout)).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(exec('bb', ['cat', '/dest/src/a.txt', '/dest/src/sub/b.txt']).stdout).toBe('héllo\nb\n');
    expect(exec('bb', ['tar', 'tf', '-'], archive.stdout).stdout).toBe('src/\nsrc/a.txt\nsrc/sub/\nsrc/sub/b.txt\n');
  });

  it('fails on a missing path in busybox’s words, and in GNU tar’s in a Debian image', () => {
    expect(exec('bb', ['tar', 'cf', '-', '/nope'])).toMatchObject({ stderr: "tar: removing leading '/' from member names\ntar: /nope: No such file or directory\ntar: error exit delayed from previous errors\n", code: 1 });
    expect(exec('web', ['tar', 'cf', '-', '/nope'])).toMatchObject({
      stderr: "tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n",
      code: 1,
    });
  });
});
