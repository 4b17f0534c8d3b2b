// `kubectl exec` runs against a committed state: it returns a new state holding what it wrote and
// never touches the one it was given. The mounts it works out once for a run of execs must follow
// everything they depend on: the kubelet's last write of the ConfigMap volume (a ConfigMap update
// shows once the kubelet syncs the pod, with a newly dated `..data` directory) and the container's
// subPath copies.
import { describe, expect, it } from 'vitest';
import { advanceClock, createCluster, execInPod, type ClusterState } from '../index.ts';
import { applyManifest } from '../write.ts';

const CONFIG = (greeting: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {greeting: ${greeting}}
`;

const POD = `${CONFIG('hello')}---
apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers:
  - name: sh
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - {name: scratch, mountPath: /data}
    - {name: host, mountPath: /host}
    - {name: cfg, mountPath: /cfg}
    - {name: cfg, mountPath: /etc/greeting, subPath: greeting}
  volumes:
  - {name: scratch, emptyDir: {}}
  - {name: host, hostPath: {path: /srv/x, type: DirectoryOrCreate}}
  - {name: cfg, configMap: {name: cfg}}
`;

function sh(state: ClusterState, script: string) {
  const r = execInPod(state, 'default', 'box', 'sh', ['sh', '-c', script], '');
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const fresh = () => applyManifest(createCluster({ preset: 'kind' }), POD, { mode: 'apply' }).state;

describe('kubectl exec and the state it runs on', () => {
  it('returns the files it wrote in a new state and leaves the given one as it was', () => {
    const before = fresh();
    const json = JSON.stringify(before);
    const tables = { containers: before.containers, volumeData: before.volumeData, nodeFiles: before.nodeFiles };
    // The emptyDir (volumeData), the node's files (hostPath) and the writable layer (the container's record).
    const after = sh(before, 'echo one > /data/a; echo two > /tmp/b; echo three > /host/c').state;
    expect(JSON.stringify(before)).toBe(json);
    expect({ containers: before.containers, volumeData: before.volumeData, nodeFiles: before.nodeFiles }).toEqual(tables);
    expect(sh(after, 'cat /data/a /tmp/b /host/c').stdout).toBe('one\ntwo\nthree\n');
    expect(sh(before, 'cat /data/a /tmp/b /host/c').stderr).toBe(
      ["cat: can't open '/data/a': No such file or directory", "cat: can't open '/tmp/b': No such file or directory", "cat: can't open '/host/c': No such file or directory", ''].join('\n'),
    );
    // An exec writes no API object: the objects are the very same.
    expect(after.objects).toBe(before.objects);
  });

  it('copies only the tables it writes: a read shares them all, a write to a volume copies only the volumes', () => {
    const s = fresh();
    const read = sh(s, 'cat /cfg/greeting; ls /data /host /tmp').state;
    expect([read.containers, read.volumeData, read.nodeFiles]).toEqual([s.containers, s.volumeData, s.nodeFiles]);
    expect(read.containers).toBe(s.containers);
    expect(read.volumeData).toBe(s.volumeData);
    expect(read.nodeFiles).toBe(s.nodeFiles);
    const wrote = sh(s, 'echo x > /data/x').state;
    expect(wrote.volumeData).not.toBe(s.volumeData);
    expect(wrote.containers).toBe(s.containers);
    expect(wrote.nodeFiles).toBe(s.nodeFiles);
  });

  it('a run of execs sees each other’s files, and a ConfigMap update shows in the volume at the next sync (never in the subPath copy)', () => {
    let s = fresh();
    for (let i = 0; i < 5; i++) s = sh(s, `echo ${i} > /data/f-${i}`).state;
    expect(sh(s, 'cat /data/f-0 /data/f-4; cat /cfg/greeting; echo; cat /etc/greeting').stdout).toBe('0\n4\nhello\nhello');
    s = applyManifest(s, CONFIG('bye'), { mode: 'apply' }).state;
    expect(sh(s, 'cat /cfg/greeting; echo; cat /etc/greeting; echo; cat /data/f-4').stdout).toBe('hello\nhello\n4\n');
    s = advanceClock(s, 60).state;
    expect(sh(s, 'cat /cfg/greeting; echo; cat /etc/greeting; echo; cat /data/f-4').stdout).toBe('bye\nhello\n4\n');
  });

  it('the ..data directory is dated by the kubelet’s last write: the clock alone does not change it, an update written at a sync does', () => {
    const s = fresh();
    const at = (state: ClusterState) => sh(state, 'ls -a /cfg').stdout.split('\n').filter((n) => n.startsWith('..2'));
    const first = at(s);
    expect(first).toEqual(['..2026_01_01_00_00_00.000000000']);
    expect(at({ ...s, now: s.now + 3_600_000 })).toEqual(first);
    const updated = advanceClock(applyManifest(s, CONFIG('bye'), { mode: 'apply' }).state, 60).state;
    expect(at(updated)).toEqual(['..2026_01_01_00_01_00.000000000']);
  });

  it('a subPath copy replaced in the container record shows, with the same objects', () => {
    const s = fresh();
    const key = Object.keys(s.containers).find((k) => k.endsWith('/sh'))!;
    const record = s.containers[key]!;
    const changed = { ...s, containers: { ...s.containers, [key]: { ...record, subPathFiles: { ...record.subPathFiles, '/etc/greeting': 'copied again' } } } };
    expect(sh(s, 'cat /etc/greeting').stdout).toBe('hello');
    expect(sh(changed, 'cat /etc/greeting').stdout).toBe('copied again');
  });

  it('a path that only starts like a mount point is not under it', () => {
    const s = sh(fresh(), 'mkdir /database && echo x > /database/f').state;
    expect(sh(s, 'cat /database/f; ls /data; ls /database').stdout).toBe('x\nf\n');
  });
});
