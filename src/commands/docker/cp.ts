// `docker cp CONTAINER:SRC DEST` and `docker cp SRC CONTAINER:DEST`: files between the script
// host and a container, running or stopped (docker 27's cli/command/container/cp.go). Progress and
// "Successfully copied 2.05kB to …" go to stderr, and only when a terminal is attached: a script
// (stdout not a terminal) copies silently, as docker does.
import { dockerContainerFs, findContainer, type ClusterState } from '../../engine/index.ts';
import { copyPath, type CopyFailure } from '../../engine/docker/cp.ts';
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { daemonError, fail } from './errors.ts';
import { hasFlag, type ParsedDockerFlags } from './flags.ts';
import { humanSize } from './format.ts';
import { isTerminal } from './terminal.ts';

type Parsed = Extract<ParsedDockerFlags, { ok: true }>;

const USAGE = `"docker cp" requires exactly 2 arguments.\nSee 'docker cp --help'.\n\nUsage:  docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n\nCopy files/folders between a container and the local filesystem`;

/** splitCpArg: `ctr:/path` names a container; an absolute path or one starting with `.` never does. */
function splitCpArg(arg: string): { container: string; path: string } {
  if (arg.startsWith('/')) return { container: '', path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { container: '', path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** filepath.Abs, keeping a trailing `/` or `/.` (archive.PreserveTrailingDotOrSeparator). */
function localAbsolute(input: CommandInput, path: string): string {
  const abs = input.host!.resolve(path);
  if (path.endsWith('/.') || path === '.') return abs === '/' ? '/.' : `${abs}/.`;
  return path.endsWith('/') && abs !== '/' ? `${abs}/` : abs;
}

/** A container path as the daemon takes it: relative to `/`. */
const containerAbsolute = (path: string) => (path.startsWith('/') ? path : `/${path}`);

export function cp(input: CommandInput, p: Parsed): CommandOutput {
  const { state } = input;
  if (p.positional.length !== 2) return fail(state, USAGE, 1);
  const [source, destination] = p.positional as [string, string];
  if (source === '') return fail(state, 'source can not be empty', 1);
  if (destination === '') return fail(state, 'destination can not be empty', 1);
  const src = splitCpArg(source);
  const dst = splitCpArg(destination);
  if (src.container && dst.container) return fail(state, 'copying between containers is not supported', 1);
  if (!src.container && !dst.container) return fail(state, 'must specify at least one container source', 1);
  if (!input.host) return fail(state, 'docker cp: the host has no files here', 1);
  const ref = src.container || dst.container;
  const c = findContainer(state.docker, ref);
  const quiet = hasFlag(p.flags, 'quiet', 'q') || !isTerminal(input);
  if (src.container) {
    if (!c) return daemonError(state, `No such container: ${ref}`);
    if (src.path === '-' || destination === '-') return fail(state, 'docker cp: tar streams are not simulated', 1);
    const next = writable(state);
    const to = localAbsolute(input, dst.path);
    const r = copyPath(dockerContainerFs(next, c.id), containerAbsolute(src.path), input.host.fs, to);
    if (!r.ok) return fail(state, fromContainerError(r.failure, ref, src.path), 1);
    return output(next, { stderr: quiet ? '' : `Successfully copied ${humanSize(r.bytes)} to ${to}\n` });
  }
  const from = localAbsolute(input, src.path);
  if (!input.host.fs.stat(from.replace(/\/\.?$/, '') || '/')) return fail(state, `lstat ${from.replace(/\/\.?$/, '') || '/'}: no such file or directory`, 1);
  if (!c) return daemonError(state, `No such container: ${ref}`);
  const next = writable(state);
  const r = copyPath(input.host.fs, from, dockerContainerFs(next, c.id), containerAbsolute(dst.path));
  if (!r.ok) return fail(state, toContainerError(r.failure, ref), 1);
  return output(next, { stderr: quiet ? '' : `Successfully copied ${humanSize(r.bytes)} to ${ref}:${dst.path}\n` });
}

/** A state whose tables a container's filesystem may write into (its own copies). */
function writable(state: ClusterState): ClusterState {
  return { ...state, volumeData: { ...state.volumeData }, nodeFiles: { ...state.nodeFiles }, docker: { ...state.docker, containers: { ...state.docker.containers } } };
}

/** The daemon words a missing source, the client a local destination it cannot write. */
function fromContainerError(f: CopyFailure, ref: string, srcPath: string): string {
  switch (f.code) {
    case 'source-missing':
      return `Error response from daemon: Could not find the file ${containerAbsolute(srcPath).replace(/\/\.?$/, '') || '/'} in container ${ref}`;
    case 'source-not-dir':
      return `Error response from daemon: not a directory`;
    case 'dest-parent-missing':
      return `stat ${f.path}: no such file or directory`;
    case 'dest-dir-missing':
      return 'no such directory';
    case 'dir-onto-file':
      return 'cannot copy directory';
    case 'write-failed':
      return `open ${f.path}: ${f.reason === 'EROFS' ? 'read-only file system' : 'permission denied'}`;
  }
}

function toContainerError(f: CopyFailure, ref: string): string {
  switch (f.code) {
    case 'source-missing':
      return `lstat ${f.path}: no such file or directory`;
    case 'source-not-dir':
      return `not a directory`;
    case 'dest-parent-missing':
      return `Error response from daemon: Could not find the file ${f.path} in container ${ref}`;
    case 'dest-dir-missing':
      return 'no such directory';
    case 'dir-onto-file':
      return `Error response from daemon: cannot overwrite non-directory "${f.path}" with directory`;
    case 'write-failed':
      return `Error response from daemon: ${f.reason === 'EROFS' ? 'container rootfs is marked read-only' : `failed to write ${f.path}`}`;
  }
}
