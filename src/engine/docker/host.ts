// The Docker daemon's operations on its state: pull, run, exec, stop, start, rm, volumes, and the
// disk usage `docker system df` reports. Every function returns a new host (and state, where
// volume or bind data changed); nothing is modified in place.
import type { ClusterState } from '../cluster/state.ts';
import { ContainerFs, type FsResult } from '../containers/container-fs.ts';
import type { Mount } from '../containers/mounts.ts';
import { NODE_DISK_BYTES } from '../containers/mounts.ts';
import { makeMountPoints, mountsAbove, ociCreateFailed, runcMountError } from '../containers/mount-points.ts';
import { nodeRootFs } from '../fs/node-root.ts';
import { childrenOf, EMPTY_TREE, entryAt, layerBytes, lookup, mkdirAll, normalizePath, removeAll, setEntry, treeEntries, treeOf, type FsTree } from '../fs/tree.ts';
import { digestHex } from '../runtime/ids.ts';
import { runArgv, runShell, type ShellContext, type ShellResult } from '../shell/interpreter.ts';
import { followDockerProcess } from './main-process.ts';
import { COMMANDS } from '../shell/commands.ts';
import { imageFamily } from '../shell/dialect.ts';
import { mainProcessStopSignals } from '../containers/process.ts';
import { chainDigests, qualify } from './build.ts';
import { findCatalogImage } from './catalog.ts';
import type { DockerContainer, DockerHost, DockerImage, DockerMount } from './types.ts';
import { getOwn, hasOwn, setOwn } from '../../lib/own.ts';
import { volumeNameError } from './volume-names.ts';
import { workingDir } from '../containers/working-dir.ts';

/** The Docker host's own filesystem, where bind mounts point. */
export const DOCKER_HOST_NODE = 'docker-host';

/** An anonymous volume's name: 64 hex characters, as Docker makes them (here from a seed, not random). */
export function anonymousVolumeName(destination: string, seq: number): string {
  return digestHex(`anonymous|${destination}|${seq}`);
}

export const isAnonymousVolume = (name: string) => /^[0-9a-f]{64}$/.test(name);

export function volumeKey(name: string): string {
  return `docker-volume/${name}`;
}

/** Finds a local image by `name[:tag]`, id or id prefix. */
export function findImage(host: DockerHost, ref: string): DockerImage | undefined {
  const byTag = getOwn(host.tags, qualify(ref));
  if (byTag) return getOwn(host.images, byTag);
  return Object.values(host.images).find((i) => ref.length >= 4 && i.id.startsWith(ref.replace(/^sha256:/, '')));
}

/** Pulls a catalogue image into the local store if it is not there. */
export function pullImage(host: DockerHost, ref: string): { host: DockerHost; image: DockerImage; pulled: boolean } | undefined {
  const local = findImage(host, ref);
  if (local) return { host, image: local, pulled: false };
  const cat = findCatalogImage(ref);
  if (!cat) return undefined;
  const layers = chainDigests(cat.history);
  const id = digestHex(`catalog|${cat.repository}:${cat.tag}`);
  const tag = `${cat.repository}:${cat.tag}`;
  const image: DockerImage = { id, tags: [tag], created: cat.history[cat.history.length - 1]!.created, history: cat.history, layers, fs: cat.fs, cmd: cat.cmd, entrypoint: cat.entrypoint ?? [], env: cat.env, workdir: imageWorkdir(cat.repository, cat.history) };
  const sizes = { ...host.layers };
  let i = 0;
  for (const r of cat.history) if (!r.empty) sizes[layers[i++]!] = r.size;
  return { host: { ...host, images: { ...host.images, [id]: image }, tags: { ...host.tags, [tag]: id }, layers: sizes }, image, pulled: true };
}

