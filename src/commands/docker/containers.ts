// `docker run`, `ps`, `exec`, `logs`, `stop`, `start`, `restart` and `rm`: the container
// lifecycle, and what survives each step (the writable layer until rm, volumes beyond it).
import {
  act,
  advanceClock,
  anonymousVolumeName,
  containerSize,
  execInContainer,
  imageSize,
  powerOff,
  powerOn,
  stopOutcome,
  stopSignal,
  isAnonymousVolume,
  findContainer,
  findImage,
  removeContainer,
  runContainer,
  startContainer,
  stopContainer,
  type ClusterState,
  type DockerContainer,
  type DockerMount,
} from '../../engine/index.ts';
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import type { Step } from '../../engine/index.ts';
import { daemonError, fail, runError } from './errors.ts';

/** streams.In.CheckTty's refusal (docker 27 on Linux); the client exits 1. */
const NOT_A_TTY = 'the input device is not a TTY';
import { flagValue, flagValues, hasFlag, type ParsedDockerFlags } from './flags.ts';
import { ellipsis, pullProgress, shortId } from './images.ts';
import { ago, dockerTable, humanDuration, humanSize } from './format.ts';
import { isTerminal } from './terminal.ts';
import { stdinIsTerminal } from '../interactive/terminal-stdin.ts';
import type { InteractiveLaunch } from '../interactive/launch.ts';
import { openInteractive, type InteractiveTarget } from '../../engine/containers/interactive.ts';
import { EXEC_START_FAILED, missingShell } from './missing-shell.ts';
import { readsStdin } from '../../engine/docker/host.ts';
import { waitForMainProcess } from '../../engine/docker/run-wait.ts';
import { execInKindNode, findKindNode, kindNodes, NODE_STOP_EXIT_CODE, recordNodeStart } from '../../engine/docker/kind-nodes.ts';
import { setOwn } from '../../lib/own.ts';

type Parsed = Extract<ParsedDockerFlags, { ok: true }>;

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** `-v my-vol:/app[:ro]`, `-v /host/dir:/data`, `-v /data` (an anonymous volume). */
function volumeFlag(spec: string, seq: number): DockerMount | string {
  const parts = spec.split(':');
  if (parts.length === 1) return { type: 'volume', source: anonymousVolumeName(spec, seq), destination: spec, readOnly: false };
  const [source, destination, mode] = parts as [string, string, string | undefined];
  if (!destination.startsWith('/')) return `invalid spec: ${spec}: invalid volume specification: '${spec}'`;
  // Modes combine with commas (`ro,nocopy`); nocopy only means something for a named volume.
  const modes = mode === undefined ? [] : mode.split(',');
  if (modes.some((m) => !['ro', 'rw', 'nocopy', 'z', 'Z'].includes(m))) return `invalid mode: ${mode}`;
  const bind = source.startsWith('/') || source.startsWith('.');
  return { type: bind ? 'bind' : 'volume', source, destination, readOnly: modes.includes('ro'), ...(modes.includes('nocopy') ? { noCopy: true } : {}) };
}

/** `--mount type=volume,source=my-vol,target=/app[,readonly]` (and bind, tmpfs). */
function mountFlag(spec: string, seq: number): DockerMount | string {
  const fields: Record<string, string> = {};
  for (const field of spec.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0 && key !== 'readonly' && key !== 'ro' && key !== 'volume-nocopy') return `invalid argument "${spec}" for "--mount" flag: invalid field '${field}' must be a key=value pair`;
    setOwn(fields, key, eq < 0 ? 'true' : field.slice(eq + 1));
  }
  const type = fields['type'] ?? 'volume';
  const target = fields['target'] ?? fields['dst'] ?? fields['destination'];
  const source = fields['source'] ?? fields['src'] ?? '';
  const readOnly = ['true', '1'].includes(fields['readonly'] ?? fields['ro'] ?? 'false');
  if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs') return `invalid argument "${spec}" for "--mount" flag: invalid value for 'type': ${type}`;
  if (!target) return `invalid argument "${spec}" for "--mount" flag: target is required`;
  if (type === 'bind' && !source) return `Error response from daemon: invalid mount config for type "bind": field Source must not be empty`;
  if (type === 'tmpfs' && source) return `Error response from daemon: invalid mount config for type "tmpfs": field Source must not be specified`;
  const noCopy = fields['volume-nocopy'];
  if (noCopy !== undefined && !['true', '1', 'false', '0'].includes(noCopy)) return `invalid argument "${spec}" for "--mount" flag: invalid value for volume-nocopy: ${noCopy}`;
  const mount: DockerMount = { type, source: type === 'volume' && !source ? anonymousVolumeName(target, seq) : source, destination: target, readOnly };
  return noCopy === 'true' || noCopy === '1' ? { ...mount, noCopy: true } : mount;
}

