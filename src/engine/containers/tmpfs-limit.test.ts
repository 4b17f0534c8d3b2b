// A memory-backed emptyDir is a tmpfs of its sizeLimit. The limit check reads the byte total the
// volume's tree keeps, so it must count exactly what `du` counts: files in subdirectories,
// overwrites replacing their old size, deletes giving space back.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod, type ClusterState } from '../index.ts';
import { applyManifest } from '../write.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: box
spec:
  containers:
  - name: sh
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - {name: ram, mountPath: /ram}
  volumes:
  - name: ram
    emptyDir: {medium: Memory, sizeLimit: 1000Ki}
`;

function sh(state: ClusterState, script: string) {
  const r = execInPod(state, 'default', 'box', 'sh', ['sh', '-c', script], '');
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const NO_SPACE = (f: string) => `dd: error writing '${f}': No space left on device\n`;

describe('a tmpfs emptyDir counts what it holds', () => {
  it('files in subdirectories, overwrites and deletes, up to 1000Ki exactly', () => {
    let s = applyManifest(createCluster({ preset: 'bare' }), POD, { mode: 'apply' }).state;
    s = sh(s, 'mkdir -p /ram/a/b && dd if=/dev/zero of=/ram/a/b/x bs=1k count=600 && dd if=/dev/zero of=/ram/y bs=1k count=300').state;
    expect(sh(s, 'du /ram').stdout).toBe('900\t/ram\n');
    expect(sh(s, 'dd if=/dev/zero of=/ram/a/z bs=1k count=101').stderr).toBe(NO_SPACE('/ram/a/z'));
    expect(sh(s, 'dd if=/dev/zero of=/ram/a/z bs=1k count=100').code).toBe(0);
    // Overwriting a file counts its new size instead of its old one.
    expect(sh(s, 'dd if=/dev/zero of=/ram/y bs=1k count=400').code).toBe(0);
    expect(sh(s, 'dd if=/dev/zero of=/ram/y bs=1k count=401').stderr).toBe(NO_SPACE('/ram/y'));
    // Removing a directory gives its space back.
    s = sh(s, 'rm -r /ram/a').state;
    expect(sh(s, 'dd if=/dev/zero of=/ram/big bs=1k count=700').code).toBe(0);
    expect(sh(s, 'dd if=/dev/zero of=/ram/big bs=1k count=701').stderr).toBe(NO_SPACE('/ram/big'));
  });

  it('text written with echo counts its UTF-8 bytes', () => {
    let s = applyManifest(createCluster({ preset: 'bare' }), POD.replace('1000Ki', '10'), { mode: 'apply' }).state;
    s = sh(s, 'echo é€ > /ram/t').state; // 2 + 3 + newline = 6 bytes
    expect(sh(s, 'echo abc > /ram/u').code).toBe(0);
    expect(sh(s, 'echo abcd > /ram/u').stderr).toBe("sh: can't create /ram/u: No space left on device\n");
  });
});
