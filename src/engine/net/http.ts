// One HTTP request through the simulated network, as the packets would go: the client resolves
// the host (cluster DNS from a pod; only addresses and `localhost` on the script host), connects
// to an address and port, and whoever owns that address answers. A Service's cluster IP, or any
// node's address on a node port (and `localhost` on the host of a kind cluster, which the
// playground treats as mapping its node ports), is kube-proxy's: it picks a ready endpoint from
// the EndpointSlices, round-robin per Service (the count lives in the state, so the same script
// always reaches the same pods), or rejects the connection when there is none. A pod IP is the
// pod's: one of its containers' web servers listens on the port, or the connection is refused.
// Addresses nobody owns (a pod IP from the host, a cluster IP's unknown port) time out. The
// server's access log line lands in its container's logs, as `kubectl logs` shows it.
import type { Stored } from '../api/objects.ts';
import type { ClusterState } from '../cluster/state.ts';
import { readerOf, type Reader } from '../cluster/reads.ts';
import { ContainerFs } from '../containers/container-fs.ts';
import { containerKey } from '../containers/mounts.ts';
import { isPoweredOff } from '../cluster/power.ts';
import { isIPv4, resolveFromPod } from './dns.ts';
import { accessLogLine } from './access-log.ts';
import { serve, type HttpResponse } from './responses.ts';
import { utf8Length } from '../fs/tree.ts';
import { webServersOf } from './web-servers.ts';

type Pod = Stored<'Pod'>;

/** Where a request starts: inside a pod (its network namespace, its resolver), or on the script host. */
export type Origin = { kind: 'pod'; pod: Pod } | { kind: 'host' };

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  /** Path and query as sent: `/`, `/a/b?x=1`. */
  target: string;
  /** What the Host header carries: the host, with the port unless it is the scheme's default. */
  hostHeader: string;
}