/** The image's WORKDIR: its last `WORKDIR` step, else what the official image is known to set (redis: /data), else `/`. */
function imageWorkdir(repository: string, history: readonly { createdBy: string }[]): string {
  const declared = [...history].reverse().map((h) => /^WORKDIR (\S+)$/.exec(h.createdBy)?.[1]).find(Boolean);
  return declared ?? workingDir({ image: repository });
}

/** Bytes an image takes: the sum of its layers. */
export function imageSize(host: DockerHost, image: DockerImage): number {
  return image.layers.reduce((sum, d) => sum + (host.layers[d] ?? 0), 0);
}

/** Bytes of an image's layers that another image also uses. */
export function sharedSize(host: DockerHost, image: DockerImage): number {
  const others = new Set(Object.values(host.images).filter((i) => i.id !== image.id).flatMap((i) => i.layers));
  return image.layers.filter((d) => others.has(d)).reduce((sum, d) => sum + (host.layers[d] ?? 0), 0);
}

/** Bytes a container has written to its writable layer. */
export function containerSize(c: DockerContainer): number {
  return layerBytes(c.upper);
}

export function containerMounts(c: DockerContainer): Mount[] {
  return c.mounts
    .map((m): Mount => {
      const base = { mountPath: normalizePath(m.destination), volume: m.source, readOnly: m.readOnly, size: NODE_DISK_BYTES };
      if (m.type === 'volume') return { ...base, source: { kind: 'store', key: volumeKey(m.source), root: '/' }, fsType: 'ext4', device: '/dev/sda1' };
      if (m.type === 'bind') return { ...base, source: { kind: 'node', node: DOCKER_HOST_NODE, root: normalizePath(m.source) }, fsType: 'ext4', device: '/dev/sda1' };
      return { ...base, source: { kind: 'store', key: `docker-tmpfs/${c.id}${normalizePath(m.destination)}`, root: '/' }, fsType: 'tmpfs', device: 'tmpfs', size: 8_326_438_912 };
    })
    .sort((a, b) => b.mountPath.length - a.mountPath.length);
}

/** A Docker container's files: the image, its writable layer, its volumes, binds and tmpfs. */
export function dockerContainerFs(state: ClusterState, id: string, mounts?: Mount[]): ContainerFs {
  const c = state.docker.containers[id]!;
  const image = state.docker.images[c.imageId];
  return new ContainerFs({
    state,
    mounts: mounts ?? containerMounts(c),
    lower: image?.fs ?? EMPTY_TREE,
    upper: () => state.docker.containers[id]?.upper,
    setUpper: (tree) => (state.docker = { ...state.docker, containers: { ...state.docker.containers, [id]: { ...state.docker.containers[id]!, upper: tree } } }),
  });
}

const ADJECTIVES = ['admiring', 'bold', 'brave', 'clever', 'eager', 'festive', 'gallant', 'happy', 'jolly', 'keen', 'lucid', 'nifty', 'quirky', 'serene', 'vibrant', 'zealous'];
const SCIENTISTS = ['babbage', 'curie', 'darwin', 'einstein', 'faraday', 'hopper', 'lovelace', 'newton', 'noether', 'pascal', 'ritchie', 'turing'];

/** Docker's generated names (`adjective_scientist`), deterministic here. */
function generatedName(host: DockerHost): string {
  const n = host.generatedNames;
  return `${ADJECTIVES[(n * 7) % ADJECTIVES.length]}_${SCIENTISTS[(n * 5) % SCIENTISTS.length]}`;
}

export interface RunRequest {
  image: string;
  name?: string;
  command: string[];
  mounts: DockerMount[];
  env: string[];
  detach: boolean;
  /** `-i`: the container's stdin is kept open. */
  interactive?: boolean;
  /** `--rm`: a container that cannot start is removed at once (the daemon's cleanup after a failed start). */
  autoRemove?: boolean;
  /** `docker run -i … sh <<EOF`: what the command reads before its stdin ends; absent: nothing is written and (with `-i`) it stays open. */
  stdin?: string;
  /** Sources of `--mount type=bind`: the daemon refuses one that does not exist (`-v` creates a missing one). */
  bindSourcesThatMustExist?: readonly string[];
  /** The Engine API's create without its start (`POST /containers/create`): the container stays Created. */
  createOnly?: boolean;
}

