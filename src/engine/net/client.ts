// What curl and wget need from where they run: the cluster state to send requests through (and
// to keep kube-proxy's round-robin count and the servers' logs in), and who is asking.
import type { ClusterState } from '../cluster/state.ts';
import { httpRequest, parseUrl, type HttpResult, type Origin, type ParsedUrl } from './http.ts';

export interface NetAccess {
  origin: Origin;
  state(): ClusterState;
  /** Keeps the state a request left (kube-proxy's counts and the servers' access logs change). */
  commit(state: ClusterState): void;
  /**
   * Whether stdout is a terminal: the learner's on the script host; not under `kubectl exec`
   * without -t, nor for a container's own command. curl shows its progress meter when it is not.
   */
  terminal: boolean;
}

/** Sends one request and keeps what it changed. */
export function send(net: NetAccess, url: ParsedUrl, method: string, agent: string): HttpResult['outcome'] {
  const r = httpRequest(net.state(), net.origin, url, method, agent);
  if (r.state !== net.state()) net.commit(r.state);
  return r.outcome;
}

/** A Location header against the URL it came from: absolute, or a path on the same server. */
export function follow(from: ParsedUrl, location: string): ParsedUrl | undefined {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return parseUrl(location);
  const target = location.startsWith('/') ? location : `${from.target.replace(/[^/]*$/, '')}${location}`;
  return { ...from, target };
}
