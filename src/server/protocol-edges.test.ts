// The second round's protocol edges in-process, spoken to as kubectl speaks: server-side apply,
// strict field validation on PATCH, orphaning deletes, watch bookmarks, /openapi/v2, and exec
// over the WebSocket remote-command protocol (v5 and v4 framing).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCluster } from '../engine/index.ts';
import { createSession, type ServeSession } from './session.ts';
import { startKubeServer, type KubeServer } from './server.ts';

let server: KubeServer;
let session: ServeSession;
let base: string;
let wall = 1_000_000;

beforeEach(async () => {
  wall = 1_000_000;
  session = createSession(createCluster({ preset: 'kind', seed: 1 }), () => wall);
  server = await startKubeServer(session, 0, { bookmarkMs: 150 });
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(() => server.close());

async function call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ code: number; json: any }> {
  const res = await fetch(base + path, { method, headers: { 'Content-Type': contentType, 'User-Agent': 'kubectl/v1.32.4 (linux/amd64)' }, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
  return { code: res.status, json: await res.json() };
}
const APPLY = 'application/apply-patch+yaml';
const CMS = '/api/v1/namespaces/default/configmaps';
const cm = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data });

describe('server-side apply over HTTP', () => {
  it('needs a field manager, creates when absent (201), then answers 200', async () => {
    const missing = await call('PATCH', `${CMS}/c`, cm({ a: '1' }), APPLY);
    expect(missing).toMatchObject({ code: 422, json: { reason: 'Invalid', message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch' } });
    expect((await call('PATCH', `${CMS}/c?fieldManager=me`, cm({ a: '1' }), APPLY)).code).toBe(201);
    // YAML is what the content type names; JSON is YAML too.
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n  b: "2"\n';
    const again = await call('PATCH', `${CMS}/c?fieldManager=me`, yaml, APPLY);
    expect(again.code).toBe(200);
    expect(again.json.data).toEqual({ a: '1', b: '2' });
    expect(again.json.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'me', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {}, 'f:b': {} } } })]);
  });

  it('answers a conflict with 409 and one FieldManagerConflict cause per field; force takes it', async () => {
    await call('POST', `${CMS}?fieldManager=kubectl-create`, cm({ a: '1', b: '1' }));
    const refused = await call('PATCH', `${CMS}/c?fieldManager=kubectl`, cm({ a: '2', b: '2' }), APPLY);
    expect(refused).toEqual({
      code: 409,
      json: {
        kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Conflict', code: 409,
        message: 'Apply failed with 2 conflicts: conflicts with "kubectl-create" using v1:\n- .data.a\n- .data.b',
        details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-create" using v1', field: '.data.a' }, { reason: 'FieldManagerConflict', message: 'conflict with "kubectl-create" using v1', field: '.data.b' }] },
      },
    });
    const forced = await call('PATCH', `${CMS}/c?fieldManager=kubectl&force=true`, cm({ a: '2', b: '2' }), APPLY);
    expect(forced.code).toBe(200);
    const [creator, applier] = forced.json.metadata.managedFields;
    // The creator keeps only the map itself (`.`), which the applier shares; the keys moved.
    expect(creator).toMatchObject({ manager: 'kubectl-create', fieldsV1: { 'f:data': {} } });
    expect(applier).toMatchObject({ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:data': { '.': {}, 'f:a': {}, 'f:b': {} } } });
  });

  it('refuses force on other patches, and unknown fields on a strict PATCH', async () => {
    await call('POST', CMS, cm({ a: '1' }));
    expect((await call('PATCH', `${CMS}/c?force=true`, { data: { a: '2' } }, 'application/merge-patch+json')).json.message).toBe('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
    const strict = await call('PATCH', `${CMS}/c?fieldValidation=Strict`, { colour: 'blue' }, 'application/merge-patch+json');
    expect(strict).toMatchObject({ code: 400, json: { reason: 'BadRequest', message: 'strict decoding error: unknown field "colour"' } });
    expect((await call('PATCH', `${CMS}/c`, { colour: 'blue', data: { a: '3' } }, 'application/merge-patch+json')).code).toBe(200);
    // An ordinary write is recorded under the User-Agent's first word when no fieldManager is named.
    const live = (await call('GET', `${CMS}/c`)).json;
    expect(live.metadata.managedFields.map((e: any) => [e.manager, e.operation])).toEqual([['kubectl', 'Update']]);
  });
});

describe('delete with propagationPolicy=Orphan', () => {
  it('takes the owner reference off the dependents, which stay', async () => {
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 1, selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } };
    expect((await call('POST', '/apis/apps/v1/namespaces/default/deployments', deploy)).code).toBe(201);
    session.settle();
    expect((await call('GET', '/apis/apps/v1/namespaces/default/replicasets')).json.items).toHaveLength(1);
    expect((await call('DELETE', '/apis/apps/v1/namespaces/default/deployments/d', { propagationPolicy: 'Orphan' })).code).toBe(200);
    session.settle();
    wall += 5000;
    const sets = (await call('GET', '/apis/apps/v1/namespaces/default/replicasets')).json.items;
    expect(sets).toHaveLength(1);
    expect(sets[0].metadata.ownerReferences).toBeUndefined();
  });
});

