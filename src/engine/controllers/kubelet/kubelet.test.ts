// The kubelet's volume setup and container start: table cases citing their rule, each run as one
// kubelet sync (everything else settled) and until settled.
import { describe, expect, it } from 'vitest';
import { pvc } from '../../testing/builders.ts';
import type { TestCluster } from '../../testing/harness.ts';
import { runCase, type ControllerCase, type Mode } from '../../testing/table.ts';
import { kubelet } from './index.ts';
import { entryAt } from '../../fs/tree.ts';

const cm = (name: string, data: Record<string, string> = { mode: 'fast' }) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
const secret = (name: string, data: Record<string, string> = { password: 'czNjcjN0' }) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, data });
function podWith(name: string, volume: Record<string, unknown> | undefined, env?: unknown[], envFrom?: unknown[]) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'], ...(volume ? { volumeMounts: [{ name: 'v', mountPath: '/etc/v' }] } : {}), ...(env ? { env } : {}), ...(envFrom ? { envFrom } : {}) }],
      ...(volume ? { volumes: [{ name: 'v', ...volume }] } : {}),
    },
  };
}
const state = (tc: TestCluster, name: string) => tc.get('Pod', `default/${name}`)!.status?.containerStatuses?.[0]?.state;
const running = (tc: TestCluster, name: string) => expect(tc.phase('Pod', `default/${name}`)).toBe('Running');
const mountFails = (message: string) => (tc: TestCluster) => {
  // One sync mounts nothing; the pod waits in ContainerCreating with the kubelet's message.
  expect(state(tc, 'p')?.waiting?.reason).toBe('ContainerCreating');
  expect(tc.events('Pod', 'p')).toContain(`Warning FailedMount ${message}`);
};
const configFails = (message: string) => (tc: TestCluster, mode: Mode) => {
  // One sync sets up the sandbox and volumes; the container's environment is resolved on the next.
  if (mode === 'single') return expect(state(tc, 'p')?.waiting?.reason).toBe('ContainerCreating');
  expect(state(tc, 'p')?.waiting).toEqual({ reason: 'CreateContainerConfigError', message });
  // The image is pulled before the container's config is generated, and fails (kuberuntime startContainer).
  expect(tc.events('Pod', 'p').map((e) => e.split(' ')[1])).toEqual(['Pulling', 'Pulled', 'Failed']);
  expect(tc.events('Pod', 'p')).toContain(`Warning Failed Error: ${message}`);
};
const startsOrMounts = (tc: TestCluster, mode: Mode) => {
  if (mode === 'settled') return running(tc, 'p');
  // One sync: the volumes are mounted and the sandbox is ready; no error.
  expect(tc.get('Pod', 'default/p')!.status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('True');
  expect(tc.events('Pod', 'p').filter((e) => e.startsWith('Warning'))).toEqual([]);
};

/** An entry of node-1's filesystem, where hostPath volumes live. */
const nodeEntry = (tc: TestCluster, path: string) => {
  const tree = tc.state.nodeFiles['node-1'];
  return tree && entryAt(tree, path);
};
const hostPath = (path: string, type?: string) => ({ hostPath: { path, ...(type !== undefined ? { type } : {}) } });

const cases: ControllerCase[] = [
  {
    name: 'hostPath with no type creates a missing directory',
    rule: '§12.2: "" does no check; the runtime creates the path as a directory',
    objects: [podWith('p', hostPath('/mnt/data'))],
    check: (tc) => expect(nodeEntry(tc, '/mnt/data')).toMatchObject({ type: 'Directory' }),
  },
  {
    name: 'hostPath DirectoryOrCreate creates every missing parent',
    rule: '§12.2: DirectoryOrCreate is mkdir -p with 0755',
    objects: [podWith('p', hostPath('/srv/app/cache', 'DirectoryOrCreate'))],
    check: (tc) => expect(nodeEntry(tc, '/srv/app/cache')).toEqual({ type: 'Directory', mode: 0o755 }),
  },
  {
    name: 'hostPath Directory that does not exist',
    rule: '§12.2: missing path (newer message)',
    objects: [podWith('p', hostPath('/data/missing', 'Directory'))],
    check: mountFails('MountVolume.SetUp failed for volume "v" : hostPath /data/missing doesn\'t exist'),
  },
  {
    name: 'hostPath Directory that is a file',
    rule: '§12.2: wrong type (newer message)',
    objects: [podWith('p', hostPath('/etc/hostname', 'Directory'))],
    check: mountFails("MountVolume.SetUp failed for volume \"v\" : hostPath type check failed: /etc/hostname is not a directory, it's a file"),
  },
  {
    name: 'hostPath FileOrCreate creates an empty file in an existing directory',
    rule: '§12.2: FileOrCreate creates the file with 0644',
    objects: [podWith('p', hostPath('/var/log/app.log', 'FileOrCreate'))],
    check: (tc) => expect(nodeEntry(tc, '/var/log/app.log')).toEqual({ type: 'File', mode: 0o644, content: '' }),
  },
  {
    name: 'hostPath FileOrCreate does not create parent directories',
    rule: '§12.2: os.OpenFile with O_CREATE: a missing parent fails the mount',
    objects: [podWith('p', hostPath('/var/log/app/app.log', 'FileOrCreate'))],
    check: mountFails('MountVolume.SetUp failed for volume "v" : open /var/log/app/app.log: no such file or directory'),
  },
  {
    name: 'hostPath Socket finds the container runtime socket through /var/run',
    rule: '§12.2: Socket must exist as a socket',
    objects: [podWith('p', hostPath('/var/run/containerd/containerd.sock', 'Socket'))],
    check: startsOrMounts,
  },
  {
    name: 'hostPath CharDevice that is a block device',
    rule: '§12.2: wrong type',
    objects: [podWith('p', hostPath('/dev/sda', 'CharDevice'))],
    check: mountFails("MountVolume.SetUp failed for volume \"v\" : hostPath type check failed: /dev/sda is not a character device, it's a block device"),
  },
  {
    name: 'a hostPath PersistentVolume\'s directory is created on the node that mounts it',
    rule: '§12.2 / §4.5: the PV\'s hostPath is set up by the kubelet like a pod\'s',
    given: [{ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'example-pv' }, spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } } }, pvc('c', { className: '' })],
    objects: [podWith('p', { persistentVolumeClaim: { claimName: 'c' } })],
    check: (tc) => expect(nodeEntry(tc, '/mnt/data')?.type).toBe('Directory'),
  },
  { name: 'emptyDir mounts', rule: '§12.1', objects: [podWith('p', { emptyDir: {} })], check: startsOrMounts },
  { name: 'emptyDir in memory mounts', rule: '§12.1 medium: Memory (tmpfs)', objects: [podWith('p', { emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } })], check: startsOrMounts },
  {
    name: 'a bound claim mounts and the pod runs',
    rule: '§12.7: a scheduled pod with bound claims runs',
    given: [{ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/v' } } }, pvc('c', { className: '' })],
    objects: [podWith('p', { persistentVolumeClaim: { claimName: 'c' } })],
    check: startsOrMounts,
  },
  {
    name: 'an unbound claim: PVC is not bound',
    rule: '§5.4 step 6: kubelet error for an unbound claim',
    given: [pvc('c', { className: '' })],
    objects: [podWith('p', { persistentVolumeClaim: { claimName: 'c' } })],
    check: mountFails('Unable to attach or mount volumes: unmounted volumes=[v], unattached volumes=[], failed to process volumes=[v]: error processing PVC default/c: PVC is not bound'),
  },
  {
    name: 'a missing claim',
    rule: '§12.7: PVC missing',
    objects: [podWith('p', { persistentVolumeClaim: { claimName: 'nope' } })],
    check: mountFails('Unable to attach or mount volumes: unmounted volumes=[v], unattached volumes=[], failed to process volumes=[v]: error processing PVC default/nope: failed to fetch PVC from API server: persistentvolumeclaims "nope" not found'),
  },
  { name: 'a ConfigMap volume mounts', rule: '§12.3', given: [cm('settings')], objects: [podWith('p', { configMap: { name: 'settings' } })], check: startsOrMounts },
  {
    name: 'a missing ConfigMap volume',
    rule: '§12.3: non-optional missing object',
    objects: [podWith('p', { configMap: { name: 'settings' } })],
    check: mountFails('MountVolume.SetUp failed for volume "v" : configmap "settings" not found'),
  },
  { name: 'an optional missing ConfigMap volume mounts empty', rule: '§12.3: optional: true', objects: [podWith('p', { configMap: { name: 'settings', optional: true } })], check: startsOrMounts },
  {
    name: 'a ConfigMap item whose key is missing',
    rule: '§12.3: configmap references non-existent config key',
    given: [cm('settings')],
    objects: [podWith('p', { configMap: { name: 'settings', items: [{ key: 'colour', path: 'colour.txt' }] } })],
    check: mountFails('MountVolume.SetUp failed for volume "v" : configmap references non-existent config key: colour'),
  },
  {
    name: 'a missing Secret volume',
    rule: '§12.3: secret "<name>" not found',
    objects: [podWith('p', { secret: { secretName: 'db' } })],
    check: mountFails('MountVolume.SetUp failed for volume "v" : secret "db" not found'),
  },
  {
    name: 'a Secret item whose key is missing',
    rule: '§12.3: references non-existent secret key',
    given: [secret('db')],
    objects: [podWith('p', { secret: { secretName: 'db', items: [{ key: 'user', path: 'user' }] } })],
    check: mountFails('MountVolume.SetUp failed for volume "v" : references non-existent secret key: user'),
  },
  {
    name: 'a projected volume with a missing ConfigMap source',
    rule: '§12.5: sources fail like their plain volumes',
    objects: [podWith('p', { projected: { sources: [{ configMap: { name: 'settings' } }] } })],
    check: mountFails('MountVolume.SetUp failed for volume "v" : configmap "settings" not found'),
  },
  {
    name: 'env from a missing ConfigMap',
    rule: '§12.6: CreateContainerConfigError configmap "<name>" not found',
    objects: [podWith('p', undefined, [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }])],
    check: configFails('configmap "settings" not found'),
  },
  {
    name: 'env from a missing ConfigMap key',
    rule: '§12.6: couldn\'t find key <key> in ConfigMap <ns>/<name>',
    given: [cm('settings')],
    objects: [podWith('p', undefined, [{ name: 'COLOUR', valueFrom: { configMapKeyRef: { name: 'settings', key: 'colour' } } }])],
    check: configFails("couldn't find key colour in ConfigMap default/settings"),
  },
  {
    name: 'env from a missing Secret key',
    rule: '§12.6: couldn\'t find key <key> in Secret <ns>/<name>',
    given: [secret('db')],
    objects: [podWith('p', undefined, [{ name: 'USER', valueFrom: { secretKeyRef: { name: 'db', key: 'user' } } }])],
    check: configFails("couldn't find key user in Secret default/db"),
  },
  {
    name: 'envFrom a missing Secret',
    rule: '§12.6: secret "<name>" not found',
    objects: [podWith('p', undefined, undefined, [{ secretRef: { name: 'db' } }])],
    check: configFails('secret "db" not found'),
  },
  {
    name: 'an optional env reference is skipped',
    rule: '§12.6: optional: true skips the variable',
    objects: [podWith('p', undefined, [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode', optional: true } } }])],
    check: startsOrMounts,
  },
  {
    name: 'a running pod reports Pulling, Pulled, Created and Started',
    rule: 'kubelet container events (v1.34 wording)',
    given: [cm('settings')],
    objects: [podWith('p', { configMap: { name: 'settings' } })],
    check: (tc, mode) => {
      if (mode === 'single') return;
      running(tc, 'p');
      expect(tc.events('Pod', 'p').map((e) => e.split(' ')[1])).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    },
  },
];

describe.each(cases)('kubelet: $name ($rule)', (c) => {
  it('single sync', () => void runCase(kubelet, c, 'single'));
  it('settled', () => void runCase(kubelet, c, 'settled'));
});