export function run(input: CommandInput, p: Parsed): CommandOutput {
  const { state } = input;
  const [image, ...command] = p.positional;
  if (!image) return fail(state, `docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information`, 125);
  const name = flagValue(p.flags, 'name');
  if (name !== undefined && !NAME.test(name)) return runError(state, `Error response from daemon: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.`);
  const mounts: DockerMount[] = [];
  let seq = Object.keys(state.docker.containers).length * 16;
  for (const spec of flagValues(p.flags, 'volume', 'v')) {
    const m = volumeFlag(spec, seq++);
    if (typeof m === 'string') return runError(state, `Error response from daemon: ${m}`);
    mounts.push(m);
  }
  // A --mount bind's source must exist (the daemon checks it); a -v bind's is created.
  const strictBinds: string[] = [];
  for (const spec of flagValues(p.flags, 'mount')) {
    const m = mountFlag(spec, seq++);
    if (typeof m === 'string') return runError(state, m);
    mounts.push(m);
    if (m.type === 'bind') strictBinds.push(m.source);
  }
  for (const target of flagValues(p.flags, 'tmpfs')) mounts.push({ type: 'tmpfs', source: '', destination: target.split(':')[0]!, readOnly: false });
  // The client checks its own stdin before asking the daemon for anything (streams.In.CheckTty).
  if (!hasFlag(p.flags, 'detach', 'd') && hasFlag(p.flags, 'interactive', 'i') && hasFlag(p.flags, 'tty', 't') && !isTerminal(input)) return fail(state, NOT_A_TTY, 1);
  // kind's node containers hold their names on the same daemon.
  const node = name === undefined ? undefined : kindNodes(state).find((n) => n.container.name === name);
  if (node) return runError(state, `Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${node.container.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  const local = findImage(state.docker, image);
  const unable = local ? '' : `Unable to find image '${image.includes(':') ? image : `${image}:latest`}' locally\n`;
  const interactive = hasFlag(p.flags, 'interactive', 'i');
  // What the container reads: with -d nothing (the daemon holds its stdin open); attached with -i,
  // a heredoc or pipe until it ends, or the browser terminal, which stays open; a script's own stdin is empty.
  const given = !interactive || hasFlag(p.flags, 'detach', 'd') ? undefined : (input.stdin ?? (isTerminal(input) ? undefined : ''));
  // `-it` at the browser terminal: the container's stdin is the terminal, which stays open.
  const terminal = interactive && !hasFlag(p.flags, 'detach', 'd') && hasFlag(p.flags, 'tty', 't') && stdinIsTerminal(input);
  const stdin = terminal ? undefined : given;
  const result = runContainer(state, { image, ...(name !== undefined ? { name } : {}), command, mounts, env: flagValues(p.flags, 'env', 'e'), detach: hasFlag(p.flags, 'detach', 'd'), interactive, autoRemove: hasFlag(p.flags, 'rm'), ...(stdin !== undefined ? { stdin } : {}), ...(strictBinds.length > 0 ? { bindSourcesThatMustExist: strictBinds } : {}) });
  if (!result.ok) return runError(result.state ?? state, `Error response from daemon: ${result.error}`, '', unable);
  const pulled = result.pulled ? unable + pullProgress(result.state.docker.images[result.container.imageId]!, state.docker) : '';
  let next = result.state;
  let c = result.container;
  // Attached (no -d, no terminal): docker run returns when the main process ends, on the simulated clock.
  const attached = hasFlag(p.flags, 'detach', 'd') || terminal ? undefined : waitForMainProcess(next, c.id);
  if (attached) [next, c] = [attached.state, attached.state.docker.containers[c.id] ?? c];
  const autoRemove = hasFlag(p.flags, 'rm') && c.state === 'exited';
  // --rm takes the container's anonymous volumes with it, as `rm -v` does.
  if (autoRemove) next = dropAnonymousVolumes(removeContainer(next, c.id), c);
  // The pull's lines (stderr) come before the container's id or output (stdout), as docker writes them.
  if (hasFlag(p.flags, 'detach', 'd')) return output(next, { chunks: [{ stream: 'stderr', text: pulled }, { stream: 'stdout', text: `${c.id}\n` }] });
  const chunks = [{ stream: 'stderr' as const, text: pulled }, ...(result.output.chunks ?? [{ stream: 'stdout' as const, text: result.output.stdout }, { stream: 'stderr' as const, text: result.output.stderr }]), { stream: 'stdout' as const, text: attached?.printed ?? '' }];
  // The shell waits at the terminal as the container's main process: the lines typed next are its input.
  const waiting = terminal && c.state === 'running' && readsStdin(c.command) ? openInteractive(next, { kind: 'docker', id: c.id }, c.command) : undefined;
  if (waiting?.ok) {
    const launch: InteractiveLaunch = { session: waiting.session, via: 'docker', mainProcess: { id: c.id, autoRemove: hasFlag(p.flags, 'rm') }, label: `docker run -it ${image} ${c.command.join(' ')}` };
    return output(next, { chunks: [...chunks, { stream: 'stdout', text: waiting.output.stdout }, { stream: 'stderr', text: waiting.output.stderr }], interactive: launch });
  }
  return output(next, { chunks, exitCode: c.state === 'exited' ? c.exitCode : 0, ...(attached ? { steps: attached.steps } : {}) });
}

const commandText = (c: DockerContainer) => c.command.join(' ');

function status(now: number, c: DockerContainer): string {
  if (c.state === 'running') return `Up ${humanDuration(now - c.startedAt)}`;
  if (c.state === 'exited') return `Exited (${c.exitCode}) ${ago(now, c.finishedAt)}`;
  return 'Created';
}

/** `5000/tcp` for what the image EXPOSEs (nothing is published in the simulation). */
function ports(state: ClusterState, c: DockerContainer): string {
  if (c.state !== 'running') return '';
  const image = state.docker.images[c.imageId];
  const exposed = (image?.history ?? []).flatMap((h) => /^EXPOSE map\[(.*)\]$/.exec(h.createdBy)?.[1]?.split(' ').map((p) => p.replace(/:\{\}$/, '')) ?? []);
  return [...new Set(exposed)].join(', ');
}

/** Newest first, as the daemon lists them. */
export function listedContainers(state: ClusterState, all: boolean): DockerContainer[] {
  // Insertion order is creation order; reversed, then a stable sort on the clock.
  return Object.values(state.docker.containers)
    .reverse()
    .filter((c) => all || c.state === 'running')
    .sort((a, b) => b.created - a.created);
}

/** A row of `docker ps`: a container of the Docker host, or one of kind's node containers. */
interface PsRow {
  c: DockerContainer;
  ports: string;
  /** Writable layer and whole root filesystem (`docker ps -s`). */
  size: () => [number, number];
}

export function ps(input: CommandInput, p: Parsed): CommandOutput {
  const { state } = input;
  const all = hasFlag(p.flags, 'all', 'a');
  const own: PsRow[] = listedContainers(state, all).map((c) => ({ c, ports: ports(state, c), size: () => [containerSize(c), containerSize(c) + imageSizeOf(state, c)] }));
  // kind's nodes were created before anything the learner runs: they list last (newest first).
  const nodes: PsRow[] = kindNodes(state).filter((n) => all || n.container.state === 'running').map((n) => ({ c: n.container, ports: n.ports, size: () => [0, 0] }));
  const rows = [...own, ...nodes];
  if (hasFlag(p.flags, 'quiet', 'q')) return output(state, { stdout: rows.map((r) => shortId(r.c.id) + '\n').join('') });
  const format = flagValue(p.flags, 'format');
  if (format !== undefined && format !== 'table') return psFormatted(state, rows, format);
  const withSize = hasFlag(p.flags, 'size', 's');
  return output(state, {
    stdout: dockerTable(
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(withSize ? ['SIZE'] : [])],
      rows.map((r) => [shortId(r.c.id), familiarImage(r.c.image), JSON.stringify(ellipsis(commandText(r.c), 20)), ago(state.now, r.c.created), status(state.now, r.c), r.ports, r.c.name, ...(withSize ? [sizeColumn(...r.size())] : [])]),
    ),
  });
}

/** The Go template fields of a `docker ps` row (formatter.ContainerContext) with their table headers. */
const PS_FIELDS: Record<string, { header: string; value: (state: ClusterState, r: PsRow) => string }> = {
  ID: { header: 'CONTAINER ID', value: (_, r) => shortId(r.c.id) },
  Names: { header: 'NAMES', value: (_, r) => r.c.name },
  Image: { header: 'IMAGE', value: (_, r) => familiarImage(r.c.image) },
  Command: { header: 'COMMAND', value: (_, r) => JSON.stringify(ellipsis(commandText(r.c), 20)) },
  CreatedAt: { header: 'CREATED AT', value: (_, r) => new Date(r.c.created).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC') },
  RunningFor: { header: 'CREATED', value: (state, r) => ago(state.now, r.c.created) },
  Ports: { header: 'PORTS', value: (_, r) => r.ports },
  State: { header: 'STATE', value: (_, r) => r.c.state },
  Status: { header: 'STATUS', value: (state, r) => status(state.now, r.c) },
  Size: { header: 'SIZE', value: (_, r) => sizeColumn(...r.size()) },
  Mounts: { header: 'MOUNTS', value: (_, r) => r.c.mounts.filter((m) => m.type === 'volume').map((m) => ellipsis(m.source, 15)).join(',') },
  LocalVolumes: { header: 'LOCAL VOLUMES', value: (_, r) => String(r.c.mounts.filter((m) => m.type === 'volume').length) },
  Networks: { header: 'NETWORKS', value: (_, r) => (r.c.image.startsWith('kindest/node:') ? 'kind' : 'bridge') },
};

/** `docker ps --format '{{.Names}} {{.Size}}'` or `'table {{.ID}}\t{{.Status}}'`: the fields docker's template offers. */
function psFormatted(state: ClusterState, rows: readonly PsRow[], format: string): CommandOutput {
  const table = format.startsWith('table ');
  // The CLI turns the two-character escapes \t and \n of a format into a tab and a newline.
  const template = (table ? format.slice('table '.length).trim() : format).replaceAll('\\t', '\t').replaceAll('\\n', '\n');
  const unknown = [...template.matchAll(/\{\{\s*\.(\w+)\s*\}\}/g)].find((m) => !Object.prototype.hasOwnProperty.call(PS_FIELDS, m[1]!));
  // Go's text/template places the error at the field's byte offset.
  if (unknown) return fail(state, `template parsing error: template: :1:${unknown.index! + unknown[0].indexOf('.')}: executing "" at <.${unknown[1]}>: can't evaluate field ${unknown[1]} in type *formatter.ContainerContext`, 1);
  const fill = (value: (field: string) => string) => template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, field: string) => value(field));
  const lines = rows.map((r) => fill((f) => PS_FIELDS[f]!.value(state, r)));
  if (!table) return output(state, { stdout: lines.map((l) => l + '\n').join('') });
  return output(state, { stdout: dockerTable(fill((f) => PS_FIELDS[f]!.header).split('\t'), lines.map((l) => l.split('\t'))) });
}

