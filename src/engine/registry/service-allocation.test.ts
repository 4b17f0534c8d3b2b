// Services through the API's write door: defaulting, cluster IP and node port allocation (seeded,
// never colliding), validation and the allocators' refusals in the API server's words, and the
// kubernetes Service every preset starts with.
import { describe, expect, it } from 'vitest';
import { act, patchObject, viewOf } from '../index.ts';
import { TestCluster } from '../testing/harness.ts';

const svc = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
const error = (tc: TestCluster, obj: unknown) => tc.apply(obj)[0]!.error?.message;

describe('Service defaulting and allocation', () => {
  it('defaults a ClusterIP Service as the API server does and gives it an address from 10.96.0.0/16', () => {
    const tc = TestCluster.of('kind');
    tc.apply(svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    const s = tc.get('Service', 'default/web')!;
    const ip = s.spec!.clusterIP!;
    expect(ip).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(s.spec).toEqual({
      ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
      selector: { app: 'web' },
      clusterIP: ip,
      clusterIPs: [ip],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    });
    expect(s.status).toEqual({ loadBalancer: {} });
    // The dynamic band: the first 256 addresses are kept for addresses asked for by hand.
    expect(ip.startsWith('10.96.0.')).toBe(false);
  });

  it('allocates the same addresses for the same seed, different ones for every Service', () => {
    const make = (seed: number) => {
      const tc = TestCluster.of('kind', seed);
      for (let i = 0; i < 20; i++) tc.apply(svc(`s${i}`, { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }] }));
      return viewOf(tc.state).list('Service').filter((s) => s.metadata.namespace === 'default' && s.metadata.name !== 'kubernetes').map((s) => [s.spec!.clusterIP, s.spec!.ports![0]!.nodePort]);
    };
    const first = make(7);
    expect(make(7)).toEqual(first);
    expect(new Set(first.map(([ip]) => ip)).size).toBe(20);
    expect(new Set(first.map(([, port]) => port)).size).toBe(20);
    for (const [, port] of first) expect(port).toBeGreaterThanOrEqual(30000), expect(port).toBeLessThanOrEqual(32767);
  });

  it('gives NodePort and LoadBalancer Services node ports and externalTrafficPolicy Cluster; the LoadBalancer stays pending', () => {
    const tc = TestCluster.of('kind');
    tc.apply(svc('lb', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }));
    const s = tc.get('Service', 'default/lb')!;
    expect(s.spec!.externalTrafficPolicy).toBe('Cluster');
    expect(s.spec!.allocateLoadBalancerNodePorts).toBe(true);
    expect(s.spec!.ports![0]).toEqual({ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: expect.any(Number) });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('keeps a headless Service headless', () => {
    const tc = TestCluster.of('kind');
    tc.apply(svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }));
    expect(tc.get('Service', 'default/db')!.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'] });
  });

  it('refuses node ports outside the range or already taken, and cluster IPs outside the range or taken', () => {
    const tc = TestCluster.of('kind');
    expect(error(tc, svc('low', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }))).toBe(
      'The Service "low" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    tc.apply(svc('first', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(error(tc, svc('second', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).toBe(
      'The Service "second" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    expect(error(tc, svc('far', { clusterIP: '10.0.0.5', ports: [{ port: 80 }] }))).toBe(
      'The Service "far" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.5"]: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/16',
    );
    expect(error(tc, svc('dup', { clusterIP: '10.96.0.1', ports: [{ port: 80 }] }))).toBe(
      'The Service "dup" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.1"]: failed to allocate IP 10.96.0.1: provided IP is already allocated',
    );
    expect(tc.get('Service', 'default/second')).toBeUndefined();
  });

  it('refuses the common mistakes with ValidateService\'s messages', () => {
    const tc = TestCluster.of('kind');
    expect(error(tc, svc('a', { selector: { app: 'x' } }))).toBe('The Service "a" is invalid: spec.ports: Required value');
    expect(error(tc, svc('b', { ports: [{ name: 'http', port: 80 }, { port: 443 }] }))).toBe('The Service "b" is invalid: spec.ports[1].name: Required value');
    expect(error(tc, svc('c', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 443 }] }))).toBe(
      'The Service "c" is invalid: spec.ports[1].name: Duplicate value: "http"',
    );
    expect(error(tc, svc('d', { ports: [{ port: 80, nodePort: 30001 }] }))).toBe(
      "The Service \"d\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
    expect(error(tc, svc('e', { type: 'Balanced', ports: [{ port: 80 }] }))).toBe(
      'The Service "e" is invalid: spec.type: Unsupported value: "Balanced": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
    // The targetPort defaulted from the port is checked too.
    expect(error(tc, svc('f', { ports: [{ port: 70000 }] }))).toBe(
      'The Service "f" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]',
    );
  });

  it('keeps the cluster IP for life', () => {
    const tc = TestCluster.of('kind');
    tc.apply(svc('web', { ports: [{ port: 80 }] }));
    const r = act(tc.state, 'patch', (txn) => patchObject(txn, 'Service', 'default/web', { spec: { clusterIP: '10.96.0.99' } }));
    expect(r.result.ok ? undefined : r.result.error.message).toBe('The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set');
    // Re-applying the manifest (which names no clusterIP) keeps it.
    const before = tc.get('Service', 'default/web')!.spec!.clusterIP;
    tc.apply(svc('web', { ports: [{ port: 80 }], selector: { app: 'web' } }));
    expect(tc.get('Service', 'default/web')!.spec!.clusterIP).toBe(before);
  });
});

describe('the kubernetes Service', () => {
  it.each(['kind', 'bare', 'multi-az', 'empty'] as const)('is in %s: 10.96.0.1:443 to the API server', (preset) => {
    const tc = TestCluster.of(preset);
    const s = tc.get('Service', 'default/kubernetes')!;
    expect(s.metadata.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' });
    expect(s.spec).toMatchObject({ clusterIP: '10.96.0.1', type: 'ClusterIP', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });
    expect(s.spec!.selector).toBeUndefined();
  });

  it('has Endpoints and an EndpointSlice at the control plane\'s address when there is a node', () => {
    const tc = TestCluster.of('kind');
    expect(tc.get('Endpoints', 'default/kubernetes')!.subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    expect(tc.get('EndpointSlice', 'default/kubernetes')!.endpoints).toEqual([{ addresses: ['172.18.0.2'], conditions: { ready: true } }]);
  });
});
