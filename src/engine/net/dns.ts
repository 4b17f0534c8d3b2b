// Cluster DNS as CoreDNS's kubernetes plugin answers it (the Kubernetes DNS spec): a Service is
// `<svc>.<ns>.svc.cluster.local` (its cluster IP, or for a headless Service its ready endpoints'
// addresses), a pod with `hostname` and `subdomain` under a headless Service of that name is
// `<hostname>.<subdomain>.<ns>.svc.cluster.local` (a StatefulSet's `web-0.nginx…`), and
// `a-b-c-d.<ns>.pod.cluster.local` is the pod IP a.b.c.d. A pod's resolver tries the search list
// of its resolv.conf first (ndots:5), so `web`, `web.other` and `web.other.svc` all work.
import type { Stored } from '../api/objects.ts';
import type { Reader } from '../cluster/reads.ts';

/** kubeadm's clusterDNS: the tenth address of the service range. */
export const CLUSTER_DNS_IP = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';
const NDOTS = 5;

/** The search domains of a pod in `namespace` (dnsPolicy ClusterFirst). */
export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** /etc/resolv.conf as the kubelet writes it for a ClusterFirst pod. */
export function resolvConf(namespace: string): string {
  return `search ${searchDomains(namespace).join(' ')}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:${NDOTS}\n`;
}

export const isIPv4 = (s: string): boolean => /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s) && s.split('.').every((n) => Number(n) <= 255);

/**
 * The addresses a pod in `namespace` gets for `name`, as glibc or musl would after walking the
 * search list; empty when nothing answers (NXDOMAIN). An address literal is itself.
 */
export function resolveFromPod(view: Reader, name: string, namespace: string): string[] {
  const host = name.toLowerCase().replace(/\.$/, '');
  if (isIPv4(host)) return [host];
  if (host === 'localhost') return ['127.0.0.1'];
  const absolute = name.endsWith('.');
  const dots = host.split('.').length - 1;
  const candidates = absolute ? [host] : dots >= NDOTS ? [host, ...searchDomains(namespace).map((d) => `${host}.${d}`)] : [...searchDomains(namespace).map((d) => `${host}.${d}`), host];
  for (const fqdn of candidates) {
    const found = resolveClusterName(view, fqdn);
    if (found.length > 0) return found;
  }
  return [];
}

/** A fully qualified name under the cluster domain, as CoreDNS answers it. */
export function resolveClusterName(view: Reader, fqdn: string): string[] {
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return [];
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length === 3 && labels[2] === 'pod') {
    // `10-244-0-5.default.pod.cluster.local`: CoreDNS's `pods insecure` answers any such name.
    const ip = labels[0]!.replace(/-/g, '.');
    return isIPv4(ip) ? [ip] : [];
  }
  if (labels[labels.length - 1] !== 'svc') return [];
  if (labels.length === 3) return serviceAddresses(view, labels[1]!, labels[0]!);
  if (labels.length === 4) return podByHostname(view, labels[2]!, labels[1]!, labels[0]!);
  return [];
}

function serviceAddresses(view: Reader, namespace: string, name: string): string[] {
  const svc = view.get('Service', `${namespace}/${name}`);
  if (!svc) return [];
  const ip = svc.spec?.clusterIP;
  if (ip && ip !== 'None') return [ip];
  // Headless: one A record per ready endpoint, in the slices' order.
  return readyEndpointAddresses(view, svc);
}

function readyEndpointAddresses(view: Reader, svc: Stored<'Service'>): string[] {
  const out: string[] = [];
  for (const slice of view.list('EndpointSlice', svc.metadata.namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    for (const ep of slice.endpoints ?? []) if (ep.conditions?.ready !== false) out.push(...ep.addresses);
  }
  return out;
}

/** `<hostname>.<subdomain>.<ns>.svc`: a pod whose hostname and subdomain match, under a headless Service named as the subdomain. */
function podByHostname(view: Reader, namespace: string, subdomain: string, hostname: string): string[] {
  const svc = view.get('Service', `${namespace}/${subdomain}`);
  if (!svc || svc.spec?.clusterIP !== 'None') return [];
  const pod = view.list('Pod', namespace).find((p) => p.spec?.hostname === hostname && p.spec?.subdomain === subdomain && p.status?.podIP);
  return pod?.status?.podIP ? [pod.status.podIP] : [];
}
