// `kubectl cp SRC DEST` (pkg/cmd/cp): one side is the script host's filesystem, the other
// `[namespace/]pod:path` in a container. Real kubectl streams a tar archive through `kubectl exec`
// (`tar cf - PATH` out of the pod, `tar -xmf - -C DIR` into it); here every file is read and
// written through the same exec path (execInPod), so mounts count: a file copied into a mounted
// volume lands in the volume, a read-only mount refuses it. What the container's tar would print
// is worded as GNU tar (Debian-based images) or busybox tar says it.
import { execInPod, getObject, type ClusterState, type Stored } from '../../../engine/index.ts';
import { imageFamily, type ImageFamily } from '../../../engine/shell/dialect.ts';
import { output, type CommandOutput, type HostAccess, type OutputChunk } from '../../types.ts';
import { clientError, formatApiError } from '../errors.ts';
import { flag } from '../flags.ts';
import type { KubectlContext } from '../context.ts';
import { kubeletUnreachable, pickContainer } from './exec.ts';
import { extractFileSpec, localBase, localClean, localJoin, remoteBase, remoteDir, remoteJoin, type FileSpec } from './cp-paths.ts';

/** Images with no shell tools at all (no tar): `kubectl cp` cannot work with them. */
const NO_TAR = /(^|\/)distroless\/|^(registry\.k8s\.io|k8s\.gcr\.io)\/pause(:|@|$)/;

interface Target {
  pod: Stored<'Pod'>;
  namespace: string;
  container: string;
  family: ImageFamily;
  /** `Defaulted container "a" out of: a, b` when the pod has several and none was named. */
  note: string;
}

class Copy {
  state: ClusterState;
  readonly chunks: OutputChunk[] = [];
  constructor(readonly ctx: KubectlContext, readonly host: HostAccess) {
    this.state = ctx.state;
  }
  out(text: string): void {
    this.chunks.push({ stream: 'stdout', text });
  }
  err(text: string): void {
    this.chunks.push({ stream: 'stderr', text });
  }
  done(code: number): CommandOutput {
    return output(this.state, { chunks: this.chunks, exitCode: code });
  }
  fail(message: string, code = 1): CommandOutput {
    this.err(message + '\n');
    return this.done(code);
  }
  exec(t: Target, argv: string[], stdin = '') {
    const r = execInPod(this.state, t.namespace, t.pod.metadata.name, t.container, argv, stdin);
    if (r.ok) this.state = r.state;
    return r;
  }
}

export function cpVerb(ctx: KubectlContext): CommandOutput {
  const fail = (message: string) => output(ctx.state, { stderr: message + '\n', exitCode: 1 });
  if (ctx.flags.args.length !== 2) return fail(clientError('source and destination are required'));
  const src = extractFileSpec(ctx.flags.args[0]!);
  const dest = extractFileSpec(ctx.flags.args[1]!);
  if (!src.ok) return fail(clientError(src.error));
  if (!dest.ok) return fail(clientError(dest.error));
  if (src.spec.pod && dest.spec.pod) return fail(clientError('one of src or dest must be a local file specification'));
  if (src.spec.file === '' || dest.spec.file === '') return fail(clientError('filepath can not be empty'));
  if (!src.spec.pod && !dest.spec.pod) return fail(clientError('one of src or dest must be a remote file specification'));
  const host = ctx.input.host;
  if (!host) return fail(clientError('kubectl cp needs the script host\'s files'));
  const copy = new Copy(ctx, host);
  return src.spec.pod ? copyFromPod(copy, src.spec, dest.spec) : copyToPod(copy, src.spec, dest.spec);
}

/** The pod and container an exec would reach, or the error kubectl prints for it. */
function resolveTarget(copy: Copy, spec: FileSpec): Target | string {
  const ctx = copy.ctx;
  const namespace = spec.namespace ?? ctx.namespace;
  const got = getObject(ctx.api, 'Pod', namespace, spec.pod!);
  if (!got.ok) return formatApiError(got.error);
  const pod = got.value;
  const { name: container, note } = pickContainer(pod, flag(ctx.flags, 'container'));
  const unreachable = kubeletUnreachable(ctx, pod);
  if (unreachable) return note + unreachable.trimEnd();
  const image = pod.spec?.containers.find((c) => c.name === container)?.image ?? '';
  return { pod, namespace, container, family: imageFamily(image), note };
}