/** The image as `docker ps` shows it: a digest is cut (`kindest/node:v1.34.0@sha256:…` → `kindest/node:v1.34.0`). */
const familiarImage = (image: string) => image.replace(/@sha256:[0-9a-f]{64}$/, '');

const imageSizeOf = (state: ClusterState, c: DockerContainer) => {
  const image = state.docker.images[c.imageId];
  return image ? imageSize(state.docker, image) : 0;
};

/** ContainerContext.Size: `2B (virtual 21.5MB)`, three significant digits each. */
function sizeColumn(rw: number, rootFs: number): string {
  return rootFs > 0 ? `${humanSize(rw)} (virtual ${humanSize(rootFs)})` : humanSize(rw);
}

export { commandText, status };

function lookup(state: ClusterState, ref: string | undefined, usage: string): { c: DockerContainer } | { out: CommandOutput } {
  if (!ref) return { out: fail(state, usage, 1) };
  const c = findContainer(state.docker, ref);
  return c ? { c } : { out: daemonError(state, `No such container: ${ref}`) };
}

export function exec(input: CommandInput, p: Parsed): CommandOutput {
  const [ref, ...command] = p.positional;
  if (!ref || command.length === 0) return fail(input.state, `docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information`, 1);
  const stdin = hasFlag(p.flags, 'interactive', 'i') ? (input.stdin ?? '') : '';
  // The client inspects the container first (so "No such container" wins), then checks its TTY.
  const ttyRefused = () => !hasFlag(p.flags, 'detach', 'd') && hasFlag(p.flags, 'interactive', 'i') && hasFlag(p.flags, 'tty', 't') && !isTerminal(input);
  // `-it` at the browser terminal: the process stays open for the lines typed next.
  const atTerminal = () => !hasFlag(p.flags, 'detach', 'd') && hasFlag(p.flags, 'interactive', 'i') && hasFlag(p.flags, 'tty', 't') && stdinIsTerminal(input);
  const node = findContainer(input.state.docker, ref) ? undefined : findKindNode(input.state, ref);
  if (node) {
    if (node.container.state !== 'running') return daemonError(input.state, `container ${node.container.id} is not running`);
    if (ttyRefused()) return fail(input.state, NOT_A_TTY, 1);
    if (atTerminal()) return execInteractive(input.state, { kind: 'kind-node', node: node.container.name }, command, ref);
    const r = execInKindNode(input.state, node.container.name, command, stdin);
    return output(r.state, { stdout: r.output.stdout, stderr: r.output.stderr, exitCode: r.output.code });
  }
  const found = lookup(input.state, ref, '');
  if ('out' in found) return found.out;
  if (found.c.state !== 'running') return daemonError(input.state, `container ${found.c.id} is not running`);
  if (ttyRefused()) return fail(input.state, NOT_A_TTY, 1);
  if (atTerminal()) return execInteractive(input.state, { kind: 'docker', id: found.c.id }, command, ref);
  // busybox and alpine have no bash: the runtime cannot start it (missing-shell.ts).
  const missing = missingShell(input.state, found.c.id, command);
  if (missing) return fail(input.state, missing, EXEC_START_FAILED);
  const r = execInContainer(input.state, found.c.id, command, stdin);
  return output(r.state, { stdout: r.output.stdout, stderr: r.output.stderr, exitCode: r.output.code });
}

