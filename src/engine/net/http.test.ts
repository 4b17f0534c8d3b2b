// Requests through the simulated network: who answers which address, kube-proxy's round-robin
// kept in the state, and the failures a client sees (refused, timed out, unresolved).
import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../cluster/state.ts';
import { TestCluster } from '../testing/harness.ts';
import { httpRequest, parseUrl, type HttpOutcome, type Origin } from './http.ts';

/** Two busybox web servers, each serving its own hostname, behind a NodePort Service on 30080. */
const WHOAMI = `apiVersion: apps/v1
kind: Deployment
metadata: {name: who}
spec:
  replicas: 2
  selector: {matchLabels: {app: who}}
  template:
    metadata: {labels: {app: who}}
    spec:
      containers:
      - name: c
        image: busybox
        command: [sh, -c, "mkdir -p /www && hostname > /www/index.html && httpd -f -p 8080 -h /www"]
---
apiVersion: v1
kind: Service
metadata: {name: who}
spec:
  type: NodePort
  selector: {app: who}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
`;

const CLIENT = 'apiVersion: v1\nkind: Pod\nmetadata: {name: client}\nspec:\n  containers: [{name: c, image: busybox, command: [sleep, "3600"]}]\n';

function cluster(preset: 'kind' | 'bare' = 'kind'): TestCluster {
  const c = TestCluster.of(preset);
  c.apply(WHOAMI);
  c.apply(CLIENT);
  return c;
}

function request(state: ClusterState, origin: Origin, url: string): { outcome: HttpOutcome; state: ClusterState } {
  return httpRequest(state, origin, parseUrl(url)!);
}

const body = (o: HttpOutcome) => (o.kind === 'response' ? o.response.body : o.kind);

describe('a Service spreads connections over its ready endpoints', () => {
  it('round-robin, the count kept in the state, so the same requests always reach the same pods', () => {
    const c = cluster();
    const from: Origin = { kind: 'pod', pod: c.get('Pod', 'default/client')! };
    const names = c.list('Pod').filter((p) => p.metadata.labels?.['app'] === 'who').map((p) => `${p.metadata.name}\n`);
    let state = c.state;
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = request(state, from, 'http://who');
      seen.push(body(r.outcome));
      state = r.state;
    }
    expect(seen).toEqual([names[0], names[1], names[0], names[1]]);
    expect(state.connections).toEqual({ 'default/who': 4 });
    // The state it started from is untouched.
    expect(c.state.connections).toBeUndefined();
  });

  it('with no ready endpoint the connection is refused, at the address dialled', () => {
    const c = cluster();
    c.apply(WHOAMI.replace('replicas: 2', 'replicas: 0'));
    const ip = c.get('Service', 'default/who')!.spec!.clusterIP!;
    const r = request(c.state, { kind: 'pod', pod: c.get('Pod', 'default/client')! }, 'http://who/');
    expect(r.outcome).toEqual({ kind: 'refused', ip });
  });

  it('a port the Service does not have goes nowhere (a timeout); a pod port nothing listens on is refused', () => {
    const c = cluster();
    const from: Origin = { kind: 'pod', pod: c.get('Pod', 'default/client')! };
    expect(request(c.state, from, 'http://who:8080/').outcome.kind).toBe('timeout');
    const podIP = c.list('Pod').find((p) => p.metadata.labels?.['app'] === 'who')!.status!.podIP!;
    expect(request(c.state, from, `http://${podIP}:8080/`).outcome.kind).toBe('response');
    expect(request(c.state, from, `http://${podIP}:80/`).outcome).toEqual({ kind: 'refused', ip: podIP });
  });
});

describe('from the script host', () => {
  it("reaches a node port on any node's address, and on localhost in kind", () => {
    const c = cluster();
    expect(body(request(c.state, { kind: 'host' }, 'http://172.18.0.2:30080').outcome)).toMatch(/^who-/);
    expect(body(request(c.state, { kind: 'host' }, 'localhost:30080').outcome)).toMatch(/^who-/);
    expect(request(c.state, { kind: 'host' }, 'http://localhost:30081').outcome).toEqual({ kind: 'refused', ip: '127.0.0.1' });
  });

  it('has no node ports on localhost outside kind, and no route to cluster IPs, pod IPs or cluster names', () => {
    const c = cluster('bare');
    expect(request(c.state, { kind: 'host' }, 'http://localhost:30080').outcome.kind).toBe('refused');
    expect(body(request(c.state, { kind: 'host' }, 'http://192.168.49.2:30080').outcome)).toMatch(/^who-/);
    const ip = c.get('Service', 'default/who')!.spec!.clusterIP!;
    expect(request(c.state, { kind: 'host' }, `http://${ip}/`).outcome.kind).toBe('timeout');
    const podIP = c.get('Pod', 'default/client')!.status!.podIP!;
    expect(request(c.state, { kind: 'host' }, `http://${podIP}/`).outcome.kind).toBe('timeout');
    expect(request(c.state, { kind: 'host' }, 'http://who/').outcome.kind).toBe('unresolved');
  });
});

describe('URLs', () => {
  it.each([
    ['web', { scheme: 'http', host: 'web', port: 80, target: '/', hostHeader: 'web' }],
    ['http://web:8080/a/b?x=1', { scheme: 'http', host: 'web', port: 8080, target: '/a/b?x=1', hostHeader: 'web:8080' }],
    ['https://web', { scheme: 'https', host: 'web', port: 443, target: '/', hostHeader: 'web' }],
    ['localhost:30080', { scheme: 'http', host: 'localhost', port: 30080, target: '/', hostHeader: 'localhost:30080' }],
  ])('%s', (url, parsed) => {
    expect(parseUrl(url)).toEqual(parsed);
  });

  it('refuses a port out of range and an empty host', () => {
    expect(parseUrl('http://web:70000/')).toBeUndefined();
    expect(parseUrl('http:///x')).toBeUndefined();
    // A port that is not a number is a bad URL (curl: (3)), not part of the path.
    expect(parseUrl('http://10.96.0.1:abc')).toBeUndefined();
    expect(parseUrl('web:80x/index.html')).toBeUndefined();
  });
});

describe('a switched-off node', () => {
  it('answers nothing, and neither do its pods while they still look ready', () => {
    const c = cluster('bare');
    const off: ClusterState = { ...c.state, poweredOff: { 'node-1': c.state.now } };
    expect(request(off, { kind: 'host' }, 'http://192.168.49.2:30080').outcome.kind).toBe('timeout');
    const from: Origin = { kind: 'pod', pod: c.get('Pod', 'default/client')! };
    expect(request(off, from, 'http://who').outcome.kind).toBe('timeout');
    expect(request(c.state, from, 'http://who').outcome.kind).toBe('response');
  });
});
