// A container whose spec changed (computePodActions: its hash differs). Of a pod's containers the
// API server lets only `image` change (`kubectl set image pod/x`, a patch, an apply), so that is
// the change seen here. The kubelet kills the running container with the pod's grace period (a
// server that handles SIGTERM stops at once; PID 1 without a handler, `sleep`, a shell, is killed
// when the grace period ends) and starts it again from the new image, regardless of the pod's
// restartPolicy and with no back-off (the back-off is keyed by the spec's hash). The restart
// itself is handleExits' (restarts.ts), which sees the record's image differ from the spec's.
import type { Container } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import type { ContainerRecord } from '../../cluster/state.ts';
import { containerKey } from '../../containers/mounts.ts';
import { stopsOnSigterm } from '../../containers/runtime.ts';
import type { ControllerContext } from '../../runtime/controller.ts';

type Pod = Stored<'Pod'>;

/** The exit status of a process stopped by SIGKILL (128 + 9). */
const SIGKILL_EXIT = 137;

/** Whether the container's record runs another image than its spec names. */
export function definitionChanged(record: ContainerRecord | undefined, c: Container): boolean {
  return !!record && record.image !== (c.image ?? '');
}

/** Kills the running containers whose image changed, and ends the back-off of waiting ones. */
export function killChangedContainers(ctx: ControllerContext, pod: Pod): void {
  for (const c of pod.spec?.containers ?? []) {
    const key = containerKey(pod, c.name);
    const record = ctx.txn.state.containers[key];
    if (!record || !definitionChanged(record, c)) continue;
    const status = pod.status?.containerStatuses?.find((s) => s.name === c.name);
    if (!status?.state?.running) {
      // In CrashLoopBackOff: the new spec has no back-off yet, so it starts at once.
      if (record.restartAt !== undefined && record.restartAt > ctx.now) ctx.txn.state.containers[key] = { ...record, restartAt: ctx.now };
      continue;
    }
    const grace = (pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    // Already being killed (or ending on its own before a kill would land): handleExits restarts it.
    if (record.exitAt !== undefined && record.exitAt <= ctx.now + grace) continue;
    const sigterm = stopsOnSigterm(pod, c.name);
    const end = sigterm ? ctx.now : ctx.now + grace;
    ctx.event(pod, 'Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`);
    ctx.txn.state.containers[key] = { ...record, exitAt: end, exitCode: sigterm ? 0 : SIGKILL_EXIT };
    ctx.step(
      `kubelet on ${pod.spec?.nodeName} kills container ${c.name} of pod ${pod.metadata.namespace}/${pod.metadata.name}: its image changed from ${record.image} to ${c.image}${sigterm ? '' : ` (PID 1 ignores SIGTERM: killed when the ${(end - ctx.now) / 1000}s grace period ends)`}`,
    );
  }
}