/**
 * `docker exec -it C sh` at the browser terminal: the engine opens the process and the terminal
 * feeds it the lines typed next. A program that is not there fails as docker's exec does.
 */
function execInteractive(state: ClusterState, target: InteractiveTarget, command: string[], ref: string): CommandOutput {
  const opened = openInteractive(state, target, command);
  if (!opened.ok) {
    if (opened.reason === 'executable-not-found') return fail(state, `OCI runtime exec failed: exec failed: unable to start container process: exec: "${opened.detail}": executable file not found in $PATH: unknown`, 126);
    return daemonError(state, opened.reason === 'not-running' ? `container ${opened.detail} is not running` : `No such container: ${ref}`);
  }
  // A program that reads no input (`ls /`) has run to its end already, as a one-off exec.
  if (opened.ended !== undefined) return output(opened.state ?? state, { stdout: opened.output.stdout, stderr: opened.output.stderr, exitCode: opened.ended });
  const launch: InteractiveLaunch = { session: opened.session, via: 'docker', label: `docker exec -it ${ref} ${command.join(' ')}` };
  return output(state, { stdout: opened.output.stdout, stderr: opened.output.stderr, interactive: launch });
}

/** `docker run -it` ended at the terminal: the container's main process exits with `code`; `--rm` then removes it. */
export function finishInteractiveRun(state: ClusterState, id: string, autoRemove: boolean, code: number): ClusterState {
  const c = state.docker.containers[id];
  if (!c) return state;
  const stopped = stopContainer(state, id, code);
  return autoRemove ? dropAnonymousVolumes(removeContainer(stopped, id), c) : stopped;
}

