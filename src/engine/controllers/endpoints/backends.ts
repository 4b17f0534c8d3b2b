// Which pods back a Service, and on which ports: the one rule behind the EndpointSlice and
// Endpoints controllers (and, later, anything that sends traffic to a Service). A pod is a backend
// when the Service's selector matches it, it has an IP, and it has not ended (Succeeded/Failed);
// a terminating pod stays, marked terminating (pkg/controller/util/endpoint ShouldPodBeInEndpoints).
// A named targetPort is looked up in each pod's container ports, so pods may differ.
import type { ContainerPort, ServicePort } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { LABEL_ZONE } from '../../api/storage.ts';
import type { WakeView } from '../../runtime/controller.ts';

type Pod = Stored<'Pod'>;
type Service = Stored<'Service'>;

export interface BackendPort {
  /** The Service port's name ('' when it has none). */
  name: string;
  /** The port on the pod (the resolved targetPort). */
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface Backend {
  pod: Pod;
  ip: string;
  /** Ready to take new connections: the pod is Ready and not terminating. */
  ready: boolean;
  /** The pod is Ready, terminating or not. */
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
  zone?: string;
  /** Only the Service ports this pod can serve (a named targetPort it lacks is left out). */
  ports: BackendPort[];
}

/** Whether a controller keeps endpoints for this Service: it has a selector (an empty one selects nothing). */
export function managesEndpoints(svc: Service): boolean {
  return svc.spec?.selector !== undefined && svc.spec.type !== 'ExternalName';
}

/** The pods behind a Service, in pod-name order, as the read door lists them. */
export function serviceBackends(view: Pick<WakeView, 'list' | 'get'>, svc: Service): Backend[] {
  const selector = svc.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  const ns = svc.metadata.namespace ?? 'default';
  const zones = new Map(view.list('Node').map((n) => [n.metadata.name, n.metadata.labels?.[LABEL_ZONE]]));
  const out: Backend[] = [];
  for (const pod of view.list('Pod', ns)) {
    const labels = pod.metadata.labels ?? {};
    if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) continue;
    const ip = pod.status?.podIP;
    const phase = pod.status?.phase;
    if (!ip || phase === 'Succeeded' || phase === 'Failed') continue;
    const podReady = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const nodeName = pod.spec?.nodeName;
    const zone = nodeName ? zones.get(nodeName) : undefined;
    out.push({
      pod,
      ip,
      ready: svc.spec?.publishNotReadyAddresses === true || (podReady && !terminating),
      serving: podReady,
      terminating,
      ...(nodeName ? { nodeName } : {}),
      ...(zone ? { zone } : {}),
      ports: (svc.spec?.ports ?? []).flatMap((p) => resolvePort(pod, p)),
    });
  }
  return out.sort((a, b) => (a.pod.metadata.name < b.pod.metadata.name ? -1 : a.pod.metadata.name > b.pod.metadata.name ? 1 : 0));
}

/** podutil.FindPort: a number is used as is; a name is the first container port of that name and protocol. */
function resolvePort(pod: Pod, sp: ServicePort): BackendPort[] {
  const protocol = sp.protocol ?? 'TCP';
  const base = { name: sp.name ?? '', protocol, ...(sp.appProtocol !== undefined ? { appProtocol: sp.appProtocol } : {}) };
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return [{ ...base, port: target }];
  const containerPorts: ContainerPort[] = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  const found = containerPorts.find((cp) => cp.name === target && (cp.protocol ?? 'TCP') === protocol);
  return found ? [{ ...base, port: found.containerPort }] : [];
}