/** A failure may come with a state: a container the daemon created but could not start stays, Created. */
export type RunResult = { ok: true; state: ClusterState; container: DockerContainer; output: ShellResult; pulled: boolean } | { ok: false; error: string; pulled?: boolean; state?: ClusterState };

/** `docker run`: creates the container, prepares its mounts, runs its command once (its logs). */
export function runContainer(state: ClusterState, req: RunRequest): RunResult {
  const pulled = pullImage(state.docker, req.image);
  if (!pulled) return { ok: false, error: `pull access denied for ${req.image.replace(/:.*$/, '')}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` };
  let host = pulled.host;
  const name = req.name ?? generatedName(host);
  const clash = Object.values(host.containers).find((c) => c.name === name);
  if (clash) {
    return { ok: false, error: `Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`, pulled: pulled.pulled };
  }
  // The daemon creates each named volume the container mounts and refuses a name it cannot hold.
  const refused = req.mounts.map((m) => (m.type === 'volume' && !hasOwn(host.volumes, m.source) ? volumeNameError(m.source) : undefined)).find(Boolean);
  if (refused) return { ok: false, error: refused, pulled: pulled.pulled };
  // The mount API's bind (validate.go, at create): the source must be there; -v's binds skip the check.
  const missing = (req.bindSourcesThatMustExist ?? []).find((source) => !dockerHostPathExists(state, source));
  if (missing !== undefined) return { ok: false, error: `invalid mount config for type "bind": bind source path does not exist: ${missing}`, pulled: pulled.pulled };
  const id = digestHex(`container|${name}|${state.now}|${host.created}`);
  const next = writableCopy(state);
  const volumes = { ...host.volumes };
  for (const m of req.mounts) {
    if (m.type === 'volume' && !hasOwn(volumes, m.source)) setOwn(volumes, m.source, { name: m.source, created: state.now });
    if (m.type === 'volume') next.volumeData[volumeKey(m.source)] ??= treeOf({ '/': { type: 'Directory', mode: 0o755 } });
    if (m.type === 'bind') next.nodeFiles[DOCKER_HOST_NODE] = mkdirAll(next.nodeFiles[DOCKER_HOST_NODE] ?? nodeRootFs(DOCKER_HOST_NODE), m.source) ?? next.nodeFiles[DOCKER_HOST_NODE]!;
  }
  const image = pulled.image;
  for (const m of req.mounts) if (m.type === 'volume' && !m.noCopy) next.volumeData[volumeKey(m.source)] = copyUp(next.volumeData[volumeKey(m.source)]!, image.fs, m.destination);
  const command = req.command.length ? req.command : [...image.entrypoint, ...image.cmd];
  const container: DockerContainer = {
    id,
    name,
    image: req.image,
    imageId: image.id,
    command,
    created: state.now,
    state: 'created',
    startedAt: state.now,
    finishedAt: 0,
    exitCode: 0,
    mounts: req.mounts,
    upper: EMPTY_TREE,
    logs: '',
    env: [...image.env, ...req.env],
    workdir: image.workdir,
    ...(req.interactive ? { openStdin: true } : {}),
  };
  host = { ...host, volumes, containers: { ...host.containers, [id]: container }, generatedNames: req.name ? host.generatedNames : host.generatedNames + 1, created: host.created + 1 };
  next.docker = host;
  const startError = makeDockerMountPoints(next, id);
  if (startError) {
    // setExitCodeFromError: 127 for ENOTDIR; the container stays Created, unless --rm removes it.
    const { [id]: failed, ...others } = next.docker.containers;
    next.docker = { ...next.docker, containers: req.autoRemove ? others : { ...others, [id]: { ...failed!, exitCode: 127 } } };
    return { ok: false, error: startError, pulled: pulled.pulled, state: next };
  }
  if (req.createOnly) return { ok: true, state: next, container: next.docker.containers[id]!, output: { stdout: '', stderr: '', code: 0 }, pulled: pulled.pulled };
  const started = runMainProcess(next, id, req.stdin);
  return { ok: true, state: started.state, container: started.state.docker.containers[id]!, output: started.output, pulled: pulled.pulled };
}

