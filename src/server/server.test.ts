// The HTTP face in-process: a server on a free port, spoken to with fetch as kubectl would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index.ts';
import { createSession, type ServeSession } from './session.ts';
import { startKubeServer, type KubeServer } from './server.ts';
import { AGGREGATED_DISCOVERY } from './discovery.ts';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

let server: KubeServer;
let session: ServeSession;
let wall = 1_000_000;
let base: string;

beforeEach(async () => {
  wall = 1_000_000;
  session = createSession(createCluster({ preset: 'kind', seed: 1 }), () => wall);
  server = await startKubeServer(session, 0);
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(() => server.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ code: number; json: any; headers: Headers }> {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { code: res.status, json: await res.json(), headers: res.headers };
}

const pvc = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, ...extra },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});
const CLAIMS = '/api/v1/namespaces/default/persistentvolumeclaims';

describe('discovery', () => {
  it('serves /version as v1.34 and the legacy group lists', async () => {
    expect((await call('GET', '/version')).json).toMatchObject({ major: '1', minor: '34', gitVersion: 'v1.34.0' });
    expect((await call('GET', '/api')).json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = (await call('GET', '/apis')).json;
    expect(groups.groups.map((g: any) => g.name)).toEqual(['apps', 'batch', 'storage.k8s.io', 'discovery.k8s.io']);
    const core = (await call('GET', '/api/v1')).json;
    const names = core.resources.map((r: any) => r.name);
    expect(names).toContain('persistentvolumeclaims');
    expect(names).toContain('pods/status');
    expect(core.resources.find((r: any) => r.name === 'pods')).toMatchObject({ namespaced: true, kind: 'Pod', shortNames: ['po'], categories: ['all'] });
    expect((await call('GET', '/apis/storage.k8s.io/v1')).json.resources.find((r: any) => r.name === 'storageclasses')).toMatchObject({ namespaced: false, shortNames: ['sc'] });
    expect((await call('GET', '/apis/example.com/v1')).code).toBe(404);
  });

  it('answers the aggregated form kubectl asks for first, with its content type', async () => {
    const accept = `${AGGREGATED_DISCOVERY},application/json`;
    const core = await call('GET', '/api', undefined, { Accept: accept });
    expect(core.headers.get('content-type')).toBe(AGGREGATED_DISCOVERY);
    expect(core.json.kind).toBe('APIGroupDiscoveryList');
    const pods = core.json.items[0].versions[0].resources.find((r: any) => r.resource === 'pods');
    expect(pods).toMatchObject({ scope: 'Namespaced', singularResource: 'pod', shortNames: ['po'], categories: ['all'], responseKind: { group: '', version: 'v1', kind: 'Pod' } });
    expect(pods.verbs).toContain('watch');
    const apps = (await call('GET', '/apis', undefined, { Accept: accept })).json.items.find((g: any) => g.metadata.name === 'apps');
    const deploy = apps.versions[0].resources.find((r: any) => r.resource === 'deployments');
    expect(deploy.subresources.map((s: any) => s.subresource)).toEqual(['scale', 'status']);
    const ns = core.json.items[0].versions[0].resources.find((r: any) => r.resource === 'namespaces');
    expect(ns).toMatchObject({ scope: 'Cluster' });
    expect(ns.verbs).not.toContain('deletecollection');
  });

  it('serves OpenAPI v3 with the fieldValidation parameter kubectl looks for, and the kinds for explain', async () => {
    const index = (await call('GET', '/openapi/v3')).json;
    const url = index.paths['api/v1'].serverRelativeURL as string;
    expect(url).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]+$/);
    const doc = (await call('GET', url)).json;
    const item = doc.paths['/api/v1/namespaces/{namespace}/persistentvolumeclaims/{name}'];
    expect(item.patch['x-kubernetes-group-version-kind']).toEqual({ group: '', version: 'v1', kind: 'PersistentVolumeClaim' });
    expect(item.patch.parameters.map((p: any) => p.name)).toContain('fieldValidation');
    const schema = doc.components.schemas['io.k8s.api.core.v1.PersistentVolumeClaim'];
    expect(schema['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'PersistentVolumeClaim', version: 'v1' }]);
    expect(schema.properties.metadata.allOf[0].$ref).toBe('#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(doc.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']).toBeDefined();
    expect((await call('GET', '/openapi/v2')).json.swagger).toBe('2.0');
  });
});

