// For tests: workers that run the real engine host in-process, so the page's side of the worker
// protocol (engine-client.ts) is tested without a browser. Imported by tests only.
import type { WorkerLike } from './engine-client.ts';
import { createEngineHost } from './engine-host.ts';
import type { EngineReply, EngineRequest } from './engine-protocol.ts';

/**
 * A worker that runs the real engine host in-process, structured-cloning both ways as the
 * browser does, and records what it was sent. `hold` keeps replies back until `release()`.
 */
export function fakeWorkers() {
  const sent: EngineRequest[] = [];
  const spawned: { terminated: boolean }[] = [];
  let held: (() => void)[] | null = null;
  const spawn = (): WorkerLike => {
    const me = { terminated: false };
    spawned.push(me);
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(req) {
        sent.push(req);
        const host = hostFor(w, me);
        const go = () => void host.handle(structuredClone(req));
        if (held) held.push(go);
        else queueMicrotask(go);
      },
      terminate: () => void (me.terminated = true),
    };
    return w;
  };
  const hosts = new WeakMap<WorkerLike, ReturnType<typeof createEngineHost>>();
  const hostFor = (w: WorkerLike, me: { terminated: boolean }) => {
    let h = hosts.get(w);
    if (!h) {
      h = createEngineHost((reply: EngineReply) => {
        if (!me.terminated) w.onmessage?.({ data: structuredClone(reply) } as MessageEvent<EngineReply>);
      });
      hosts.set(w, h);
    }
    return h;
  };
  return {
    spawn,
    sent,
    spawned,
    hold: () => void (held = []),
    release: () => {
      const go = held ?? [];
      held = null;
      go.forEach((f) => f());
    },
  };
}
