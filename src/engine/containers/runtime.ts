// The container runtime's part: starting a container (its environment, resolved once; copies
// of subPath files; its mount points; its command's output for `kubectl logs`), exec into it, and cleaning up
// what dies with a pod.
import type { Container } from 'kubernetes-types/core/v1';
import type { Kind, Stored } from '../api/objects.ts';
import type { ContainerRecord } from '../cluster/state.ts';
import type { Txn } from '../cluster/store.ts';
import { base64Decode } from '../../lib/base64.ts';
import { hasShell, imageLacks, runArgv, runShell, type MainProcess, type ShellContext, type ShellResult } from '../shell/interpreter.ts';
import { COMMANDS } from '../shell/commands.ts';
import { imageFamily } from '../shell/dialect.ts';
import { mainProcessStopSignals, runsUntilStopped } from './process.ts';
import { followMainProcess } from './main-process.ts';
import { ContainerFs, type FileTable } from './container-fs.ts';
import { EMPTY_TREE, normalizePath } from '../fs/tree.ts';
import { containerKey, mountsOf, sourceIsDirectory, subPathSnapshot, type Mount } from './mounts.ts';
import { makeMountPoints, mountsAbove, type MountPlan, type MountPointFailure } from './mount-points.ts';
import { fieldValue } from './projected-files.ts';
import { readVolumeSync } from './volume-sync.ts';
import { resourceFieldValue } from './resource-field.ts';
import { workingDir } from './working-dir.ts';
import { containerNetCommands, NET_COMMAND_NAMES } from '../net/container-commands.ts';
import { getOwn, hasOwn, setOwn } from '../../lib/own.ts';
import { expandKubeletVars } from './kubelet-expansion.ts';
import { defaultShellEndsAtOnce, waitsOnStdin } from './open-stdin.ts';
import { podContainer } from './pod-containers.ts';

type Pod = Stored<'Pod'>;
type Reader = Pick<Txn, 'get' | 'state'>;

const SERVICE_ENV: [string, string][] = [
  ['KUBERNETES_SERVICE_PORT', '443'],
  ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'],
  ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
];

/**
 * makeEnvironmentVariables: the variables the kubelet defines for a container (envFrom, env and
 * the service links), in order. `$(NAME)` in an `env` value refers to those defined before it
 * and to the service variables; PATH and HOSTNAME come later, from the image and the runtime.
 */
function kubeletEnv(view: Reader, pod: Pod, c: Container): Record<string, string> {
  const ns = pod.metadata.namespace!;
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef) for (const [k, v] of Object.entries(view.get('ConfigMap', `${ns}/${from.configMapRef.name}`)?.data ?? {})) setOwn(env, prefix + k, v);
    if (from.secretRef) for (const [k, v] of Object.entries(view.get('Secret', `${ns}/${from.secretRef.name}`)?.data ?? {})) setOwn(env, prefix + k, base64Decode(v));
  }
  const service = Object.fromEntries(SERVICE_ENV);
  for (const e of c.env ?? []) {
    const ref = e.valueFrom;
    let value: string | undefined;
    if (ref?.configMapKeyRef) value = getOwn(view.get('ConfigMap', `${ns}/${ref.configMapKeyRef.name}`)?.data, ref.configMapKeyRef.key);
    else if (ref?.secretKeyRef) {
      const raw = getOwn(view.get('Secret', `${ns}/${ref.secretKeyRef.name}`)?.data, ref.secretKeyRef.key);
      value = raw === undefined ? undefined : base64Decode(raw);
    } else if (ref?.fieldRef) value = fieldValue(pod, ref.fieldRef.fieldPath);
    else if (ref?.resourceFieldRef) {
      const named = ref.resourceFieldRef.containerName || c.name;
      const allocatable = pod.spec?.nodeName ? view.get('Node', pod.spec.nodeName)?.status?.allocatable : undefined;
      value = resourceFieldValue([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((x) => x.name === named), ref.resourceFieldRef, allocatable);
    } else value = expandKubeletVars(e.value ?? '', (name) => getOwn(env, name) ?? getOwn(service, name));
    if (value !== undefined) setOwn(env, e.name, value);
  }
  for (const [k, v] of SERVICE_ENV) if (!hasOwn(env, k)) env[k] = v;
  return env;
}

