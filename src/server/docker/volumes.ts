// The volume endpoints: list, create, inspect, remove, prune. Names are checked as the daemon
// checks them; a volume in use is refused with the ids of the containers that use it.
import { anonymousVolumeName, isAnonymousVolume, treeOf, volumeKey, volumeSize, volumeUsers, type ClusterState } from '../../engine/index.ts';
import { volumeNameError } from '../../engine/docker/volume-names.ts';
import { hasOwn, withOwn } from '../../lib/own.ts';
import type { DockerContext } from './context.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import { bodyJson, json, noContent, type DockerReply, type DockerRequest } from './reply.ts';
import { volumeJson, volumeList } from './views.ts';

export function listVolumes(ctx: DockerContext): DockerReply {
  return json(200, volumeList(ctx.session.state, ctx.session.offsetMs));
}

export function createVolume(ctx: DockerContext, req: DockerRequest): DockerReply {
  const state = ctx.session.state;
  let name = String(bodyJson(req)['Name'] ?? '');
  // Without a name the daemon makes one up: 64 hex digits, like an anonymous volume's.
  for (let seq = Object.keys(state.docker.volumes).length; !name || hasOwn(state.docker.volumes, name) && !bodyJson(req)['Name']; seq++) name = anonymousVolumeName('volume create', seq);
  const refused = volumeNameError(name);
  if (refused) throw badRequest(refused);
  const volumes = hasOwn(state.docker.volumes, name) ? state.docker.volumes : withOwn(state.docker.volumes, name, { name, created: state.now });
  const volumeData = { ...state.volumeData, [volumeKey(name)]: state.volumeData[volumeKey(name)] ?? treeOf({ '/': { type: 'Directory', mode: 0o755 } }) };
  ctx.commit({ ...state, volumeData, docker: { ...state.docker, volumes } });
  return json(201, volumeJson(ctx.session.state, ctx.session.offsetMs, name));
}

export function inspectVolume(ctx: DockerContext, name: string): DockerReply {
  if (!hasOwn(ctx.session.state.docker.volumes, name)) throw notFound(`get ${name}: no such volume`);
  return json(200, volumeJson(ctx.session.state, ctx.session.offsetMs, name));
}

function dropVolume(state: ClusterState, name: string): ClusterState {
  const volumes = { ...state.docker.volumes };
  delete volumes[name];
  const volumeData = { ...state.volumeData };
  delete volumeData[volumeKey(name)];
  return { ...state, volumeData, docker: { ...state.docker, volumes } };
}

export function removeVolume(ctx: DockerContext, name: string): DockerReply {
  const state = ctx.session.state;
  if (!hasOwn(state.docker.volumes, name)) throw notFound(`get ${name}: no such volume`);
  const users = volumeUsers(state.docker, name);
  if (users.length) throw conflict(`remove ${name}: volume is in use - [${users.map((u) => u.id).join(', ')}]`);
  ctx.commit(dropVolume(state, name));
  return noContent;
}

/** `POST /volumes/prune`: unused anonymous volumes, or every unused one with the filter `all=true`. */
export function pruneVolumes(ctx: DockerContext, req: DockerRequest): DockerReply {
  const filters = JSON.parse(req.query.get('filters') || '{}') as Record<string, unknown>;
  const allFilter = filters['all'];
  const all = Array.isArray(allFilter) ? allFilter.some((v) => v === 'true' || v === '1') : allFilter !== undefined && typeof allFilter === 'object' && Object.keys(allFilter as object).some((k) => k === 'true' || k === '1');
  let state = ctx.session.state;
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const n of Object.keys(state.docker.volumes).sort()) {
    if (volumeUsers(state.docker, n).length || (!all && !isAnonymousVolume(n))) continue;
    reclaimed += volumeSize(state, n);
    state = dropVolume(state, n);
    deleted.push(n);
  }
  ctx.commit(state);
  return json(200, { VolumesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed });
}