describe('reads', () => {
  it('gets one object, lists with selectors, and answers NotFound as a Status', async () => {
    const node = await call('GET', '/api/v1/nodes/kind-control-plane');
    expect(node.json).toMatchObject({ kind: 'Node', metadata: { name: 'kind-control-plane' } });
    const list = (await call('GET', '/api/v1/namespaces?labelSelector=kubernetes.io%2Fmetadata.name%3Ddefault')).json;
    expect(list).toMatchObject({ kind: 'NamespaceList', apiVersion: 'v1' });
    expect(list.items.map((i: any) => i.metadata.name)).toEqual(['default']);
    expect(list.metadata.resourceVersion).toBe(String(session.state.resourceVersion));
    const missing = await call('GET', `${CLAIMS}/nope`);
    expect(missing.code).toBe(404);
    expect(missing.json).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'persistentvolumeclaims "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'persistentvolumeclaims' }, code: 404,
    });
    const badSelector = await call('GET', '/api/v1/pods?fieldSelector=spec.bogus%3Dx');
    expect(badSelector.code).toBe(400);
    expect(badSelector.json.reason).toBe('BadRequest');
  });

  it('answers a Table with the printers columns, -o wide columns at priority 1, and row metadata', async () => {
    await call('POST', CLAIMS, pvc('data', { labels: { app: 'web' } }));
    wall += 65_000;
    const table = (await call('GET', CLAIMS, undefined, { Accept: TABLE })).json;
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c: any) => [c.name, c.priority])).toEqual([
      ['Name', 0], ['Status', 0], ['Volume', 0], ['Capacity', 0], ['Access Modes', 0], ['StorageClass', 0], ['VolumeAttributesClass', 0], ['Age', 0], ['VolumeMode', 1],
    ]);
    expect(table.rows[0].cells).toEqual(['data', 'Pending', '', '', '', 'standard', '<unset>', '65s', 'Filesystem']);
    expect(table.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'data', namespace: 'default', labels: { app: 'web' } } });
    const full = (await call('GET', `${CLAIMS}/data?includeObject=Object`, undefined, { Accept: TABLE })).json;
    expect(full.rows[0].object.spec.accessModes).toEqual(['ReadWriteOnce']);
  });
});

