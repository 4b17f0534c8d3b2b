// A container the runtime created but could not start (kuberuntime startContainer: CreateContainer
// succeeds, so "Created" is reported; StartContainer fails). Today the one cause is a mount runc
// refuses (mount-points.ts): a ConfigMap volume, a directory, mounted where the image has a file.
// The kubelet reports the CRI's message as it came: a Failed event "Error: <message>", the
// container waiting in RunContainerError with it, and its last state terminated: StartError, exit
// code 128 (containerd's errorStartExitCode), started at the zero time (it never ran). The
// restart policy then decides as for any exit (restarts.ts): the first retry at once, then with
// the crash loop's back-off, CrashLoopBackOff in between, RESTARTS counting each attempt.
import type { Container, ContainerStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { normalizePath } from '../../fs/tree.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import type { ControllerContext } from '../../runtime/controller.ts';
import { containerKey, mountsOf } from '../../containers/mounts.ts';
import { ociCreateFailed, runcMountError, type MountPointFailure } from '../../containers/mount-points.ts';
import { START_ERROR_EXIT_CODE, START_ERROR_REASON } from '../../containers/runtime.ts';
import { mountSourcePath } from './volume-paths.ts';

type Pod = Stored<'Pod'>;

/** The waiting reason while the failed start is fresh (kubecontainer.ErrRunContainer). */
export const RUN_CONTAINER_ERROR = 'RunContainerError';

/** A CRI timestamp of 0, as the kubelet converts it (time.Unix(0, 0)). */
const NEVER_STARTED = '1970-01-01T00:00:00Z';

/** containerd's StartContainer error for a refused mount, as the kubelet receives it (gRPC status message). */
export function criStartError(ctx: ControllerContext, pod: Pod, c: Container, failure: MountPointFailure, containerID: string): string {
  const index = (c.volumeMounts ?? []).findIndex((m) => m.mountPath === failure.mountPath);
  const source = mountSourcePath(ctx.txn, pod, c, index);
  // The kubelet marks ConfigMap, Secret, downward API and projected mounts read-only (mustMountRO), as mountsOf does.
  const readOnly = mountsOf(ctx.txn, pod, c.name).find((m) => m.mountPath === normalizePath(failure.mountPath))?.readOnly ?? false;
  const rootfs = `/run/containerd/io.containerd.runtime.v2.task/k8s.io/${containerID.replace(/^containerd:\/\//, '')}/rootfs`;
  return `failed to create containerd task: failed to create shim task: ${ociCreateFailed(runcMountError(failure, source, rootfs, readOnly))}`;
}

/**
 * Reports a failed start of attempt `restartCount` (the Failed event), schedules the next attempt
 * if the restart policy wants one, and returns the container's status.
 */
export function failStart(ctx: ControllerContext, pod: Pod, c: Container, message: string, restartCount: number, retryAfterMs: number): Partial<ContainerStatus> {
  ctx.event(pod, 'Warning', 'Failed', `Error: ${message}`);
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const terminated = { exitCode: START_ERROR_EXIT_CODE, reason: START_ERROR_REASON, message, startedAt: NEVER_STARTED, finishedAt: rfc3339(ctx.now) };
  const key = containerKey(pod, c.name);
  const record = ctx.txn.state.containers[key];
  if (policy === 'Never' || !record) return { ready: false, started: false, restartCount, state: { terminated } };
  ctx.txn.state.containers[key] = { ...record, restartAt: ctx.now + retryAfterMs };
  return { ready: false, started: false, restartCount, lastState: { terminated }, state: { waiting: { reason: RUN_CONTAINER_ERROR, message } } };
}
