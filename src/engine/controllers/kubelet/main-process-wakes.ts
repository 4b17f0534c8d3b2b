// The kubelet's side of main processes in simulated time (containers/main-process.ts): a
// container whose process sleeps has a wake, the end of that sleep; at the first sync at or after
// it, the process runs on to now (printing, writing, perhaps ending, which handleExits then sees).
import type { Stored } from '../../api/objects.ts';
import type { ContainerRecord } from '../../cluster/state.ts';
import { containerKey } from '../../containers/mounts.ts';
import { followPodProcess, printTail } from '../../containers/runtime.ts';
import { isPoweredOff } from '../../cluster/power.ts';
import type { ControllerContext } from '../../runtime/controller.ts';

/** When the process wakes: only while it runs (a killed or ended one has no next sleep). */
export function mainProcessWake(record: ContainerRecord): number | undefined {
  return record.exitAt === undefined ? record.wakeAt : undefined;
}

/** Runs on every running container of the pod whose process's sleep has ended by now. */
export function wakeMainProcesses(ctx: ControllerContext, pod: Stored<'Pod'>): void {
  for (const c of pod.spec?.containers ?? []) {
    const record = ctx.txn.state.containers[containerKey(pod, c.name)];
    const wake = record && mainProcessWake(record);
    if (wake === undefined || wake > ctx.now) continue;
    if (!pod.status?.containerStatuses?.find((s) => s.name === c.name)?.state?.running) continue;
    followPodProcess(ctx.txn, pod, c);
  }
}

/** Each running `tail -f FILE` prints what was appended to its file since (after the sync's wakes, which write). */
export function printTails(ctx: ControllerContext): void {
  for (const record of Object.values(ctx.txn.state.containers)) {
    if (!record.tails || record.exitAt !== undefined || isPoweredOff(ctx.txn.state, record.node)) continue;
    const pod = ctx.txn.get('Pod', record.pod);
    if (!pod?.status?.containerStatuses?.find((s) => s.name === record.container)?.state?.running) continue;
    printTail(ctx.txn, pod, record.container);
  }
}
