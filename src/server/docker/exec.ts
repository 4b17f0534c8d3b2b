// `docker exec`: `POST /containers/ID/exec` makes an exec instance, `POST /exec/ID/start` (a
// hijacked connection) runs it and streams its output, `GET /exec/ID/json` gives its exit code.
// On a TTY (`exec -it C sh`), and for a shell or filter fed by a pipe (`exec -i C sh`), the
// program runs as a process fed line by line as input arrives; anything else runs once, on its
// whole stdin (`exec -i C sh -c 'cat > f' < file`).
import type { Socket } from 'node:net';
import { execInContainer, findContainer, readsStdin, type ShellResult } from '../../engine/index.ts';
import { digestHex } from '../../engine/runtime/ids.ts';
import { execInKindNode, findKindNode } from '../../engine/docker/kind-nodes.ts';
import type { InteractiveTarget } from '../../engine/containers/interactive.ts';
import type { DockerContext, ExecRecord } from './context.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import type { HijackedInput } from './hijack.ts';
import { frames } from './mux.ts';
import { openProcessStream } from './process-stream.ts';
import { EXEC_START_FAILED, missingShell } from '../../commands/docker/missing-shell.ts';
import { bodyJson, json, type DockerReply, type DockerRequest } from './reply.ts';
import { toTerminal } from './tty.ts';
import { sendOnSocket, upgraded } from './upgrade.ts';

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
  ctx.execs.set(id, { id, container: target.id, ...(node ? { node: node.container.name } : {}), cmd, attachStdin: body['AttachStdin'] === true, tty: body['Tty'] === true, running: false, exitCode: null });
  return json(201, { Id: id });
}

/** Runs an exec instance once, with what its client wrote to stdin. */
export function runExec(ctx: DockerContext, id: string, stdin: string): ShellResult {
  const exec = ctx.execs.get(id);
  if (!exec) throw notFound(`No such exec instance: ${id}`);
  const state = ctx.session.state;
  if (!exec.node && state.docker.containers[exec.container]?.state !== 'running') throw conflict(`container ${exec.container} is not running`);
  const r = exec.node ? execInKindNode(state, exec.node, exec.cmd, stdin) : execInContainer(state, exec.container, exec.cmd, stdin);
  ctx.commit(r.state);
  exec.exitCode = r.output.code;
  return r.output;
}

/** `POST /exec/ID/start`: detached, or the connection upgraded and the process's streams on it. */
export async function startExec(ctx: DockerContext, id: string, options: { Detach?: boolean; Tty?: boolean }, socket: Socket, input: HijackedInput): Promise<void> {
  const exec = ctx.execs.get(id)!;
  if (options.Detach) {
    runExec(ctx, id, '');
    return sendOnSocket(socket, { code: 200, body: {} });
  }
  const tty = exec.tty || options.Tty === true;
  upgraded(socket, tty);
  // A shell the image lacks (bash in busybox) cannot start: moby writes the error on stdout with
  // CR NL (postContainerExecStart) and the exec's status is 126.
  const missing = exec.node ? undefined : missingShell(ctx.session.state, exec.container, exec.cmd);
  if (missing) {
    exec.exitCode = EXEC_START_FAILED;
    return void socket.end(tty ? `${missing}\r\n` : frames({ stdout: `${missing}\r\n`, stderr: '', code: EXEC_START_FAILED }));
  }
  // On a TTY every program runs as a process (one that reads no input runs at once); without one,
  // a shell or a filter reading the pipe does, and anything else (`sh -c 'cat > f'`) gets its stdin whole.
  if ((tty || (exec.attachStdin && readsStdin(exec.cmd))) && streamExec(ctx, exec, tty, socket, input)) return;
  const stdin = exec.attachStdin ? await input.all() : '';
  ctx.session.sync();
  const output = runExec(ctx, id, stdin);
  socket.end(tty ? toTerminal((output.chunks ?? [{ text: output.stdout }, { text: output.stderr }]).map((c) => c.text).join('')) : frames(output));
}

/** A process fed by its client line by line; false when it cannot be started that way. */
function streamExec(ctx: DockerContext, exec: ExecRecord, tty: boolean, socket: Socket, input: HijackedInput): boolean {
  const target: InteractiveTarget = exec.node ? { kind: 'kind-node', node: exec.node } : { kind: 'docker', id: exec.container };
  exec.running = true;
  const stream = openProcessStream(
    {
      state: () => {
        ctx.session.sync();
        return ctx.session.state;
      },
      commit: (state) => ctx.commit(state),
      write: (chunk) => void socket.write(chunk),
      exited: (code) => {
        exec.running = false;
        exec.exitCode = code;
        socket.end();
      },
    },
    target,
    exec.cmd,
    tty,
  );
  if (!stream) {
    exec.running = false;
    return false;
  }
  if (stream.ended) return true;
  // `docker exec -t` without -i: its stdin is closed from the start.
  if (exec.attachStdin) input.stream((chunk) => stream.input(chunk), () => stream.end());
  else stream.end();
  return true;
}

/** `POST /exec/ID/resize?h=&w=`: the pty's size (nothing here depends on it). */
export function resizeExec(ctx: DockerContext, id: string): DockerReply {
  if (!ctx.execs.has(id)) throw notFound(`No such exec instance: ${id}`);
  return { code: 200, raw: '', contentType: 'text/plain; charset=utf-8' };
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
    ProcessConfig: { tty: exec.tty, entrypoint, arguments: args, privileged: false },
    OpenStdin: exec.attachStdin,
    OpenStderr: true,
    OpenStdout: true,
    CanRemove: false,
    ContainerID: exec.container,
    DetachKeys: '',
    Pid: 0,
  });
}
