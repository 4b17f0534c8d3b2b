// The in-process engine runner: a fresh cluster and editor actions answer synchronously (as the
// store always did, which its tests rely on); commands, replays and analysis load the host
// lazily. It imports the engine's whole write path, so the page reaches it only through
// createLazyInlineRunner.
import { createCluster } from '../engine/index.ts';
import { runManifestAction } from './manifest-action.ts';
import { assembled, type EngineRunner, type JobOf, type Running } from './engine-client.ts';
import { addPart } from './state-parts.ts';
import type { EngineRequest, JobOutcome } from './engine-protocol.ts';

/**
 * In-process: a fresh cluster and editor actions answer synchronously (as the store always did,
 * which its tests rely on); commands, replays and analysis load the host lazily. Cannot be cancelled or timed out.
 */
export function createInlineRunner(now: () => number = () => 0): EngineRunner {
  return {
    run(job, opts = {}) {
      const started = now();
      const internal = (err: unknown) => ({ ok: false as const, reason: 'internal' as const, message: err instanceof Error ? err.message : String(err), elapsedMs: now() - started });
      if (job.type === 'start') {
        const { preset, seed } = job as JobOf<'start'>;
        try {
          return { ok: true, value: createCluster({ preset, seed }) as never };
        } catch (err) {
          return internal(err);
        }
      }
      if (job.type === 'manifest') {
        const { state, action } = job as JobOf<'manifest'>;
        try {
          return { ok: true, value: runManifestAction(state, action) as never };
        } catch (err) {
          return internal(err);
        }
      }
      return (async () => {
        try {
          const { createEngineHost } = await import('./engine-host.ts');
          let outcome: JobOutcome<never> | undefined;
          let incoming: Running['incoming'];
          const host = createEngineHost((reply) => {
            if (reply.type === 'progress') opts.onProgress?.(reply.done, reply.total);
            else if (reply.type === 'state-begin') incoming = { results: incoming?.results ?? [], state: reply.skeleton };
            else if (reply.type === 'state-part') addPart(incoming!.state!, reply.part);
            else if (reply.type === 'result-part') incoming = { ...incoming, results: [...(incoming?.results ?? []), ...reply.items] };
            else if (reply.type === 'done') outcome = { ok: true, value: assembled(reply, incoming) as never };
            else if (reply.type === 'error') outcome = internal(new Error(reply.message));
          });
          const req = job.type === 'command' ? { ...job, id: 1, state: { last: false as const, state: (job as JobOf<'command'>).state } } : { ...job, id: 1 };
          await host.handle(req as EngineRequest);
          return outcome ?? internal(new Error('the engine gave no answer'));
        } catch (err) {
          return internal(err);
        }
      })();
    },
    cancel: () => false,
    synchronous: true,
  };
}