describe('writes', () => {
  it('creates (201), refuses a duplicate (409 AlreadyExists) and an invalid object (422 with causes)', async () => {
    const created = await call('POST', CLAIMS, pvc('data'));
    expect(created.code).toBe(201);
    expect(created.json.metadata).toMatchObject({ name: 'data', namespace: 'default' });
    expect(created.json.metadata.uid).toBeTruthy();
    const again = await call('POST', CLAIMS, pvc('data'));
    expect(again.code).toBe(409);
    expect(again.json).toMatchObject({ reason: 'AlreadyExists', message: 'persistentvolumeclaims "data" already exists', details: { name: 'data', kind: 'persistentvolumeclaims' } });
    const bad = await call('POST', CLAIMS, { ...pvc('Bad_Name'), spec: { accessModes: ['ReadWriteOnce'] } });
    expect(bad.code).toBe(422);
    expect(bad.json.reason).toBe('Invalid');
    expect(bad.json.message).toMatch(/^PersistentVolumeClaim "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": /);
    expect(bad.json.details.kind).toBe('PersistentVolumeClaim');
    expect(bad.json.details.causes).toEqual([
      expect.objectContaining({ reason: 'FieldValueInvalid', field: 'metadata.name' }),
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.resources[storage]' },
    ]);
    const otherNs = await call('POST', CLAIMS, pvc('x', { namespace: 'kube-system' }));
    expect(otherNs.json).toMatchObject({ code: 400, message: 'the namespace of the provided object does not match the namespace sent on the request' });
  });

  it('updates with optimistic concurrency: a stale resourceVersion is a 409 Conflict', async () => {
    const created = (await call('POST', CLAIMS, pvc('data'))).json;
    const edited = { ...created, metadata: { ...created.metadata, labels: { a: 'b' } } };
    const ok = await call('PUT', `${CLAIMS}/data`, edited);
    expect(ok.code).toBe(200);
    expect(ok.json.metadata.labels).toEqual({ a: 'b' });
    const stale = await call('PUT', `${CLAIMS}/data`, edited);
    expect(stale.code).toBe(409);
    expect(stale.json).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on persistentvolumeclaims "data": the object has been modified; please apply your changes to the latest version and try again',
    });
    const renamed = await call('PUT', `${CLAIMS}/data`, { ...edited, metadata: { name: 'other' } });
    expect(renamed.json.message).toBe('the name of the object (other) does not match the name on the URL (data)');
  });

  it('patches by content type: strategic merge by container name, merge patch replacing the list, JSON patch', async () => {
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' },
      spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }] },
    };
    expect((await call('POST', '/api/v1/namespaces/default/pods', pod)).code).toBe(201);
    const PODS = '/api/v1/namespaces/default/pods/web';
    const smp = await call('PATCH', PODS, { spec: { containers: [{ name: 'b', image: 'busybox:1.36' }] } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
    expect(smp.code).toBe(200);
    expect(smp.json.spec.containers.map((c: any) => `${c.name}=${c.image}`)).toEqual(['a=nginx', 'b=busybox:1.36']);
    const merge = await call('PATCH', PODS, { metadata: { labels: { tier: 'web' } } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(merge.json.metadata.labels).toEqual({ tier: 'web' });
    const json = await call('PATCH', PODS, [{ op: 'replace', path: '/metadata/labels/tier', value: 'db' }], { 'Content-Type': 'application/json-patch+json' });
    expect(json.json.metadata.labels).toEqual({ tier: 'db' });
    const missing = await call('PATCH', PODS, [{ op: 'remove', path: '/metadata/labels/zzz' }], { 'Content-Type': 'application/json-patch+json' });
    expect(missing.json).toMatchObject({ code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request' });
    const replaceList = await call('PATCH', PODS, { spec: { containers: [{ name: 'c', image: 'nginx' }] } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(replaceList.code).toBe(422);
    // A merge patch replaces the list: the pod's containers would change, which the update rules forbid.
    expect(replaceList.json.details.causes[0]).toMatchObject({ reason: 'FieldValueForbidden', field: 'spec' });
    expect(replaceList.json.details.causes[0].message).toMatch(/^Forbidden: pod updates may not change fields other than/);
    const unknownType = await call('PATCH', PODS, {}, { 'Content-Type': 'text/plain' });
    expect(unknownType.code).toBe(415);
  });

  it('follows fieldValidation: Strict refuses unknown fields, Warn drops them with a warning, Ignore drops them', async () => {
    const odd = { ...pvc('a'), spec: { ...pvc('a').spec, colour: 'blue' } };
    const strict = await call('POST', `${CLAIMS}?fieldValidation=Strict`, odd);
    expect(strict.json).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: strict decoding error: unknown field "spec.colour"',
    });
    const warn = await call('POST', `${CLAIMS}?fieldValidation=Warn`, odd);
    expect(warn.code).toBe(201);
    expect(warn.headers.get('warning')).toBe('299 - "unknown field \\"spec.colour\\""');
    expect(warn.json.spec.colour).toBeUndefined();
    const ignore = await call('POST', `${CLAIMS}?fieldValidation=Ignore`, { ...odd, metadata: { name: 'b' } });
    expect(ignore.code).toBe(201);
    expect(ignore.headers.get('warning')).toBeNull();
  });

  it('dryRun=All answers as a write would and changes nothing', async () => {
    const before = session.state.resourceVersion;
    const dry = await call('POST', `${CLAIMS}?dryRun=All`, pvc('data'));
    expect(dry.code).toBe(201);
    expect(dry.json.metadata.name).toBe('data');
    expect((await call('GET', `${CLAIMS}/data`)).code).toBe(404);
    expect(session.state.resourceVersion).toBe(before);
    // kubectl delete --dry-run=server puts it in the DeleteOptions body.
    await call('POST', CLAIMS, pvc('data'));
    const kept = await call('DELETE', `${CLAIMS}/data`, { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] });
    expect(kept.code).toBe(200);
    expect((await call('GET', `${CLAIMS}/data`)).code).toBe(200);
  });

  it('deletes: Success for an object gone at once, the object while it terminates, NotFound after', async () => {
    await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } });
    const gone = await call('DELETE', '/api/v1/namespaces/default/configmaps/cfg');
    expect(gone.json).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'cfg', kind: 'configmaps' } });
    expect((await call('DELETE', '/api/v1/namespaces/default/configmaps/cfg')).code).toBe(404);
    // A claim used by a pod is held by its protection finalizer: it answers Terminating.
    await call('POST', CLAIMS, pvc('data'));
    await call('POST', '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' },
      spec: { containers: [{ name: 'a', image: 'nginx' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
    });
    const held = await call('DELETE', `${CLAIMS}/data`, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
    expect(held.json.metadata.deletionTimestamp).toBeTruthy();
    const badPolicy = await call('DELETE', '/api/v1/namespaces/default/pods/web', { propagationPolicy: 'Sideways' });
    expect(badPolicy.code).toBe(422);
    const forced = await call('DELETE', '/api/v1/namespaces/default/pods/web?gracePeriodSeconds=0');
    expect(forced.code).toBe(200);
    expect((await call('GET', '/api/v1/namespaces/default/pods/web')).code).toBe(404);
  });
});

