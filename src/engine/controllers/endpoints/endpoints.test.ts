// The EndpointSlice and Endpoints controllers: a slice per selecting Service, following its pods
// as they get IPs, become ready, terminate and go; v1 Endpoints mirroring them with
// addresses/notReadyAddresses; both gone with the Service.
import { describe, expect, it } from 'vitest';
import { act, deleteObject, patchObject, viewOf } from '../../index.ts';
import { TestCluster } from '../../testing/harness.ts';
import { serviceBackends } from './backends.ts';

const pod = (name: string, labels: Record<string, string> = { app: 'web' }, command?: string[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: command ? 'busybox' : 'nginx', ports: [{ name: 'http', containerPort: 8080 }], ...(command ? { command } : {}) }] },
});
/** `sleep` as PID 1 ignores SIGTERM: the pod stays Terminating for its whole grace period. */
const SLOW_TO_STOP = ['sleep', '3600'];

const service = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', labels: { tier: 'front' } },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }], ...spec },
});

const slicesOf = (tc: TestCluster) => viewOf(tc.state).list('EndpointSlice').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');

function run(tc: TestCluster, summary: string, action: Parameters<typeof act>[2]) {
  tc.state = act(tc.state, summary, action).state;
}

describe('endpointslice-controller', () => {
  it('makes one labelled, owned slice per Service, with each selected pod, its IP, node and the named port resolved', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('a'), pod('b'), pod('other', { app: 'db' }), service());
    const [slice, ...more] = slicesOf(tc);
    expect(more).toEqual([]);
    const svc = tc.get('Service', 'default/web')!;
    expect(slice!.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slice!.metadata.generateName).toBe('web-');
    expect(slice!.metadata.labels).toEqual({
      tier: 'front',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    });
    expect(slice!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    const a = tc.get('Pod', 'default/a')!;
    expect(slice!.endpoints!.map((e) => e.targetRef?.name)).toEqual(['a', 'b']);
    expect(slice!.endpoints![0]).toEqual({
      addresses: [a.status!.podIP],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: a.metadata.uid },
      nodeName: 'kind-control-plane',
    });
  });

  it('records the zone of the pod\'s node', () => {
    const tc = TestCluster.of('multi-az');
    tc.apply(pod('a'), service());
    const e = slicesOf(tc)[0]!.endpoints![0]!;
    const node = tc.get('Node', tc.get('Pod', 'default/a')!.spec!.nodeName!)!;
    expect(e.zone).toBe(node.metadata.labels!['topology.kubernetes.io/zone']);
    expect(e.zone).toMatch(/^us-east-1[abc]$/);
  });

  it('keeps a placeholder slice without endpoints or ports while nothing matches, then follows pods that get scheduled and ready', () => {
    const tc = TestCluster.of('kind');
    run(tc, 'cordon', (txn) => patchObject(txn, 'Node', 'kind-control-plane', { spec: { unschedulable: true } }));
    tc.apply(service(), pod('a'));
    expect(tc.get('Pod', 'default/a')!.status?.podIP).toBeUndefined();
    expect(slicesOf(tc).map((s) => [s.endpoints, s.ports])).toEqual([[null, null]]);
    run(tc, 'uncordon', (txn) => patchObject(txn, 'Node', 'kind-control-plane', { spec: { unschedulable: false } }));
    const [slice] = slicesOf(tc);
    expect(slice!.endpoints!.map((e) => [e.targetRef?.name, e.conditions?.ready])).toEqual([['a', true]]);
  });

  it('lists a crashing pod as not ready, and a terminating pod as terminating, not ready but serving', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('a', { app: 'web' }, SLOW_TO_STOP), pod('crash', { app: 'web' }, ['sh', '-c', 'exit 1']), service());
    const conditions = () => Object.fromEntries(slicesOf(tc)[0]!.endpoints!.map((e) => [e.targetRef!.name, e.conditions]));
    expect(conditions()['crash']).toEqual({ ready: false, serving: false, terminating: false });
    run(tc, 'delete a', (txn) => deleteObject(txn, 'Pod', 'default/a'));
    expect(tc.get('Pod', 'default/a')!.metadata.deletionTimestamp).toBeDefined();
    expect(conditions()['a']).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('is removed with its Service by the garbage collector', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('a'), service());
    expect(slicesOf(tc)).toHaveLength(1);
    run(tc, 'delete svc', (txn) => deleteObject(txn, 'Service', 'default/web'));
    expect(slicesOf(tc)).toEqual([]);
    expect(tc.get('Endpoints', 'default/web')).toBeUndefined();
  });

  it('leaves a Service without a selector alone', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('a'), service({ selector: undefined }));
    expect(slicesOf(tc)).toEqual([]);
    expect(tc.get('Endpoints', 'default/web')).toBeUndefined();
  });
});

describe('endpoint-controller (v1 Endpoints)', () => {
  it('puts ready pods in addresses and the others in notReadyAddresses, sorted by IP, with the managed-by label', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('a'), pod('b'), pod('crash', { app: 'web' }, ['sh', '-c', 'exit 1']), service());
    const ep = tc.get('Endpoints', 'default/web')!;
    expect(ep.metadata.labels).toEqual({ tier: 'front', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    const ip = (n: string) => tc.get('Pod', `default/${n}`)!.status!.podIP!;
    const [subset, ...more] = ep.subsets!;
    expect(more).toEqual([]);
    expect(subset!.addresses!.map((a) => a.ip)).toEqual([ip('a'), ip('b')].sort());
    expect(subset!.notReadyAddresses!.map((a) => a.targetRef?.name)).toEqual(['crash']);
    expect(subset!.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    expect(subset!.addresses![0]!.nodeName).toBe('kind-control-plane');
  });

  it('has no subsets when no pod matches, and drops a terminating pod', () => {
    const tc = TestCluster.of('kind');
    tc.apply(service(), pod('a', { app: 'web' }, SLOW_TO_STOP));
    expect(tc.get('Endpoints', 'default/web')!.subsets).toHaveLength(1);
    run(tc, 'delete a', (txn) => deleteObject(txn, 'Pod', 'default/a'));
    expect(tc.get('Pod', 'default/a')!.metadata.deletionTimestamp).toBeDefined();
    expect(tc.get('Endpoints', 'default/web')!.subsets).toBeUndefined();
  });

  it('is settled: another pass changes nothing', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('a'), service());
    const again = act(tc.state, 'nothing', () => undefined);
    expect(again.steps).toEqual([]);
  });
});

describe('serviceBackends (the read-side seam)', () => {
  it('resolves each backend\'s port, and leaves out a pod whose named targetPort it lacks', () => {
    const tc = TestCluster.of('kind');
    tc.apply(pod('a'), { ...pod('bare'), spec: { containers: [{ name: 'c', image: 'nginx' }] } }, service());
    const backends = serviceBackends(viewOf(tc.state), tc.get('Service', 'default/web')!);
    expect(backends.map((b) => [b.pod.metadata.name, b.ports.map((p) => p.port)])).toEqual([['a', [8080]], ['bare', []]]);
    expect(slicesOf(tc)[0]!.endpoints!.map((e) => e.targetRef?.name)).toEqual(['a']);
  });
});
