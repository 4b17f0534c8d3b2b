// The container endpoints: list, create, start, stop, restart, kill, wait, remove, inspect and
// logs. Creating and starting are separate here, as in the daemon (`docker run` is create, then
// attach, wait and start); stop, restart and rm go through the command layer's lifecycle, which
// knows docker's stop timeout on the simulated clock and kind's node containers.
import { findContainer, findImage, runContainer, startContainerWithOutput, dockerStartError, stopContainer, stopOutcome, stopSignal, type DockerContainer } from '../../engine/index.ts';
import { findKindNode, kindNodes } from '../../engine/docker/kind-nodes.ts';
import { inspect } from '../../commands/docker/inspect.ts';
import type { DockerContext } from './context.ts';
import { ApiError, badRequest, conflict, fromDaemonMessage, notFound } from './errors.ts';
import { createMounts } from './mounts.ts';
import { frames, MULTIPLEXED, RAW_STREAM } from './mux.ts';
import { bodyJson, json, noContent, queryBool, type DockerReply, type DockerRequest } from './reply.ts';
import { containerList, wallTime } from './views.ts';
import type { WaitCondition } from './exits.ts';
import { logBytes, tailOf } from './follow.ts';
import { withStreamConfig } from './inspect-streams.ts';
import { openMainStream } from './main-stream.ts';
import { toTerminal } from './tty.ts';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** A container of the Docker host by name, id or id prefix (kind's nodes are looked up separately). */
export function containerOrThrow(ctx: DockerContext, ref: string): DockerContainer {
  const c = findContainer(ctx.session.state.docker, ref);
  if (!c) throw notFound(`No such container: ${ref}`);
  return c;
}

/** The `filters` query: `{"name":["web"]}` (and the older `{"name":{"web":true}}`) → values by key. */
function filterValues(req: DockerRequest): Map<string, string[]> {
  const raw = JSON.parse(req.query.get('filters') || '{}') as Record<string, string[] | Record<string, boolean>>;
  return new Map(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v : Object.keys(v)]));
}

/** `GET /containers/json?all&size&limit&filters`: name (a substring, or a regexp as the daemon takes it), status, id, ancestor. */
export function listContainers(ctx: DockerContext, req: DockerRequest): DockerReply {
  const filters = filterValues(req);
  const limit = Number(req.query.get('limit') ?? '-1');
  // A limit or a status filter lists stopped containers too, as the daemon does.
  const all = queryBool(req.query, 'all') || limit > 0 || filters.has('status');
  type Row = { Names: string[]; State: string; Id: string; Image: string };
  let rows = containerList(ctx.session.state, ctx.session.offsetMs, all, queryBool(req.query, 'size')) as Row[];
  const keep = (key: string, test: (r: Row, v: string) => boolean) => {
    const values = filters.get(key);
    if (values?.length) rows = rows.filter((r) => values.some((v) => test(r, v)));
  };
  keep('name', (r, v) => { try { return new RegExp(v).test(r.Names[0]!.slice(1)); } catch { return r.Names[0]!.includes(v); } });
  keep('status', (r, v) => r.State === v);
  keep('id', (r, v) => r.Id.startsWith(v));
  keep('ancestor', (r, v) => r.Image === v || r.Image === `${v}:latest` || `${r.Image}:latest` === v);
  return json(200, limit > 0 ? rows.slice(0, limit) : rows);
}

