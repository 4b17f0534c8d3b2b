// The image endpoints: list, history, inspect, pull (`POST /images/create`, JSON progress
// messages) and remove. Pulling comes from the engine's catalogue; the messages are those
// `docker pull` prints in `kubesim run` (the client prints `id: status` per message).
import { findImage, parseImageRef, pullImage } from '../../engine/index.ts';
import { inspectImages, shortId } from '../../commands/docker/images.ts';
import type { DockerContext } from './context.ts';
import { fromDaemonMessage, notFound } from './errors.ts';
import { json, jsonMessages, type DockerReply, type DockerRequest } from './reply.ts';
import { imageHistory, imageList, wallTime } from './views.ts';

/** `docker.io/library/nginx` (what the client sends) → `nginx`; other registries keep their host. */
export function familiarName(name: string): string {
  return name.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '').replace(/^index\.docker\.io\/library\//, '');
}

export function listImages(ctx: DockerContext): DockerReply {
  return json(200, imageList(ctx.session.state, ctx.session.offsetMs));
}

function imageOrThrow(ctx: DockerContext, ref: string) {
  const image = findImage(ctx.session.state.docker, familiarName(ref));
  if (!image) throw notFound(`No such image: ${ref}`);
  return image;
}

export function history(ctx: DockerContext, ref: string): DockerReply {
  return json(200, imageHistory(ctx.session.offsetMs, imageOrThrow(ctx, ref)));
}

/** `GET /images/NAME/json`: the document `docker image inspect` prints in `kubesim run`. */
export function inspectImage(ctx: DockerContext, ref: string): DockerReply {
  imageOrThrow(ctx, ref);
  const out = inspectImages({ state: ctx.session.state, argv: [], files: { read: () => undefined } }, [familiarName(ref)]);
  const doc = (JSON.parse(out.stdout) as Record<string, unknown>[])[0]!;
  const offset = ctx.session.offsetMs;
  return json(200, { ...doc, Created: wallTime(doc['Created'], offset), Metadata: { LastTagTime: wallTime((doc['Metadata'] as { LastTagTime?: string }).LastTagTime, offset) } });
}

/** `POST /images/create?fromImage=NAME&tag=TAG`: progress as JSON messages, one a line. */
export function pull(ctx: DockerContext, req: DockerRequest): DockerReply {
  const name = familiarName(req.query.get('fromImage') ?? '');
  const tag = req.query.get('tag') || 'latest';
  const ref = `${name}:${tag}`;
  const before = ctx.session.state.docker;
  const r = pullImage(before, ref);
  const { repository } = parseImageRef(ref);
  if (!r) throw notFound(`pull access denied for ${repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  const digest = { status: `Digest: sha256:${r.image.id}` };
  if (!r.pulled) return jsonMessages([{ status: `Pulling from library/${repository}`, id: tag }, digest, { status: `Status: Image is up to date for ${repository}:${tag}` }]);
  ctx.commit({ ...ctx.session.state, docker: r.host });
  return jsonMessages([
    { status: `Pulling from library/${repository}`, id: tag },
    ...r.image.layers.map((d) => ({ status: before.layers[d] !== undefined ? 'Already exists' : 'Pull complete', progressDetail: {}, id: shortId(d) })),
    digest,
    { status: `Status: Downloaded newer image for ${repository}:${tag}` },
  ]);
}

/** `DELETE /images/NAME`: what `docker rmi` untagged and deleted. */
export function removeImage(ctx: DockerContext, ref: string, force: boolean): DockerReply {
  const out = ctx.run(['rmi', ...(force ? ['-f'] : []), familiarName(ref)]);
  if (out.exitCode !== 0) throw fromDaemonMessage(out.stderr);
  ctx.commit(out.state);
  const items = out.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => (l.startsWith('Untagged: ') ? { Untagged: l.slice('Untagged: '.length) } : { Deleted: l.slice('Deleted: '.length) }));
  return json(200, items);
}