/** curl and wget both take `web`, `web:8080/x` and `http://web/`; no scheme means http. */
export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::([^/?#]*))?([^#]*)/.exec(url);
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const defaultPort = scheme === 'https' ? 443 : 80;
  // Everything between the host's colon and the path is the port: `web:abc` is a bad URL, not a path.
  if (m[3] && !/^\d+$/.test(m[3])) return undefined;
  const port = m[3] ? Number(m[3]) : defaultPort;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const rest = m[4] ?? '';
  const target = rest.startsWith('/') ? rest : `/${rest}`;
  return { scheme, host: m[2], port, target, hostHeader: port === defaultPort ? m[2] : `${m[2]}:${port}` };
}

export type HttpOutcome =
  | { kind: 'response'; ip: string; response: HttpResponse }
  | { kind: 'unresolved' }
  /** Nothing listens (an RST), or kube-proxy rejects a Service with no endpoints. */
  | { kind: 'refused'; ip: string }
  /** Nobody answers at all. */
  | { kind: 'timeout'; ip: string };

export interface HttpResult {
  outcome: HttpOutcome;
  /** The state with kube-proxy's round-robin counts moved on (the input state when nothing changed). */
  state: ClusterState;
}

/** Presets whose nodes are kind's containers: the host reaches their node ports on localhost. */
const KIND_PRESETS: readonly string[] = ['kind', 'kind-multinode'];

/**
 * Resolves the URL's host from `origin`, connects and asks the server for the path; `agent` is the
 * client's User-Agent, for the server's access log. Pure.
 */
export function httpRequest(state: ClusterState, origin: Origin, url: ParsedUrl, method = 'GET', agent = '-'): HttpResult {
  const view = readerOf(state);
  const ip = resolveHost(view, origin, url.host);
  if (!ip) return { outcome: { kind: 'unresolved' }, state };
  const net = new Network(state, view, origin);
  const outcome = net.connect(ip, url.port, (pod, port, client) => net.ask(pod, port, { method, target: url.target, host: url.hostHeader }, client, agent));
  return { outcome: outcome ?? { kind: 'timeout', ip }, state: net.state };
}

/** The first address the client would use for a host name, or undefined when it does not resolve. */
export function resolveHost(view: Reader, origin: Origin, host: string): string | undefined {
  if (origin.kind === 'pod') return resolveFromPod(view, host, origin.pod.metadata.namespace ?? 'default')[0];
  // The script host knows addresses and itself; cluster names mean nothing to its resolver.
  if (isIPv4(host)) return host;
  return host.toLowerCase() === 'localhost' ? '127.0.0.1' : undefined;
}

/** Asks a pod on a port; `client` is the source address the pod sees. */
type Ask = (pod: Pod, port: number, client: string) => HttpOutcome | undefined;

/** A pod's answer (or its refusal) as the client sees it: from the address it dialled. */
function at(answer: HttpOutcome | undefined, ip: string): HttpOutcome {
  if (!answer) return { kind: 'refused', ip };
  return answer.kind === 'unresolved' ? answer : { ...answer, ip };
}

class Network {
  state: ClusterState;

  /** What the server wrote to its log goes where `kubectl logs` reads it; the tables are copied, never edited. */
  private appendLog(key: string, line: string): void {
    const record = this.state.containers[key];
    if (!record) return;
    this.state = { ...this.state, containers: { ...this.state.containers, [key]: { ...record, logs: record.logs + line } } };
  }

  constructor(
    base: ClusterState,
    private readonly view: Reader,
    private readonly origin: Origin,
  ) {
    this.state = base;
  }

  /** Who answers a connection to ip:port, or undefined when nobody does (a timeout). */
  connect(ip: string, port: number, ask: Ask): HttpOutcome | undefined {
    if (ip.startsWith('127.')) {
      // Loopback: the pod's own containers, or on a kind host the node ports Docker publishes.
      if (this.origin.kind === 'pod') return at(ask(this.origin.pod, port, '127.0.0.1'), ip);
      if (!KIND_PRESETS.includes(this.state.preset)) return { kind: 'refused', ip };
      return this.nodePort(ip, port, ask) ?? { kind: 'refused', ip };
    }
    const svc = this.view.list('Service').find((s) => (s.spec?.clusterIPs ?? [s.spec?.clusterIP]).includes(ip));
    if (svc) {
      // Cluster IPs are virtual: only kube-proxy's rules on a node (where pods live) know them.
      if (this.origin.kind === 'host') return undefined;
      const sp = svc.spec?.ports?.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
      return sp ? this.toService(svc, sp.name ?? '', ip, ask) : undefined;
    }
    const node = this.view.list('Node').find((n) => n.status?.addresses?.some((a) => a.type === 'InternalIP' && a.address === ip));
    // A machine that is switched off answers nothing.
    if (node) return isPoweredOff(this.state, node.metadata.name) ? undefined : (this.nodePort(ip, port, ask) ?? { kind: 'refused', ip });
    const pod = this.view.list('Pod').find((p) => p.status?.podIP === ip && p.status.phase === 'Running');
    // kind's pod network is not routed from the host.
    if (pod && this.origin.kind === 'pod') return at(ask(pod, port, this.sourceIP()), ip);
    return undefined;
  }

  private nodePort(ip: string, port: number, ask: Ask): HttpOutcome | undefined {
    for (const svc of this.view.list('Service')) {
      if (svc.spec?.type !== 'NodePort' && svc.spec?.type !== 'LoadBalancer') continue;
      const sp = svc.spec.ports?.find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP');
      if (sp) return this.toService(svc, sp.name ?? '', ip, ask);
    }
    return undefined;
  }

  /** kube-proxy: the next ready endpoint for the Service port, round-robin; none rejects. */
  private toService(svc: Stored<'Service'>, portName: string, ip: string, ask: Ask): HttpOutcome {
    const endpoints: { ip: string; port: number }[] = [];
    for (const slice of this.view.list('EndpointSlice', svc.metadata.namespace)) {
      if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
      const port = slice.ports?.find((p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === 'TCP')?.port;
      if (port === undefined || port === null) continue;
      for (const ep of slice.endpoints ?? []) if (ep.conditions?.ready !== false) for (const a of ep.addresses) endpoints.push({ ip: a, port });
    }
    if (endpoints.length === 0) return { kind: 'refused', ip };
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const count = this.state.connections?.[key] ?? 0;
    this.state = { ...this.state, connections: { ...this.state.connections, [key]: count + 1 } };
    const chosen = endpoints[count % endpoints.length]!;
    const pod = this.view.list('Pod', svc.metadata.namespace).find((p) => p.status?.podIP === chosen.ip);
    if (!pod) return { kind: 'timeout', ip };
    // The endpoint's own answer, reported against the address the client dialled.
    // In-cluster clients keep their address; traffic from outside through a node port is
    // masqueraded, and reaches the pod from its node's end of the pod network (`10.244.N.1`).
    const client = this.origin.kind === 'pod' ? this.sourceIP() : chosen.ip.replace(/\.\d+$/, '.1');
    return at(ask(pod, chosen.port, client), ip);
  }

  private sourceIP(): string {
    return this.origin.kind === 'pod' ? (this.origin.pod.status?.podIP ?? '127.0.0.1') : '127.0.0.1';
  }

  /** A pod's answer on a port: the first running container whose web server listens there. */
  ask(pod: Pod, port: number, req: { method: string; target: string; host: string }, client: string, agent: string): HttpOutcome | undefined {
    // A pod on a switched-off node still looks Ready until the node controller notices: its packets go nowhere.
    if (pod.spec?.nodeName && isPoweredOff(this.state, pod.spec.nodeName)) return { kind: 'timeout', ip: pod.status?.podIP ?? '' };
    for (const c of pod.spec?.containers ?? []) {
      const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
      if (!status?.state?.running) continue;
      const record = this.state.containers[containerKey(pod, c.name)];
      if (!record) continue;
      const fs = ContainerFs.ofPod(this.view as Reader & { state: ClusterState }, pod, c.name);
      const server = webServersOf(c, fs).find((s) => s.port === port);
      if (!server) continue;
      const response = serve(server, fs, req, { now: this.state.now, modified: record.startedAt ?? this.state.now });
      const line = accessLogLine(server.kind, { client, method: req.method, target: req.target, status: response.status, reason: response.reason, bytes: req.method === 'HEAD' ? 0 : utf8Length(response.body), agent, now: this.state.now });
      if (line) this.appendLog(containerKey(pod, c.name), line);
      return { kind: 'response', ip: pod.status?.podIP ?? '', response };
    }
    return undefined;
  }
}