/** `POST /containers/create?name=`: the container is made (its mounts prepared) but not started. */
export function createContainer(ctx: DockerContext, req: DockerRequest): DockerReply {
  const state = ctx.session.state;
  const config = bodyJson(req);
  const hostConfig = (config['HostConfig'] as Record<string, unknown> | undefined) ?? {};
  const name = req.query.get('name') || undefined;
  if (name !== undefined && !NAME.test(name.replace(/^\//, ''))) throw badRequest(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  const image = String(config['Image'] ?? '');
  // The client pulls on a 404 and asks again (`Unable to find image … locally`).
  if (!findImage(state.docker, image)) throw notFound(`No such image: ${image.includes(':') ? image : `${image}:latest`}`);
  const node = name === undefined ? undefined : kindNodes(state).find((n) => n.container.name === name);
  if (node) throw conflict(`Conflict. The container name "/${name}" is already in use by container "${node.container.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  const { mounts, strictBinds } = createMounts(config, hostConfig, Object.keys(state.docker.containers).length);
  const entrypoint = (config['Entrypoint'] as string[] | null | undefined) ?? [];
  const cmd = (config['Cmd'] as string[] | null | undefined) ?? [];
  const result = runContainer(state, {
    image,
    ...(name !== undefined ? { name } : {}),
    command: entrypoint.length ? [...entrypoint, ...cmd] : cmd,
    mounts,
    env: (config['Env'] as string[] | null | undefined) ?? [],
    detach: true,
    interactive: config['OpenStdin'] === true,
    createOnly: true,
    ...(strictBinds.length ? { bindSourcesThatMustExist: strictBinds } : {}),
  });
  const terminal = { tty: config['Tty'] === true, stdinOnce: config['StdinOnce'] === true };
  if (!result.ok) {
    // runc's refusal comes with a container that exists, Created: the daemon reports it at start.
    const made = result.state && Object.values(result.state.docker.containers).find((c) => !state.docker.containers[c.id]);
    if (!made) throw /^Conflict/.test(result.error) ? conflict(result.error) : badRequest(result.error);
    ctx.commit(result.state!);
    ctx.terminals.set(made.id, terminal);
    if (hostConfig['AutoRemove'] === true) ctx.exits.autoRemove.add(made.id);
    return json(201, { Id: made.id, Warnings: [] });
  }
  ctx.commit(result.state);
  ctx.terminals.set(result.container.id, terminal);
  if (hostConfig['AutoRemove'] === true) ctx.exits.autoRemove.add(result.container.id);
  return json(201, { Id: result.container.id, Warnings: [] });
}

/** `POST /containers/ID/start`: the command runs now; what it prints goes to the attached clients. */
export function start(ctx: DockerContext, ref: string): DockerReply {
  const node = findContainer(ctx.session.state.docker, ref) ? undefined : findKindNode(ctx.session.state, ref);
  if (node) return lifecycleThroughCli(ctx, 'start', ref, []);
  const c = containerOrThrow(ctx, ref);
  if (c.state === 'running') return { code: 304 };
  const refused = dockerStartError(ctx.session.state, c.id);
  if (refused) {
    ctx.exits.startFailed(c.id, 127);
    if (ctx.exits.autoRemove.has(c.id)) ctx.commit(ctx.run(['rm', '-f', '-v', c.id]).state);
    throw new ApiError(500, refused);
  }
  ctx.exits.starting(c.id);
  const started = startContainerWithOutput(ctx.session.state, c.id)!;
  const text = (started.output.chunks ?? [{ text: started.output.stdout }, { text: started.output.stderr }]).map((x) => x.text).join('');
  const out = ctx.terminals.get(c.id)?.tty ? Buffer.from(toTerminal(text)) : frames(started.output);
  if (started.state.docker.containers[c.id]?.state === 'running') {
    ctx.commit(started.state);
    for (const s of ctx.exits.attachedTo(c.id)) s.write(out);
    // A main process that reads its stdin is fed by the attached clients from now on (a shell prints its prompt).
    openMainStream(ctx, c.id);
    return noContent;
  }
  // Ended at once: its output goes out before the commit closes the attached streams.
  for (const s of ctx.exits.attachedTo(c.id)) s.write(out);
  ctx.commit(started.state);
  return noContent;
}

/** `POST /containers/ID/resize?h=&w=`: the pty's size (nothing here depends on it). */
export function resize(ctx: DockerContext, ref: string): DockerReply {
  const c = containerOrThrow(ctx, ref);
  if (c.state !== 'running') throw conflict(`Container ${c.id} is not running`);
  return { code: 200, raw: '', contentType: 'text/plain; charset=utf-8' };
}

/** stop, restart, rm and a kind node's start: the command layer's lifecycle, its refusals as the daemon's errors. */
function lifecycleThroughCli(ctx: DockerContext, verb: string, ref: string, flags: string[]): DockerReply {
  const out = ctx.run([verb, ...flags, ref]);
  if (out.exitCode !== 0) throw fromDaemonMessage(out.stderr);
  ctx.commit(out.state);
  return noContent;
}

const timeoutFlags = (req: DockerRequest) => [...(req.query.get('t') ? ['-t', req.query.get('t')!] : []), ...(req.query.get('signal') ? ['-s', req.query.get('signal')!] : [])];

export function stop(ctx: DockerContext, ref: string, req: DockerRequest): DockerReply {
  const c = findContainer(ctx.session.state.docker, ref);
  // Stopping a stopped container changes nothing: 304 Not Modified.
  if (c && c.state !== 'running') return { code: 304 };
  return lifecycleThroughCli(ctx, 'stop', ref, timeoutFlags(req));
}

export function restart(ctx: DockerContext, ref: string, req: DockerRequest): DockerReply {
  const c = findContainer(ctx.session.state.docker, ref);
  if (c) ctx.exits.starting(c.id);
  return lifecycleThroughCli(ctx, 'restart', ref, timeoutFlags(req));
}

export function remove(ctx: DockerContext, ref: string, req: DockerRequest): DockerReply {
  const flags = [...(queryBool(req.query, 'force') ? ['-f'] : []), ...(queryBool(req.query, 'v') ? ['-v'] : [])];
  return lifecycleThroughCli(ctx, 'rm', ref, flags);
}

/** `POST /containers/ID/kill?signal=`: SIGKILL by default (exit 137); another signal does what `docker stop`'s would. */
export function kill(ctx: DockerContext, ref: string, req: DockerRequest): DockerReply {
  const state = ctx.session.state;
  const c = containerOrThrow(ctx, ref);
  if (c.state !== 'running') throw conflict(`cannot kill container: ${ref}: container ${c.id} is not running`);
  const signal = stopSignal(state.docker, c, req.query.get('signal') || 'KILL');
  const outcome = stopOutcome(state.docker, c, signal);
  if (outcome !== 'ignores') ctx.commit(stopContainer(state, c.id, outcome === 'killed' ? 137 : 0));
  return noContent;
}

const CONDITIONS: readonly WaitCondition[] = ['not-running', 'next-exit', 'removed'];

/** `POST /containers/ID/wait`: answered when the condition is met (the server writes the body then). */
export function wait(ctx: DockerContext, ref: string, req: DockerRequest, answer: (reply: DockerReply) => void): void {
  const c = findContainer(ctx.session.state.docker, ref);
  const condition = (req.query.get('condition') || 'not-running') as WaitCondition;
  if (!CONDITIONS.includes(condition)) throw badRequest(`invalid condition: "${condition}"`);
  // A `--rm` container may be gone before its client's wait arrives: the tracker remembers its status.
  const id = c?.id ?? (/^[0-9a-f]{64}$/.test(ref) ? ref : undefined);
  if (!id) throw notFound(`No such container: ${ref}`);
  ctx.exits.wait(ctx.session.state, id, condition, (code) => answer(json(200, { StatusCode: code, Error: null })));
}

/** `GET /containers/ID/json`: the same document `docker inspect` prints in `kubesim run`. */
export function inspectContainer(ctx: DockerContext, ref: string): DockerReply {
  const out = inspect({ state: ctx.session.state, argv: [], files: { read: () => undefined } }, [ref], 'container');
  if (out.exitCode !== 0) throw notFound(`No such container: ${ref}`);
  // Times as today's, like the `Created` that `docker ps` counts its ages from.
  const doc = (JSON.parse(out.stdout) as Record<string, unknown>[])[0]!;
  const state = doc['State'] as Record<string, unknown>;
  const offset = ctx.session.offsetMs;
  return json(200, { ...withStreamConfig(ctx, findContainer(ctx.session.state.docker, ref), doc), Created: wallTime(doc['Created'], offset), State: { ...state, StartedAt: wallTime(state['StartedAt'], offset), FinishedAt: wallTime(state['FinishedAt'], offset) } });
}

/** `GET /containers/ID/logs`: what the container printed, as multiplexed frames (`--tail N` honoured). */
export function logs(ctx: DockerContext, ref: string, req: DockerRequest): DockerReply {
  const node = findContainer(ctx.session.state.docker, ref) ? undefined : findKindNode(ctx.session.state, ref);
  if (node) return { code: 200, raw: Buffer.alloc(0), contentType: MULTIPLEXED };
  const c = containerOrThrow(ctx, ref);
  if (!queryBool(req.query, 'stdout') && !queryBool(req.query, 'stderr')) throw badRequest('Bad parameters: you must choose at least one stream');
  const tty = ctx.terminals.get(c.id)?.tty ?? false;
  return { code: 200, raw: logBytes(tty, tailOf(c.logs, req.query.get('tail'))), contentType: tty ? RAW_STREAM : MULTIPLEXED };
}
