// Graceful termination of a pod being deleted: the kubelet sends SIGTERM to each container's
// PID 1 (event `Killing`), and SIGKILL once the grace period (deletionGracePeriodSeconds, 30 s by
// default) has run out. A server with a SIGTERM handler (nginx, postgres) stops at once; PID 1
// with no handler (`sleep`, a shell, a bare interpreter) ignores SIGTERM, as the kernel drops
// unhandled signals to a namespace's init, so the pod stays Terminating for the whole grace period.
import type { Stored } from '../../api/objects.ts';
import { eventsFor } from '../../cluster/events.ts';
import { stopsOnSigterm } from '../../containers/runtime.ts';
import { parseTimestamp, rfc3339 } from '../../runtime/clock.ts';
import type { ControllerContext } from '../../runtime/controller.ts';

type Pod = Stored<'Pod'>;

/** When the grace period ends: the deletionTimestamp the API server set (now + grace). */
export function graceEnd(pod: Pod): number | undefined {
  return parseTimestamp(pod.metadata.deletionTimestamp);
}

/**
 * Sends SIGTERM (a `Killing` event per container, once per deletion) and tells whether the pod's
 * containers are all gone, so the kubelet may remove it: true when each running one handles
 * SIGTERM or the grace period is over.
 */
export function signalTermination(ctx: ControllerContext, pod: Pod, running: readonly string[]): boolean {
  const end = graceEnd(pod) ?? ctx.now;
  const requested = rfc3339(end - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000);
  // Earlier Killing events (a liveness restart, an earlier stop) predate this deletion's request.
  const told = new Set(
    eventsFor(ctx.txn, pod)
      .filter((e) => e.reason === 'Killing' && (e.lastTimestamp ?? '') >= requested)
      .map((e) => e.message),
  );
  for (const name of running) {
    const message = `Stopping container ${name}`;
    if (!told.has(message)) ctx.event(pod, 'Normal', 'Killing', message);
  }
  return ctx.now >= end || running.every((name) => stopsOnSigterm(pod, name));
}
