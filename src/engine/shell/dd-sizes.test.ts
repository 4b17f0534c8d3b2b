// dd and fallocate with sizes no file can have: busybox refuses the number, and nothing that is
// not JSON (Infinity, NaN) reaches the file tree the state keeps.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod } from '../index.ts';
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
`;

function sh(script: string) {
  const r = execInPod(applyManifest(createCluster({ preset: 'bare' }), POD, { mode: 'apply' }).state, 'default', 'box', 'sh', ['sh', '-c', script], '');
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('dd and fallocate sizes', () => {
  it.each(['1e308', 'NaN', '-1', '99999999999999999999'])('dd count=%s is not a number busybox reads', (count) => {
    const r = sh(`dd if=/dev/zero of=/f bs=1M count=${count}; ls /f`);
    expect(r.stderr).toBe(`dd: invalid number '${count}'\nls: /f: No such file or directory\n`);
    expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
  });

  it('fallocate of more bytes than a number holds fails without storing the size', () => {
    const r = sh(`fallocate -l ${'9'.repeat(400)} /f; ls /f`);
    expect(r.stderr).toBe("fallocate: /f: No space left on device\nls: /f: No such file or directory\n");
    expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
  });
});
