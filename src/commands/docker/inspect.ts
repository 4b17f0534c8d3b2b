// `docker inspect` / `docker container inspect`: a container's state, where its writable layer
// lives on the host (GraphDriver.Data.UpperDir) and what is mounted where. Images fall through
// to `docker image inspect`.
import { containerLayerDir, findContainer, type ClusterState, type DockerContainer } from '../../engine/index.ts';
import { digestHex } from '../../engine/runtime/ids.ts';
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { dockerJson } from './format.ts';
import { apiServerPort, findKindNode, type KindNode } from '../../engine/docker/kind-nodes.ts';
import { inspectImages, rfc3339 } from './images.ts';

const ZERO_TIME = '0001-01-01T00:00:00Z';

function containerJson(state: ClusterState, c: DockerContainer): unknown {
  const dir = containerLayerDir(c);
  const overlay = '/var/lib/docker/overlay2';
  return {
    Id: c.id,
    Created: rfc3339(c.created),
    Path: c.command[0] ?? '',
    Args: c.command.slice(1),
    State: {
      Status: c.state,
      Running: c.state === 'running',
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: c.state === 'running' ? 4000 + (parseInt(c.id.slice(0, 4), 16) % 5000) : 0,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: rfc3339(c.startedAt),
      FinishedAt: c.finishedAt ? rfc3339(c.finishedAt) : ZERO_TIME,
    },
    Image: `sha256:${c.imageId}`,
    Name: `/${c.name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    GraphDriver: {
      Data: {
        LowerDir: `${dir}-init/diff:${(state.docker.images[c.imageId]?.layers ?? []).slice().reverse().map((d) => `${overlay}/${d}/diff`).join(':')}`,
        MergedDir: `${dir}/merged`,
        UpperDir: `${dir}/diff`,
        WorkDir: `${dir}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: c.mounts.map((m) =>
      m.type === 'volume'
        ? { Type: 'volume', Name: m.source, Source: `/var/lib/docker/volumes/${m.source}/_data`, Destination: m.destination, Driver: 'local', Mode: 'z', RW: !m.readOnly, Propagation: '' }
        : m.type === 'bind'
          ? { Type: 'bind', Source: m.source, Destination: m.destination, Mode: '', RW: !m.readOnly, Propagation: 'rprivate' }
          : { Type: 'tmpfs', Source: '', Destination: m.destination, Mode: '', RW: true, Propagation: '' },
    ),
    Config: { Hostname: c.id.slice(0, 12), Env: c.env, Cmd: c.command, Image: c.image, WorkingDir: c.workdir === '/' ? '' : c.workdir },
  };
}

/** `docker inspect REF…`: containers first (as the daemon resolves names), then images. */
export function inspect(input: CommandInput, refs: readonly string[], only?: 'container'): CommandOutput {
  const { state } = input;
  const found: unknown[] = [];
  let stderr = '';
  for (const ref of refs) {
    const c = findContainer(state.docker, ref);
    if (c) {
      found.push(containerJson(state, c));
      continue;
    }
    const node = findKindNode(state, ref);
    if (node) {
      found.push(nodeJson(state, node));
      continue;
    }
    if (only === 'container') {
      stderr += `Error response from daemon: No such container: ${ref}\n`;
      continue;
    }
    const image = inspectImages(input, [ref]);
    if (image.exitCode === 0) found.push(...(JSON.parse(image.stdout) as unknown[]));
    else stderr += `Error: No such object: ${ref}\n`;
  }
  return output(state, { stdout: dockerJson(found), stderr, exitCode: stderr ? 1 : 0 });
}

/** A kind node container: what `docker inspect kind-worker` is mostly read for, its place on the `kind` network. */
function nodeJson(state: ClusterState, node: KindNode): unknown {
  const { GraphDriver: _layers, Mounts: _mounts, ...base } = containerJson(state, node.container) as Record<string, unknown>;
  const published = node.ports ? { '6443/tcp': [{ HostIp: '127.0.0.1', HostPort: String(apiServerPort(state.seed)) }] } : {};
  return {
    ...base,
    // kind runs each node with --hostname NAME.
    Config: { ...(base['Config'] as object), Hostname: node.container.name },
    Mounts: [],
    NetworkSettings: {
      Ports: published,
      Networks: { kind: { Aliases: [node.container.name], Gateway: '172.18.0.1', IPAddress: node.ip, IPPrefixLen: 16, NetworkID: digestHex('kind-network') } },
    },
  };
}
