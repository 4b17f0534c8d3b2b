// `docker build`, `docker images`, `docker image history`, `docker image inspect`, `docker pull`,
// `docker rmi`, printed column for column like the docker CLI (v28).
import { buildImage, findImage, imageSize, parseImageRef, pullImage, type ClusterState, type DockerHost, type DockerImage } from '../../engine/index.ts';
import { output, type CommandInput, type CommandOutput } from '../types.ts';
import { ago, dockerJson, dockerTable, humanSize } from './format.ts';
import { flagValue, hasFlag, type ParsedDockerFlags } from './flags.ts';
import { daemonError, fail } from './errors.ts';

type Parsed = Extract<ParsedDockerFlags, { ok: true }>;

/** Go's stringutils.Ellipsis: cut to `max` characters, the last one an ellipsis. */
export function ellipsis(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

export const shortId = (id: string) => id.slice(0, 12);
export const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** `docker build -t NAME [-f FILE] DIR` or `docker build -t NAME - <<EOF`. */
export function build(input: CommandInput, p: Parsed): CommandOutput {
  const dir = p.positional[0];
  if (p.positional.length !== 1) return fail(input.state, `"docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build`, 1);
  const tag = flagValue(p.flags, 'tag', 't');
  const fromStdin = dir === '-';
  const base = dir!.replace(/\/+$/, '');
  const file = flagValue(p.flags, 'file', 'f') ?? `${fromStdin ? '' : `${base}/`}Dockerfile`;
  const dockerfile = fromStdin ? input.stdin : input.files.read(file);
  if (dockerfile === undefined) {
    const msg = fromStdin ? 'ERROR: failed to build: failed to read dockerfile: no Dockerfile on stdin' : `ERROR: failed to build: failed to solve: failed to read dockerfile: open ${file.replace(/^.*\//, '')}: no such file or directory`;
    return fail(input.state, msg, 1);
  }
  const result = buildImage(input.state, input.state.docker, {
    tag: tag ?? '',
    dockerfile,
    context: (path) => (fromStdin ? undefined : input.files.read(`${base}/${path.replace(/^\.?\//, '')}`)),
  });
  // -q: no progress, only the image id (and the error, when there is one).
  const quiet = hasFlag(p.flags, 'quiet', 'q');
  if (!result.ok) return output(input.state, { stderr: (quiet ? '' : result.progress) + result.error + '\n', exitCode: 1 });
  return output({ ...input.state, docker: result.host }, quiet ? { stdout: `sha256:${result.image.id}\n` } : { stderr: result.progress });
}

/** Image rows: one per tag, `<none>` for a dangling image. */
function imageRows(state: ClusterState): { repo: string; tag: string; image: DockerImage }[] {
  const rows = Object.values(state.docker.images).flatMap((image) =>
    image.tags.length ? image.tags.map((t) => ({ ...parseImageRef(t), image })) : [{ repository: '<none>', tag: '<none>', image }],
  );
  return rows.sort((a, b) => b.image.created - a.image.created || a.repository.localeCompare(b.repository)).map((r) => ({ repo: r.repository, tag: r.tag, image: r.image }));
}

export function images(input: CommandInput, p: Parsed): CommandOutput {
  const { state } = input;
  const quiet = hasFlag(p.flags, 'quiet', 'q');
  const filter = p.positional[0];
  const rows = imageRows(state).filter((r) => !filter || r.repo === parseImageRef(filter).repository && (!filter.includes(':') || r.tag === parseImageRef(filter).tag));
  if (quiet) return output(state, { stdout: [...new Set(rows.map((r) => shortId(r.image.id)))].map((l) => l + '\n').join('') });
  return output(state, {
    stdout: dockerTable(
      ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
      rows.map((r) => [r.repo, r.tag, shortId(r.image.id), ago(state.now, r.image.created), humanSize(imageSize(state.docker, r.image))]),
    ),
  });
}

export function history(input: CommandInput, p: Parsed): CommandOutput {
  const { state } = input;
  const ref = p.positional[0];
  if (p.positional.length !== 1) return fail(state, `"docker image history" requires exactly 1 argument.\nSee 'docker image history --help'.\n\nUsage:  docker image history [OPTIONS] IMAGE\n\nShow the history of an image`, 1);
  const image = findImage(state.docker, ref!);
  if (!image) return daemonError(state, `No such image: ${ref}`);
  const noTrunc = hasFlag(p.flags, 'no-trunc');
  const human = flagValue(p.flags, 'human', 'H') !== 'false';
  const rows = [...image.history].reverse().map((h, i) => [
    i === 0 ? (noTrunc ? `sha256:${image.id}` : shortId(image.id)) : '<missing>',
    human ? ago(state.now, h.created) : rfc3339(h.created),
    noTrunc ? h.createdBy : ellipsis(h.createdBy, 45),
    human ? humanSize(h.size) : String(h.size),
    h.comment,
  ]);
  return output(state, { stdout: dockerTable(['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], rows) });
}

export function inspectImages(input: CommandInput, refs: readonly string[]): CommandOutput {
  const { state } = input;
  const found: unknown[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    const image = findImage(state.docker, ref);
    if (!image) {
      errors.push(`Error response from daemon: No such image: ${ref}`);
      continue;
    }
    found.push({
      Id: `sha256:${image.id}`,
      RepoTags: image.tags,
      RepoDigests: [],
      Parent: '',
      Comment: 'buildkit.dockerfile.v0',
      Created: rfc3339(image.created),
      DockerVersion: '',
      Author: '',
      Config: { Env: image.env, Cmd: image.cmd, Entrypoint: image.entrypoint.length ? image.entrypoint : null, WorkingDir: image.workdir === '/' ? '' : image.workdir, Labels: null },
      Architecture: 'amd64',
      Os: 'linux',
      Size: imageSize(state.docker, image),
      GraphDriver: { Data: null, Name: 'overlay2' },
      RootFS: { Type: 'layers', Layers: image.layers.map((d) => `sha256:${d}`) },
      Metadata: { LastTagTime: rfc3339(image.created) },
    });
  }
  return output(state, { stdout: dockerJson(found), stderr: errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 });
}

/** What `docker pull` and an implicit pull in `docker run` print. */
export function pullProgress(image: DockerImage, before: DockerHost): string {
  const { repository, tag } = parseImageRef(image.tags[0] ?? '');
  const layer = (d: string) => `${shortId(d)}: ${before.layers[d] !== undefined ? 'Already exists' : 'Pull complete'}`;
  return [`${tag}: Pulling from library/${repository}`, ...image.layers.map(layer), `Digest: sha256:${image.id}`, `Status: Downloaded newer image for ${repository}:${tag}`].join('\n') + '\n';
}

export function pull(input: CommandInput, p: Parsed): CommandOutput {
  const ref = p.positional[0];
  if (!ref) return fail(input.state, `"docker pull" requires exactly 1 argument.\nSee 'docker pull --help'.\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nDownload an image from a registry`, 1);
  const r = pullImage(input.state.docker, ref);
  const { repository, tag } = parseImageRef(ref);
  if (!r) return daemonError(input.state, `pull access denied for ${repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  const reference = `docker.io/library/${repository}:${tag}\n`;
  const state = r.pulled ? { ...input.state, docker: r.host } : input.state;
  // -q prints only the reference; a name without a tag says which tag it took (pull.go runPull).
  if (hasFlag(p.flags, 'quiet', 'q')) return output(state, { stdout: reference });
  const nameOnly = !/@/.test(ref) && !(ref.lastIndexOf(':') > ref.lastIndexOf('/'));
  const defaultTag = nameOnly ? 'Using default tag: latest\n' : '';
  if (!r.pulled) return output(state, { stdout: `${defaultTag}${tag}: Pulling from library/${repository}\nDigest: sha256:${r.image.id}\nStatus: Image is up to date for ${repository}:${tag}\n${reference}` });
  return output(state, { stdout: defaultTag + pullProgress(r.image, input.state.docker) + reference });
}

/** `docker rmi`: untags, and deletes the image once no tag and no container holds it. */
export function rmi(input: CommandInput, p: Parsed): CommandOutput {
  let state = input.state;
  let stdout = '';
  let stderr = '';
  for (const ref of p.positional) {
    const image = findImage(state.docker, ref);
    if (!image) {
      stderr += `Error response from daemon: No such image: ${ref}\n`;
      continue;
    }
    const user = Object.values(state.docker.containers).find((c) => c.imageId === image.id);
    if (user && !hasFlag(p.flags, 'force', 'f')) {
      stderr += `Error response from daemon: conflict: unable to remove repository reference "${ref}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}\n`;
      continue;
    }
    const tag = image.tags.find((t) => t === `${parseImageRef(ref).repository}:${parseImageRef(ref).tag}`);
    const remaining = tag ? image.tags.filter((t) => t !== tag) : [];
    const tags = { ...state.docker.tags };
    for (const t of tag ? [tag] : image.tags) delete tags[t];
    const imagesNext = { ...state.docker.images };
    if (tag) stdout += `Untagged: ${tag}\n`;
    if (remaining.length === 0) {
      delete imagesNext[image.id];
      stdout += `Deleted: sha256:${image.id}\n`;
    } else imagesNext[image.id] = { ...image, tags: remaining };
    const used = new Set(Object.values(imagesNext).flatMap((i) => i.layers));
    const layers = Object.fromEntries(Object.entries(state.docker.layers).filter(([d]) => used.has(d)));
    state = { ...state, docker: { ...state.docker, images: imagesNext, tags, layers } };
  }
  return output(state, { stdout, stderr, exitCode: stderr ? 1 : 0 });
}
