// A container's main process that reads its stdin (`docker run -it busybox sh`, `docker run -i
// busybox sh`, `docker run -dit busybox sh` then `docker attach`): the clients attached with
// stdin type into it, what it prints goes to every attached client and to the container's log,
// and when it exits (`exit 3`, Ctrl-D, the stdin of a `-i` run closing) the container stops with
// its status, which answers `docker run`'s wait (and `--rm` removes it).
//
// `docker run` attaches before it starts the container, and writes its stdin at once: input that
// arrives before the process runs waits here until it does, as it would in the pipe.
import { findContainer, readsStdin } from '../../engine/index.ts';
import { appendContainerLog, mainProcessExited } from '../../engine/docker/main-process.ts';
import type { DockerContext } from './context.ts';
import { openProcessStream, type ProcessStream } from './process-stream.ts';

export interface MainProcess {
  stream?: ProcessStream;
  /** Input written before the process started; `null` is its end. */
  queued: (Buffer | null)[];
}

/** Whether the container's main process, running, waits on its stdin. */
export function readsItsStdin(ctx: DockerContext, id: string): boolean {
  const c = ctx.session.state.docker.containers[id];
  return c?.state === 'running' && c.openStdin === true && readsStdin(c.command);
}

/** After a start: connects a main process that reads its stdin, and gives it what was typed meanwhile. */
export function openMainStream(ctx: DockerContext, id: string): boolean {
  const queued = ctx.mains.get(id)?.queued ?? [];
  ctx.mains.delete(id);
  const c = ctx.session.state.docker.containers[id];
  if (!c || !readsItsStdin(ctx, id)) return false;
  const tty = ctx.terminals.get(id)?.tty ?? false;
  const main: MainProcess = { queued: [] };
  ctx.mains.set(id, main);
  const stream = openProcessStream(
    {
      state: () => {
        ctx.session.sync();
        return ctx.session.state;
      },
      commit: (state) => ctx.commit(state),
      write: (chunk, text) => {
        for (const s of ctx.exits.attachedTo(id)) s.write(chunk);
        ctx.session.state = appendContainerLog(ctx.session.state, id, text);
      },
      exited: (code) => {
        if (ctx.mains.get(id) === main) ctx.mains.delete(id);
        ctx.commit(mainProcessExited(ctx.session.state, id, code));
      },
    },
    { kind: 'docker', id },
    c.command,
    tty,
  );
  if (!stream) {
    ctx.mains.delete(id);
    return false;
  }
  main.stream = stream;
  for (const chunk of queued) if (!stream.ended) feedMain(ctx, id, chunk);
  return true;
}

/** Input for a container's main process from an attached client (`null`: its stdin is closed). */
export function feedMain(ctx: DockerContext, ref: string, chunk: Buffer | null): void {
  const id = findContainer(ctx.session.state.docker, ref)?.id ?? ref;
  const main = ctx.mains.get(id);
  if (main?.stream) {
    if (chunk) main.stream.input(chunk);
    else main.stream.end();
    return;
  }
  // Typed before the process started (`docker run`, `docker start -ai` attach first): kept for it.
  const c = ctx.session.state.docker.containers[id];
  if (!c || c.state === 'running') return;
  ctx.mains.set(id, { queued: [...(main?.queued ?? []), chunk] });
}