/** kubectl exec's refusals, for the exec that would run tar. */
function execFailure(t: Target, argv0: string, r: { reason: string; detail: string }): string {
  const name = t.pod.metadata.name;
  switch (r.reason) {
    case 'pod-not-found':
      return `Error from server (NotFound): pods "${name}" not found`;
    case 'container-not-found':
      return `error: container ${t.container} is not valid for pod ${name}`;
    case 'not-running':
      return `error: unable to upgrade connection: container not found ("${t.container}")`;
    case 'completed':
      return `error: cannot exec into a container in a completed pod; current phase is ${r.detail}`;
    default:
      return notFoundInPath(t, argv0);
  }
}

function notFoundInPath(t: Target, argv0: string): string {
  return `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${t.pod.metadata.uid?.replace(/-/g, '')}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv0}": executable file not found in $PATH: unknown`;
}

const quote = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;

function hasTar(t: Target): boolean {
  const image = t.pod.spec?.containers.find((c) => c.name === t.container)?.image ?? '';
  return !NO_TAR.test(image);
}

// ---- local → pod: `tar -xmf - -C DIR` in the container ----

function copyToPod(copy: Copy, src: FileSpec, dest: FileSpec): CommandOutput {
  const { host } = copy;
  const localPath = host.resolve(src.file);
  if (!host.fs.stat(localPath)) return copy.fail(clientError(`${src.file} doesn't exist in local filesystem`));
  const t = resolveTarget(copy, dest);
  if (typeof t === 'string') return copy.fail(t);
  // `test -d DEST` first (its output discarded): a directory receives SRC under its own name.
  let destFile = dest.file;
  const probe = copy.exec(t, ['test', '-d', dest.file]);
  if (probe.ok && probe.code === 0) destFile = remoteJoin(dest.file, localBase(localClean(src.file)));
  if (t.note) copy.err(t.note);
  if (!probe.ok) return copy.fail(execFailure(t, 'tar', probe));
  if (!hasTar(t)) return copy.fail(notFoundInPath(t, 'tar'));
  const dir = remoteDir(destFile);
  const base = remoteBase(destFile);
  const dirProbe = copy.exec(t, ['test', '-d', dir]);
  if (!dirProbe.ok || dirProbe.code !== 0) {
    if (t.family === 'debian') copy.err(`tar: ${dir}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n`);
    else copy.err(`tar: can't change directory to '${dir}': No such file or directory\n`);
    const code = t.family === 'debian' ? 2 : 1;
    return copy.fail(`command terminated with exit code ${code}`, code);
  }
  // The archive's members, relative to DIR: BASE, then what is under it.
  const failures: string[] = [];
  const put = (local: string, member: string) => {
    const where = `${dir === '/' ? '' : dir}/${member}`;
    const entry = host.fs.stat(local);
    if (entry?.type === 'Directory') {
      const r = copy.exec(t, ['sh', '-c', `mkdir -p ${quote(where)}`]);
      if (r.ok && r.code !== 0) return failures.push(tarWriteError(t, member, r.stderr));
      const listed = host.fs.list(local);
      for (const e of listed.ok ? listed.value : []) put(`${local}/${e.name}`, `${member}/${e.name}`);
      return;
    }
    const text = host.fs.read(local);
    const r = copy.exec(t, ['sh', '-c', `cat > ${quote(where)}`], text.ok ? text.value : '');
    if (r.ok && r.code !== 0) failures.push(tarWriteError(t, member, r.stderr));
  };
  put(localPath, base);
  if (failures.length === 0) return copy.done(0);
  const code = t.family === 'debian' ? 2 : 1;
  copy.err(failures.join('') + (t.family === 'debian' ? 'tar: Exiting with failure status due to previous errors\n' : ''));
  return copy.fail(`command terminated with exit code ${code}`, code);
}

/** tar's words for a member it could not write, from what the shell said. */
function tarWriteError(t: Target, member: string, stderr: string): string {
  const reason = /Read-only file system/i.test(stderr) ? 'Read-only file system' : /Permission denied/i.test(stderr) ? 'Permission denied' : /Not a directory/i.test(stderr) ? 'Not a directory' : 'No such file or directory';
  return t.family === 'debian' ? `tar: ${member}: Cannot open: ${reason}\n` : `tar: can't open '${member}': ${reason}\n`;
}