describe('subresources', () => {
  it('serves a Deployment\'s scale: read as autoscaling/v1 Scale, patched back onto the Deployment', async () => {
    const deploy = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } } },
    };
    expect((await call('POST', '/apis/apps/v1/namespaces/default/deployments', deploy)).code).toBe(201);
    const SCALE = '/apis/apps/v1/namespaces/default/deployments/web/scale';
    expect((await call('GET', SCALE)).json).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 }, status: { replicas: 2, selector: 'app=web' } });
    const scaled = await call('PATCH', SCALE, { spec: { replicas: 3 } }, { 'Content-Type': 'application/merge-patch+json' });
    expect(scaled.json.spec.replicas).toBe(3);
    const pods = (await call('GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb')).json.items;
    expect(pods).toHaveLength(3);
    const stale = await call('PUT', SCALE, { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web', resourceVersion: '1' }, spec: { replicas: 1 } });
    expect(stale.json).toMatchObject({ code: 409, reason: 'Conflict' });
    expect((await call('GET', '/api/v1/namespaces/default/pods/x/exec?command=ls')).json).toMatchObject({ code: 400, message: 'Upgrade request required' });
    expect((await call('GET', '/api/v1/namespaces/default/pods/x/attach')).json).toMatchObject({ code: 400, message: 'Upgrade request required' });
    expect((await call('GET', '/api/v1/namespaces/default/pods/x/binding')).json).toMatchObject({ code: 404, message: 'kubesim serve does not serve pods/binding yet' });
    expect((await call('GET', '/apis/apps/v1/namespaces/default/deployments/web/status')).json).toMatchObject({ kind: 'Deployment', spec: { replicas: 3 } });
  });
});

describe('logs', () => {
  it('serves a container\'s output as text, with tailLines, and the kubelet\'s errors', async () => {
    await call('POST', '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hello' },
      spec: { containers: [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'echo one; echo two; sleep 3600'] }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }] },
    });
    const text = async (path: string) => (await fetch(base + path)).text();
    expect(await text('/api/v1/namespaces/default/pods/hello/log?container=a')).toBe('one\ntwo\n');
    expect(await text('/api/v1/namespaces/default/pods/hello/log?container=a&tailLines=1')).toBe('two\n');
    const noContainer = JSON.parse(await text('/api/v1/namespaces/default/pods/hello/log'));
    expect(noContainer).toMatchObject({ code: 400, message: 'a container name must be specified for pod hello, choose one of: [a b]' });
    const previous = JSON.parse(await text('/api/v1/namespaces/default/pods/hello/log?container=a&previous=true'));
    expect(previous.message).toBe('previous terminated container "a" in pod "hello" not found');
    expect(JSON.parse(await text('/api/v1/namespaces/default/pods/nope/log')).message).toBe('pods "nope" not found');
  });
});

