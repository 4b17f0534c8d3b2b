// `docker run`, `ps`, `exec`, `logs`, `stop`, `start`, `restart` and `rm`: the container
// lifecycle, and what survives each step (the writable layer until rm, volumes beyond it).
import {
  anonymousVolumeName,
  execInContainer,
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
import { daemonError, fail, runError } from './errors.ts';
import { flagValue, flagValues, hasFlag, type ParsedDockerFlags } from './flags.ts';
import { ellipsis, pullProgress, shortId } from './images.ts';
import { ago, dockerTable, humanDuration } from './format.ts';
import { setOwn } from '../../lib/own.ts';

type Parsed = Extract<ParsedDockerFlags, { ok: true }>;

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** `-v my-vol:/app[:ro]`, `-v /host/dir:/data`, `-v /data` (an anonymous volume). */
function volumeFlag(spec: string, seq: number): DockerMount | string {
  const parts = spec.split(':');
  if (parts.length === 1) return { type: 'volume', source: anonymousVolumeName(spec, seq), destination: spec, readOnly: false };
  const [source, destination, mode] = parts as [string, string, string | undefined];
  if (!destination.startsWith('/')) return `invalid spec: ${spec}: invalid volume specification: '${spec}'`;
  if (mode !== undefined && mode !== 'ro' && mode !== 'rw') return `invalid mode: ${mode}`;
  const bind = source.startsWith('/') || source.startsWith('.');
  return { type: bind ? 'bind' : 'volume', source, destination, readOnly: mode === 'ro' };
}

/** `--mount type=volume,source=my-vol,target=/app[,readonly]` (and bind, tmpfs). */
function mountFlag(spec: string, seq: number): DockerMount | string {
  const fields: Record<string, string> = {};
  for (const field of spec.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0 && key !== 'readonly' && key !== 'ro') return `invalid argument "${spec}" for "--mount" flag: invalid field '${field}' must be a key=value pair`;
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
  return { type, source: type === 'volume' && !source ? anonymousVolumeName(target, seq) : source, destination: target, readOnly };
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
  for (const spec of flagValues(p.flags, 'mount')) {
    const m = mountFlag(spec, seq++);
    if (typeof m === 'string') return runError(state, m);
    mounts.push(m);
  }
  for (const target of flagValues(p.flags, 'tmpfs')) mounts.push({ type: 'tmpfs', source: '', destination: target.split(':')[0]!, readOnly: false });
  const local = findImage(state.docker, image);
  const unable = local ? '' : `Unable to find image '${image.includes(':') ? image : `${image}:latest`}' locally\n`;
  const result = runContainer(state, { image, ...(name !== undefined ? { name } : {}), command, mounts, env: flagValues(p.flags, 'env', 'e'), detach: hasFlag(p.flags, 'detach', 'd'), ...(hasFlag(p.flags, 'interactive', 'i') && input.stdin !== undefined ? { stdin: input.stdin } : {}) });
  if (!result.ok) return runError(state, `Error response from daemon: ${result.error}`, '', unable);
  const pulled = result.pulled ? unable + pullProgress(result.state.docker.images[result.container.imageId]!, state.docker) : '';
  let next = result.state;
  const c = result.container;
  const autoRemove = hasFlag(p.flags, 'rm') && c.state === 'exited';
  // --rm takes the container's anonymous volumes with it, as `rm -v` does.
  if (autoRemove) next = dropAnonymousVolumes(removeContainer(next, c.id), c);
  if (hasFlag(p.flags, 'detach', 'd')) return output(next, { stdout: `${c.id}\n`, stderr: pulled });
  return output(next, { stdout: result.output.stdout, stderr: pulled + result.output.stderr, exitCode: c.state === 'exited' ? c.exitCode : 0 });
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

export function ps(input: CommandInput, p: Parsed): CommandOutput {
  const { state } = input;
  const rows = listedContainers(state, hasFlag(p.flags, 'all', 'a'));
  if (hasFlag(p.flags, 'quiet', 'q')) return output(state, { stdout: rows.map((c) => shortId(c.id) + '\n').join('') });
  return output(state, {
    stdout: dockerTable(
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      rows.map((c) => [shortId(c.id), c.image, JSON.stringify(ellipsis(commandText(c), 20)), ago(state.now, c.created), status(state.now, c), ports(state, c), c.name]),
    ),
  });
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
  const found = lookup(input.state, ref, '');
  if ('out' in found) return found.out;
  if (found.c.state !== 'running') return daemonError(input.state, `container ${found.c.id} is not running`);
  const r = execInContainer(input.state, found.c.id, command, hasFlag(p.flags, 'interactive', 'i') ? (input.stdin ?? '') : '');
  return output(r.state, { stdout: r.output.stdout, stderr: r.output.stderr, exitCode: r.output.code });
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

/** stop / start / restart / rm over several containers; each success echoes the name given. */
export function lifecycle(input: CommandInput, p: Parsed, verb: Lifecycle): CommandOutput {
  let state = input.state;
  let stdout = '';
  let stderr = '';
  if (p.positional.length === 0) {
    const usage = verb === 'rm' ? 'docker rm [OPTIONS] CONTAINER [CONTAINER...]' : `docker ${verb} [OPTIONS] CONTAINER [CONTAINER...]`;
    return fail(state, `"docker ${verb}" requires at least 1 argument.\nSee 'docker ${verb} --help'.\n\nUsage:  ${usage}`, 1);
  }
  for (const ref of p.positional) {
    const c = findContainer(state.docker, ref);
    if (!c) {
      stderr += `Error response from daemon: No such container: ${ref}\n`;
      continue;
    }
    if (verb === 'rm') {
      if (c.state === 'running' && !hasFlag(p.flags, 'force', 'f')) {
        stderr += `Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove\n`;
        continue;
      }
      state = removeContainer(state, c.id);
      if (hasFlag(p.flags, 'volumes', 'v')) state = dropAnonymousVolumes(state, c);
    } else if (verb === 'stop') state = stopContainer(state, c.id);
    else if (verb === 'start') state = startContainer(state, c.id);
    else state = startContainer({ ...stopContainer(state, c.id), now: state.now }, c.id);
    stdout += ref + '\n';
  }
  return output(state, { stdout, stderr, exitCode: stderr ? 1 : 0 });
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
