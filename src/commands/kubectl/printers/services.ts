// Services and their endpoints: the tables of printers.go (printService, printEndpoints,
// printEndpointSlice: formatEndpoints, formatDiscoveryPorts, formatDiscoveryEndpoints), which cut
// long address lists at three with `+ N more...`; and describe.go's describeService.
import type { EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Endpoints, Event, Service } from 'kubernetes-types/core/v1';
import type { Column } from './columns.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-helpers.ts';
import { describeEvents, eventsAbout } from './events.ts';
import { DescribeWriter, formatLabels, since } from './format.ts';

/** At most this many addresses or ports are listed; the rest are counted. */
const MAX_LISTED = 3;

/** `getServiceExternalIP`: what EXTERNAL-IP shows for each type. */
export function serviceExternalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((s) => s !== '');
      const all = [...external, ...ingress];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** `makePortString`: `80/TCP`, with the node port `80:30080/TCP`. */
export function servicePorts(svc: Service): string {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

export const SERVICE_COLUMNS: Column<Service>[] = [
  { header: 'NAME', cell: (s) => s.metadata?.name ?? '' },
  { header: 'TYPE', cell: (s) => s.spec?.type ?? '' },
  { header: 'CLUSTER-IP', cell: (s) => s.spec?.clusterIP || '<none>' },
  { header: 'EXTERNAL-IP', cell: (s) => serviceExternalIP(s) },
  { header: 'PORT(S)', cell: (s) => servicePorts(s) },
  { header: 'AGE', cell: (s, { now }) => since(s.metadata?.creationTimestamp, now) },
  { header: 'SELECTOR', wide: true, cell: (s) => formatLabels(s.spec?.selector) },
];

/** `formatEndpoints`: ready addresses joined with each port, `<none>` without subsets. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    // A headless Service without ports lists bare IPs.
    const targets = ports.length === 0 ? [undefined] : ports.map((p) => p.port);
    for (const port of targets) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_LISTED) {
          more = true;
          break;
        }
        list.push(port === undefined ? a.ip : joinHostPort(a.ip, port));
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX_LISTED} more...` : joined;
}

/** Go's net.JoinHostPort: IPv6 addresses in brackets. */
function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

function listWithMore(list: string[], more: boolean, count: number): string {
  const joined = list.join(',');
  if (more) return `${joined} + ${count - MAX_LISTED} more...`;
  return joined === '' ? '<unset>' : joined;
}

export function formatDiscoveryPorts(ports: readonly EndpointPort[] | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const p of ports ?? []) {
    if (list.length < MAX_LISTED) list.push(p.port !== undefined ? String(p.port) : (p.name ?? '*'));
    else more = true;
  }
  return listWithMore(list, more, (ports ?? []).length);
}

export function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of slice.endpoints ?? []) {
    for (const address of e.addresses) {
      if (list.length < MAX_LISTED) list.push(address);
      else more = true;
      count++;
    }
  }
  return listWithMore(list, more, count);
}

export const ENDPOINTS_COLUMNS: Column<Endpoints>[] = [
  { header: 'NAME', cell: (e) => e.metadata?.name ?? '' },
  { header: 'ENDPOINTS', cell: (e) => formatEndpoints(e) },
  { header: 'AGE', cell: (e, { now }) => since(e.metadata?.creationTimestamp, now) },
];

export const ENDPOINT_SLICE_COLUMNS: Column<EndpointSlice>[] = [
  { header: 'NAME', cell: (s) => s.metadata?.name ?? '' },
  { header: 'ADDRESSTYPE', cell: (s) => s.addressType },
  { header: 'PORTS', cell: (s) => formatDiscoveryPorts(s.ports) },
  { header: 'ENDPOINTS', cell: (s) => formatDiscoveryEndpoints(s) },
  { header: 'AGE', cell: (s, { now }) => since(s.metadata?.creationTimestamp, now) },
];

/**
 * describe.go formatEndpointSlices: the ready endpoints of the slices, joined with each slice port
 * whose name is in `portNames` (all ports when undefined), three at most.
 */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portNames?: ReadonlySet<string>): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string) => {
    if (list.length === MAX_LISTED) more = true;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    const ready = (slice.endpoints ?? []).filter((e) => e.conditions?.ready !== false);
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const e of ready) add(e.addresses[0] ?? '');
      continue;
    }
    for (const p of ports) {
      if (portNames && !portNames.has(p.name ?? '')) continue;
      for (const e of ready) add(joinHostPort(e.addresses[0] ?? '', p.port ?? 0));
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX_LISTED} more...` : joined;
}

/** describe.go describeService: the Service, then per port its target, node port and endpoints. */
export function describeService(svc: Service, now: number, events: readonly Event[] | undefined, slices: readonly EndpointSlice[]): string {
  const w = new DescribeWriter();
  const meta = svc.metadata ?? {};
  const spec = svc.spec ?? {};
  w.write(0, `Name:\t${meta.name ?? ''}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy !== undefined) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  if ((spec.clusterIPs ?? []).length > 0) w.write(0, `IPs:\t${spec.clusterIPs!.join(',')}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname || '').join(', ')}\n`);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    const protocol = sp.protocol ?? '';
    w.write(0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort ?? ''}/${protocol}\n`);
    // No AppProtocol line: kubectl 1.34 does not print it (added after 1.34).
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, new Set([sp.name ?? '']))}\n`);
  }
  if ((spec.ports ?? []).length === 0) w.write(0, `Endpoints:\t${formatEndpointSlices(slices)}\n`);
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`);
  if (spec.internalTrafficPolicy !== undefined) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  describeEvents(w, eventsAbout({ kind: 'Service', name: meta.name ?? '', namespace: meta.namespace, uid: meta.uid }, events), now);
  return w.toString();
}
