// The cluster DNS Service kubeadm (and so kind) installs in kube-system: `kube-dns`, named so
// for compatibility although CoreDNS answers behind it, at 10.96.0.10 (the tenth address of the
// service range, which the kubelet's clusterDNS setting points every pod's resolv.conf at).
// The simulation does not model kube-system's pods (CoreDNS, kube-proxy, the control plane), so
// the Service selects `k8s-app: kube-dns` like the real one but has no endpoints; names are
// answered by src/engine/net/dns.ts directly. Its (empty) Endpoints and EndpointSlice come with
// it, made as the controllers would make them but with fixed names and uids: the preset's
// objects must not draw from the seeded generator, or every name a script gets would change.
import type { Stored } from '../api/objects.ts';
import { defaultService } from '../manifest/defaults.ts';
import { CLUSTER_DNS_IP } from '../net/dns.ts';
import { CLUSTER_EPOCH, rfc3339 } from '../runtime/clock.ts';
import { digestHex } from '../runtime/ids.ts';

/** A fixed uid, as the kubernetes Service has: preset objects do not draw from the seeded generator. */
function fixedUid(seed: string): string {
  const h = digestHex(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type DnsObject = Stored<'Service'> | Stored<'Endpoints'> | Stored<'EndpointSlice'>;

export function kubeDnsObjects(): DnsObject[] {
  const svc = kubeDnsService();
  const labels = svc.metadata.labels ?? {};
  const created = rfc3339(CLUSTER_EPOCH);
  return [
    svc,
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kube-dns', namespace: 'kube-system', uid: fixedUid('endpoints/kube-system/kube-dns'), labels: { ...labels, 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': created } },
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'kube-dns-7lrzd',
        generateName: 'kube-dns-',
        namespace: 'kube-system',
        uid: fixedUid('endpointslice/kube-system/kube-dns'),
        labels: { ...labels, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'kube-dns' },
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': created },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'kube-dns', uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints: null,
      ports: null,
    } as unknown as Stored<'EndpointSlice'>,
  ];
}

function kubeDnsService(): Stored<'Service'> {
  return defaultService({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      uid: fixedUid('service/kube-system/kube-dns'),
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      clusterIP: CLUSTER_DNS_IP,
      clusterIPs: [CLUSTER_DNS_IP],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
  });
}