/**
 * runc making the container's bind and volume mount points (mount-points.ts) in its writable
 * layer; a directory over an image file, or a host file over an image directory, is refused with
 * the daemon's message (moby setExitCodeFromError adds the hint to any ENOTDIR).
 */
function makeDockerMountPoints(state: ClusterState, id: string): string | undefined {
  const c = state.docker.containers[id]!;
  const mounts = containerMounts(c);
  const hostFs = state.nodeFiles[DOCKER_HOST_NODE] ?? nodeRootFs(DOCKER_HOST_NODE);
  // tmpfs mounts are not binds: runc makes their directory, nothing else is checked here.
  const binds = c.mounts.filter((m) => m.type !== 'tmpfs');
  const plans = binds.map((m) => ({ mountPath: m.destination, directory: m.type === 'volume' || lookup(hostFs, m.source)?.type !== 'File' }));
  const failure = makeMountPoints(plans, (path) => dockerContainerFs(state, id, mountsAbove(mounts, path)));
  if (!failure) return undefined;
  const m = binds.find((b) => b.destination === failure.mountPath)!;
  const source = m.type === 'volume' ? `/var/lib/docker/volumes/${m.source}/_data` : normalizePath(m.source);
  const runc = runcMountError(failure, source, `${containerLayerDir(c)}/merged`, m.readOnly);
  return `failed to create task for container: failed to create shim task: ${ociCreateFailed(runc)}: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type`;
}

/**
 * Docker's copy-up (daemon populateVolume): when a container is created with a volume that is
 * empty, what the image holds at the mount point is copied into the volume first, so
 * `-v html:/usr/share/nginx/html nginx` starts with nginx's page in `html`. Never for bind mounts,
 * never into a volume that already holds something, and not with `nocopy`.
 */
function copyUp(volume: FsTree, imageFs: FsTree, destination: string): FsTree {
  const dest = normalizePath(destination);
  if (childrenOf(volume, '/').length > 0 || entryAt(imageFs, dest)?.type !== 'Directory') return volume;
  let tree = volume;
  for (const [path, entry] of treeEntries(imageFs)) {
    if (path.startsWith(`${dest}/`)) tree = setEntry(tree, path.slice(dest.length), entry);
  }
  return tree;
}

/**
 * Whether the command, left alone, reads its stdin: a shell or an interpreter with no script
 * (`sh`, `bash -l`, `python3`), or `cat` with no file. With stdin open and nothing written to it
 * (`docker run -dit busybox sh`, or a later `docker start`), it waits for input: the container stays up.
 */
export function readsStdin(command: readonly string[]): boolean {
  const [program, ...args] = command;
  const base = (program ?? '').slice((program ?? '').lastIndexOf('/') + 1);
  const options = args.every((a) => a.startsWith('-') && a !== '-c');
  if (['sh', 'bash', 'ash'].includes(base)) return options;
  if (/^(python[\d.]*|node)$/.test(base)) return options && !args.some((a) => a === '-m');
  return base === 'cat' && args.length === 0;
}

/**
 * Runs the container's own command (at `run` and at every `start`): its output goes to the logs,
 * and it lives in simulated time (main-process.ts). `stdin` is what it reads before its input
 * ends; absent, nothing is written to it.
 */
