// The Docker Engine API in-process: a server on a free port, spoken to with fetch (and a raw
// socket for the hijacked streams) as the docker CLI speaks to dockerd.
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { createSession, type ServeSession } from '../session.ts';
import { startDockerServer, type DockerServer } from './server.ts';
import { demux } from './mux.ts';
import { readTarEntries, writeTar } from './tar.ts';

let session: ServeSession;
let server: DockerServer;
let base: string;

beforeEach(async () => {
  session = createSession(createCluster({ preset: 'bare', seed: 1 }));
  server = await startDockerServer(session, 0);
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(async () => {
  await server.close();
});

const call = (method: string, path: string, body?: unknown) =>
  fetch(base + path, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}) });

async function pulled(image: string): Promise<void> {
  const res = await call('POST', `/v1.47/images/create?fromImage=${encodeURIComponent(`docker.io/library/${image}`)}&tag=latest`);
  expect(res.status).toBe(200);
  await res.text();
}

async function created(body: Record<string, unknown>, name?: string): Promise<string> {
  const res = await call('POST', `/v1.47/containers/create${name ? `?name=${name}` : ''}`, body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { Id: string }).Id;
}

/** A hijacked request (attach, exec start): the raw answer, read until the server closes. */
function hijacked(path: string, body: string, stdin = ''): Promise<{ head: string; stream: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    const parts: Buffer[] = [];
    socket.on('data', (d) => parts.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(parts);
      const end = all.indexOf('\r\n\r\n');
      resolve({ head: all.subarray(0, end).toString(), stream: all.subarray(end + 4) });
    });
    socket.write(`POST ${path} HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}${stdin}`);
    if (stdin !== '' || body.includes('"AttachStdin":true')) socket.end();
  });
}

