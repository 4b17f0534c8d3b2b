// `kubectl expose`: a Service generated from a Deployment or pod, as kubectl's service generator
// makes it, then allocated by the API server; and the warning `get ep` prints.
import { describe, expect, it } from 'vitest';
import { getObject, readerOf } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
const service = (state: Parameters<typeof readerOf>[0], name: string) => {
  const got = getObject(readerOf(state), 'Service', 'default', name);
  return got.ok && got.value.kind === 'Service' ? got.value : undefined;
};

describe('kubectl expose', () => {
  it('exposes a deployment on --port with --target-port and --type, selecting its matchLabels', () => {
    const r = run('kubectl create deployment web --image=nginx --replicas=2 --port=80\nkubectl expose deployment web --port=8080 --target-port=80 --type=NodePort\n');
    expect(r.stdout).toBe('deployment.apps/web created\nservice/web exposed\n');
    const s = service(r.state, 'web')!;
    expect(s.metadata.labels).toEqual({ app: 'web' });
    expect(s.spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' }, ports: [{ protocol: 'TCP', port: 8080, targetPort: 80, nodePort: expect.any(Number) }] });
  });

  it('takes a pod\'s container ports when --port is not given, naming them when there are several', () => {
    const r = run('kubectl run solo --image=nginx --port=80\nkubectl expose pod solo --name=solo-svc\n');
    expect(r.stdout).toBe('pod/solo created\nservice/solo-svc exposed\n');
    expect(service(r.state, 'solo-svc')!.spec!.ports).toEqual([{ protocol: 'TCP', port: 80, targetPort: 80 }]);
  });

  it('refuses an object without ports, and one that does not exist', () => {
    const r = run('kubectl create deployment bare --image=nginx\nkubectl expose deployment bare\nkubectl expose deployment nope --port=80\n');
    expect(r.stderr).toBe('error: couldn\'t find port via --port flag or introspection\nError from server (NotFound): deployments.apps "nope" not found\n');
  });
});

describe('kubectl get endpoints', () => {
  it('warns that v1 Endpoints is deprecated, once, before the tables', () => {
    const r = runScript('kubectl get ep,endpoints', { preset: 'kind', files: { read: () => undefined } });
    expect(r.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
    expect(r.stdout).toContain('endpoints/kubernetes   172.18.0.2:6443');
  });
});
