// A Service's addresses, allocated at create as the API server's Service REST storage does
// (pkg/registry/core/service/storage, ipallocator, portallocator): a cluster IP from the service
// CIDR kind configures (10.96.0.0/16) and a node port from 30000-32767 for each port of a NodePort
// or LoadBalancer Service. The real allocators pick at random from the upper part of each range
// first, leaving the lower part for addresses asked for by hand; here the pick comes from the
// state's seeded generator, so the same seed always gives the same addresses. Which addresses are
// taken is read from the stored Services themselves, so deleting a Service frees its addresses.
import type { Service, ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/objects.ts';
import type { Admitted } from '../cluster/admission.ts';
import type { Txn } from '../cluster/store.ts';
import { formatFieldError, formatInvalid, invalid, type FieldError } from '../manifest/validation/field-errors.ts';
import { draw } from '../runtime/ids.ts';

export const SERVICE_CIDR = '10.96.0.0/16';
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 16;
/** The lower band kept for addresses asked for by hand: min(max(16, size/16), 256). */
const IP_STATIC_BAND = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** min(max(16, 2768/16), 128). */
const PORT_STATIC_BAND = 128;
/** The kubernetes Service's address: the first of the range. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

export function admitService(txn: Txn, svc: Stored<'Service'>): Admitted<'Service'> {
  const spec = svc.spec ?? {};
  if (spec.type === 'ExternalName') return { ok: true, object: svc };
  const others = txn.list('Service').filter((s) => s.metadata.uid !== svc.metadata.uid);
  const errors: FieldError[] = [];
  const clusterIPs = allocateClusterIP(txn, spec, others, errors);
  const ports = allocateNodePorts(txn, spec, others, errors);
  if (errors.length > 0) {
    const name = svc.metadata.name;
    const causes = errors.map(formatFieldError);
    return { ok: false, error: { reason: 'Invalid', message: formatInvalid('Service', name, errors), field: errors[0]!.field, details: { kind: 'Service', name, causes } } };
  }
  const allocated: ServiceSpec = {
    ...spec,
    ...(ports ? { ports } : {}),
    clusterIP: clusterIPs[0],
    clusterIPs,
    ipFamilies: spec.ipFamilies ?? ['IPv4'],
    ipFamilyPolicy: spec.ipFamilyPolicy ?? 'SingleStack',
  };
  return { ok: true, object: { ...svc, spec: inGoOrder(allocated) } };
}

function allocateClusterIP(txn: Txn, spec: ServiceSpec, others: Service[], errors: FieldError[]): string[] {
  const asked = spec.clusterIP || spec.clusterIPs?.[0];
  if (asked === 'None') return ['None'];
  const used = new Set(others.map((s) => s.spec?.clusterIP).filter((ip): ip is string => !!ip && ip !== 'None'));
  if (asked) {
    const n = parseIPv4(asked);
    const why = n === undefined || n < CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE
      ? `the provided IP (${asked}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`
      : used.has(asked) ? 'provided IP is already allocated' : undefined;
    if (why) errors.push(invalid('spec.clusterIPs', [asked], `failed to allocate IP ${asked}: ${why}`));
    return [asked];
  }
  const free = (offset: number) => !used.has(formatIPv4(CIDR_BASE + offset));
  // Offsets 0 (network) and size-1 (broadcast) are never handed out.
  const offset = pick(txn, IP_STATIC_BAND, CIDR_SIZE - 1, free) ?? pick(txn, 1, IP_STATIC_BAND, free);
  return offset === undefined ? [] : [formatIPv4(CIDR_BASE + offset)];
}

function allocateNodePorts(txn: Txn, spec: ServiceSpec, others: Service[], errors: FieldError[]): ServicePort[] | undefined {
  const wantsNodePorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (!wantsNodePorts || !spec.ports) return spec.ports;
  const used = new Set<number>();
  for (const s of others) for (const p of s.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
  // Asked-for ports first, so a dynamic pick never takes one a later port of this Service names.
  spec.ports.forEach((p, i) => {
    if (!p.nodePort) return;
    if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
      errors.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort,
        `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
    } else if (used.has(p.nodePort)) {
      errors.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated'));
    }
    used.add(p.nodePort);
  });
  const free = (offset: number) => !used.has(NODE_PORT_MIN + offset);
  const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  return spec.ports.map((p) => {
    if (p.nodePort) return p;
    const offset = pick(txn, PORT_STATIC_BAND, size, free) ?? pick(txn, 0, PORT_STATIC_BAND, free);
    if (offset === undefined) return p;
    used.add(NODE_PORT_MIN + offset);
    return { ...p, nodePort: NODE_PORT_MIN + offset };
  });
}

/** A seeded pick in [from, to), walking on from there to the first free offset. */
function pick(txn: Txn, from: number, to: number, free: (offset: number) => boolean): number | undefined {
  const size = to - from;
  if (size <= 0) return undefined;
  const start = draw(txn.state) % size;
  for (let i = 0; i < size; i++) {
    const offset = from + ((start + i) % size);
    if (free(offset)) return offset;
  }
  return undefined;
}

/** ServiceSpec's fields in the Go struct's order, which is the order `-o yaml` prints. */
const SPEC_ORDER = [
  'ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges',
  'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies',
  'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution',
] as const;

function inGoOrder(spec: ServiceSpec): ServiceSpec {
  const out: Record<string, unknown> = {};
  for (const k of SPEC_ORDER) if (spec[k] !== undefined) out[k] = spec[k];
  for (const [k, v] of Object.entries(spec)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as ServiceSpec;
}

function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