describe('settling', () => {
  it('settles a connection\'s writes together when another client comes, as kubesim run settles a command', async () => {
    const { request } = await import('node:http');
    // One keep-alive connection, as one kubectl command uses: a PVC and a pod, two POSTs.
    const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 1 });
    const post = (path: string, body: unknown) =>
      new Promise<number>((resolve, reject) => {
        const r = request(`${base}${path}`, { method: 'POST', agent, headers: { 'Content-Type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        r.on('error', reject);
        r.end(JSON.stringify(body));
      });
    expect(await post(CLAIMS, pvc('data'))).toBe(201);
    expect(await post('/api/v1/namespaces/default/pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' },
      spec: { containers: [{ name: 'a', image: 'nginx' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
    })).toBe(201);
    // Nothing has acted yet: the pod is not scheduled.
    expect(session.pending).toBeDefined();
    expect((session.state.objects.Pod!['default/web'] as { spec: { nodeName?: string } }).spec.nodeName).toBeUndefined();
    agent.destroy();
    // The next command (another connection) finds it settled: scheduled, provisioned, bound.
    const claim = (await call('GET', `${CLAIMS}/data`)).json;
    expect(claim.status.phase).toBe('Bound');
    expect(session.pending).toBeUndefined();
  });
});

describe('time and watch', () => {
  it('sends timestamps on the wall clock and takes them back onto the simulated one', async () => {
    const created = (await call('POST', CLAIMS, pvc('data'))).json;
    expect(Date.parse(created.metadata.creationTimestamp)).toBe(wall);
    const stored = session.state.objects.PersistentVolumeClaim!['default/data']!;
    expect(stored.metadata.creationTimestamp).toBe(new Date(session.state.now).toISOString().replace('.000', ''));
    // A replace sends the wire timestamp back: the stored one does not move.
    await call('PUT', `${CLAIMS}/data`, { ...created, metadata: { ...created.metadata, labels: { a: 'b' } } });
    expect(session.state.objects.PersistentVolumeClaim!['default/data']!.metadata.creationTimestamp).toBe(stored.metadata.creationTimestamp);
  });

  it('moves the simulated clock with the wall clock before each request', async () => {
    const start = session.state.now;
    wall += 90_000;
    await call('GET', '/version');
    expect(session.state.now - start).toBe(90_000);
  });

  it('streams ADDED, MODIFIED and DELETED in order from a list resourceVersion', async () => {
    const rv = (await call('GET', CLAIMS)).json.metadata.resourceVersion;
    await call('POST', CLAIMS, pvc('data'));
    const controller = new AbortController();
    const res = await fetch(`${base}${CLAIMS}?watch=true&resourceVersion=${rv}`, { signal: controller.signal });
    const reader = res.body!.getReader();
    const events: string[] = [];
    let text = '';
    const next = async () => {
      while (!text.includes('\n')) text += new TextDecoder().decode((await reader.read()).value);
      const line = text.slice(0, text.indexOf('\n'));
      text = text.slice(text.indexOf('\n') + 1);
      const e = JSON.parse(line);
      events.push(`${e.type} ${e.object.kind}/${e.object.metadata.name}${e.object.metadata.labels ? ' ' + JSON.stringify(e.object.metadata.labels) : ''}${e.object.metadata.deletionTimestamp ? ' terminating' : ''}`);
    };
    await next();
    await call('PATCH', `${CLAIMS}/data`, { metadata: { labels: { a: 'b' } } }, { 'Content-Type': 'application/merge-patch+json' });
    await next();
    await call('DELETE', `${CLAIMS}/data`);
    // The claim's protection finalizer holds it until the controllers act (after a quiet moment).
    await next();
    await next();
    controller.abort();
    expect(events).toEqual([
      'ADDED PersistentVolumeClaim/data',
      'MODIFIED PersistentVolumeClaim/data {"a":"b"}',
      'MODIFIED PersistentVolumeClaim/data {"a":"b"} terminating',
      'DELETED PersistentVolumeClaim/data {"a":"b"} terminating',
    ]);
  });

  it('answers a watch from a resourceVersion older than it keeps with 410 Expired, so the client lists again', async () => {
    const res = await fetch(`${base}${CLAIMS}?watch=true&resourceVersion=1`);
    const line = JSON.parse((await res.text()).trim());
    expect(line).toMatchObject({ type: 'ERROR', object: { kind: 'Status', reason: 'Expired', code: 410 } });
    expect(line.object.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
  });
});
