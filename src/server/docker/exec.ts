// `docker exec`: `POST /containers/ID/exec` makes an exec instance, `POST /exec/ID/start` (a
// hijacked connection) runs it and streams its output, `GET /exec/ID/json` gives its exit code.
import { execInContainer, findContainer } from '../../engine/index.ts';
import { digestHex } from '../../engine/runtime/ids.ts';
import { execInKindNode, findKindNode } from '../../engine/docker/kind-nodes.ts';
import type { DockerContext } from './context.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import { frames } from './mux.ts';
import { bodyJson, json, type DockerReply, type DockerRequest } from './reply.ts';

export function createExec(ctx: DockerContext, ref: string, req: DockerRequest): DockerReply {
  const state = ctx.session.state;
  const body = bodyJson(req);
  const cmd = (body['Cmd'] as string[] | null | undefined) ?? [];
  if (cmd.length === 0) throw badRequest('No exec command specified');
  const c = findContainer(state.docker, ref);
  const node = c ? undefined : findKindNode(state, ref);
  if (!c && !node) throw notFound(`No such container: ${ref}`);
  const target = c ?? node!.container;
  if (target.state !== 'running') throw conflict(`container ${target.id} is not running`);
  const id = digestHex(`exec|${target.id}|${ctx.execs.size}`);
  ctx.execs.set(id, { id, container: target.id, ...(node ? { node: node.container.name } : {}), cmd, attachStdin: body['AttachStdin'] === true, running: false, exitCode: null });
  return json(201, { Id: id });
}

/** Runs an exec instance with what its client wrote to stdin; the output as multiplexed frames. */
export function runExec(ctx: DockerContext, id: string, stdin: string): Buffer {
  const exec = ctx.execs.get(id);
  if (!exec) throw notFound(`No such exec instance: ${id}`);
  const state = ctx.session.state;
  if (!exec.node && state.docker.containers[exec.container]?.state !== 'running') throw conflict(`container ${exec.container} is not running`);
  const r = exec.node ? execInKindNode(state, exec.node, exec.cmd, stdin) : execInContainer(state, exec.container, exec.cmd, stdin);
  ctx.commit(r.state);
  exec.exitCode = r.output.code;
  return frames(r.output);
}

/** Whether the exec instance exists (a start for an unknown one is refused before the upgrade). */
export function findExec(ctx: DockerContext, id: string): boolean {
  return ctx.execs.has(id);
}

export function inspectExec(ctx: DockerContext, id: string): DockerReply {
  const exec = ctx.execs.get(id);
  if (!exec) throw notFound(`No such exec instance: ${id}`);
  const [entrypoint, ...args] = exec.cmd;
  return json(200, {
    ID: exec.id,
    Running: exec.running,
    ExitCode: exec.exitCode,
    ProcessConfig: { tty: false, entrypoint, arguments: args, privileged: false },
    OpenStdin: exec.attachStdin,
    OpenStderr: true,
    OpenStdout: true,
    CanRemove: false,
    ContainerID: exec.container,
    DetachKeys: '',
    Pid: 0,
  });
}
