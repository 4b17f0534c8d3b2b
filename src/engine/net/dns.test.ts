// Cluster DNS: the kube-dns Service every preset starts with, the resolv.conf pods get, and names
// resolved as a pod's resolver walks its search list.
import { describe, expect, it } from 'vitest';
import { readerOf } from '../cluster/reads.ts';
import { execInPod } from '../containers/runtime.ts';
import { TestCluster } from '../testing/harness.ts';
import { CLUSTER_DNS_IP, resolveFromPod, resolvConf } from './dns.ts';

const WEB = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

const HEADLESS = `apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: nginx:1.27}]
`;

describe('the kube-dns Service', () => {
  it('is in kube-system at 10.96.0.10 with the dns, dns-tcp and metrics ports, as kubeadm makes it', () => {
    const c = TestCluster.of('kind');
    const svc = c.get('Service', 'kube-system/kube-dns');
    expect(svc?.spec?.clusterIP).toBe(CLUSTER_DNS_IP);
    expect(svc?.metadata.labels?.['k8s-app']).toBe('kube-dns');
    expect(svc?.spec?.selector).toEqual({ 'k8s-app': 'kube-dns' });
    expect(svc?.spec?.ports?.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
  });

  it('comes with its endpoint objects, which the controllers leave alone (no CoreDNS pods are simulated)', () => {
    const c = TestCluster.of('kind');
    const slices = c.list('EndpointSlice').filter((s) => s.metadata.namespace === 'kube-system');
    expect(slices.map((s) => s.metadata.name)).toEqual(['kube-dns-7lrzd']);
    const svcVersion = Number(c.get('Service', 'kube-system/kube-dns')!.metadata.resourceVersion);
    // Stored right after the Service and never rewritten: an update would have bumped it past the preset.
    expect(Number(slices[0]!.metadata.resourceVersion)).toBe(svcVersion + 2);
    expect(slices[0]!.endpoints ?? null).toBeNull();
    expect(c.get('Endpoints', 'kube-system/kube-dns')?.subsets).toBeUndefined();
    c.apply(WEB.replace(', namespace: shop', ''));
    expect(c.get('EndpointSlice', 'kube-system/kube-dns-7lrzd')).toBe(slices[0]);
  });

  it('a new Service never gets its address', () => {
    const c = TestCluster.of('kind');
    for (let i = 0; i < 5; i++) c.apply(WEB.replace('name: web, namespace: shop', `name: web${i}`));
    const ips = c.list('Service').map((s) => s.spec?.clusterIP);
    expect(ips.filter((ip) => ip === CLUSTER_DNS_IP)).toHaveLength(1);
  });
});

describe('resolv.conf', () => {
  it('searches the pod namespace, svc and the cluster domain, with ndots:5', () => {
    expect(resolvConf('shop')).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('is what a container reads at /etc/resolv.conf, and ls /etc lists it', () => {
    const c = TestCluster.of('kind');
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: default}\nspec:\n  containers: [{name: c, image: busybox, command: [sleep, "3600"]}]\n');
    const cat = execInPod(c.state, 'default', 'p', 'c', ['cat', '/etc/resolv.conf'], '');
    expect(cat.ok && cat.stdout).toBe(resolvConf('default'));
    const ls = execInPod(c.state, 'default', 'p', 'c', ['ls', '/etc'], '');
    expect(ls.ok && ls.stdout.split('\n')).toContain('resolv.conf');
  });
});

describe('names a pod resolves', () => {
  const c = TestCluster.of('kind');
  c.apply('apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n');
  c.apply(WEB);
  c.apply(HEADLESS);
  const view = readerOf(c.state);
  const ip = c.get('Service', 'shop/web')!.spec!.clusterIP!;

  it.each([
    ['web', 'shop'],
    ['web.shop', 'default'],
    ['web.shop.svc', 'default'],
    ['web.shop.svc.cluster.local', 'default'],
    ['web.shop.svc.cluster.local.', 'default'],
    ['WEB.Shop', 'default'],
  ])('%s from namespace %s is the cluster IP', (name, ns) => {
    expect(resolveFromPod(view, name, ns)).toEqual([ip]);
  });

  it('a short name from another namespace does not resolve', () => {
    expect(resolveFromPod(view, 'web', 'default')).toEqual([]);
    expect(resolveFromPod(view, 'nothere', 'shop')).toEqual([]);
  });

  it("a headless Service is its ready pods' addresses, and each StatefulSet pod has its own name", () => {
    const pods = ['web-0', 'web-1'].map((n) => c.get('Pod', `default/${n}`)!.status!.podIP!);
    expect(resolveFromPod(view, 'nginx', 'default')).toEqual(pods);
    expect(resolveFromPod(view, 'web-1.nginx', 'default')).toEqual([pods[1]]);
    expect(resolveFromPod(view, 'web-0.nginx.default.svc.cluster.local', 'shop')).toEqual([pods[0]]);
    // Not under a headless Service of that name: no record.
    expect(resolveFromPod(view, 'web-0.web', 'default')).toEqual([]);
  });

  it('addresses and pod-IP names resolve to themselves; localhost is the loopback', () => {
    expect(resolveFromPod(view, '10.244.0.7', 'default')).toEqual(['10.244.0.7']);
    expect(resolveFromPod(view, '10-244-0-7.default.pod.cluster.local', 'default')).toEqual(['10.244.0.7']);
    expect(resolveFromPod(view, 'localhost', 'default')).toEqual(['127.0.0.1']);
    expect(resolveFromPod(view, 'kube-dns.kube-system', 'default')).toEqual([CLUSTER_DNS_IP]);
  });
});