/** What the container's process sees, in the order `env` prints it. */
export function containerEnv(view: Reader, pod: Pod, c: Container): Record<string, string> {
  const env: Record<string, string> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: pod.metadata.name };
  for (const [k, v] of Object.entries(kubeletEnv(view, pod, c))) setOwn(env, k, v);
  env['HOME'] ??= '/root';
  return env;
}

/** The container's command and args after the kubelet's `$(VAR)` expansion: what its process runs. */
export function containerArgv(view: Reader, pod: Pod, c: Container): string[] {
  const env = kubeletEnv(view, pod, c);
  return [...(c.command ?? []), ...(c.args ?? [])].map((word) => expandKubeletVars(word, (name) => getOwn(env, name)));
}

/** The exit code and reason the CRI reports for a container that could not start (containerd's errorStartExitCode). */
export const START_ERROR_EXIT_CODE = 128;
export const START_ERROR_REASON = 'StartError';

/** A start: the container's record, and why runc could not start it (then its command never ran). */
export type StartResult = { record: ContainerRecord; failure?: MountPointFailure };

/**
 * Starts a container: records it, makes its mount points as runc does, and starts its main process
 * in simulated time (followPodProcess), keeping what it prints. A mount runc refuses ends it there: no process, the record ending at
 * once with StartError.
 */
export function startContainer(txn: Txn, pod: Pod, c: Container): StartResult {
  const subPathFiles: Record<string, string> = {};
  for (const m of c.volumeMounts ?? []) {
    const volume = pod.spec?.volumes?.find((v) => v.name === m.name);
    if (m.subPath && volume && (volume.configMap || volume.secret || volume.downwardAPI || volume.projected)) {
      subPathFiles[m.mountPath.replace(/\/+$/, '')] = subPathSnapshot(txn, pod, volume, m.subPath);
    }
  }
  const key = containerKey(pod, c.name);
  const record: ContainerRecord = {
    pod: `${pod.metadata.namespace}/${pod.metadata.name}`,
    container: c.name,
    node: pod.spec?.nodeName ?? '',
    image: c.image ?? '',
    upper: EMPTY_TREE,
    env: containerEnv(txn, pod, c),
    logs: '',
    subPathFiles,
    // A (re)start comes with a sync of the pod: its ConfigMap and Secret volumes show the objects as they are now.
    volumeSync: readVolumeSync(txn, pod, txn.state.now),
  };
  const previous = txn.state.containers[key];
  if (previous) record.previousLogs = previous.logs;
  txn.state.containers[key] = record;
  const failure = makePodMountPoints(txn, pod, c);
  if (failure) {
    txn.state.containers[key] = { ...txn.state.containers[key]!, exitAt: txn.state.now, exitCode: START_ERROR_EXIT_CODE, exitReason: START_ERROR_REASON };
    return { record: txn.state.containers[key]!, failure };
  }
  const argv = containerArgv(txn, pod, c);
  // Its stdin (open-stdin.ts): a program reading an open one waits, Running, for what is attached
  // (kubectl run -i); the image's own shell on a closed one reads end of input and exits 0 at once.
  if (waitsOnStdin(c, argv) || defaultShellEndsAtOnce(c, argv)) {
    const waits = waitsOnStdin(c, argv);
    txn.state.containers[key] = { ...txn.state.containers[key]!, startedAt: txn.state.now, exitCode: 0, ...(waits ? {} : { exitAt: txn.state.now }) };
    return { record: txn.state.containers[key]! };
  }
  txn.state.containers[key] = { ...txn.state.containers[key]!, startedAt: txn.state.now, exitCode: 0 };
  // With no command the image's own entrypoint runs: a server, until stopped.
  if (argv.length > 0) followPodProcess(txn, pod, c, argv);
  return { record: txn.state.containers[key]! };
}

/**
 * Runs a container's main process on to the cluster's now (main-process.ts): at its start, and
 * at each wake the kubelet sees (`wakeAt`, the end of the sleep it waits in). What it prints goes
 * to the log; its end (`exitAt`, `exitCode`) is the container's. A program the shell does not
 * know (a server binary) runs until stopped, as do foreground servers and `tail -f`.
 */
