// The `kubernetes` Service in the default namespace, which the API server keeps for itself
// (pkg/controlplane/controller/kubernetesservice): 10.96.0.1, the first address of the service
// range, port 443 to the API server's 6443, no selector. Its Endpoints and EndpointSlice name the
// API server's address, the control-plane node's InternalIP in kind. Every preset starts with them.
import type { Stored } from '../api/objects.ts';
import { defaultService } from '../manifest/defaults.ts';
import { KUBERNETES_SERVICE_IP } from '../registry/service-allocation.ts';
import { digestHex } from '../runtime/ids.ts';

const API_SERVER_PORT = 6443;

/**
 * A fixed uid per object: the presets' own objects must not draw from the seeded generator, so the
 * names a script's objects get do not depend on what the preset holds.
 */
function fixedUid(seed: string): string {
  const h = digestHex(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function kubernetesServiceObjects(nodes: readonly Stored<'Node'>[]): (Stored<'Service'> | Stored<'Endpoints'> | Stored<'EndpointSlice'>)[] {
  const service = defaultService({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', uid: fixedUid('service/default/kubernetes'), labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: API_SERVER_PORT }],
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
  });
  const controlPlane = nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ?? nodes[0];
  const ip = controlPlane?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  if (!ip) return [service];
  return [
    service,
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      // The API server writes these itself: the mirroring controller must not copy them.
      metadata: { name: 'kubernetes', namespace: 'default', uid: fixedUid('endpoints/default/kubernetes'), labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: API_SERVER_PORT, protocol: 'TCP' }] }],
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', uid: fixedUid('endpointslice/default/kubernetes'), labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      ports: [{ name: 'https', port: API_SERVER_PORT, protocol: 'TCP' }],
    },
  ];
}