function runMainProcess(state: ClusterState, id: string, stdin?: string): { state: ClusterState; output: ShellResult } {
  const c = state.docker.containers[id]!;
  const { sleeps: _sleeps, wakeAt: _wakeAt, resume: _resume, ...fresh } = c;
  const started: DockerContainer = { ...fresh, state: 'running', exitCode: 0, startedAt: state.now, finishedAt: 0 };
  const next = { ...state, docker: { ...state.docker, containers: { ...state.docker.containers, [id]: started } } };
  // A shell on an open stdin with nothing written to it yet waits for what is attached.
  if (c.openStdin === true && stdin === undefined && readsStdin(c.command)) return { state: next, output: { stdout: '', stderr: '', code: 0 } };
  return followDockerProcess(next, id, stdin ?? '');
}

/** The container's main process exits at `at` with `code`: Exited (code), its tmpfs mounts gone. */
export function exitedAt(state: ClusterState, id: string, at: number, code: number): ClusterState {
  const c = state.docker.containers[id]!;
  const { wakeAt: _wakeAt, ...rest } = c;
  return dropTmpfs({ ...state, docker: { ...state.docker, containers: { ...state.docker.containers, [id]: { ...rest, state: 'exited', exitCode: code, finishedAt: at } } } }, id);
}

function dropTmpfs(state: ClusterState, id: string): ClusterState {
  return { ...state, volumeData: Object.fromEntries(Object.entries(state.volumeData).filter(([k]) => !k.startsWith(`docker-tmpfs/${id}/`))) };
}

/**
 * A copy of the state that a container's filesystem may write into: ContainerFs saves volume and
 * host trees by assigning into these records, so they must not be the caller's.
 */
export function writableCopy(state: ClusterState): ClusterState {
  return { ...state, volumeData: { ...state.volumeData }, nodeFiles: { ...state.nodeFiles }, docker: { ...state.docker } };
}

/** The container's layer folder under /var/lib/docker/overlay2 (its `diff` is the writable layer). */
export function containerLayerDir(c: DockerContainer): string {
  return `/var/lib/docker/overlay2/${digestHex(`layer|${c.id}`)}`;
}

/** `docker exec`: runs a command in a running container; returns the new state with what it wrote. */
export function execInContainer(state: ClusterState, id: string, argv: readonly string[], stdin: string, run?: (ctx: ShellContext) => ShellResult): { state: ClusterState; output: ShellResult } {
  const next = writableCopy(state);
  return { state: next, output: runInContainer(next, id, argv, stdin, run) };
}

/**
 * Runs a command (`docker exec`, or the container's own command at start) in a container;
 * `run`, when given, runs in the container's shell context instead (an interactive shell's line).
 */
