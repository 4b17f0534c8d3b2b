// CreateContainerConfigError as the kubelet reaches it (kuberuntime startContainer): the image is
// pulled first (EnsureImageExists: Pulling, Pulled), then the container's config is generated,
// and a missing ConfigMap or Secret fails it (Failed "Error: …"). The pod worker tries again at
// its next sync; the image is on the node by then, so each retry says "already present" (or pulls
// again with imagePullPolicy Always) before failing the same way: Pulled and Failed both count up.
import type { Container } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { eventsFor } from '../../cluster/events.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import type { ControllerContext } from '../../runtime/controller.ts';
import { imagePullMessages, presentImageMessages } from './images.ts';

type Pod = Stored<'Pod'>;
type Message = { reason: string; message: string };

/** Whether the pod waits with CreateContainerConfigError: only then did an earlier sync pull its images. */
export function hadConfigError(pod: Pod): boolean {
  return (pod.status?.containerStatuses ?? []).some((s) => s.state?.waiting?.reason === 'CreateContainerConfigError');
}

/**
 * The image events of one attempt to start `c`: a pull the first time, "already present" (or a
 * pull, with Always) once a Pulled event for the image exists. None when this very attempt has
 * already been reported (a second pass of the same sync, at the same instant).
 */
export function attemptPulls(ctx: ControllerContext, pod: Pod, c: Container, failure?: string): Message[] {
  const events = eventsFor(ctx.txn, pod);
  const now = rfc3339(ctx.now);
  if (failure !== undefined && events.some((e) => e.reason === 'Failed' && e.message === `Error: ${failure}` && e.lastTimestamp === now)) return [];
  const image = c.image ?? '';
  const pulled = events.some((e) => e.reason === 'Pulled' && e.message?.includes(`image "${image}"`) && (e.firstTimestamp ?? '') < now);
  return pulled ? presentImageMessages(image, c.imagePullPolicy) : imagePullMessages(image);
}