// ---- pod → local: `tar cf - PATH` in the container, unpacked here ----

function copyFromPod(copy: Copy, src: FileSpec, dest: FileSpec): CommandOutput {
  const { host } = copy;
  const t = resolveTarget(copy, src);
  if (typeof t === 'string') return copy.fail(t);
  // The exec's stderr is kubectl's stdout here (cp.go's TarPipe): tar's messages go there.
  if (t.note) copy.out(t.note);
  const probe = copy.exec(t, ['test', '-e', src.file]);
  if (!probe.ok) return copy.fail(execFailure(t, 'tar', probe));
  if (!hasTar(t)) return copy.fail(notFoundInPath(t, 'tar'));
  const absolute = src.file.startsWith('/');
  const debian = t.family === 'debian';
  if (probe.code !== 0) {
    if (debian) copy.out(`${absolute ? "tar: Removing leading `/' from member names\n" : ''}tar: ${src.file}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`);
    else copy.out(`tar: ${src.file}: No such file or directory\ntar: error exit delayed from previous errors\n`);
    const code = debian ? 2 : 1;
    return copy.fail(`command terminated with exit code ${code}`, code);
  }
  if (absolute) copy.out(debian ? "tar: Removing leading `/' from member names\n" : "tar: removing leading '/' from member names\n");
  // Each member lands at DEST joined with its name minus the source's own path: a file becomes
  // DEST itself, a directory's contents go into DEST.
  const destRoot = host.resolve(dest.file);
  let symlinkWarned = false;
  const take = (remote: string, relative: string): string | undefined => {
    const local = relative === '' ? destRoot : `${destRoot}/${relative}`;
    const shown = relative === '' ? localClean(dest.file) : localJoin(dest.file, relative);
    const link = copy.exec(t, ['test', '-L', remote]);
    if (link.ok && link.code === 0) {
      // The link's target, from `ls -l` (`… NAME -> TARGET`): the images have no readlink to rely on.
      // Listed from its directory: `ls -l LINK` would list what a link to a directory points to.
      const listed = copy.exec(t, ['ls', '-l', remoteDir(remote)]);
      const marker = ` ${remoteBase(remote)} -> `;
      const line = (listed.ok ? listed.stdout.split('\n') : []).find((l) => l.includes(marker)) ?? '';
      const to = line.includes(marker) ? line.slice(line.indexOf(marker) + marker.length) : '';
      if (!symlinkWarned) {
        symlinkWarned = true;
        copy.err(`warning: skipping symlink: ${goQuote(shown)} -> ${goQuote(to)} (consider using "kubectl exec -n ${goQuote(t.namespace)} ${goQuote(t.pod.metadata.name)} -- tar cf - ${goQuote(src.file)} | tar xf -")\n`);
      } else copy.err(`warning: skipping symlink: ${goQuote(shown)} -> ${goQuote(to)}\n`);
      return undefined;
    }
    const isDir = copy.exec(t, ['test', '-d', remote]);
    mkdirAll(host, parentOf(local));
    if (isDir.ok && isDir.code === 0) {
      mkdirAll(host, local);
      const listed = copy.exec(t, ['ls', '-a', remote]);
      const names = listed.ok ? listed.stdout.split('\n').filter((n) => n !== '' && n !== '.' && n !== '..') : [];
      for (const name of names) {
        const problem = take(`${remote === '/' ? '' : remote}/${name}`, relative === '' ? name : `${relative}/${name}`);
        if (problem) return problem;
      }
      return undefined;
    }
    if (host.fs.stat(local)?.type === 'Directory') return `error: open ${shown}: is a directory`;
    const text = copy.exec(t, ['cat', remote]);
    const w = host.fs.write(local, text.ok ? text.stdout : '', false);
    return w.ok ? undefined : `error: open ${shown}: no such file or directory`;
  };
  const problem = take(src.file, '');
  return problem ? copy.fail(problem) : copy.done(0);
}

function parentOf(abs: string): string {
  return abs.slice(0, abs.lastIndexOf('/')) || '/';
}

function mkdirAll(host: HostAccess, abs: string): void {
  if (!host.fs.stat(abs)) host.fs.mkdir(abs, true);
}

/** Go's %q for the plain paths kubectl quotes. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}