export function followPodProcess(txn: Txn, pod: Pod, c: Container, argv: readonly string[] = containerArgv(txn, pod, c)): void {
  const key = containerKey(pod, c.name);
  const record = txn.state.containers[key]!;
  let unknown = false;
  const result = followMainProcess({
    startedAt: record.startedAt ?? txn.state.now,
    now: txn.state.now,
    ...(record.sleeps !== undefined ? { completed: record.sleeps } : {}),
    ...(record.resume ? { resume: record.resume } : {}),
    replayExtra: () => containerNetCommands(new ExecView(txn.state), pod, c.image ?? ''),
    run: (attach, onOutput) =>
      execIn(txn, pod, c.name, argv, '', undefined, (ctx) => {
        if (cannotExec(ctx, argv)) {
          unknown = true;
          return { stdout: '', stderr: '', code: 0 };
        }
        const world = attach({ fs: ctx.fs, ...(ctx.extraCommands ? { extra: ctx.extraCommands } : {}) });
        ctx.fs = world.fs;
        if (world.extra) ctx.extraCommands = world.extra;
        ctx.main!.waits = world.waits;
        ctx.main!.suspend = world.suspend;
        if (world.resume) return { stdout: '', stderr: '', ...world.resume(ctx, onOutput) };
        return runArgv(argv, ctx, '', onOutput);
      }),
  });
  // Read again: a network tool's request may have replaced the table (a server's access log).
  const current = txn.state.containers[key]!;
  const { wakeAt: _woken, resume: _resumed, ...rest } = current;
  const logs = current.logs + result.output;
  if (unknown || (!result.running && result.code === 0 && runsUntilStopped(argv))) txn.state.containers[key] = { ...rest, logs };
  else if (result.running) {
    const tails = result.tails === undefined ? undefined : tailedFile(txn, pod, c, result.tails);
    txn.state.containers[key] = { ...rest, logs, sleeps: result.sleeps, ...(result.wakeAt !== undefined ? { wakeAt: result.wakeAt } : {}), ...(result.resume ? { resume: result.resume } : {}), ...(tails ? { tails } : {}) };
  }
  else txn.state.containers[key] = { ...rest, logs, exitAt: result.at, exitCode: result.code };
}

/** The file a `tail -f` follows, and its length now: what tail has printed of it. */
function tailedFile(txn: Txn, pod: Pod, c: Container, file: string): NonNullable<ContainerRecord['tails']> {
  const path = normalizePath(file.startsWith('/') ? file : `${workingDir(c)}/${file}`);
  const read = ContainerFs.ofPod(txn, pod, c.name).read(path);
  return { path, offset: read.ok ? read.value.length : 0 };
}

/**
 * `tail -f FILE` as a main process prints what is appended to FILE from then on (a sidecar
 * streaming a log file to `kubectl logs`): the kubelet calls this after each sync's wakes, so the
 * lines a writer appended in that sync are printed in it. A shorter file starts again from its top.
 */
export function printTail(txn: Txn, pod: Pod, container: string): void {
  const key = containerKey(pod, container);
  const record = txn.state.containers[key];
  if (!record?.tails || record.exitAt !== undefined) return;
  const read = ContainerFs.ofPod(txn, pod, container).read(record.tails.path);
  if (!read.ok || read.value.length === record.tails.offset) return;
  const from = read.value.length < record.tails.offset ? 0 : record.tails.offset;
  txn.state.containers[key] = { ...record, logs: record.logs + read.value.slice(from), tails: { ...record.tails, offset: read.value.length } };
}

/** Whether the container has no such program to run: the runtime's "executable file not found", or a server the shell does not simulate. */
function cannotExec(ctx: ShellContext, argv: readonly string[]): boolean {
  const base = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  const lacks = (!hasOwn(COMMANDS, base) || imageLacks(ctx, base)) && !(NET_COMMAND_NAMES.includes(base) && hasOwn(ctx.extraCommands, base));
  return !(['sh', 'bash', 'ash'].includes(base) && hasShell(ctx, base)) && lacks;
}