export function runInContainer(state: ClusterState, id: string, argv: readonly string[], stdin: string, run?: (ctx: ShellContext) => ShellResult): ShellResult {
  const c = state.docker.containers[id]!;
  const fs = dockerContainerFs(state, id);
  const env = Object.fromEntries(c.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const ctx = { fs, env: { HOSTNAME: c.id.slice(0, 12), HOME: '/root', ...env }, cwd: c.workdir || '/', hostname: c.id.slice(0, 12), lastCode: 0, family: imageFamily(c.image, state.docker.images[c.imageId]?.history), image: c.image };
  if (run) return run(ctx);
  const base = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  // Long-running servers (nginx, python app.py) have nothing to print in the simulation.
  if (!['sh', 'bash', 'ash'].includes(base) && !hasOwn(COMMANDS, base)) return { stdout: '', stderr: '', code: 0 };
  return argv.length === 1 && stdin && ['sh', 'bash', 'ash'].includes(base) ? runShell(stdin, ctx) : runArgv(argv, ctx, stdin);
}

/** Looks a container up by name, id or id prefix. */
export function findContainer(host: DockerHost, ref: string): DockerContainer | undefined {
  return Object.values(host.containers).find((c) => c.name === ref || c.id === ref || (ref.length >= 3 && c.id.startsWith(ref)));
}

/** How a container's main process takes `docker stop`'s signal. */
export type StopOutcome = 'exits' | 'killed' | 'ignores';

/** The signal `docker stop` sends: `-s`, else the image's STOPSIGNAL (nginx: SIGQUIT), else SIGTERM; bare names (`QUIT`). */
export function stopSignal(host: DockerHost, c: DockerContainer, requested?: string): string {
  const raw = (requested || imageStopSignal(host, c) || 'SIGTERM').toUpperCase().replace(/^SIG/, '');
  return SIGNAL_NUMBERS[raw] ?? raw;
}

/** The image's STOPSIGNAL (`QUIT` for nginx, `WINCH` for httpd), if it has one. */
function imageStopSignal(host: DockerHost, c: DockerContainer): string | undefined {
  const declared = [...(host.images[c.imageId]?.history ?? [])].reverse().map((h) => /^STOPSIGNAL (\S+)$/.exec(h.createdBy)?.[1]).find(Boolean);
  return declared?.toUpperCase().replace(/^SIG/, '');
}

const SIGNAL_NUMBERS: Record<string, string> = { '1': 'HUP', '2': 'INT', '3': 'QUIT', '9': 'KILL', '15': 'TERM' };

/**
 * What the signal does to PID 1: SIGKILL always ends it (from outside the PID namespace); a server
 * with a handler (nginx, httpd, postgres) stops cleanly; a shell, `sleep` or `python app.py` has
 * no handler, and PID 1 without one ignores the signal, so Docker waits out the timeout and kills it.
 */
export function stopOutcome(host: DockerHost, c: DockerContainer, signal: string): StopOutcome {
  if (signal === 'KILL') return 'killed';
  const handled = mainProcessStopSignals(c.command, c.image);
  // An image declares STOPSIGNAL for the signal its server stops gracefully on (httpd: SIGWINCH).
  const declared = handled.length > 0 ? imageStopSignal(host, c) : undefined;
  return handled.includes(signal) || signal === declared ? 'exits' : 'ignores';
}

/** `docker stop`: the process ends (0 when it exits on the signal, 137 when killed); the writable layer stays, tmpfs mounts go. */
export function stopContainer(state: ClusterState, id: string, exitCode = 0): ClusterState {
  const c = state.docker.containers[id]!;
  if (c.state !== 'running') return state;
  return dropTmpfs({ ...state, docker: { ...state.docker, containers: { ...state.docker.containers, [id]: { ...c, state: 'exited', exitCode, finishedAt: state.now } } } }, id);
}

/** `docker start`: the same writable layer, the command runs again (its output appends to the logs). */
export function startContainer(state: ClusterState, id: string): ClusterState {
  const c = state.docker.containers[id]!;
  if (c.state === 'running') return state;
  // A mount runc refuses is refused at every start (dockerStartError says why): nothing changes.
  if (dockerStartError(state, id)) return state;
  return runMainProcess(state, id).state;
}

/** `docker start` with what the command printed, which the Engine API streams to an attached client; undefined when it cannot start. */
export function startContainerWithOutput(state: ClusterState, id: string): { state: ClusterState; output: ShellResult } | undefined {
  const c = state.docker.containers[id]!;
  if (c.state === 'running' || dockerStartError(state, id)) return undefined;
  return runMainProcess(state, id);
}

/** Why `docker start` cannot start the container (the daemon's message), if it cannot. */
export function dockerStartError(state: ClusterState, id: string): string | undefined {
  return makeDockerMountPoints(writableCopy(state), id);
}

/** `docker rm`: the writable layer goes with the container; named volumes stay. */
export function removeContainer(state: ClusterState, id: string): ClusterState {
  const containers = { ...state.docker.containers };
  const gone = containers[id];
  delete containers[id];
  // Its overlay2 folder goes too, if the host's files were ever looked at.
  const host = state.nodeFiles[DOCKER_HOST_NODE];
  const nodeFiles = host && gone ? { ...state.nodeFiles, [DOCKER_HOST_NODE]: removeAll(host, containerLayerDir(gone)) } : state.nodeFiles;
  return dropTmpfs({ ...state, nodeFiles, docker: { ...state.docker, containers } }, id);
}

/** Containers (running or not) that mount a volume. */
export function volumeUsers(host: DockerHost, name: string): DockerContainer[] {
  return Object.values(host.containers).filter((c) => c.mounts.some((m) => m.type === 'volume' && m.source === name));
}

export function volumeSize(state: ClusterState, name: string): number {
  return layerBytes(state.volumeData[volumeKey(name)] ?? EMPTY_TREE);
}

export type { FsResult, FsTree };

/** Whether a path exists on the Docker host (symlinks followed, as os.Stat does): its disk, or a volume's or container's directory. */
function dockerHostPathExists(state: ClusterState, path: string): boolean {
  let root = state.nodeFiles[DOCKER_HOST_NODE] ?? nodeRootFs(DOCKER_HOST_NODE);
  for (const name of Object.keys(state.docker.volumes)) root = mkdirAll(root, `/var/lib/docker/volumes/${name}/_data`) ?? root;
  for (const c of Object.values(state.docker.containers)) root = mkdirAll(root, containerLayerDir(c)) ?? root;
  return lookup(root, path) !== undefined;
}

/**
 * The Docker host's own files, as root sees them there: its disk (where bind mounts point) with
 * every named volume's data at /var/lib/docker/volumes/NAME/_data, as on a Linux host.
 */
function dockerHostFs(state: ClusterState): ContainerFs {
  let root = state.nodeFiles[DOCKER_HOST_NODE] ?? nodeRootFs(DOCKER_HOST_NODE);
  for (const name of Object.keys(state.docker.volumes)) root = mkdirAll(root, `/var/lib/docker/volumes/${name}`) ?? root;
  for (const c of Object.values(state.docker.containers)) root = mkdirAll(root, containerLayerDir(c)) ?? root;
  state.nodeFiles[DOCKER_HOST_NODE] = root;
  const disk = { readOnly: false, size: NODE_DISK_BYTES, fsType: 'ext4', device: '/dev/sda1' };
  const mounts: Mount[] = [
    ...Object.keys(state.docker.volumes).map((name): Mount => ({ ...disk, mountPath: `/var/lib/docker/volumes/${name}/_data`, volume: name, source: { kind: 'store', key: volumeKey(name), root: '/' } })),
    // Each container's writable layer, where overlay2 keeps it (read-only from here).
    ...Object.values(state.docker.containers).map((c): Mount => ({ ...disk, readOnly: true, mountPath: `${containerLayerDir(c)}/diff`, volume: c.name, source: { kind: 'generated', tree: () => (entryAt(c.upper, '/') ? c.upper : setEntry(c.upper, '/', { type: 'Directory', mode: 0o755 })), root: '/' } })),
    { ...disk, mountPath: '/', volume: 'root', source: { kind: 'node', node: DOCKER_HOST_NODE, root: '/' } },
  ];
  return new ContainerFs({ state, mounts: mounts.sort((a, b) => b.mountPath.length - a.mountPath.length), lower: EMPTY_TREE, upper: () => EMPTY_TREE, setUpper: () => undefined });
}

/** `sudo cat /var/lib/docker/volumes/my-vol/_data/file.txt`: a command run on the Docker host itself. */
export function execOnDockerHost(state: ClusterState, argv: readonly string[]): { state: ClusterState; output: ShellResult } {
  const next = writableCopy(state);
  const fs = dockerHostFs(next);
  const ctx = { fs, env: { HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', USER: 'root' }, cwd: '/root', hostname: DOCKER_HOST_NODE, lastCode: 0 };
  return { state: next, output: runArgv(argv, ctx, '') };
}
