// `kubectl get svc|ep|endpointslices` (printers.go printService, printEndpoints, printEndpointSlice)
// and `kubectl describe svc` (describe.go describeService with its EndpointSlices).
import { describe, expect, it } from 'vitest';
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { buildTable } from './table.ts';
import { describeService, formatEndpointSlices } from './services.ts';

const NOW = Date.parse('2026-01-01T00:02:00Z');
const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' });
const service = (name: string, spec: Service['spec'], status: Service['status'] = { loadBalancer: {} }): Service => ({ metadata: meta(name), spec, status });

describe('kubectl get services', () => {
  it('prints TYPE, CLUSTER-IP, EXTERNAL-IP per type, PORT(S) with node ports, and SELECTOR with -o wide', () => {
    const t = buildTable('Service', [
      service('kubernetes', { type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] }),
      service('web', { type: 'NodePort', clusterIP: '10.96.12.7', selector: { tier: 'front', app: 'web' }, ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }, { port: 53, protocol: 'UDP', nodePort: 30053 }] }),
      service('lb', { type: 'LoadBalancer', clusterIP: '10.96.9.9', ports: [{ port: 8080, protocol: 'TCP', nodePort: 31000 }] }),
      service('lb-up', { type: 'LoadBalancer', clusterIP: '10.96.9.10', ports: [{ port: 80, protocol: 'TCP', nodePort: 31001 }] }, { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } }),
      service('db', { type: 'ClusterIP', clusterIP: 'None', ports: [] }),
      service('ext', { type: 'ExternalName', externalName: 'example.com' }),
      service('fixed', { type: 'ClusterIP', clusterIP: '10.96.1.1', externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 80, protocol: 'TCP' }] }),
    ], { now: NOW, wide: true });
    expect(t.headers).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR']);
    expect(t.rows).toEqual([
      ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '2m', '<none>'],
      ['web', 'NodePort', '10.96.12.7', '<none>', '80:30080/TCP,53:30053/UDP', '2m', 'app=web,tier=front'],
      ['lb', 'LoadBalancer', '10.96.9.9', '<pending>', '8080:31000/TCP', '2m', '<none>'],
      ['lb-up', 'LoadBalancer', '10.96.9.10', '172.18.255.200', '80:31001/TCP', '2m', '<none>'],
      ['db', 'ClusterIP', 'None', '<none>', '<none>', '2m', '<none>'],
      ['ext', 'ExternalName', '<none>', 'example.com', '<none>', '2m', '<none>'],
      ['fixed', 'ClusterIP', '10.96.1.1', '1.2.3.4,5.6.7.8', '80/TCP', '2m', '<none>'],
    ]);
  });
});

const address = (ip: string) => ({ ip });

describe('kubectl get endpoints', () => {
  it('joins ready addresses with each port, cuts at three with "+ N more...", <none> without subsets', () => {
    const ep = (name: string, subsets?: Endpoints['subsets']): Endpoints => ({ metadata: meta(name), ...(subsets ? { subsets } : {}) });
    const t = buildTable('Endpoints', [
      ep('two', [{ addresses: [address('10.244.0.5'), address('10.244.0.6')], ports: [{ port: 80, protocol: 'TCP' }] }]),
      ep('many', [{ addresses: ['10.244.0.5', '10.244.0.6', '10.244.0.7', '10.244.0.8'].map(address), ports: [{ port: 80 }, { port: 443 }] }]),
      ep('none'),
      ep('unready', [{ notReadyAddresses: [address('10.244.0.9')], ports: [{ port: 80 }] }]),
      ep('headless', [{ addresses: [address('10.244.0.3')] }]),
    ], { now: NOW });
    expect(t.headers).toEqual(['NAME', 'ENDPOINTS', 'AGE']);
    expect(t.rows.map((r) => r[1])).toEqual([
      '10.244.0.5:80,10.244.0.6:80',
      '10.244.0.5:80,10.244.0.6:80,10.244.0.7:80 + 5 more...',
      '<none>',
      '',
      '10.244.0.3',
    ]);
  });
});

const slice = (name: string, addresses: string[], ports: EndpointSlice['ports'], ready = true): EndpointSlice => ({
  metadata: { ...meta(name), labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  endpoints: addresses.length > 0 ? addresses.map((a) => ({ addresses: [a], conditions: { ready } })) : (null as unknown as EndpointSlice['endpoints']),
  ports,
});

describe('kubectl get endpointslices', () => {
  it('prints ADDRESSTYPE, PORTS and ENDPOINTS, <unset> when empty', () => {
    const t = buildTable('EndpointSlice', [
      slice('web-abcde', ['10.244.0.5', '10.244.0.6', '10.244.0.7', '10.244.0.8'], [{ name: '', port: 80, protocol: 'TCP' }]),
      slice('empty-x1y2z', [], null as unknown as undefined),
      slice('multi', ['10.244.0.5'], [{ name: 'a', port: 80 }, { name: 'b', port: 81 }, { name: 'c' }, { name: 'd', port: 83 }]),
    ], { now: NOW, wide: true });
    expect(t.headers).toEqual(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    expect(t.rows).toEqual([
      ['web-abcde', 'IPv4', '80', '10.244.0.5,10.244.0.6,10.244.0.7 + 1 more...', '2m'],
      ['empty-x1y2z', 'IPv4', '<unset>', '<unset>', '2m'],
      ['multi', 'IPv4', '80,81,c + 1 more...', '10.244.0.5', '2m'],
    ]);
  });
});

describe('kubectl describe service', () => {
  const web = service('web', {
    type: 'NodePort',
    selector: { app: 'web' },
    clusterIP: '10.96.12.7',
    clusterIPs: ['10.96.12.7'],
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    ports: [{ port: 80, protocol: 'TCP', targetPort: 'http', nodePort: 30080 }],
    sessionAffinity: 'None',
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
  });

  it('prints the addresses, each port with its target, node port and ready endpoints', () => {
    const slices = [slice('web-abcde', ['10.244.0.5', '10.244.0.6'], [{ name: '', port: 8080, protocol: 'TCP' }]), slice('web-fghij', ['10.244.0.9'], [{ name: '', port: 8080 }], false)];
    expect(describeService(web, NOW, [], slices)).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.12.7',
        'IPs:                      10.96.12.7',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               http/TCP',
        'NodePort:                 <unset>  30080/TCP',
        'Endpoints:                10.244.0.5:8080,10.244.0.6:8080',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('shows an empty Endpoints line while no endpoint is ready, and <none> without slices', () => {
    expect(formatEndpointSlices([slice('web-fghij', ['10.244.0.9'], [{ name: '', port: 80 }], false)], new Set(['']))).toBe('');
    expect(formatEndpointSlices([])).toBe('<none>');
    // Only the slice ports named like the Service port count.
    expect(formatEndpointSlices([slice('w', ['10.244.0.1'], [{ name: 'https', port: 6443 }])], new Set(['http']))).toBe('');
  });
});
