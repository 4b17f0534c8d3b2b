// The container shell: what `kubectl exec … -- sh -c '…'` prints, with busybox's messages.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod, type ClusterState } from '../index.ts';
import { applyManifest } from '../write.ts';
import { entryAt } from '../fs/tree.ts';

const POD = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  mode: fast
---
apiVersion: v1
kind: Pod
metadata:
  name: box
spec:
  containers:
  - name: sh
    image: busybox
    command: ["sh", "-c", "echo started; echo oops >&2; sleep 3600"]
    env:
    - name: GREETING
      value: hello
    volumeMounts:
    - {name: scratch, mountPath: /scratch}
    - {name: cfg, mountPath: /etc/cfg}
    - {name: ram, mountPath: /ram}
  volumes:
  - name: scratch
    emptyDir: {}
  - name: cfg
    configMap: {name: cfg}
  - name: ram
    emptyDir: {medium: Memory, sizeLimit: 1Mi}
`;

function cluster(): ClusterState {
  return applyManifest(createCluster({ preset: 'bare' }), POD, { mode: 'apply' }).state;
}

/** Runs a shell command line in the pod and returns the new state with what it printed. */
function sh(state: ClusterState, script: string) {
  const r = execInPod(state, 'default', 'box', 'sh', ['sh', '-c', script], '');
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('container shell', () => {
  it.each([
    ['echo $GREETING ${GREETING}!', 'hello hello!\n', '', 0],
    ["echo 'single $GREETING' \"double $GREETING\"", 'single $GREETING double hello\n', '', 0],
    ['cat /nope', '', "cat: can't open '/nope': No such file or directory\n", 1],
    ['frobnicate', '', 'sh: frobnicate: not found\n', 127],
    ['false || echo fallback', 'fallback\n', '', 0],
    ['true && echo yes; false && echo never', 'yes\n', '', 1],
    ['echo a b c | wc -w', '3\n', '', 0],
    ['printf x', 'x', '', 0],
    ['mkdir /scratch/d && touch /scratch/d/f && ls /scratch/d', 'f\n', '', 0],
    ['mkdir /scratch/x/y', '', "mkdir: can't create directory '/scratch/x/y': No such file or directory\n", 1],
    ['rm -r /scratch', '', "rm: can't remove '/scratch': Resource busy\n", 1],
    ['echo new > /etc/cfg/mode', '', "sh: can't create /etc/cfg/mode: Read-only file system\n", 1],
    ['cat /etc/cfg/mode', 'fast', '', 0],
    ['ls /etc/cfg', 'mode\n', '', 0],
    ['ls -a /etc/cfg', '.\n..\n..2026_01_01_00_00_00.000000000\n..data\nmode\n', '', 0],
    ['cd /etc/cfg && pwd && cat mode', '/etc/cfg\nfast', '', 0],
    ['echo one > /scratch/f; echo two >> /scratch/f; cat /scratch/f | head -n 1', 'one\n', '', 0],
    ['echo hidden 2>/dev/null; cat /missing 2>/dev/null; echo $?', 'hidden\n1\n', '', 0],
    ['echo -n aGk= | base64 -d', 'hi', '', 0],
    ['hostname', 'box\n', '', 0],
    ['exit 3; echo unreachable', '', '', 3],
  ])('%s', (script, stdout, stderr, code) => {
    const r = sh(cluster(), script);
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code });
  });

  it('expands globs in the last path component, sorted, without hidden files', () => {
    let state = cluster();
    state = sh(state, 'touch /scratch/b.txt /scratch/a.txt /scratch/.hidden /scratch/c.log').state;
    expect(sh(state, 'echo /scratch/*.txt').stdout).toBe('/scratch/a.txt /scratch/b.txt\n');
    expect(sh(state, 'echo /scratch/*.none').stdout).toBe('/scratch/*.none\n');
  });

  it('keeps files between execs: the writable layer and the volumes persist', () => {
    let state = cluster();
    state = sh(state, 'echo kept > /tmp/own; echo shared > /scratch/s').state;
    expect(sh(state, 'cat /tmp/own /scratch/s').stdout).toBe('kept\nshared\n');
  });

  it('deleting an image file leaves a whiteout: the file is gone, the image is not changed', () => {
    let state = cluster();
    state = sh(state, 'rm /etc/passwd').state;
    expect(sh(state, 'cat /etc/passwd').stderr).toBe("cat: can't open '/etc/passwd': No such file or directory\n");
    const record = Object.values(state.containers)[0]!;
    expect(entryAt(record.upper, '/etc/passwd')).toEqual({ type: 'Whiteout', mode: 0 });
  });

  it('dd and fallocate make files of a size; du and df count them', () => {
    let state = cluster();
    state = sh(state, 'dd if=/dev/zero of=/scratch/blob bs=1M count=10').state;
    expect(sh(state, 'du -sh /scratch').stdout).toBe('10.0M\t/scratch\n');
    state = sh(state, 'fallocate -l 2M /tmp/two').state;
    expect(sh(state, 'du -sh /tmp/two').stdout).toBe('2.0M\t/tmp/two\n');
    expect(sh(state, 'df -h').stdout.split('\n')[0]).toBe('Filesystem                Size      Used Available Use% Mounted on');
  });

  it('mount lists the overlay and each volume with its type and mode', () => {
    expect(sh(cluster(), 'mount').stdout).toBe(
      'overlay on / type overlay (rw,relatime)\n/dev/sda1 on /etc/cfg type ext4 (ro,relatime)\ntmpfs on /ram type tmpfs (rw,relatime)\n/dev/sda1 on /scratch type ext4 (rw,relatime)\ntmpfs on /var/run/secrets/kubernetes.io/serviceaccount type tmpfs (ro,relatime)\n',
    );
  });

  it('the container command ran at start: its output is the log', () => {
    const state = cluster();
    expect(Object.values(state.containers)[0]!.logs).toBe('started\noops\n');
  });
});

describe('emptyDir sizeLimit (§12.1)', () => {
  it('a memory-backed emptyDir is a tmpfs of its sizeLimit: writes past it fail', () => {
    const r = sh(cluster(), 'dd if=/dev/zero of=/ram/big bs=1M count=2');
    expect(r.stderr).toBe("dd: error writing '/ram/big': No space left on device\n");
    expect(r.code).toBe(1);
  });

  it('a disk-backed emptyDir over its sizeLimit gets the pod evicted at the next kubelet sync', async () => {
    const { advanceClock, viewOf } = await import('../index.ts');
    const limited = POD.replace('emptyDir: {}', 'emptyDir: {sizeLimit: 5Mi}');
    let state = applyManifest(createCluster({ preset: 'bare' }), limited, { mode: 'apply' }).state;
    state = sh(state, 'dd if=/dev/zero of=/scratch/big bs=1M count=8').state;
    expect(viewOf(state).get('Pod', 'default/box')!.status?.phase).toBe('Running');
    state = advanceClock(state, 10).state;
    const pod = viewOf(state).get('Pod', 'default/box')!;
    expect(pod.status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: 'Usage of EmptyDir volume "scratch" exceeds the limit "5Mi". ' });
    expect(pod.status?.containerStatuses?.[0]?.state?.terminated?.reason).toBe('Error');
  });
});
