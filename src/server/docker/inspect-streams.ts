// What `docker attach` and `docker start -a[i]` read from `GET /containers/ID/json` before they
// stream: Config.Tty and Config.OpenStdin (raw stream or frames, stdin or not) and
// HostConfig.AutoRemove (which wait to ask for; the client dereferences HostConfig, so a document
// without it crashes `docker start -a`). The command layer's `docker inspect` does not print
// these yet; they are added here in the daemon's key order.
import type { DockerContainer } from '../../engine/index.ts';
import type { DockerContext } from './context.ts';

export function withStreamConfig(ctx: DockerContext, c: DockerContainer | undefined, doc: Record<string, unknown>): Record<string, unknown> {
  if (!c) return doc;
  const terminal = ctx.terminals.get(c.id);
  let out = doc;
  if (terminal && (terminal.tty || c.openStdin)) {
    const { Hostname, ...config } = doc['Config'] as Record<string, unknown>;
    out = { ...out, Config: { Hostname, Tty: terminal.tty, OpenStdin: c.openStdin === true, StdinOnce: terminal.stdinOnce, ...config } };
  }
  if (out['HostConfig'] === undefined) {
    // HostConfig comes just before GraphDriver in the daemon's document.
    const entries = Object.entries(out);
    const at = entries.findIndex(([k]) => k === 'GraphDriver');
    entries.splice(at < 0 ? entries.length : at, 0, ['HostConfig', { AutoRemove: ctx.exits.autoRemove.has(c.id) }]);
    out = Object.fromEntries(entries);
  }
  return out;
}
