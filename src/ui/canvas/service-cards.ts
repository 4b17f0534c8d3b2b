// Services on the canvas: a card per Service (its type, cluster IP and ports, and how many of its
// endpoints are ready) and a `selects` edge to each pod its EndpointSlices list. The edges are
// read from the slices the endpointslice controller wrote, not re-derived from the selector, so
// the canvas shows exactly which pods the cluster would send traffic to.
import type { ClusterView, Stored } from '../../engine/index.ts';
import { refOf } from '../../engine/index.ts';
import { servicePorts } from '../../commands/kubectl/printers/services.ts';
import type { ObjectCardData } from './cards.ts';

type Service = Stored<'Service'>;
type Slice = Stored<'EndpointSlice'>;

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The learner's Services: the API server's own `kubernetes` Service is left out, as the system namespaces are. */
export function canvasServices(view: Pick<ClusterView, 'list'>): Service[] {
  return view.list('Service').filter((s) => !(s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes') && !s.metadata.namespace?.startsWith('kube-'));
}

/** The EndpointSlices of a Service (by the service-name label, as kube-proxy finds them). */
export function slicesOf(svc: Service, slices: readonly Slice[]): Slice[] {
  return slices.filter((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name);
}

export function cardOfService(svc: Service, slices: readonly Slice[]): ObjectCardData {
  const endpoints = slices.flatMap((s) => s.endpoints ?? []);
  const ready = endpoints.filter((e) => e.conditions?.ready !== false).length;
  const selects = svc.spec?.selector !== undefined;
  const name = svc.metadata.namespace && svc.metadata.namespace !== 'default' ? `${svc.metadata.namespace}/${svc.metadata.name}` : svc.metadata.name;
  return {
    kind: 'Service',
    ref: refOf(svc),
    label: name,
    status: svc.spec?.type ?? 'ClusterIP',
    tone: !selects ? 'grey' : ready > 0 ? 'green' : 'amber',
    detail: servicePorts(svc),
    note: `${svc.spec?.clusterIP ?? ''} · ${selects ? `${ready}/${endpoints.length} ready` : 'no selector'}`,
  };
}

/** Service → pod pairs, one per endpoint with a pod behind it, with the edge's spoken label. */
export function serviceTargets(svc: Service, slices: readonly Slice[]): { pod: string; namespace: string; label: string }[] {
  const out: { pod: string; namespace: string; label: string }[] = [];
  for (const slice of slices) {
    for (const e of slice.endpoints ?? []) {
      const ref = e.targetRef;
      if (ref?.kind !== 'Pod' || !ref.name) continue;
      const state = e.conditions?.ready === false ? ' (not ready)' : '';
      out.push({ pod: ref.name, namespace: ref.namespace ?? slice.metadata.namespace ?? 'default', label: `Service ${svc.metadata.name} sends to pod ${ref.name}${state}` });
    }
  }
  return out;
}
