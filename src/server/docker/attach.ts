// `POST /containers/ID/attach`: the client receives what the container's main process prints from
// now on (with `logs=1`, what it printed before too) and, with `stdin=1`, types into it. `docker
// run` attaches before it starts the container; `docker attach` to one that runs.
import { findContainer } from '../../engine/index.ts';
import type { Socket } from 'node:net';
import type { DockerContext } from './context.ts';
import { notFound } from './errors.ts';
import type { HijackedInput } from './hijack.ts';
import { feedMain } from './main-stream.ts';
import { frame } from './mux.ts';
import { queryBool } from './reply.ts';
import { upgraded } from './upgrade.ts';

export function attach(ctx: DockerContext, ref: string, query: URLSearchParams, socket: Socket, input: HijackedInput): void {
  const c = findContainer(ctx.session.state.docker, ref);
  if (!c) throw notFound(`No such container: ${ref}`);
  // A container with a TTY has one raw output; without, stdout and stderr are told apart in frames.
  const tty = ctx.terminals.get(c.id)?.tty ?? false;
  upgraded(socket, tty);
  if (queryBool(query, 'logs') && c.logs) socket.write(tty ? c.logs : frame('stdout', c.logs));
  if (c.state === 'exited' && !queryBool(query, 'stream')) {
    socket.end();
    return;
  }
  ctx.exits.attach(c.id, socket);
  if (!queryBool(query, 'stdin')) return;
  const id = c.id;
  input.stream(
    (chunk) => feedMain(ctx, id, chunk),
    () => {
      // The daemon closes the container's stdin with the client's only for `-i` without a TTY
      // (StdinOnce); otherwise the client's stdin ending (a detach) ends just this attach.
      const terminal = ctx.terminals.get(id);
      if (terminal && !terminal.tty && terminal.stdinOnce) feedMain(ctx, id, null);
      else socket.end();
    },
  );
}