describe('watch bookmarks', () => {
  it('sends BOOKMARK events with the current resourceVersion when asked to', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}${CMS}?watch=true&allowWatchBookmarks=true&resourceVersion=${session.state.resourceVersion}`, { signal: controller.signal });
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('BOOKMARK')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const event = JSON.parse(text.split('\n').find((l) => l.includes('BOOKMARK'))!);
    expect(event).toEqual({ type: 'BOOKMARK', object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: String(session.state.resourceVersion) } } });
  });
});

describe('/openapi/v2', () => {
  it('serves JSON, and the protobuf kubectl asks for with its content type', async () => {
    const json = await call('GET', '/openapi/v2');
    expect(json.json).toMatchObject({ swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.34.0' } });
    expect(json.json.definitions['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(json.json.definitions['io.k8s.api.core.v1.PodSpec'].properties.volumes.items).toEqual({ $ref: '#/definitions/io.k8s.api.core.v1.Volume' });
    const proto = await fetch(`${base}/openapi/v2`, { headers: { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    expect(proto.headers.get('content-type')).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    const bytes = Buffer.from(await proto.arrayBuffer());
    // Field 1 (swagger) first: tag 0x0a, length 3, "2.0".
    expect([...bytes.subarray(0, 5)]).toEqual([0x0a, 3, 0x32, 0x2e, 0x30]);
    expect(bytes.includes(Buffer.from('io.k8s.api.core.v1.PersistentVolumeClaimSpec'))).toBe(true);
  });
});

describe('exec over WebSocket', () => {
  async function startPod(): Promise<void> {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb' }, spec: { containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] } };
    expect((await call('POST', '/api/v1/namespaces/default/pods', pod)).code).toBe(201);
    session.settle();
  }
  function exec(query: string, protocol: string, stdin?: string): Promise<{ frames: [number, string][]; protocol: string }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/namespaces/default/pods/bb/exec?${query}`, [protocol]);
      const frames: [number, string][] = [];
      ws.on('open', () => {
        if (stdin === undefined) return;
        ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(stdin)]));
        if (protocol === 'v5.channel.k8s.io') ws.send(Buffer.from([255, 0]));
        else ws.close();
      });
      ws.on('message', (data: Buffer) => frames.push([data[0]!, data.subarray(1).toString('utf8')]));
      ws.on('close', () => resolve({ frames, protocol: ws.protocol }));
      ws.on('error', reject);
    });
  }

  it('frames stdout, stderr and the exit status on their channels (v5)', async () => {
    await startPod();
    const r = await exec('command=sh&command=-c&command=echo%20out%3B%20echo%20err%20%3E%262%3B%20exit%203&stdout=1&stderr=1', 'v5.channel.k8s.io');
    expect(r.protocol).toBe('v5.channel.k8s.io');
    expect(r.frames[0]).toEqual([1, 'out\n']);
    expect(r.frames[1]).toEqual([2, 'err\n']);
    expect(r.frames[2]![0]).toBe(3);
    expect(JSON.parse(r.frames[2]![1])).toEqual({
      metadata: {}, status: 'Failure', reason: 'NonZeroExitCode',
      message: 'command terminated with non-zero exit code: error executing command [sh -c echo out; echo err >&2; exit 3], exit code 3',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
  });

  it('runs with stdin once the client closes it (v5 close frame; v4 closing the socket)', async () => {
    await startPod();
    const v5 = await exec('command=sh&command=-c&command=cat%20%3E%20%2Ftmp%2Ff&stdin=1&stdout=1&stderr=1', 'v5.channel.k8s.io', 'hi\n');
    expect(v5.frames).toEqual([[3, '{"metadata":{},"status":"Success"}']]);
    const read = await exec('command=cat&command=/tmp/f&stdout=1&stderr=1', 'v4.channel.k8s.io');
    expect(read.protocol).toBe('v4.channel.k8s.io');
    expect(read.frames[0]).toEqual([1, 'hi\n']);
  });

  it('refuses a container the pod does not have with a 400 Status instead of upgrading', async () => {
    await startPod();
    const refused = await new Promise<{ code: number; body: string }>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/namespaces/default/pods/bb/exec?command=ls&container=nope&stdout=1`, ['v5.channel.k8s.io']);
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
      });
      ws.on('error', () => undefined);
    });
    expect(refused.code).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ kind: 'Status', reason: 'BadRequest', message: 'container nope is not valid for pod bb' });
  });
});
