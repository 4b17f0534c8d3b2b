// `docker`: the simulated Docker host's CLI. Subcommands and their flags, the management forms
// (`docker image history`, `docker container ls`), and docker's messages for what it does not know.
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { exec, lifecycle, logs, ps, run } from './containers.ts';
import { cp } from './cp.ts';
import { fail } from './errors.ts';
import { arityError } from './arity.ts';
import { parseDockerFlags, type DockerFlagSpec, type ParsedDockerFlags } from './flags.ts';
import { build, history, images, inspectImages, pull, rmi } from './images.ts';
import { info, version, versionLine } from './system-info.ts';
import { systemDf, volume } from './volumes.ts';
import { inspect } from './inspect.ts';
import { getOwn } from '../../lib/own.ts';

type Parsed = Extract<ParsedDockerFlags, { ok: true }>;

interface Subcommand {
  flags: DockerFlagSpec;
  run: (input: CommandInput, p: Parsed) => CommandOutput;
}

const RUN_FLAGS: DockerFlagSpec = {
  bool: ['d', 'detach', 'i', 'interactive', 't', 'tty', 'rm', 'privileged', 'read-only'],
  value: ['name', 'v', 'volume', 'mount', 'tmpfs', 'e', 'env', 'p', 'publish', 'w', 'workdir', 'network', 'hostname', 'h', 'u', 'user', 'entrypoint', 'restart'],
  stopAtPositional: true,
};

const COMMANDS: Record<string, Subcommand> = {
  build: { flags: { bool: ['q', 'quiet', 'no-cache', 'pull'], value: ['t', 'tag', 'f', 'file', 'progress', 'build-arg', 'target', 'platform'] }, run: build },
  images: { flags: { bool: ['a', 'all', 'q', 'quiet', 'no-trunc', 'digests'], value: ['filter', 'format'] }, run: images },
  history: { flags: { bool: ['no-trunc', 'q', 'quiet'], value: ['H', 'human', 'format'] }, run: history },
  pull: { flags: { bool: ['q', 'quiet', 'a', 'all-tags'], value: ['platform'] }, run: pull },
  rmi: { flags: { bool: ['f', 'force', 'no-prune'], value: [] }, run: rmi },
  info: { flags: { bool: [], value: ['format', 'f'] }, run: (input, p) => info(input, p.positional) },
  run: { flags: RUN_FLAGS, run },
  ps: { flags: { bool: ['a', 'all', 'q', 'quiet', 's', 'size', 'no-trunc', 'l', 'latest'], value: ['filter', 'f', 'format', 'n', 'last'] }, run: ps },
  exec: { flags: { bool: ['d', 'detach', 'i', 'interactive', 't', 'tty', 'privileged'], value: ['e', 'env', 'w', 'workdir', 'u', 'user'], stopAtPositional: true }, run: exec },
  logs: { flags: { bool: ['f', 'follow', 't', 'timestamps', 'details'], value: ['n', 'tail', 'since', 'until'] }, run: logs },
  stop: { flags: { bool: [], value: ['t', 'time', 'timeout', 's', 'signal'] }, run: (i, p) => lifecycle(i, p, 'stop') },
  start: { flags: { bool: ['a', 'attach', 'i', 'interactive'], value: [] }, run: (i, p) => lifecycle(i, p, 'start') },
  restart: { flags: { bool: [], value: ['t', 'time', 'timeout', 's', 'signal'] }, run: (i, p) => lifecycle(i, p, 'restart') },
  cp: { flags: { bool: ['a', 'archive', 'L', 'follow-link', 'q', 'quiet'], value: [] }, run: cp },
  rm: { flags: { bool: ['f', 'force', 'v', 'volumes', 'l', 'link'], value: [] }, run: (i, p) => lifecycle(i, p, 'rm') },
};

/** `docker image ls` → images, `docker container ls` → ps, and so on. */
const MANAGEMENT: Record<string, Record<string, string>> = {
  image: { ls: 'images', list: 'images', history: 'history', build: 'build', pull: 'pull', rm: 'rmi', remove: 'rmi', inspect: 'inspect-image' },
  container: { ls: 'ps', list: 'ps', ps: 'ps', run: 'run', exec: 'exec', logs: 'logs', stop: 'stop', start: 'start', restart: 'restart', rm: 'rm', remove: 'rm', inspect: 'inspect-container', cp: 'cp' },
};

