// Runs each case in a worker thread with a watchdog: synchronous engine code cannot be
// interrupted in-process, so a case that hangs would otherwise hang the test run with it.
import { Worker } from 'node:worker_threads';
import type { Failure, FuzzCase } from './check.ts';

/** No answer within this long is a hang (each call's own budget is 2 s; a case makes a few calls, twice). */
export const HANG_MS = 10_000;

const WORKER_URL = new URL('./worker.ts', import.meta.url).href;
// Workers do not inherit tsx's loader: register it, then load the TypeScript worker.
const BOOT = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

export class CaseRunner {
  private worker: Worker | undefined;
  private nextId = 0;

  constructor(private readonly hangMs = HANG_MS) {}

  private ready: Promise<Worker> | undefined;

  /** A started worker, once it has loaded the engine. */
  private start(): Promise<Worker> {
    if (this.worker && this.ready) return this.ready;
    const worker = new Worker(BOOT, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 1024, stackSizeMb: 8 } });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(worker);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return this.ready;
  }

  async run(c: FuzzCase): Promise<Failure[]> {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (failures: Failure[], restart: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (restart) {
          if (this.worker === worker) {
            this.worker = undefined;
            this.ready = undefined;
          }
          void worker.terminate();
        }
        resolve(failures);
      };
      const onMessage = (m: { id: number; failures: Failure[] }) => {
        if (m.id === id) done(m.failures, false);
      };
      const onError = (e: Error) => done([{ check: 'worker-died', step: -1, detail: `${e.name}: ${e.message}`.slice(0, 300) }], true);
      const onExit = (code: number) => done([{ check: 'worker-died', step: -1, detail: `the worker exited with code ${code}` }], true);
      const timer = setTimeout(() => done([{ check: 'hang', step: -1, detail: `no answer within ${this.hangMs} ms` }], true), this.hangMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, case: c });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (w) await w.terminate();
  }
}
