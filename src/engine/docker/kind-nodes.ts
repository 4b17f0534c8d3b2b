// kind's nodes as containers on the Docker host. `kind create cluster` runs each node as a
// privileged container of the node image (named after the node, on the `kind` network, the API
// server published on 127.0.0.1), so `docker ps` lists them and `docker exec kind-control-plane …`
// runs in the node itself: its files are the node's files, where hostPath volumes and the
// local-path provisioner's directories live. These containers are derived from the cluster, not
// stored: a node container runs while its machine is on (cluster/power.ts).
import type { ClusterState } from '../cluster/state.ts';
import { isPoweredOff, poweredOffSince } from '../cluster/power.ts';
import { ContainerFs } from '../containers/container-fs.ts';
import { NODE_DISK_BYTES, type Mount } from '../containers/mounts.ts';
import { EMPTY_TREE } from '../fs/tree.ts';
import { CLUSTER_EPOCH } from '../runtime/clock.ts';
import { digestHex } from '../runtime/ids.ts';
import { presetContents } from '../presets.ts';
import { runArgv, runShell, type ShellContext, type ShellResult } from '../shell/interpreter.ts';
import type { DockerContainer } from './types.ts';
import { getOwn } from '../../lib/own.ts';

/** The node image kind v0.30.0 uses for Kubernetes v1.34.0 (its pkg/apis/config/defaults/image.go). */
export const KIND_NODE_IMAGE = 'kindest/node:v1.34.0@sha256:7416a61b42b1662ca6ca89f02028ac133a309a2a30ba309614e8ec94d976dc5a';

/** kind's node command: its entrypoint script, then systemd. */
const NODE_COMMAND = ['/usr/local/bin/entrypoint', '/sbin/init'];

/** `kind create cluster` takes about 40 s to bring its nodes up before the cluster answers. */
const CREATED_BEFORE_EPOCH = 40_000;

/** Exit code of a node container that `docker stop` (or a lost machine) ended: systemd ignores SIGTERM, Docker kills it. */
export const NODE_STOP_EXIT_CODE = 137;

export interface KindNode {
  container: DockerContainer;
  /** The node's address on the `kind` network (its InternalIP). */
  ip: string;
  /** `127.0.0.1:PORT->6443/tcp` on a control-plane node, else ''. */
  ports: string;
}

const isKind = (state: Pick<ClusterState, 'preset'>) => state.preset === 'kind' || state.preset === 'kind-multinode';

/** The node containers of a kind preset (none in other presets), in the order kind created them. */
export function kindNodes(state: ClusterState): KindNode[] {
  if (!isKind(state)) return [];
  return presetContents(state.preset).nodes.map((node) => {
    const name = node.metadata.name;
    const off = isPoweredOff(state, name);
    const created = CLUSTER_EPOCH - CREATED_BEFORE_EPOCH;
    const container: DockerContainer = {
      id: digestHex(`kind-node|${state.seed}|${name}`),
      name,
      image: KIND_NODE_IMAGE,
      imageId: digestHex('kind-node-image|v1.34.0'),
      command: NODE_COMMAND,
      created,
      state: off ? 'exited' : 'running',
      startedAt: getOwn(state.docker.nodeStarts ?? {}, name) ?? created,
      finishedAt: off ? (poweredOffSince(state, name) ?? state.now) : 0,
      exitCode: off ? NODE_STOP_EXIT_CODE : 0,
      mounts: [],
      upper: EMPTY_TREE,
      logs: '',
      env: ['container=docker', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...(node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined ? ['KUBECONFIG=/etc/kubernetes/admin.conf'] : [])],
      workdir: '/',
    };
    const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const controlPlane = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
    return { container, ip, ports: controlPlane && !off ? `127.0.0.1:${apiServerPort(state.seed)}->6443/tcp` : '' };
  });
}

/** The host port kind got from the kernel for the API server: one from Linux's ephemeral range, fixed by the seed. */
export function apiServerPort(seed: number): number {
  return 32768 + (parseInt(digestHex(`kind-api-port|${seed}`).slice(0, 8), 16) % (60999 - 32768 + 1));
}

/** The node container a `docker` argument names (name, id or id prefix), if any. */
export function findKindNode(state: ClusterState, ref: string): KindNode | undefined {
  return kindNodes(state).find((n) => n.container.name === ref || n.container.id === ref || (ref.length >= 3 && n.container.id.startsWith(ref)));
}

/** The node's own files: its disk, where hostPath and local-path directories are (a fresh node's root until something writes). */
function nodeFs(state: ClusterState, node: string): ContainerFs {
  const root: Mount = { mountPath: '/', volume: 'root', readOnly: false, size: NODE_DISK_BYTES, fsType: 'ext4', device: '/dev/sda1', source: { kind: 'node', node, root: '/' } };
  return new ContainerFs({ state, mounts: [root], lower: EMPTY_TREE, upper: () => EMPTY_TREE, setUpper: () => undefined });
}

/** `docker exec NODE CMD…`: runs in the node as root, in the node image's Debian shells. Returns the new state with what it wrote. */
export function execInKindNode(state: ClusterState, node: string, argv: readonly string[], stdin: string, run?: (ctx: ShellContext) => ShellResult): { state: ClusterState; output: ShellResult } {
  const next: ClusterState = { ...state, nodeFiles: { ...state.nodeFiles }, volumeData: { ...state.volumeData } };
  const fs = nodeFs(next, node);
  const ctx = { fs, env: { HOSTNAME: node, HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', container: 'docker' }, cwd: '/', hostname: node, lastCode: 0, family: 'debian' as const };
  // `run`: an interactive shell's line, in the node's shell context.
  if (run) return { state: next, output: run(ctx) };
  return { state: next, output: argv.length === 1 && stdin ? runShell(stdin, ctx) : runArgv(argv, ctx, stdin) };
}

/** `docker start NODE` after a stop: when the node container last started. */
export function recordNodeStart(state: ClusterState, node: string): ClusterState {
  return { ...state, docker: { ...state.docker, nodeStarts: { ...state.docker.nodeStarts, [node]: state.now } } };
}
