// The Engine API's JSON for the simulated Docker host: container and image summaries, image
// history, volumes and disk usage. The docker CLI formats these on the client (columns, ages,
// sizes), so they carry raw numbers and times; times go out on the wall clock (session.offsetMs),
// so the client's "5 seconds ago" counts from today as `kubesim run` counts from its own now.
import { containerSize, imageSize, sharedSize, volumeSize, volumeUsers, type ClusterState, type DockerContainer, type DockerImage } from '../../engine/index.ts';
import { kindNodes } from '../../engine/docker/kind-nodes.ts';
import { commandText, listedContainers, status } from '../../commands/docker/containers.ts';
import { rfc3339 } from '../../commands/docker/images.ts';
import { getOwn } from '../../lib/own.ts';

/** Unix seconds on the wire. */
export const unixSeconds = (ms: number, offsetMs: number) => Math.floor((ms + offsetMs) / 1000);

/** An RFC 3339 time of the simulated clock as the wall clock's (Go's zero time stays zero). */
export function wallTime(time: unknown, offsetMs: number): unknown {
  if (typeof time !== 'string' || time.startsWith('0001-')) return time;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : rfc3339(ms + offsetMs);
}

interface Port {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** What the image EXPOSEs (nothing is published in the simulation), or a kind node's API server port. */
function ports(state: ClusterState, c: DockerContainer, published: string): Port[] {
  const m = /^([\d.]+):(\d+)->(\d+)\/(\w+)$/.exec(published);
  if (m) return [{ IP: m[1]!, PrivatePort: Number(m[3]), PublicPort: Number(m[2]), Type: m[4]! }];
  if (c.state !== 'running') return [];
  const image = state.docker.images[c.imageId];
  const exposed = (image?.history ?? []).flatMap((h) => /^EXPOSE map\[(.*)\]$/.exec(h.createdBy)?.[1]?.split(' ').map((p) => p.replace(/:\{\}$/, '')) ?? []);
  return [...new Set(exposed)].map((p) => ({ PrivatePort: Number(p.split('/')[0]), Type: p.split('/')[1] ?? 'tcp' }));
}

export function mountsJson(c: DockerContainer): unknown[] {
  return c.mounts.map((m) =>
    m.type === 'volume'
      ? { Type: 'volume', Name: m.source, Source: `/var/lib/docker/volumes/${m.source}/_data`, Destination: m.destination, Driver: 'local', Mode: m.noCopy ? 'nocopy' : 'z', RW: !m.readOnly, Propagation: '' }
      : m.type === 'bind'
        ? { Type: 'bind', Source: m.source, Destination: m.destination, Mode: '', RW: !m.readOnly, Propagation: 'rprivate' }
        : { Type: 'tmpfs', Source: '', Destination: m.destination, Mode: '', RW: true, Propagation: '' },
  );
}

function containerSummary(state: ClusterState, offsetMs: number, c: DockerContainer, published: string, size: [number, number] | undefined): Record<string, unknown> {
  return {
    Id: c.id,
    Names: [`/${c.name}`],
    Image: c.image,
    ImageID: `sha256:${c.imageId}`,
    Command: commandText(c),
    Created: unixSeconds(c.created, offsetMs),
    Ports: ports(state, c, published),
    ...(size ? { SizeRw: size[0], SizeRootFs: size[1] } : {}),
    Labels: {},
    State: c.state,
    Status: status(state.now, c),
    HostConfig: { NetworkMode: c.image.startsWith('kindest/node:') ? 'kind' : 'bridge' },
    NetworkSettings: { Networks: {} },
    Mounts: mountsJson(c),
  };
}

/** `GET /containers/json`: newest first, kind's node containers last (they were made before anything else). */
export function containerList(state: ClusterState, offsetMs: number, all: boolean, size: boolean): unknown[] {
  const imageBytes = (c: DockerContainer) => {
    const image = state.docker.images[c.imageId];
    return image ? imageSize(state.docker, image) : 0;
  };
  const own = listedContainers(state, all).map((c) => containerSummary(state, offsetMs, c, '', size ? [containerSize(c), containerSize(c) + imageBytes(c)] : undefined));
  const nodes = kindNodes(state)
    .filter((n) => all || n.container.state === 'running')
    .map((n) => containerSummary(state, offsetMs, n.container, n.ports, size ? [0, 0] : undefined));
  return [...own, ...nodes];
}

/** `GET /images/json` (and the images of `/system/df`, which add shared sizes and container counts). */
export function imageSummary(state: ClusterState, offsetMs: number, image: DockerImage, usage: boolean): Record<string, unknown> {
  const host = state.docker;
  return {
    Containers: usage ? Object.values(host.containers).filter((c) => c.imageId === image.id).length : -1,
    Created: unixSeconds(image.created, offsetMs),
    Id: `sha256:${image.id}`,
    Labels: null,
    ParentId: '',
    RepoDigests: [],
    RepoTags: image.tags,
    SharedSize: usage ? sharedSize(host, image) : -1,
    Size: imageSize(host, image),
  };
}

/** Newest first, as the daemon sorts them. */
export function imageList(state: ClusterState, offsetMs: number, usage = false): unknown[] {
  return Object.values(state.docker.images)
    .sort((a, b) => b.created - a.created)
    .map((i) => imageSummary(state, offsetMs, i, usage));
}

/** `GET /images/NAME/history`: newest step first; only the newest names the image, the rest are `<missing>`. */
export function imageHistory(offsetMs: number, image: DockerImage): unknown[] {
  return [...image.history].reverse().map((h, i) => ({
    Comment: h.comment,
    Created: unixSeconds(h.created, offsetMs),
    CreatedBy: h.createdBy,
    Id: i === 0 ? `sha256:${image.id}` : '<missing>',
    Size: h.size,
    Tags: i === 0 ? image.tags : null,
  }));
}

export function volumeJson(state: ClusterState, offsetMs: number, name: string, usage = false): Record<string, unknown> {
  const v = getOwn(state.docker.volumes, name)!;
  return {
    CreatedAt: rfc3339(v.created + offsetMs),
    Driver: 'local',
    Labels: null,
    Mountpoint: `/var/lib/docker/volumes/${name}/_data`,
    Name: name,
    Options: null,
    Scope: 'local',
    ...(usage ? { UsageData: { RefCount: volumeUsers(state.docker, name).length, Size: volumeSize(state, name) } } : {}),
  };
}

export function volumeList(state: ClusterState, offsetMs: number): { Volumes: unknown[]; Warnings: null } {
  return { Volumes: Object.keys(state.docker.volumes).sort().map((n) => volumeJson(state, offsetMs, n)), Warnings: null };
}

/** `GET /system/df`: the CLI works out ACTIVE, SHARED and RECLAIMABLE from these. */
export function diskUsage(state: ClusterState, offsetMs: number): unknown {
  const host = state.docker;
  const layers = new Set(Object.values(host.images).flatMap((i) => i.layers));
  return {
    LayersSize: [...layers].reduce((s, d) => s + (host.layers[d] ?? 0), 0),
    Images: imageList(state, offsetMs, true),
    Containers: listedContainers(state, true).map((c) => {
      const image = state.docker.images[c.imageId];
      return containerSummary(state, offsetMs, c, '', [containerSize(c), containerSize(c) + (image ? imageSize(host, image) : 0)]);
    }),
    Volumes: Object.keys(host.volumes).sort().map((n) => volumeJson(state, offsetMs, n, true)),
    BuildCache: [],
  };
}
