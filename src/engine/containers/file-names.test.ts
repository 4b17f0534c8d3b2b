// Any file name works: names that are also Object.prototype's (`constructor`, `__proto__`, …)
// behave like any other inside a pod's container (writable layer, emptyDir, hostPath on the
// node, a ConfigMap's files), in a Docker container and on the Docker host; the state stays
// plain JSON that round-trips, and earlier states are never changed by later writes.
import { describe, expect, it } from 'vitest';
import { createCluster, execInPod, type ClusterState } from '../index.ts';
import { applyManifest } from '../write.ts';
import { execInContainer, execOnDockerHost, runContainer } from '../docker/host.ts';

const NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'];

const POD = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  constructor: built
  toString: text
---
apiVersion: v1
kind: Pod
metadata:
  name: box
spec:
  containers:
  - name: sh
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - {name: scratch, mountPath: /data}
    - {name: host, mountPath: /host}
    - {name: cfg, mountPath: /cfg}
  volumes:
  - name: scratch
    emptyDir: {}
  - name: host
    hostPath: {path: /srv/names, type: DirectoryOrCreate}
  - name: cfg
    configMap: {name: cfg}
`;

function pod(): ClusterState {
  return applyManifest(createCluster({ preset: 'bare' }), POD, { mode: 'apply' }).state;
}

function sh(state: ClusterState, script: string) {
  const r = execInPod(state, 'default', 'box', 'sh', ['sh', '-c', script], '');
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** touch, >, mkdir, cat, ls and rm on each name, in one directory. */
const exercise = (dir: string) =>
  [
    `cd ${dir}`,
    'touch constructor',
    'echo proto > __proto__',
    'echo text > toString',
    'mkdir valueOf',
    'echo inner > valueOf/hasOwnProperty',
    'echo gone > hasOwnProperty',
    'rm hasOwnProperty',
    'ls',
    'cat __proto__ toString valueOf/hasOwnProperty constructor',
    'ls valueOf',
  ].join(' && ');

const EXPECTED = '__proto__\nconstructor\ntoString\nvalueOf\nproto\ntext\ninner\nhasOwnProperty\n';

describe('prototype-like file names', () => {
  it.each(['/data', '/host', '/root', '/'])('work like any other name in a pod container, in %s', (dir) => {
    const r = sh(pod(), exercise(dir));
    expect(r.stderr).toBe('');
    // `/` lists the image's directories and the mount points too, sorted with the new names.
    const root = '__proto__\nbin\ncfg\nconstructor\ndata\ndev\netc\nhome\nhost\nproc\nroot\nsys\ntmp\ntoString\nusr\nvalueOf\nvar\n';
    expect(r.stdout).toBe(dir === '/' ? root + EXPECTED.slice(EXPECTED.indexOf('proto\n')) : EXPECTED);
    expect(r.code).toBe(0);
  });

  it('a hostPath file with such a name is on the node, seen by the next exec and by a JSON copy of the state', () => {
    const written = sh(pod(), 'echo node > /host/constructor && echo p > /host/__proto__').state;
    const copy = JSON.parse(JSON.stringify(written)) as ClusterState;
    expect(copy).toEqual(written);
    for (const s of [written, copy, structuredClone(written)]) {
      expect(sh(s, 'cat /host/constructor /host/__proto__; ls /host').stdout).toBe('node\np\n__proto__\nconstructor\n');
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("a ConfigMap's keys named like prototype properties are files with the kubelet's layout", () => {
    const r = sh(pod(), 'ls /cfg; cat /cfg/constructor /cfg/toString; cat /cfg/valueOf');
    expect(r.stdout).toBe('constructor\ntoString\nbuilttext');
    expect(r.stderr).toBe("cat: can't open '/cfg/valueOf': No such file or directory\n");
  });

  it('earlier states never change when later execs write, overwrite and delete', () => {
    const start = sh(pod(), 'echo 0 > /data/keep; echo 0 > /root/keep; echo 0 > /host/keep').state;
    const json = JSON.stringify(start);
    let s = start;
    for (let i = 0; i < 50; i++) s = sh(s, `echo ${i} > /data/f-${i}; echo ${i} >> /data/keep; echo ${i} > /host/constructor; rm -f /root/keep; echo ${i} > /root/toString`).state;
    s = sh(s, 'rm -r /data/f-1 /host/keep /etc').state;
    expect(JSON.stringify(start)).toBe(json);
    expect(sh(start, 'cat /data/keep /root/keep /host/keep; ls /data; ls /etc | head -n 1').stdout).toBe('0\n0\n0\nkeep\npasswd\n');
    expect(sh(s, 'ls /data | wc -l; ls /etc').stdout).toBe('50\n');
  });

  it('work in a Docker container, in its volume, and on the Docker host', () => {
    const run = runContainer(createCluster({ preset: 'empty' }), { image: 'busybox', name: 'c', command: ['sleep', '3600'], mounts: [{ type: 'volume', source: 'data', destination: '/data', readOnly: false }], env: [], detach: true });
    if (!run.ok) throw new Error(run.error);
    let state = run.state;
    for (const dir of ['/data', '/tmp']) {
      const r = execInContainer(state, run.container.id, ['sh', '-c', exercise(dir)], '');
      expect([r.output.stdout, r.output.stderr]).toEqual([EXPECTED, '']);
      state = r.state;
    }
    const host = execOnDockerHost(state, ['sh', '-c', 'ls /var/lib/docker/volumes/data/_data; cat /var/lib/docker/volumes/data/_data/__proto__']);
    expect(host.output.stdout).toBe('__proto__\nconstructor\ntoString\nvalueOf\nproto\n');
    const onHost = execOnDockerHost(host.state, ['sh', '-c', exercise('/srv')]);
    expect([onHost.output.stdout, onHost.output.stderr]).toEqual([EXPECTED, '']);
    for (const n of NAMES.filter((x) => x !== 'hasOwnProperty')) {
      expect(execOnDockerHost(JSON.parse(JSON.stringify(onHost.state)) as ClusterState, ['ls', `/srv/${n}`]).output.code).toBe(0);
    }
  });
});
