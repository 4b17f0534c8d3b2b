// The Engine API's paths (with or without a `/v1.NN` prefix) and the handler for each.
import type { DockerContext } from './context.ts';
import { createContainer, inspectContainer, kill, listContainers, logs, remove, resize, restart, start, stop, wait } from './containers.ts';
import { createExec, inspectExec, resizeExec } from './exec.ts';
import { history, inspectImage, listImages, pull, removeImage } from './images.ts';
import { build } from './build.ts';
import { getArchive, putArchive, statPath } from './archive.ts';
import { createVolume, inspectVolume, listVolumes, pruneVolumes, removeVolume } from './volumes.ts';
import { infoJson, versionJson } from './system.ts';
import { diskUsage } from './views.ts';
import { json, queryBool, type DockerReply, type DockerRequest } from './reply.ts';

/** A handler answers at once, or (a wait) later through `answer`. */
type Handler = (ctx: DockerContext, req: DockerRequest, params: string[], answer: (r: DockerReply) => void) => DockerReply | undefined;

const ROUTES: [method: string, path: RegExp, handler: Handler][] = [
  ['GET', /^\/version$/, () => json(200, versionJson())],
  ['GET', /^\/info$/, (ctx) => json(200, infoJson(ctx.session.state, Date.now()))],
  ['GET', /^\/containers\/json$/, (ctx, req) => listContainers(ctx, req)],
  ['POST', /^\/containers\/create$/, (ctx, req) => createContainer(ctx, req)],
  ['GET', /^\/containers\/([^/]+)\/json$/, (ctx, _req, [id]) => inspectContainer(ctx, id!)],
  ['POST', /^\/containers\/([^/]+)\/start$/, (ctx, _req, [id]) => start(ctx, id!)],
  ['POST', /^\/containers\/([^/]+)\/stop$/, (ctx, req, [id]) => stop(ctx, id!, req)],
  ['POST', /^\/containers\/([^/]+)\/restart$/, (ctx, req, [id]) => restart(ctx, id!, req)],
  ['POST', /^\/containers\/([^/]+)\/kill$/, (ctx, req, [id]) => kill(ctx, id!, req)],
  ['POST', /^\/containers\/([^/]+)\/resize$/, (ctx, _req, [id]) => resize(ctx, id!)],
  ['POST', /^\/exec\/([^/]+)\/resize$/, (ctx, _req, [id]) => resizeExec(ctx, id!)],
  ['POST', /^\/containers\/([^/]+)\/wait$/, (ctx, req, [id], answer) => (wait(ctx, id!, req, answer), undefined)],
  ['HEAD', /^\/containers\/([^/]+)\/archive$/, (ctx, req, [id]) => statPath(ctx, id!, req)],
  ['GET', /^\/containers\/([^/]+)\/archive$/, (ctx, req, [id]) => getArchive(ctx, id!, req)],
  ['PUT', /^\/containers\/([^/]+)\/archive$/, (ctx, req, [id]) => putArchive(ctx, id!, req)],
  ['GET', /^\/containers\/([^/]+)\/logs$/, (ctx, req, [id]) => logs(ctx, id!, req)],
  ['DELETE', /^\/containers\/([^/]+)$/, (ctx, req, [id]) => remove(ctx, id!, req)],
  ['POST', /^\/containers\/([^/]+)\/exec$/, (ctx, req, [id]) => createExec(ctx, id!, req)],
  ['GET', /^\/exec\/([^/]+)\/json$/, (ctx, _req, [id]) => inspectExec(ctx, id!)],
  ['GET', /^\/images\/json$/, (ctx) => listImages(ctx)],
  ['POST', /^\/images\/create$/, (ctx, req) => pull(ctx, req)],
  ['GET', /^\/images\/(.+)\/history$/, (ctx, _req, [name]) => history(ctx, name!)],
  ['GET', /^\/images\/(.+)\/json$/, (ctx, _req, [name]) => inspectImage(ctx, name!)],
  ['DELETE', /^\/images\/(.+)$/, (ctx, req, [name]) => removeImage(ctx, name!, queryBool(req.query, 'force'))],
  ['POST', /^\/build$/, (ctx, req) => build(ctx, req)],
  ['GET', /^\/volumes$/, (ctx) => listVolumes(ctx)],
  ['POST', /^\/volumes\/create$/, (ctx, req) => createVolume(ctx, req)],
  ['POST', /^\/volumes\/prune$/, (ctx, req) => pruneVolumes(ctx, req)],
  ['GET', /^\/volumes\/([^/]+)$/, (ctx, _req, [name]) => inspectVolume(ctx, name!)],
  ['DELETE', /^\/volumes\/([^/]+)$/, (ctx, _req, [name]) => removeVolume(ctx, name!)],
  ['GET', /^\/system\/df$/, (ctx) => json(200, diskUsage(ctx.session.state, ctx.session.offsetMs))],
];

/** `/v1.47/containers/json` → `/containers/json`. */
export function unversioned(path: string): string {
  return path.replace(/^\/v\d+\.\d+(?=\/)/, '');
}

/** The handler for a request, with the path's parameters decoded; undefined: the daemon's 404 `page not found`. */
export function findRoute(method: string, path: string): { handler: Handler; params: string[] } | undefined {
  for (const [m, re, handler] of ROUTES) {
    if (m !== method) continue;
    const match = re.exec(path);
    if (match) return { handler, params: match.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}