/** The container's mount points in its new writable layer (mount-points.ts), or the mount runc refuses. */
function makePodMountPoints(txn: Txn, pod: Pod, c: Container): MountPointFailure | undefined {
  const mounts = mountsOf(txn, pod, c.name);
  const plans: MountPlan[] = [];
  for (const vm of c.volumeMounts ?? []) {
    const mount = mounts.find((m) => m.mountPath === normalizePath(vm.mountPath));
    if (mount) plans.push({ mountPath: vm.mountPath, directory: sourceIsDirectory(txn, pod, mount, vm.subPath) });
  }
  return makeMountPoints(plans, (path) => ContainerFs.ofPod(txn, pod, c.name, mountsAbove(mounts, path)));
}

/**
 * What runs in the exec's shell context in place of argv: an interactive shell's next line
 * (containers/interactive.ts), given the context the container's processes see.
 */
export type ExecRunner = (ctx: ShellContext) => ShellResult & { notFound?: boolean };

/**
 * Runs a command in a running container (`kubectl exec`). Files it writes stay written.
 * `mainEnded` says that a signal it sent (`kill 1`) ended the container's main process.
 */
export function execIn(
  txn: Reader,
  pod: Pod,
  container: string,
  argv: readonly string[],
  stdin: string,
  mounts?: Mount[],
  run?: ExecRunner,
): ShellResult & { notFound?: boolean; mainEnded?: { signal: string } } {
  const record = txn.state.containers[containerKey(pod, container)];
  const fs = ContainerFs.ofPod(txn, pod, container, mounts);
  const spec = podContainer(pod, container);
  const main: MainProcess = { stopsOn: mainProcessStopSignals(spec?.command, spec?.image ?? ''), command: [...(spec?.command ?? []), ...(spec?.args ?? [])] };
  // The pod's network tools (curl, wget where the image has them), sending from this pod.
  const extraCommands = containerNetCommands(txn, pod, spec?.image ?? '');
  const ctx = { fs, env: { ...(record?.env ?? {}) }, cwd: workingDir(spec), hostname: pod.metadata.name, lastCode: 0, main, family: imageFamily(spec?.image ?? ''), image: spec?.image ?? '', extraCommands };
  if (run) {
    const r = run(ctx);
    return main.ended ? { ...r, mainEnded: main.ended } : r;
  }
  const base = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  // A program the image lacks (`ps` in a Debian image without procps) cannot be exec'd: the runtime says so, not a shell.
  if (cannotExec(ctx, argv)) return { stdout: '', stderr: '', code: 127, notFound: true };
  const r = argv.length === 1 && ['sh', 'bash', 'ash'].includes(base) && stdin ? runShell(stdin, ctx) : runArgv(argv, ctx, stdin);
  return main.ended ? { ...r, mainEnded: main.ended } : r;
}

/** Whether `kill 1` from inside the container ends its main process (a server that handles SIGTERM). */
export function stopsOnSigterm(pod: Pod, container: string): boolean {
  const spec = podContainer(pod, container);
  return mainProcessStopSignals(spec?.command, spec?.image ?? '').includes('TERM');
}

/**
 * Ends a container's main process now with `exitCode` (the kubelet then restarts it per the pod's
 * restartPolicy). Returns false when the container has no running process.
 */
export function endMainProcess(txn: Pick<Txn, 'state'>, pod: Pod, container: string, exitCode: number): boolean {
  const key = containerKey(pod, container);
  const record = txn.state.containers[key];
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  if (!record || !status?.state?.running) return false;
  txn.state.containers[key] = { ...record, exitAt: txn.state.now, exitCode };
  return true;
}

/** What goes when a pod is removed from its node: its containers and its emptyDirs. */
export function forgetPod(txn: Txn, pod: Pod): void {
  const uid = pod.metadata.uid;
  for (const key of Object.keys(txn.state.containers)) if (key.startsWith(`${uid}/`)) delete txn.state.containers[key];
  for (const key of Object.keys(txn.state.volumeData)) if (key.startsWith(`emptydir/${uid}/`)) delete txn.state.volumeData[key];
}