const HELP = `Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers (simulated in the playground)

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  build       Build an image from a Dockerfile
  pull        Download an image from a registry
  images      List images
  info        Display system-wide information

Management Commands:
  container   Manage containers
  image       Manage images
  system      Manage Docker
  volume      Manage volumes

Commands:
  cp          Copy files/folders between a container and the local filesystem
  history     Show the history of an image
  inspect     Return low-level information on Docker objects
  logs        Fetch the logs of a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  rmi         Remove one or more images
  start       Start one or more stopped containers
  stop        Stop one or more running containers

Run 'docker COMMAND --help' for more information on a command.
`;

function dispatch(input: CommandInput, name: string, args: readonly string[], display: string): CommandOutput {
  if (name === 'inspect-image' || name === 'inspect' || name === 'inspect-container') {
    const p = parseDockerFlags(args, { bool: ['s', 'size'], value: ['f', 'format', 'type'] });
    if (!p.ok) return fail(input.state, `${p.error}\nSee '${display} --help'.`, 125);
    if (p.positional.length === 0) return fail(input.state, `"${display}" requires at least 1 argument.\nSee '${display} --help'.`, 1);
    if (name === 'inspect-image') return inspectImages(input, p.positional);
    return inspect(input, p.positional, name === 'inspect-container' ? 'container' : undefined);
  }
  const sub = getOwn(COMMANDS, name);
  if (!sub) return fail(input.state, `docker: '${name}' is not a docker command.\nSee 'docker --help'`, 1);
  const p = parseDockerFlags(args, sub.flags);
  if (!p.ok) return fail(input.state, `${p.error}\nSee '${display} --help'.`, 125);
  const arity = arityError(display.slice('docker '.length), p.positional.length);
  if (arity) return fail(input.state, arity, 1);
  return sub.run(input, p);
}

export function docker(input: CommandInput): CommandOutput {
  const [, first, ...rest] = input.argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return output(input.state, { stdout: HELP });
  if (first === '--version' || first === '-v') return output(input.state, { stdout: versionLine() });
  if (first === 'version') return version(input, rest);
  const group = getOwn(MANAGEMENT, first);
  if (group) {
    const [verb, ...args] = rest;
    const target = verb ? getOwn(group, verb) : undefined;
    if (!target) return fail(input.state, verb ? `docker: unknown command: docker ${first} ${verb}\n\nRun 'docker ${first} --help' for more information` : `Usage:  docker ${first} COMMAND\n\nRun 'docker ${first} COMMAND --help' for more information on a command.`, verb ? 1 : 0);
    return dispatch(input, target, args, `docker ${first} ${verb}`);
  }
  if (first === 'volume') {
    const [verb, ...args] = rest;
    const p = parseDockerFlags(args, { bool: ['f', 'force', 'a', 'all', 'q', 'quiet'], value: ['d', 'driver', 'label', 'filter', 'format', 'o', 'opt'] });
    if (!p.ok) return fail(input.state, `${p.error}\nSee 'docker volume ${verb} --help'.`, 125);
    const arity = arityError(`volume ${verb}`, p.positional.length);
    if (arity) return fail(input.state, arity, 1);
    return volume(input, verb, p);
  }
  if (first === 'system') {
    const [verb, ...args] = rest;
    if (verb === 'info') return info(input, args);
    if (verb !== 'df') return fail(input.state, verb ? `docker: unknown command: docker system ${verb}\n\nRun 'docker system --help' for more information` : 'Usage:  docker system COMMAND', verb ? 1 : 0);
    const p = parseDockerFlags(args, { bool: ['v', 'verbose'], value: ['format'] });
    if (!p.ok) return fail(input.state, `${p.error}\nSee 'docker system df --help'.`, 125);
    return systemDf(input, p);
  }
  if (first.startsWith('-')) return fail(input.state, `unknown flag: ${first}\nSee 'docker --help'.`, 125);
  return dispatch(input, first, rest, `docker ${first}`);
}
