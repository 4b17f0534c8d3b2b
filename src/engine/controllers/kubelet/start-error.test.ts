// Mount points as runc makes them: missing ones are created in the writable layer (a file
// hostPath at /data/hostfile gets /data), and a volume of the wrong type over what the image has
// stops the container from starting: RunContainerError with containerd's and runc's words,
// StartError exit 128 as the last state, then CrashLoopBackOff.
import { describe, expect, it } from 'vitest';
import { beginTxn } from '../../cluster/store.ts';
import { CONTROLLERS } from '../registry.ts';
import { applyDocuments } from '../../manifest/apply-documents.ts';
import { parseManifestText } from '../../manifest/parse.ts';
import { runOnce, runUntilSettled } from '../../runtime/settle.ts';
import { createCluster } from '../../runtime/simulation.ts';
import { yaml } from '../../testing/builders.ts';
import { TestCluster } from '../../testing/harness.ts';
import { execInPod } from '../../containers/runtime.ts';
import { entryAt } from '../../fs/tree.ts';
import { kubelet } from './index.ts';

const page = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'page' }, data: { 'index.html': '<h1>hi</h1>\n' } };

function pod(mount: Record<string, unknown>, volume: Record<string, unknown>, opts: { image?: string; restartPolicy?: string } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      ...(opts.restartPolicy ? { restartPolicy: opts.restartPolicy } : {}),
      containers: [{ name: 'c', image: opts.image ?? 'nginx', command: opts.image === 'busybox' ? ['sleep', '3600'] : undefined, volumeMounts: [{ name: 'v', ...mount }] }],
      volumes: [{ name: 'v', ...volume }],
    },
  };
}

/** Every controller but the kubelet settled, then the kubelet's two passes: sandbox and volumes, then the start. */
function firstStart(...objects: unknown[]): TestCluster {
  const txn = beginTxn(createCluster({ preset: 'kind' }));
  applyDocuments(txn, parseManifestText(yaml(...objects)), { mode: 'apply' });
  runUntilSettled(
    txn,
    CONTROLLERS.filter((c) => c !== kubelet),
    [],
  );
  runOnce(txn, kubelet, []);
  runOnce(txn, kubelet, []);
  return new TestCluster(txn.state);
}

function settled(...objects: unknown[]): TestCluster {
  const tc = TestCluster.of('kind');
  tc.apply(...objects);
  return tc;
}

const status = (tc: TestCluster) => tc.get('Pod', 'default/p')!.status!.containerStatuses![0]!;
const ids = (tc: TestCluster) => ({ uid: tc.get('Pod', 'default/p')!.metadata.uid!, cid: status(tc).containerID!.replace('containerd://', '') });
const CRI = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';

