// endpointslice-controller (pkg/controller/endpointslice): for every Service with a selector, one
// EndpointSlice named `<service>-<5 random>` holding an endpoint per backing pod (its IP, whether it
// is ready, serving or terminating, its node and zone, a reference to it) and the ports the
// Service's targetPorts resolve to. A Service with no backends keeps a placeholder slice with no
// endpoints and no ports. Slices are owned by their Service, so the garbage collector removes them
// with it. The real controller splits big or mixed-port sets over several slices of at most 100
// endpoints; one slice per Service covers what the playground's clusters hold.
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { Stored } from '../../api/objects.ts';
import { createObject } from '../../cluster/apply.ts';
import { updateResource } from '../../cluster/controller-writes.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { randomSuffix } from '../../runtime/ids.ts';
import { jsonEqual } from '../../cluster/json-equal.ts';
import { managesEndpoints, serviceBackends, type Backend } from './backends.ts';

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
export const ANN_LAST_CHANGE = 'endpoints.kubernetes.io/last-change-trigger-time';

type Service = Stored<'Service'>;
type Slice = Stored<'EndpointSlice'>;

export const endpointSliceController: Controller = {
  name: 'endpointslice-controller',
  source: 'endpointslice-controller',
  sync(ctx) {
    for (const svc of ctx.txn.list('Service')) {
      if (!svc.metadata.deletionTimestamp && managesEndpoints(svc)) syncService(ctx, svc);
    }
  },
};

/** The labels a Service's endpoint objects carry: the Service's own, plus `headless` when it is. */
export function endpointLabels(svc: Service, extra: Record<string, string>): Record<string, string> {
  return { ...svc.metadata.labels, ...(svc.spec?.clusterIP === 'None' ? { [LABEL_HEADLESS]: '' } : {}), ...extra };
}

function syncService(ctx: ControllerContext, svc: Service): void {
  const name = svc.metadata.name;
  const ns = svc.metadata.namespace ?? 'default';
  const existing = ctx.txn
    .list('EndpointSlice', ns)
    .find((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === SLICE_CONTROLLER_NAME && s.metadata.ownerReferences?.some((o) => o.uid === svc.metadata.uid));
  const backends = serviceBackends(ctx.txn, svc).filter((b) => b.ports.length > 0 || (svc.spec?.ports ?? []).length === 0);
  const endpoints = backends.length > 0 ? backends.map(toEndpoint) : null;
  const ports = slicePorts(backends);
  const labels = endpointLabels(svc, { [LABEL_MANAGED_BY]: SLICE_CONTROLLER_NAME, [LABEL_SERVICE_NAME]: name });
  if (!existing) {
    const created = createObject(ctx.txn, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${name}-${randomSuffix(ctx.txn.state, 5)}`,
        generateName: `${name}-`,
        namespace: ns,
        labels,
        annotations: { [ANN_LAST_CHANGE]: rfc3339(ctx.now) },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints,
      ports,
    } as unknown as Slice);
    if (created.ok) ctx.step(`created EndpointSlice ${created.object.metadata.name} for service ${ns}/${name}`);
    return;
  }
  if (jsonEqual(existing.endpoints ?? null, endpoints) && jsonEqual(existing.ports ?? null, ports) && jsonEqual(existing.metadata.labels, labels)) return;
  const next = {
    ...existing,
    metadata: { ...existing.metadata, labels, annotations: { ...existing.metadata.annotations, [ANN_LAST_CHANGE]: rfc3339(ctx.now) } },
    endpoints,
    ports,
  } as unknown as Slice;
  const r = updateResource(ctx.txn, next);
  if (r.ok) ctx.step(`updated EndpointSlice ${existing.metadata.name}: ${backends.length} endpoint(s)`);
}

function toEndpoint(b: Backend): Endpoint {
  return {
    addresses: [b.ip],
    conditions: { ready: b.ready, serving: b.serving, terminating: b.terminating },
    targetRef: { kind: 'Pod', namespace: b.pod.metadata.namespace, name: b.pod.metadata.name, uid: b.pod.metadata.uid },
    ...(b.nodeName ? { nodeName: b.nodeName } : {}),
    ...(b.zone ? { zone: b.zone } : {}),
  };
}

/** The ports the first backend resolves (the real controller makes a slice per distinct port set). */
function slicePorts(backends: readonly Backend[]): EndpointPort[] | null {
  const first = backends[0];
  if (!first) return null;
  return first.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol, ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}) }));
}
