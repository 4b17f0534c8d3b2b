// `docker cp` through `/containers/ID/archive`: HEAD stats a path (the X-Docker-Container-Path-Stat
// header, base64 JSON), GET sends it as a tar named after its last element (`.` for `dir/.`), PUT
// extracts a tar into a directory. The client does docker's copy rules (rename, contents-only);
// the daemon's part is only the container's files, through the engine's container filesystem.
import { dockerContainerFs, findContainer, writableCopy, type ClusterState } from '../../engine/index.ts';
import type { FsEntry } from '../../engine/fs/tree.ts';
import { rfc3339 } from '../../commands/docker/images.ts';
import type { DockerContext } from './context.ts';
import { ApiError, badRequest, notFound } from './errors.ts';
import type { DockerReply, DockerRequest } from './reply.ts';
import { readTarEntries, writeTar } from './tar.ts';

/** Go's os.FileMode bits for a directory and a symlink. */
const MODE_DIR = 0x80000000;
const MODE_SYMLINK = 0x08000000;

const clean = (path: string) => `/${path.split('/').filter((p) => p !== '' && p !== '.').join('/')}`;
/** The tar's top name: the path's last element, `.` when it ends in `/.` (contents only). */
const baseName = (path: string) => (/\/\.$/.test(path) || path === '.' ? '.' : clean(path).slice(clean(path).lastIndexOf('/') + 1) || '/');

function target(ctx: DockerContext, ref: string) {
  const c = findContainer(ctx.session.state.docker, ref);
  if (!c) throw notFound(`No such container: ${ref}`);
  return c;
}

function statHeader(entry: FsEntry, name: string, mtime: number): string {
  const size = entry.type === 'File' ? (entry.size ?? Buffer.byteLength(entry.content ?? '')) : entry.type === 'Directory' ? 4096 : 0;
  const mode = (entry.mode & 0o7777) + (entry.type === 'Directory' ? MODE_DIR : entry.type === 'Symlink' ? MODE_SYMLINK : 0);
  return Buffer.from(JSON.stringify({ name, size, mode, mtime: rfc3339(mtime), linkTarget: entry.target ?? '' })).toString('base64');
}

function statOrThrow(state: ClusterState, id: string, ref: string, path: string): FsEntry {
  const entry = dockerContainerFs(writableCopy(state), id).stat(clean(path));
  if (!entry) throw notFound(`Could not find the file ${clean(path)} in container ${ref}`);
  return entry;
}

/** HEAD: the path's stat, in a header (the body of a HEAD answer is empty). */
export function statPath(ctx: DockerContext, ref: string, req: DockerRequest): DockerReply {
  const c = target(ctx, ref);
  const path = req.query.get('path') ?? '/';
  const entry = statOrThrow(ctx.session.state, c.id, ref, path);
  return { code: 200, raw: '', headers: { 'X-Docker-Container-Path-Stat': statHeader(entry, baseName(path), c.created) } };
}

/** GET: the path as a tar, its entries under the path's last element. */
export function getArchive(ctx: DockerContext, ref: string, req: DockerRequest): DockerReply {
  const c = target(ctx, ref);
  const path = req.query.get('path') ?? '/';
  const top = statOrThrow(ctx.session.state, c.id, ref, path);
  const fs = dockerContainerFs(writableCopy(ctx.session.state), c.id);
  const entries: { path: string; type: 'file' | 'dir'; data?: Buffer; mode: number }[] = [];
  const walk = (at: string, name: string, entry: FsEntry) => {
    if (entry.type === 'Directory') {
      entries.push({ path: name, type: 'dir', mode: entry.mode });
      const listed = fs.list(at);
      if (listed.ok) for (const child of listed.value) walk(at === '/' ? `/${child.name}` : `${at}/${child.name}`, `${name}/${child.name}`, child.entry);
    } else if (entry.type === 'File') {
      const text = fs.read(at);
      const data = entry.size !== undefined && (!text.ok || text.value === '') ? Buffer.alloc(entry.size) : Buffer.from(text.ok ? text.value : '');
      entries.push({ path: name, type: 'file', data, mode: entry.mode });
    }
  };
  walk(clean(path), baseName(path), top);
  return { code: 200, raw: writeTar(entries, c.created), contentType: 'application/x-tar', headers: { 'X-Docker-Container-Path-Stat': statHeader(top, baseName(path), c.created) } };
}

/** PUT: extracts the tar into the directory `path` (which must exist). */
export function putArchive(ctx: DockerContext, ref: string, req: DockerRequest): DockerReply {
  const c = target(ctx, ref);
  const dir = clean(req.query.get('path') ?? '/');
  const state = writableCopy(ctx.session.state);
  const fs = dockerContainerFs(state, c.id);
  const at = fs.stat(dir);
  if (!at) throw notFound(`Could not find the file ${dir} in container ${ref}`);
  if (at.type !== 'Directory') throw badRequest('extraction point is not a directory');
  for (const e of readTarEntries(req.body)) {
    const to = e.path === '.' ? dir : `${dir === '/' ? '' : dir}/${e.path}`;
    if (e.type === 'dir') {
      if (fs.stat(to)?.type === 'Directory') continue;
      const made = fs.mkdir(to, true);
      if (!made.ok) throw new ApiError(500, `failed to write ${to}`);
      continue;
    }
    const existing = fs.stat(to);
    if (existing?.type === 'Directory' && queryFlag(req, 'noOverwriteDirNonDir')) throw badRequest(`cannot overwrite directory "${to}" with non-directory "${e.path}"`);
    const written = fs.write(to, e.text, false);
    if (!written.ok) throw badRequest(written.code === 'EROFS' ? 'container rootfs is marked read-only' : `failed to write ${to}`);
  }
  ctx.commit(state);
  return { code: 200, raw: '' };
}

const queryFlag = (req: DockerRequest, name: string) => ['1', 'true'].includes(req.query.get(name) ?? '');