export type ExecOutcome =
  | { ok: true; state: import('../cluster/state.ts').ClusterState; stdout: string; stderr: string; code: number; mainEnded?: { signal: string } }
  | { ok: false; reason: 'pod-not-found' | 'container-not-found' | 'not-running' | 'completed' | 'executable-not-found'; detail: string };

/** `kubectl exec` against a state: the new state (files written) and what the command printed. */
export function execInPod(
  state: import('../cluster/state.ts').ClusterState,
  namespace: string,
  podName: string,
  container: string,
  argv: readonly string[],
  stdin: string,
  run?: ExecRunner,
): ExecOutcome {
  // An exec writes files, never API objects: a view of the state with its file tables copied is
  // all it needs (a transaction would copy every bookkeeping table for nothing, per command).
  const view = new ExecView(state);
  const pod = view.get('Pod', `${namespace}/${podName}`);
  if (!pod) return { ok: false, reason: 'pod-not-found', detail: podName };
  if (!podContainer(pod, container)) return { ok: false, reason: 'container-not-found', detail: container };
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return { ok: false, reason: 'completed', detail: pod.status.phase };
  if (!view.state.containers[containerKey(pod, container)]) return { ok: false, reason: 'not-running', detail: container };
  // Between an exit and its restart (CrashLoopBackOff) there is no process to exec into.
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  if (status && !status.state?.running) return { ok: false, reason: 'not-running', detail: container };
  const r = execIn(view, pod, container, argv, stdin, committedMounts(view, pod, container), run);
  if (r.notFound) return { ok: false, reason: 'executable-not-found', detail: argv[0]! };
  // A server stopped by a signal it handles exits cleanly (nginx, postgres: 0); the kubelet does the rest.
  if (r.mainEnded) {
    view.own('containers');
    endMainProcess(view, pod, container, 0);
  }
  return { ok: true, state: view.state, stdout: r.stdout, stderr: r.stderr, code: r.code, ...(r.mainEnded ? { mainEnded: r.mainEnded } : {}) };
}

/**
 * What an exec reads and writes: the objects as they are (read by key, never written), and a
 * state whose file tables (containers' layers, volumes' data, nodes' files) it copies before it
 * first writes one, so the caller's state is never touched and an exec into one pod of a thousand
 * does not copy every pod's entries. Methods, not closures: one is made per command.
 */
class ExecView implements Reader {
  readonly state: import('../cluster/state.ts').ClusterState;
  private readonly owned = new Set<FileTable>();

  constructor(base: import('../cluster/state.ts').ClusterState) {
    this.state = { ...base };
  }

  get<K extends Kind>(kind: K, key: string): Stored<K> | undefined {
    return getOwn(this.state.objects[kind], key) as Stored<K> | undefined;
  }

  own(table: FileTable): void {
    if (this.owned.has(table)) return;
    this.owned.add(table);
    // Spreading keeps `__proto__` as an ordinary key (own.ts).
    (this.state as Record<FileTable, object>)[table] = { ...this.state[table] };
  }
}

/**
 * The mounts of the container the last exec ran in, per table of objects. Execs one after another
 * share their objects (an exec writes none), so the mounts (and a ConfigMap or token volume's
 * files, made when first read) are worked out once, not per command. Sound because an exec's
 * state is committed: its objects never change; what else the mounts depend on is compared.
 */
const mountsMemo = new WeakMap<object, { pod: Pod; container: string; now: number; subPathFiles: unknown; volumeSync: unknown; mounts: Mount[] }>();

function committedMounts(view: ExecView, pod: Pod, container: string): Mount[] {
  const objects = view.state.objects;
  const now = view.state.now;
  const record = view.state.containers[containerKey(pod, container)];
  const subPathFiles = record?.subPathFiles;
  const volumeSync = record?.volumeSync;
  const hit = mountsMemo.get(objects);
  if (hit && hit.pod === pod && hit.container === container && hit.now === now && hit.subPathFiles === subPathFiles && hit.volumeSync === volumeSync) return hit.mounts;
  const mounts = mountsOf(view, pod, container);
  mountsMemo.set(objects, { pod, container, now, subPathFiles, volumeSync, mounts });
  return mounts;
}