export function logs(input: CommandInput, p: Parsed): CommandOutput {
  const found = lookup(input.state, p.positional[0], `"docker logs" requires exactly 1 argument.\nSee 'docker logs --help'.\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container`);
  if ('out' in found) return found.out;
  const tail = flagValue(p.flags, 'tail', 'n');
  const lines = found.c.logs.split('\n').slice(0, -1);
  const shown = tail !== undefined && tail !== 'all' ? lines.slice(Math.max(0, lines.length - Number(tail))) : lines;
  return output(input.state, { stdout: shown.map((l) => l + '\n').join('') });
}

type Lifecycle = 'stop' | 'start' | 'restart' | 'rm';

/** Docker's default for `docker stop -t`: seconds between the stop signal and SIGKILL. */
const STOP_TIMEOUT_SECONDS = 10;

/** A container a lifecycle command names: the Docker host's own, or a kind node. */
type Target = { ref: string; kind: 'docker'; id: string } | { ref: string; kind: 'node'; name: string };

/**
 * stop / start / restart / rm over several containers; each success echoes the name given. `stop`
 * signals every container at once (docker stops them in parallel) and waits, on the simulated
 * clock, for those whose PID 1 ignores the signal, then kills them (exit code 137).
 */
export function lifecycle(input: CommandInput, p: Parsed, verb: Lifecycle): CommandOutput {
  let state = input.state;
  let stderr = '';
  if (p.positional.length === 0) {
    const usage = verb === 'rm' ? 'docker rm [OPTIONS] CONTAINER [CONTAINER...]' : `docker ${verb} [OPTIONS] CONTAINER [CONTAINER...]`;
    return fail(state, `"docker ${verb}" requires at least 1 argument.\nSee 'docker ${verb} --help'.\n\nUsage:  ${usage}`, 1);
  }
  const timeoutFlag = flagValue(p.flags, 'time', 'timeout', 't');
  const timeout = timeoutFlag === undefined ? STOP_TIMEOUT_SECONDS : Number(timeoutFlag);
  if (!Number.isInteger(timeout)) return fail(state, `invalid argument "${timeoutFlag}" for "-t, --timeout" flag: strconv.ParseInt: parsing "${timeoutFlag}": invalid syntax\nSee 'docker ${verb} --help'.`, 125);
  const targets: Target[] = [];
  for (const ref of p.positional) {
    const c = findContainer(state.docker, ref);
    const node = c ? undefined : findKindNode(state, ref);
    if (c) targets.push({ ref, kind: 'docker', id: c.id });
    else if (node && node.ports && (verb === 'stop' || verb === 'restart')) {
      // The simulated API server does not go down with its node, so stopping that node is refused.
      stderr += `kubesim: ${node.container.name} runs the cluster's API server, which the playground keeps up: stop a worker (kind-multinode) or use kubesim node fail ${node.container.name}\n`;
    } else if (node) targets.push({ ref, kind: 'node', name: node.container.name });
    else stderr += `Error response from daemon: No such container: ${ref}\n`;
  }
  const done = new Set<string>();
  const steps: Step[] = [];
  if (verb === 'stop' || verb === 'restart') {
    const stopped = stopAll(state, targets, flagValue(p.flags, 'signal', 's'), Math.max(0, timeout));
    state = stopped.state;
    steps.push(...stopped.steps);
  }
  for (const t of targets) {
    if (verb === 'rm') {
      if (t.kind === 'node') {
        stderr += `kubesim: ${t.name} is a node of the kind cluster, which the playground keeps: docker stop ${t.name} switches it off\n`;
        continue;
      }
      const c = state.docker.containers[t.id]!;
      if (c.state === 'running' && !hasFlag(p.flags, 'force', 'f')) {
        stderr += `Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove\n`;
        continue;
      }
      state = removeContainer(state, c.id);
      if (hasFlag(p.flags, 'volumes', 'v')) state = dropAnonymousVolumes(state, c);
    } else if (verb === 'start' || verb === 'restart') {
      if (t.kind === 'docker') state = startContainer(state, t.id);
      else {
        const on = act(state, `user ran docker ${verb} ${t.ref}`, (txn) => powerOn(txn, t.name));
        state = on.result === 'done' ? recordNodeStart(on.state, t.name) : on.state;
        steps.push(...on.steps);
      }
    }
    done.add(t.ref);
  }
  const stdout = p.positional.filter((ref) => done.has(ref)).map((ref) => ref + '\n').join('');
  return output(state, { stdout, stderr, exitCode: stderr ? 1 : 0, steps });
}

