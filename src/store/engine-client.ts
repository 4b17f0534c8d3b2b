// The page's side of the engine: a runner takes one job at a time and answers with a JobOutcome
// (never a throw). The worker runner posts the job to a module worker and can be cancelled or
// timed out at any moment by terminating that worker: the page's state is untouched until a
// job's result arrives, so throwing the worker away loses nothing but the job. The inline
// runner runs in-process (unit tests, and any page where a worker cannot start).
import type { ClusterState, DocumentResult } from '../engine/index.ts';
import type { EngineJob, EngineReply, EngineRequest, EngineResults, JobOutcome } from './engine-protocol.ts';
import { addPart, splitState, stateEntries, WHOLE_STATE_ENTRIES } from './state-parts.ts';

export type JobType = EngineJob['type'];
export type JobOf<K extends JobType> = Extract<EngineJob, { type: K }>;

export interface RunOptions {
  /** Hears the worker's progress (replay: actions done of total). */
  onProgress?: (done: number, total: number) => void;
  /** Past this many milliseconds the job is stopped (the worker is terminated) with reason 'timeout'. */
  timeoutMs?: number;
}

export interface EngineRunner {
  /** Runs a job. A synchronous runner may answer at once (tests rely on that for editor actions). */
  run<K extends JobType>(job: JobOf<K>, opts?: RunOptions): JobOutcome<EngineResults[K]> | Promise<JobOutcome<EngineResults[K]>>;
  /** Stops the running job (its outcome is 'cancelled'); false when nothing was running or it cannot be stopped. */
  cancel(): boolean;
  /** Set by the in-process runner: fresh clusters and editor actions are answered at once. */
  synchronous?: true;
}

