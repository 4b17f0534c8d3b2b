// Service validation (pkg/apis/core/validation ValidateService, validateServicePort,
// ValidateServiceUpdate): the mistakes a learner makes writing one by hand. Address allocation
// errors (a nodePort out of range or taken, a clusterIP taken) come later, from the allocators
// (registry/service-allocation.ts).
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { Service } from '../../api/objects.ts';
import { duplicate, forbidden, invalid, required, unsupported, type FieldError } from './field-errors.ts';
import { validateLabels } from './metadata.ts';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];

export function validateService(svc: Service): FieldError[] {
  const spec = svc.spec ?? {};
  const errors: FieldError[] = [];
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errors.push(required('spec.ports'));
  if (spec.type !== undefined && !SERVICE_TYPES.includes(spec.type)) errors.push(unsupported('spec.type', spec.type, SERVICE_TYPES));
  if (spec.type === 'ExternalName' && !spec.externalName) errors.push(required('spec.externalName'));
  const names = new Set<string>();
  ports.forEach((p, i) => errors.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  if (spec.sessionAffinity !== undefined && !AFFINITIES.includes(spec.sessionAffinity)) {
    errors.push(unsupported('spec.sessionAffinity', spec.sessionAffinity, AFFINITIES));
  }
  if (spec.type === 'ClusterIP' || spec.type === undefined) {
    ports.forEach((p, i) => {
      if (p.nodePort) errors.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  errors.push(...validateLabels(spec.selector, 'spec.selector'));
  return errors;
}

function validateServicePort(p: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = p.name ?? '';
  if (requireName && name === '') errors.push(required(`${path}.name`, ''));
  else if (name !== '') {
    for (const msg of portNameErrors(name)) errors.push(invalid(`${path}.name`, name, msg));
    if (names.has(name)) errors.push(duplicate(`${path}.name`, name));
    names.add(name);
  }
  if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) errors.push(invalid(`${path}.port`, p.port, 'must be between 1 and 65535, inclusive'));
  if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) errors.push(unsupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  const target = p.targetPort;
  if (typeof target === 'number' && (target < 1 || target > 65535)) {
    errors.push(invalid(`${path}.targetPort`, target, 'must be between 1 and 65535, inclusive'));
  } else if (typeof target === 'string' && target !== '') {
    for (const msg of portNameErrors(target)) errors.push(invalid(`${path}.targetPort`, target, msg));
  }
  return errors;
}

/** validation.IsValidPortName: an IANA_SVC_NAME. */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length < 1 || name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** ValidateServiceUpdate: the primary cluster IP is the Service's for life. */
export function serviceUpdate(old: Service, next: Service): FieldError[] {
  const before = old.spec?.clusterIPs?.[0] ?? old.spec?.clusterIP;
  if (!before) return [];
  const nextIP = next.spec?.clusterIP;
  // The REST storage carries clusterIPs along when only clusterIP was edited (normalizeClusterIPs).
  const nextIPs = nextIP !== undefined && nextIP !== next.spec?.clusterIPs?.[0] ? [nextIP] : (next.spec?.clusterIPs ?? (nextIP ? [nextIP] : []));
  if (nextIPs.length === 0) return [];
  return nextIPs[0] === before ? [] : [invalid('spec.clusterIPs[0]', nextIPs, 'may not change once set')];
}
