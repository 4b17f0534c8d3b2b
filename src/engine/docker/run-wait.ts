// `docker run` without -d attaches to the container and returns when its main process ends: on
// the simulated clock, the clock moves from one of its sleeps to the next (main-process.ts) until
// it exits, or until it waits for good (a server, `tail -f`, a loop past its followed sleeps).
import type { ClusterState, Step } from '../cluster/state.ts';
import { advanceClock } from '../runtime/simulation.ts';

export interface Attached {
  state: ClusterState;
  /** What it printed after its first run, as its log has it. */
  printed: string;
  steps: Step[];
}

export function waitForMainProcess(state: ClusterState, id: string): Attached {
  let current = state;
  const steps: Step[] = [];
  const start = state.docker.containers[id]?.logs.length ?? 0;
  for (;;) {
    const c = current.docker.containers[id];
    if (!c || c.state !== 'running' || c.wakeAt === undefined) break;
    const r = advanceClock(current, Math.max(0, c.wakeAt - current.now) / 1000);
    current = r.state;
    for (const s of r.steps) steps.push(s);
  }
  return { state: current, printed: current.docker.containers[id]?.logs.slice(start) ?? '', steps };
}
