// `POST /build`: the classic builder's endpoint (`DOCKER_BUILDKIT=0 docker build`). The body is
// the context as a tar; the engine builds the image as `docker build` does in `kubesim run`, and
// the progress goes out in the classic builder's words (`Step 1/5 : FROM …`, ` ---> id`,
// `Successfully built …`) as JSON messages. Intermediate image ids are made up from the result.
import { buildImage, parseDockerfile, pullImage } from '../../engine/index.ts';
import { digestHex } from '../../engine/runtime/ids.ts';
import { shortId } from '../../commands/docker/images.ts';
import type { DockerContext } from './context.ts';
import { badRequest } from './errors.ts';
import { jsonMessages, queryBool, type DockerReply, type DockerRequest } from './reply.ts';
import { readTar } from './tar.ts';

/** What each RUN step printed, read back from the engine's BuildKit-style progress (`#4 0.100 text`). */
function runOutputs(progress: string): Map<string, string> {
  const out = new Map<string, string>();
  let label: string | undefined;
  for (const line of progress.split('\n')) {
    const head = /^#\d+ \[\d+\/\d+\] (RUN .*)$/.exec(line);
    if (head) {
      label = head[1]!;
      out.set(label, '');
      continue;
    }
    const text = /^#\d+ \d+\.\d+ (.*)$/.exec(line);
    if (text && label) out.set(label, out.get(label)! + text[1] + '\n');
    else if (line === '') label = undefined;
  }
  return out;
}

/** The instructions the classic builder runs in a container (and says so). */
const RUNS_CONTAINER = new Set(['RUN', 'WORKDIR', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'LABEL', 'USER', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'ONBUILD']);

export function build(ctx: DockerContext, req: DockerRequest): DockerReply {
  const files = new Map(readTar(req.body).map((f) => [f.path, f.text]));
  const dockerfileName = (req.query.get('dockerfile') || 'Dockerfile').replace(/^(\.\/)+/, '');
  const dockerfile = files.get(dockerfileName);
  if (dockerfile === undefined) throw badRequest(`Cannot locate specified Dockerfile: ${dockerfileName}`);
  const tag = req.query.getAll('t')[0] ?? '';
  const state = ctx.session.state;
  const result = buildImage(state, state.docker, { tag, dockerfile, context: (path) => files.get(path.replace(/^(\.?\/)+/, '')) });
  const steps = parseDockerfile(dockerfile);
  if (!result.ok) {
    // The classic builder reports a failed step as an error message in the stream.
    const message = result.error.replace(/^ERROR: failed to build: failed to solve: /, '').replace(/^process "(.*)" did not complete successfully: exit code: (\d+)$/, "The command '$1' returned a non-zero code: $2");
    return jsonMessages([{ errorDetail: { message }, error: message }]);
  }
  ctx.commit({ ...state, docker: result.host });
  const id = result.image.id;
  if (queryBool(req.query, 'q')) return jsonMessages([{ stream: `sha256:${id}\n` }]);
  const outputs = runOutputs(result.progress);
  const messages: unknown[] = [];
  steps.forEach((step, i) => {
    const container = shortId(digestHex(`classic-container|${id}|${i}`));
    const base = i === 0 ? pullImage(state.docker, step.args.split(/\s+/)[0]!)?.image.id : undefined;
    const after = i === steps.length - 1 ? shortId(id) : shortId(base ?? digestHex(`classic-image|${id}|${i}`));
    messages.push({ stream: `Step ${i + 1}/${steps.length} : ${step.keyword} ${step.args}\n` });
    if (i > 0 && RUNS_CONTAINER.has(step.keyword)) {
      messages.push({ stream: ` ---> Running in ${container}\n` });
      const printed = step.keyword === 'RUN' ? outputs.get(`RUN ${step.args}`) : undefined;
      if (printed) messages.push({ stream: printed });
      messages.push({ stream: ` ---> Removed intermediate container ${container}\n` });
    }
    messages.push({ stream: ` ---> ${after}\n` });
  });
  messages.push({ aux: { ID: `sha256:${id}` } }, { stream: `Successfully built ${shortId(id)}\n` });
  for (const t of req.query.getAll('t')) messages.push({ stream: `Successfully tagged ${t.includes(':') ? t : `${t}:latest`}\n` });
  return jsonMessages(messages);
}
