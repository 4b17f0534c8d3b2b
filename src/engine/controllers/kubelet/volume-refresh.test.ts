// §12.3/§12.4: mounted ConfigMaps and Secrets follow an update only when the kubelet next syncs
// the pod (its periodic sync, every minute from the pod's start); env and subPath never follow;
// a pod update (labels) and a container restart sync at once.
import { describe, expect, it } from 'vitest';
import { advanceClock, createCluster, execInPod, type ClusterState } from '../../index.ts';
import { applyManifest } from '../../write.ts';

const config = (greeting: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {greeting: ${greeting}}
`;
const secret = (password: string) => `apiVersion: v1
kind: Secret
metadata: {name: creds}
stringData: {password: ${password}}
`;

/** Two containers share the volumes; `app` ends after `life` seconds and is restarted (restartPolicy Always). */
const pod = (life = 3600, labels = 'app: one') => `apiVersion: v1
kind: Pod
metadata:
  name: box
  labels: {${labels}}
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep ${life}"]
    env:
    - name: GREETING
      valueFrom: {configMapKeyRef: {name: cfg, key: greeting}}
    volumeMounts:
    - {name: cfg, mountPath: /cfg}
    - {name: cfg, mountPath: /etc/greeting, subPath: greeting}
    - {name: creds, mountPath: /creds}
    - {name: info, mountPath: /info}
  - name: side
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - {name: cfg, mountPath: /cfg}
  volumes:
  - {name: cfg, configMap: {name: cfg}}
  - {name: creds, secret: {secretName: creds}}
  - name: info
    downwardAPI:
      items:
      - {path: labels, fieldRef: {fieldPath: metadata.labels}}
`;

const apply = (s: ClusterState, yaml: string) => applyManifest(s, yaml, { mode: 'apply' }).state;
const sleep = (s: ClusterState, seconds: number) => advanceClock(s, seconds).state;

function sh(s: ClusterState, script: string, container = 'app'): string {
  const r = execInPod(s, 'default', 'box', container, ['sh', '-c', script], '');
  if (!r.ok) throw new Error(r.reason);
  return r.stdout + r.stderr;
}

const START = () => apply(createCluster({ preset: 'kind' }), `${config('hello')}---\n${secret('s3cret')}---\n${pod()}`);
const READ = 'cat /cfg/greeting; echo; cat /creds/password; echo; cat /etc/greeting; echo; echo $GREETING';

describe('the kubelet writes ConfigMap and Secret updates into volumes at its next sync of the pod', () => {
  it('right after the update the files are the old ones; at the sync a minute after the pod started, the new ones', () => {
    let s = START();
    expect(sh(s, READ)).toBe('hello\ns3cret\nhello\nhello\n');
    s = apply(apply(s, config('bye')), secret('n3w'));
    expect(sh(s, READ)).toBe('hello\ns3cret\nhello\nhello\n');
    s = sleep(s, 59);
    expect(sh(s, 'cat /cfg/greeting')).toBe('hello');
    s = sleep(s, 1);
    // The volumes follow; the subPath copy and the environment keep what the container started with.
    expect(sh(s, READ)).toBe('bye\nn3w\nhello\nhello\n');
    expect(sh(s, 'cat /cfg/greeting', 'side')).toBe('bye');
  });

  it('the syncs fall every minute from the pod’s start, not a minute after the update', () => {
    let s = sleep(START(), 70);
    s = apply(s, config('bye'));
    // Updated 70 s after the start: the next sync is at 120 s.
    s = sleep(s, 49);
    expect(sh(s, 'cat /cfg/greeting')).toBe('hello');
    s = sleep(s, 1);
    expect(sh(s, 'cat /cfg/greeting; echo; ls -a /cfg | grep "^..2"')).toBe('bye\n..2026_01_01_00_02_00.000000000\n');
  });

  it('an update written, then another: each waits for its own next sync', () => {
    let s = apply(START(), config('two'));
    s = sleep(s, 60);
    s = apply(s, config('three'));
    expect(sh(s, 'cat /cfg/greeting')).toBe('two');
    s = sleep(s, 60);
    expect(sh(s, 'cat /cfg/greeting')).toBe('three');
  });

  it('a deleted ConfigMap empties nothing: the sync cannot set the volume up, so the files stay', () => {
    let s = START();
    s = applyManifest(s, config('hello'), { mode: 'delete' }).state;
    expect(sh(s, 'cat /cfg/greeting')).toBe('hello');
    expect(sh(sleep(s, 120), 'cat /cfg/greeting')).toBe('hello');
  });

  it('a label change is a pod update: the downward API file follows at once', () => {
    let s = START();
    expect(sh(s, 'cat /info/labels')).toBe('app="one"');
    s = apply(s, pod(3600, 'app: two'));
    expect(sh(s, 'cat /info/labels')).toBe('app="two"');
  });

  it('a container restart syncs the pod: its env, its subPath copy and every container’s volumes are new', () => {
    let s = apply(createCluster({ preset: 'kind' }), `${config('hello')}---\n${secret('s3cret')}---\n${pod(30)}`);
    s = apply(s, config('bye'));
    expect(sh(s, READ)).toBe('hello\ns3cret\nhello\nhello\n');
    // `app` ends at 30 s and is restarted at once, before the periodic sync at 60 s.
    s = sleep(s, 31);
    expect(sh(s, READ)).toBe('bye\ns3cret\nbye\nbye\n');
    expect(sh(s, 'cat /cfg/greeting', 'side')).toBe('bye');
  });

  it('a long sleep with an update pending stays fast and ends with the update written', () => {
    const s = apply(START(), config('bye'));
    const t = performance.now();
    const after = sleep(s, 2_147_483_647);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(sh(after, 'cat /cfg/greeting')).toBe('bye');
  });
});