/** The timer functions the worker runner needs (passed in so tests can drive them). */
export interface RunnerTimers {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers = (): RunnerTimers => ({
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

/** The subset of `Worker` the runner uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<EngineReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface Running {
  id: number;
  job: EngineJob;
  started: number;
  resolve: (o: JobOutcome<never>) => void;
  onProgress?: RunOptions['onProgress'];
  progress?: { done: number; total: number };
  timer?: unknown;
  /** A result arriving in slices (engine-host.ts): the end state being rebuilt, the results so far. */
  incoming?: { state?: ClusterState; results: DocumentResult[] };
}

/** The value of a `done` reply with the fields that came in slices put back. */
export function assembled(reply: Extract<EngineReply, { type: 'done' }>, incoming: Running['incoming']): EngineResults[JobType] {
  if (!reply.parts) return reply.value;
  const v = { ...(reply.value as EngineResults['manifest']) };
  if (reply.parts.state) v.state = incoming!.state!;
  if (reply.parts.result) v.result = incoming!.results;
  return v;
}

/** Lets the page's other tasks run between two slices of a large state (input, paint). */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createWorkerRunner(spawn: () => WorkerLike, timers: RunnerTimers = realTimers()): EngineRunner {
  let worker: WorkerLike | null = null;
  // The state object (as the page holds it) that the worker also holds as its `last`: acting on
  // it sends a reference instead of structured-cloning the whole cluster again.
  let last: ClusterState | null = null;
  let current: Running | null = null;
  let nextId = 1;

  const kill = () => {
    worker?.terminate();
    worker = null;
    last = null;
  };

  const finish = (outcome: JobOutcome<unknown>) => {
    const c = current;
    if (!c) return;
    current = null;
    if (c.timer !== undefined) timers.clearTimeout(c.timer);
    c.resolve(outcome as JobOutcome<never>);
  };

  const fail = (reason: 'cancelled' | 'timeout' | 'internal', message: string) => {
    if (!current) return;
    finish({ ok: false, reason, message, elapsedMs: timers.now() - current.started, ...(current.progress ? { progress: current.progress } : {}) });
  };

  const onReply = (reply: EngineReply) => {
    const c = current;
    if (!c || reply.id !== c.id) return; // a reply to a job already cancelled
    switch (reply.type) {
      case 'progress':
        c.progress = { done: reply.done, total: reply.total };
        c.onProgress?.(reply.done, reply.total);
        return;
      case 'need-state':
        last = null;
        return void send(c);
      case 'error':
        return fail('internal', reply.message);
      case 'state-begin':
        c.incoming = { results: c.incoming?.results ?? [], state: reply.skeleton };
        return;
      case 'state-part':
        if (c.incoming?.state) addPart(c.incoming.state, reply.part);
        return;
      case 'result-part':
        c.incoming = { ...c.incoming, results: [...(c.incoming?.results ?? []), ...reply.items] };
        return;
      case 'done': {
        const v = assembled(reply, c.incoming);
        if (c.job.type === 'start') last = v as EngineResults['start'];
        else if (c.job.type === 'manifest') last = (v as EngineResults['manifest']).state;
        else if (c.job.type === 'command') {
          const out = v as EngineResults['command'];
          if (!out.unchanged) last = out.state;
        }
        else if (c.job.type === 'replay') last = (v as EngineResults['replay']).frames.at(-1)!.state;
        if (!reply.parts && c.job.type !== 'replay') return finish({ ok: true, value: v });
        // A large result: the store takes it in (and React draws it) in a task of its own, not in
        // the one that just deserialized the message, so neither adds to the other's length.
        timers.setTimeout(() => current === c && finish({ ok: true, value: v }), 0);
        return;
      }
    }
  };

  const start = (): WorkerLike => {
    const w = spawn();
    w.onmessage = (e) => onReply(e.data);
    // The worker died (out of memory, a chunk that did not load): the job fails, the next starts a fresh one.
    w.onerror = (e) => {
      e.preventDefault?.();
      fail('internal', `the engine stopped${e.message ? ` (${e.message})` : ''}`);
      kill();
    };
    return w;
  };

  async function send(c: Running) {
    const job = c.job;
    try {
      let req: EngineRequest;
      if (job.type === 'manifest' || job.type === 'command') {
        let state: Extract<EngineRequest, { type: 'manifest' }>['state'];
        if (job.state === last) state = { last: true };
        else if (stateEntries(job.state) < WHOLE_STATE_ENTRIES) state = { last: false, state: job.state };
        else {
          // A large state goes in slices, the page answering input between them.
          const { skeleton, parts } = splitState(job.state);
          (worker ??= start()).postMessage({ id: c.id, type: 'state-begin', skeleton });
          for (const part of parts) {
            await yieldToPage();
            if (current !== c || !worker) return; // cancelled meanwhile
            worker.postMessage({ id: c.id, type: 'state-part', part });
          }
          state = { last: false, parts: true };
        }
        req = { ...job, id: c.id, state };
        last = job.state; // the worker makes a state sent to it its `last` (engine-host.ts)
      } else {
        req = { ...job, id: c.id };
      }
      (worker ??= start()).postMessage(req);
    } catch (err) {
      fail('internal', `the engine could not be given this job (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  return {
    run(job, opts = {}) {
      if (current) return { ok: false, reason: 'internal', message: 'the engine is still busy with another action', elapsedMs: 0 };
      return new Promise((resolve) => {
        const c: Running = { id: nextId++, job, started: timers.now(), resolve, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) };
        current = c;
        if (opts.timeoutMs !== undefined) {
          c.timer = timers.setTimeout(() => {
            if (current !== c) return;
            fail('timeout', `stopped after ${opts.timeoutMs} ms`);
            kill();
          }, opts.timeoutMs);
        }
        void send(c);
      });
    },
    cancel() {
      if (!current) return false;
      fail('cancelled', 'Cancelled');
      kill();
      return true;
    },
  };
}

/**
 * In-process, loaded on first use: the fallback for a page where a worker cannot start. The
 * engine's write path (and its schema validator) then loads only if it is needed, never with the
 * first screen. Unit tests register the synchronous inline runner instead (default-runner.ts).
 */
export function createLazyInlineRunner(): EngineRunner {
  let inner: Promise<EngineRunner> | undefined;
  const load = () => (inner ??= import('./engine-inline.ts').then((m) => m.createInlineRunner()));
  return {
    run: ((job: EngineJob, opts?: RunOptions) => load().then((r) => r.run(job, opts))) as EngineRunner['run'],
    cancel: () => false,
  };
}
