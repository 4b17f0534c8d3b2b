// endpoint-controller (pkg/controller/endpoint): the v1 Endpoints object of each Service with a
// selector, still kept in v1.34 beside the EndpointSlices. Ready pods are `addresses`, the others
// `notReadyAddresses`; terminating pods are left out. A Service without backends has an Endpoints
// with no subsets. When the Service goes, the controller deletes the Endpoints it made (they carry
// its managed-by label; an Endpoints someone wrote for a selector-less Service is left alone).
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { createObject } from '../../cluster/apply.ts';
import { updateResource } from '../../cluster/controller-writes.ts';
import { jsonEqual } from '../../cluster/json-equal.ts';
import { objectKey } from '../../cluster/keys.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { managesEndpoints, serviceBackends, type Backend } from './backends.ts';
import { ANN_LAST_CHANGE, endpointLabels } from './endpointslice.ts';

export const LABEL_ENDPOINTS_MANAGED_BY = 'endpoints.kubernetes.io/managed-by';
export const ENDPOINTS_CONTROLLER_NAME = 'endpoint-controller';

type Service = Stored<'Service'>;

export const endpointsController: Controller = {
  name: 'endpoint-controller',
  source: 'endpoint-controller',
  sync(ctx) {
    for (const svc of ctx.txn.list('Service')) {
      if (!svc.metadata.deletionTimestamp && managesEndpoints(svc)) syncService(ctx, svc);
    }
    for (const ep of ctx.txn.list('Endpoints')) {
      if (ep.metadata.labels?.[LABEL_ENDPOINTS_MANAGED_BY] !== ENDPOINTS_CONTROLLER_NAME) continue;
      const svc = ctx.txn.get('Service', objectKey('Service', ep.metadata.namespace, ep.metadata.name));
      if (svc && managesEndpoints(svc)) continue;
      ctx.txn.delete('Endpoints', objectKey('Endpoints', ep.metadata.namespace, ep.metadata.name));
      ctx.step(`deleted Endpoints ${ep.metadata.namespace}/${ep.metadata.name}`);
    }
  },
};

function syncService(ctx: ControllerContext, svc: Service): void {
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name;
  const subsets = subsetsFor(serviceBackends(ctx.txn, svc).filter((b) => !b.terminating));
  const labels = endpointLabels(svc, { [LABEL_ENDPOINTS_MANAGED_BY]: ENDPOINTS_CONTROLLER_NAME });
  const live = ctx.txn.get('Endpoints', objectKey('Endpoints', ns, name));
  if (!live) {
    const created = createObject(ctx.txn, {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels, annotations: { [ANN_LAST_CHANGE]: rfc3339(ctx.now) } },
      ...(subsets.length > 0 ? { subsets } : {}),
    });
    if (created.ok) ctx.step(`created Endpoints ${ns}/${name}`);
    return;
  }
  if (jsonEqual(live.subsets ?? [], subsets) && jsonEqual(live.metadata.labels, labels)) return;
  const { subsets: _old, ...rest } = live;
  const next: Stored<'Endpoints'> = {
    ...rest,
    metadata: { ...live.metadata, labels, annotations: { ...live.metadata.annotations, [ANN_LAST_CHANGE]: rfc3339(ctx.now) } },
    ...(subsets.length > 0 ? { subsets } : {}),
  };
  if (updateResource(ctx.txn, next).ok) ctx.step(`updated Endpoints ${ns}/${name}`);
}

/** One subset per distinct port set (endpoints.RepackSubsets), addresses sorted by IP. */
function subsetsFor(backends: readonly Backend[]): EndpointSubset[] {
  const bySet = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const b of backends) {
    if (b.ports.length === 0) continue;
    const ports = b.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const key = JSON.stringify(ports);
    const entry = bySet.get(key) ?? { ports, ready: [], notReady: [] };
    bySet.set(key, entry);
    const address: EndpointAddress = {
      ip: b.ip,
      ...(b.nodeName ? { nodeName: b.nodeName } : {}),
      targetRef: { kind: 'Pod', name: b.pod.metadata.name, namespace: b.pod.metadata.namespace, uid: b.pod.metadata.uid },
    };
    (b.ready ? entry.ready : entry.notReady).push(address);
  }
  const byIP = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  return [...bySet.values()].map((s) => ({
    ...(s.ready.length > 0 ? { addresses: s.ready.sort(byIP) } : {}),
    ...(s.notReady.length > 0 ? { notReadyAddresses: s.notReady.sort(byIP) } : {}),
    ports: s.ports,
  }));
}