describe('a directory volume over a file of the image', () => {
  const objects = [page, pod({ mountPath: '/usr/share/nginx/html/index.html' }, { configMap: { name: 'page' } })];
  const message = (tc: TestCluster) => {
    const { uid, cid } = ids(tc);
    const source = `/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~configmap/v`;
    return `${CRI}error mounting "${source}" to rootfs at "/usr/share/nginx/html/index.html": create mountpoint for /usr/share/nginx/html/index.html mount: cannot create subdirectories in "/run/containerd/io.containerd.runtime.v2.task/k8s.io/${cid}/rootfs/usr/share/nginx/html/index.html": not a directory: unknown`;
  };

  it('the first attempt: Created, then Failed; RunContainerError with the CRI message, last state StartError 128', () => {
    const tc = firstStart(...objects);
    const s = status(tc);
    expect(s.state).toEqual({ waiting: { reason: 'RunContainerError', message: message(tc) } });
    expect(s.lastState).toEqual({ terminated: { exitCode: 128, reason: 'StartError', message: message(tc), startedAt: '1970-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:00Z' } });
    expect(s).toMatchObject({ ready: false, started: false, restartCount: 0 });
    expect(tc.events('Pod', 'p').map((e) => e.split(' ').slice(0, 2).join(' '))).toEqual(['Normal Scheduled', 'Normal Pulling', 'Normal Pulled', 'Normal Created', 'Warning Failed']);
    expect(tc.events('Pod', 'p')).toContain(`Warning Failed Error: ${message(tc)}`);
    const p = tc.get('Pod', 'default/p')!;
    // Every container restarting: the pod is Running, but not Ready.
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [c]' });
  });

  it('settled: tried again at once, then CrashLoopBackOff with a 10 s back-off; RESTARTS 1', () => {
    const tc = settled(...objects);
    const { uid } = ids(tc);
    const s = status(tc);
    expect(s.state).toEqual({ waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=c pod=p_default(${uid})` } });
    expect(s.restartCount).toBe(1);
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 128, reason: 'StartError', message: message(tc) });
    const events = tc.events('Pod', 'p');
    expect(events.filter((e) => e.startsWith('Warning Failed '))).toEqual([`Warning Failed Error: ${message(tc)}`]);
    expect(events).toContain(`Warning BackOff Back-off restarting failed container c in pod p_default(${uid})`);
    expect(events.some((e) => e.startsWith('Normal Started'))).toBe(false);
    // Nothing runs: no exec, and the image's page is untouched.
    expect(execInPod(tc.state, 'default', 'p', 'c', ['ls'], '')).toMatchObject({ ok: false, reason: 'not-running' });
  });

  it('with restartPolicy Never the container stays terminated and the pod fails', () => {
    const tc = settled(page, pod({ mountPath: '/usr/share/nginx/html/index.html' }, { configMap: { name: 'page' } }, { restartPolicy: 'Never' }));
    expect(status(tc).state?.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(status(tc).restartCount).toBe(0);
    expect(tc.phase('Pod', 'default/p')).toBe('Failed');
  });

  it('a directory needed below an image file: the file is named', () => {
    const tc = settled(pod({ mountPath: '/usr/share/nginx/html/index.html/cache' }, { emptyDir: {} }));
    const { uid, cid } = ids(tc);
    expect(status(tc).lastState?.terminated?.message).toBe(
      `${CRI}error mounting "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/v" to rootfs at "/usr/share/nginx/html/index.html/cache": create mountpoint for /usr/share/nginx/html/index.html/cache mount: cannot create subdirectories in "/run/containerd/io.containerd.runtime.v2.task/k8s.io/${cid}/rootfs/usr/share/nginx/html/index.html": not a directory: unknown`,
    );
  });
});

describe('a file over a directory of the image', () => {
  it('a ConfigMap key by subPath over nginx\'s html directory: mount(2) refuses, read-only bind flags', () => {
    const tc = settled(page, pod({ mountPath: '/usr/share/nginx/html', subPath: 'index.html' }, { configMap: { name: 'page' } }));
    const { uid } = ids(tc);
    const source = `/var/lib/kubelet/pods/${uid}/volume-subpaths/v/c/0`;
    expect(status(tc).lastState?.terminated?.message).toBe(
      `${CRI}error mounting "${source}" to rootfs at "/usr/share/nginx/html": mount src=${source}, dst=/usr/share/nginx/html, dstFd=/proc/thread-self/fd/7, flags=MS_RDONLY|MS_BIND|MS_REC: not a directory: unknown`,
    );
    expect(status(tc).state?.waiting?.reason).toBe('CrashLoopBackOff');
  });

  it('a file hostPath over /etc/nginx: the node path is the source, a writable bind', () => {
    const tc = settled(pod({ mountPath: '/etc/nginx' }, { hostPath: { path: '/tmp/nginx.conf', type: 'FileOrCreate' } }));
    expect(status(tc).lastState?.terminated?.message).toContain('error mounting "/tmp/nginx.conf" to rootfs at "/etc/nginx": mount src=/tmp/nginx.conf, dst=/etc/nginx, dstFd=/proc/thread-self/fd/7, flags=MS_BIND|MS_REC: not a directory: unknown');
  });

  it('a key by subPath over the image\'s file of that name starts (a file over a file)', () => {
    const tc = settled(page, pod({ mountPath: '/usr/share/nginx/html/index.html', subPath: 'index.html' }, { configMap: { name: 'page' } }));
    expect(status(tc).state?.running).toBeDefined();
  });
});

describe('mount points the image lacks are made, parents too', () => {
  const hostFile = pod({ mountPath: '/data/hostfile' }, { hostPath: { path: '/tmp/hostfile', type: 'FileOrCreate' } }, { image: 'busybox' });

  it('a file hostPath at /data/hostfile: /data is made (0755) and holds the file, which writes reach the node', () => {
    const tc = settled(hostFile);
    expect(status(tc).state?.running).toBeDefined();
    const upper = tc.state.containers[`${tc.get('Pod', 'default/p')!.metadata.uid}/c`]!.upper;
    expect(entryAt(upper, '/data')).toEqual({ type: 'Directory', mode: 0o755 });
    expect(entryAt(upper, '/data/hostfile')).toMatchObject({ type: 'File', mode: 0o644 });
    const ls = execInPod(tc.state, 'default', 'p', 'c', ['ls', '/data'], '');
    expect(ls).toMatchObject({ ok: true, stdout: 'hostfile\n', code: 0 });
    const write = execInPod(tc.state, 'default', 'p', 'c', ['sh', '-c', 'echo hi > /data/hostfile'], '');
    expect(write).toMatchObject({ ok: true, stderr: '', code: 0 });
    if (write.ok) expect(entryAt(write.state.nodeFiles['kind-control-plane']!, '/tmp/hostfile')?.content).toBe('hi\n');
  });

  it('an emptyDir deep in a missing path: every parent is listed', () => {
    const tc = settled(pod({ mountPath: '/srv/app/cache' }, { emptyDir: {} }, { image: 'busybox' }));
    expect(execInPod(tc.state, 'default', 'p', 'c', ['ls', '/srv'], '')).toMatchObject({ ok: true, stdout: 'app\n' });
    expect(execInPod(tc.state, 'default', 'p', 'c', ['ls', '/'], '')).toMatchObject({ ok: true, stdout: expect.stringContaining('srv\n') });
  });
});