/**
 * Sends each running container its stop signal at once. Those that exit on it (or are sent
 * SIGKILL) stop now; for the others Docker waits the timeout and kills them: the clock moves on by
 * the timeout (the cluster's controllers run meanwhile), then they end with 137. A kind node's
 * systemd does the same, and its machine goes off with it.
 */
function stopAll(start: ClusterState, targets: readonly Target[], signal: string | undefined, timeout: number): { state: ClusterState; steps: Step[] } {
  let state = start;
  const late: Target[] = [];
  for (const t of targets) {
    if (t.kind === 'node') {
      if (findKindNode(state, t.name)?.container.state === 'running') late.push(t);
      continue;
    }
    const c = state.docker.containers[t.id]!;
    if (c.state !== 'running') continue;
    const outcome = stopOutcome(state.docker, c, stopSignal(state.docker, c, signal));
    if (outcome === 'ignores') late.push(t);
    else state = stopContainer(state, c.id, outcome === 'killed' ? 137 : 0);
  }
  if (late.length === 0) return { state, steps: [] };
  const steps: Step[] = [];
  if (timeout > 0) {
    const waited = advanceClock(state, timeout);
    state = waited.state;
    steps.push(...waited.steps);
  }
  for (const t of late) {
    if (t.kind === 'docker') state = stopContainer(state, t.id, 137);
    else {
      const off = act(state, `user ran docker stop ${t.ref}`, (txn) => powerOff(txn, t.name));
      state = off.state;
      steps.push(...off.steps);
    }
  }
  return { state, steps };
}

/** `docker rm -v`: anonymous volumes go with their container; named ones never do. */
function dropAnonymousVolumes(state: ClusterState, c: DockerContainer): ClusterState {
  const anonymous = c.mounts.filter((m) => m.type === 'volume' && isAnonymousVolume(m.source)).map((m) => m.source);
  if (anonymous.length === 0) return state;
  const volumes = { ...state.docker.volumes };
  for (const v of anonymous) delete volumes[v];
  const volumeData = Object.fromEntries(Object.entries(state.volumeData).filter(([k]) => !anonymous.some((v) => k === `docker-volume/${v}`)));
  return { ...state, volumeData, docker: { ...state.docker, volumes } };
}
