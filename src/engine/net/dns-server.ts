// What the kube-dns Service (10.96.0.10:53) answers, query by query, for the resolver tools that
// show DNS replies (nslookup) rather than only addresses. No CoreDNS pods are simulated: the
// Service's address answers as kubeadm's Corefile would (`kubernetes cluster.local in-addr.arpa
// ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa }`, then `forward . /etc/resolv.conf`):
// - names under cluster.local are the kubernetes plugin's, authoritative: A records from dns.ts,
//   NODATA (NOERROR, no record) for another type of a name that exists (the cluster is IPv4 only,
//   so every AAAA), NXDOMAIN for a name that does not;
// - reverse names of a Service's cluster IP or a ready endpoint's address get their PTR record
//   (CoreDNS's serviceRecordForIP: `<svc>.<ns>.svc.cluster.local`, or for an endpoint
//   `<hostname or a-b-c-d>.<svc>.<ns>.svc.cluster.local`);
// - everything else falls through to the forward plugin. The simulated cluster has no network
//   outside it, so the node's upstream resolver cannot be reached and forward answers SERVFAIL
//   (its "no healthy upstream" error) at once, as CoreDNS does on a node without a route out.
import type { Reader } from '../cluster/reads.ts';
import { CLUSTER_DOMAIN, CLUSTER_DNS_IP, isIPv4, resolveClusterName, searchDomains } from './dns.ts';

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

export interface DnsRecord {
  type: 'A' | 'PTR';
  /** The owner name, as the question asked it (no trailing dot). */
  name: string;
  /** The address (A) or the target name (PTR). */
  value: string;
}

export interface DnsReply {
  rcode: Rcode;
  /** CoreDNS's kubernetes plugin is authoritative for its zones; forwarded answers are not. */
  authoritative: boolean;
  records: DnsRecord[];
}

const SERVFAIL: DnsReply = { rcode: 'SERVFAIL', authoritative: false, records: [] };

/** The one place DNS queries are answered: the kube-dns Service's cluster IP on port 53. */
export function answersDns(ip: string, port: number): boolean {
  return ip === CLUSTER_DNS_IP && port === 53;
}

/** One question (`qtype` as nslookup names it: A, AAAA, PTR, MX, …) to the cluster DNS. */
export function queryClusterDns(view: Reader, qname: string, qtype: string): DnsReply {
  const name = qname.replace(/\.$/, '');
  const fqdn = name.toLowerCase();
  if (fqdn === CLUSTER_DOMAIN || fqdn.endsWith(`.${CLUSTER_DOMAIN}`)) {
    const addresses = resolveClusterName(view, fqdn);
    if (addresses.length === 0) return { rcode: 'NXDOMAIN', authoritative: true, records: [] };
    const records = qtype === 'A' ? addresses.map((value): DnsRecord => ({ type: 'A', name, value })) : [];
    return { rcode: 'NOERROR', authoritative: true, records };
  }
  const ip = reverseToIPv4(fqdn);
  if (ip !== undefined && qtype === 'PTR') {
    const target = reverseName(view, ip);
    if (target !== undefined) return { rcode: 'NOERROR', authoritative: true, records: [{ type: 'PTR', name, value: target }] };
  }
  return SERVFAIL;
}

/** `5.1.244.10.in-addr.arpa` → `10.244.1.5`. */
function reverseToIPv4(fqdn: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(fqdn);
  if (!m) return undefined;
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  return isIPv4(ip) ? ip : undefined;
}

/** The PTR name `ip.in-addr.arpa` has in the cluster, if any (CoreDNS's serviceRecordForIP). */
export function reverseName(view: Reader, ip: string): string | undefined {
  // A Service's cluster IP first.
  const svc = view.list('Service').find((s) => s.spec?.clusterIP === ip);
  if (svc) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  // Then the ready endpoints of any Service. The endpoint's hostname is the pod's when the pod's
  // subdomain names that Service (what the EndpointSlice controller copies into `hostname`),
  // else the address with dashes.
  for (const slice of view.list('EndpointSlice')) {
    const service = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!service) continue;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false || !ep.addresses.includes(ip)) continue;
      const ref = ep.targetRef;
      const pod = ref?.kind === 'Pod' && ref.name ? view.get('Pod', `${ref.namespace ?? slice.metadata.namespace}/${ref.name}`) : undefined;
      const host = pod?.spec?.hostname && pod.spec.subdomain === service ? pod.spec.hostname : ip.replace(/\./g, '-');
      return `${host}.${service}.${slice.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
    }
  }
  return undefined;
}

/**
 * A name as a pod's libc resolver looks it up (resolv.conf's search list and ndots:5): the
 * fully qualified name that answered and its addresses (glibc's h_name), or undefined.
 */
export function lookupFromPod(view: Reader, name: string, namespace: string): { fqdn: string; addresses: string[] } | undefined {
  const host = name.toLowerCase().replace(/\.$/, '');
  const absolute = name.endsWith('.');
  const dots = host.split('.').length - 1;
  const searched = searchDomains(namespace).map((d) => `${host}.${d}`);
  const candidates = absolute ? [host] : dots >= 5 ? [host, ...searched] : [...searched, host];
  for (const fqdn of candidates) {
    const addresses = resolveClusterName(view, fqdn);
    if (addresses.length > 0) return { fqdn, addresses };
  }
  return undefined;
}