describe('the Docker Engine API', () => {
  it('answers /_ping with the API version a client negotiates down to', async () => {
    const res = await fetch(`${base}/_ping`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('api-version')).toBe('1.47');
    expect(await (await fetch(`${base}/_ping`)).text()).toBe('OK');
  });

  it('serves /version with and without a version prefix', async () => {
    for (const path of ['/version', '/v1.47/version', '/v1.24/version']) {
      const v = (await (await call('GET', path)).json()) as { ApiVersion: string; Version: string; MinAPIVersion: string };
      expect(v).toMatchObject({ ApiVersion: '1.47', Version: '27.5.1', MinAPIVersion: '1.24' });
    }
  });

  it('answers an unknown path as the daemon does', async () => {
    const res = await call('GET', '/v1.47/nothing/here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'page not found' });
  });

  it('words a missing container and image with the daemon status codes', async () => {
    const missing = await call('GET', '/v1.47/containers/nope/json');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'No such container: nope' });
    // docker run pulls on this 404, then creates again.
    const noImage = await call('POST', '/v1.47/containers/create', { Image: 'busybox' });
    expect(noImage.status).toBe(404);
    expect(await noImage.json()).toEqual({ message: 'No such image: busybox:latest' });
    const noRepo = await call('POST', '/v1.47/images/create?fromImage=docker.io%2Flibrary%2Fnosuch&tag=latest');
    expect(noRepo.status).toBe(404);
    expect(((await noRepo.json()) as { message: string }).message).toBe("pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
  });

  it('streams a pull as JSON messages, layer by layer', async () => {
    const res = await call('POST', '/v1.47/images/create?fromImage=docker.io%2Flibrary%2Fbusybox&tag=latest');
    const messages = (await res.text()).trim().split('\r\n').map((l) => JSON.parse(l) as { status: string; id?: string });
    expect(messages[0]).toEqual({ status: 'Pulling from library/busybox', id: 'latest' });
    expect(messages.some((m) => m.status === 'Pull complete')).toBe(true);
    expect(messages.at(-1)).toEqual({ status: 'Status: Downloaded newer image for busybox:latest' });
    const images = (await (await call('GET', '/v1.47/images/json')).json()) as { RepoTags: string[]; Size: number }[];
    expect(images.map((i) => i.RepoTags)).toEqual([['busybox:latest']]);
    expect(images[0]!.Size).toBeGreaterThan(4_000_000);
  });

  it('creates without starting, starts, lists, and refuses to remove a running container (409)', async () => {
    await pulled('busybox');
    const id = await created({ Image: 'busybox', Cmd: ['sh', '-c', 'echo hello; sleep 3600'] }, 'srv');
    let list = (await (await call('GET', '/v1.47/containers/json?all=1')).json()) as { Id: string; State: string; Names: string[]; Status: string }[];
    expect(list).toMatchObject([{ Id: id, State: 'created', Names: ['/srv'], Status: 'Created' }]);
    expect((await call('POST', `/v1.47/containers/srv/start`)).status).toBe(204);
    // Starting it again changes nothing: 304.
    expect((await call('POST', `/v1.47/containers/srv/start`)).status).toBe(304);
    list = (await (await call('GET', '/v1.47/containers/json')).json()) as typeof list;
    expect(list).toMatchObject([{ Id: id, State: 'running' }]);
    const rm = await call('DELETE', '/v1.47/containers/srv');
    expect(rm.status).toBe(409);
    expect(await rm.json()).toEqual({ message: 'cannot remove container "/srv": container is running: stop the container before removing or force remove' });
    expect((await call('DELETE', '/v1.47/containers/srv?force=1')).status).toBe(204);
    expect(await (await call('GET', '/v1.47/containers/json?all=1')).json()).toEqual([]);
  });

  it('sends logs as multiplexed frames with 8-byte headers', async () => {
    await pulled('busybox');
    await created({ Image: 'busybox', Cmd: ['sh', '-c', 'echo one; echo two; sleep 3600'] }, 'talker');
    await call('POST', '/v1.47/containers/talker/start');
    const res = await call('GET', '/v1.47/containers/talker/logs?stdout=1&stderr=1&tail=1');
    expect(res.headers.get('content-type')).toBe('application/vnd.docker.multiplexed-stream');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([1, 0, 0, 0, 0, 0, 0, 4]);
    expect(demux(bytes)).toEqual([{ stream: 'stdout', text: 'two\n' }]);
  });

  it('runs an exec over a hijacked connection, with stdin, and reports its exit code', async () => {
    await pulled('busybox');
    await created({ Image: 'busybox', Cmd: ['sleep', '3600'] }, 'box');
    await call('POST', '/v1.47/containers/box/start');
    const make = await call('POST', '/v1.47/containers/box/exec', { AttachStdin: true, AttachStdout: true, AttachStderr: true, Cmd: ['sh'] });
    expect(make.status).toBe(201);
    const { Id } = (await make.json()) as { Id: string };
    const { head, stream } = await hijacked(`/v1.47/exec/${Id}/start`, '{"Detach":false,"Tty":false}', 'echo out\necho err >&2\nexit 5\n');
    expect(head).toMatch(/^HTTP\/1.1 101 UPGRADED\r\nContent-Type: application\/vnd.docker.multiplexed-stream/);
    expect(demux(stream)).toEqual([
      { stream: 'stdout', text: 'out\n' },
      { stream: 'stderr', text: 'err\n' },
    ]);
    expect(await (await call('GET', `/v1.47/exec/${Id}/json`)).json()).toMatchObject({ Running: false, ExitCode: 5 });
  });

  it('refuses an exec in a stopped container (409)', async () => {
    await pulled('busybox');
    await created({ Image: 'busybox', Cmd: ['true'] }, 'done');
    await call('POST', '/v1.47/containers/done/start');
    const res = await call('POST', '/v1.47/containers/done/exec', { Cmd: ['ls'] });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toMatch(/^container [0-9a-f]{64} is not running$/);
  });

  it('docker run without -d: attach before start gets the output, the wait gets the exit code, --rm removes it', async () => {
    await pulled('busybox');
    const id = await created({ Image: 'busybox', Cmd: ['sh', '-c', 'echo hi; exit 3'], HostConfig: { AutoRemove: true } });
    const attach = hijacked(`/v1.47/containers/${id}/attach?stream=1&stdout=1&stderr=1`, '');
    await new Promise((r) => setTimeout(r, 50));
    const wait = call('POST', `/v1.47/containers/${id}/wait?condition=removed`);
    await new Promise((r) => setTimeout(r, 50));
    expect((await call('POST', `/v1.47/containers/${id}/start`)).status).toBe(204);
    expect(demux((await attach).stream)).toEqual([{ stream: 'stdout', text: 'hi\n' }]);
    expect(await (await wait).json()).toEqual({ StatusCode: 3, Error: null });
    expect(await (await call('GET', '/v1.47/containers/json?all=1')).json()).toEqual([]);
    // A wait that arrives after the container is gone still gets its status (the CLI sends it from a goroutine).
    expect(await (await call('POST', `/v1.47/containers/${id}/wait?condition=removed`)).json()).toEqual({ StatusCode: 3, Error: null });
  });

  it('answers a next-exit wait that arrives after the exit it was meant for', async () => {
    await pulled('busybox');
    const id = await created({ Image: 'busybox', Cmd: ['sh', '-c', 'exit 2'] });
    await call('POST', `/v1.47/containers/${id}/start`);
    expect(await (await call('POST', `/v1.47/containers/${id}/wait?condition=next-exit`)).json()).toEqual({ StatusCode: 2, Error: null });
  });

  it('mounts named volumes, binds and tmpfs from HostConfig, and refuses removing a volume in use', async () => {
    await pulled('busybox');
    await created({ Image: 'busybox', Cmd: ['sleep', '3600'], HostConfig: { Binds: ['data:/data', '/srv/site:/site:ro'], Mounts: [{ Type: 'tmpfs', Target: '/cache' }] } }, 'm');
    await call('POST', '/v1.47/containers/m/start');
    const inspected = (await (await call('GET', '/v1.47/containers/m/json')).json()) as { Mounts: { Type: string; Destination: string; RW: boolean }[] };
    expect(inspected.Mounts.map((m) => [m.Type, m.Destination, m.RW])).toEqual([
      ['volume', '/data', true],
      ['bind', '/site', false],
      ['tmpfs', '/cache', true],
    ]);
    const volumes = (await (await call('GET', '/v1.47/volumes')).json()) as { Volumes: { Name: string }[] };
    expect(volumes.Volumes.map((v) => v.Name)).toEqual(['data']);
    const rm = await call('DELETE', '/v1.47/volumes/data');
    expect(rm.status).toBe(409);
    expect(((await rm.json()) as { message: string }).message).toMatch(/^remove data: volume is in use - \[[0-9a-f]{64}\]$/);
    expect((await call('DELETE', '/v1.47/volumes/nope')).status).toBe(404);
  });

  it('reports disk usage with shared sizes, container sizes and volume links', async () => {
    await pulled('busybox');
    await created({ Image: 'busybox', Cmd: ['sh', '-c', 'dd if=/dev/zero of=/blob bs=1000 count=2000; sleep 3600'], HostConfig: { Binds: ['vol:/v'] } }, 'w');
    await call('POST', '/v1.47/containers/w/start');
    const df = (await (await call('GET', '/v1.47/system/df')).json()) as { LayersSize: number; Images: { Containers: number; SharedSize: number }[]; Containers: { SizeRw: number }[]; Volumes: { Name: string; UsageData: { RefCount: number } }[] };
    expect(df.LayersSize).toBeGreaterThan(4_000_000);
    expect(df.Images).toMatchObject([{ Containers: 1, SharedSize: 0 }]);
    expect(df.Containers[0]!.SizeRw).toBe(2_000_000);
    expect(df.Volumes).toMatchObject([{ Name: 'vol', UsageData: { RefCount: 1 } }]);
  });

  it('copies with /archive: HEAD stats a path, GET sends a tar, PUT extracts one', async () => {
    await pulled('nginx');
    await created({ Image: 'nginx' }, 'web');
    await call('POST', '/v1.47/containers/web/start');
    const head = await fetch(`${base}/v1.47/containers/web/archive?path=/usr/share/nginx/html`, { method: 'HEAD' });
    const stat = JSON.parse(Buffer.from(head.headers.get('x-docker-container-path-stat')!, 'base64').toString()) as { name: string; mode: number };
    // os.ModeDir (1<<31) with the permission bits, as Go's FileMode marshals.
    expect(stat).toMatchObject({ name: 'html', mode: 0x80000000 + 0o755 });
    const tar = Buffer.from(await (await call('GET', '/v1.47/containers/web/archive?path=/usr/share/nginx/html/.')).arrayBuffer());
    expect(readTarEntries(tar).map((e) => [e.path, e.type])).toEqual([
      ['.', 'dir'],
      ['50x.html', 'file'],
      ['index.html', 'file'],
    ]);
    const put = await fetch(`${base}/v1.47/containers/web/archive?path=/tmp`, { method: 'PUT', body: new Uint8Array(writeTar([{ path: 'notes', type: 'dir', mode: 0o755 }, { path: 'notes/a.txt', type: 'file', data: Buffer.from('hello\n'), mode: 0o644 }], 0)) });
    expect(put.status).toBe(200);
    const back = Buffer.from(await (await call('GET', '/v1.47/containers/web/archive?path=/tmp/notes/a.txt')).arrayBuffer());
    expect(readTarEntries(back)).toMatchObject([{ path: 'a.txt', type: 'file', text: 'hello\n' }]);
    const missing = await call('GET', '/v1.47/containers/web/archive?path=/etc/nginx/missing.conf');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Could not find the file /etc/nginx/missing.conf in container web' });
  });

  it('lists with a name filter and a limit, as `docker ps --filter name=…` and `docker ps -l` ask', async () => {
    await pulled('busybox');
    await created({ Image: 'busybox', Cmd: ['true'] }, 'first');
    await created({ Image: 'busybox', Cmd: ['sleep', '3600'] }, 'second');
    const names = async (query: string) => ((await (await call('GET', `/v1.47/containers/json?${query}`)).json()) as { Names: string[] }[]).map((c) => c.Names[0]);
    expect(await names(`all=1&filters=${encodeURIComponent('{"name":{"fir":true}}')}`)).toEqual(['/first']);
    expect(await names('limit=1')).toEqual(['/second']);
    expect(await names(`filters=${encodeURIComponent('{"status":["created"]}')}`)).toEqual(['/second', '/first']);
  });
});
