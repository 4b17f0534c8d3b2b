// When a container's command ends (semantics: the pod's restartPolicy). Always, or OnFailure
// after a failure: the kubelet starts the container again from its image (a fresh writable
// layer; the pod's volumes, emptyDir included, stay), the first time at once, then after a
// back-off of 10 s doubling up to 5 min, showing CrashLoopBackOff meanwhile. The back-off is the
// kubelet's flowcontrol.Backoff entry for the container (client-go util/flowcontrol/backoff.go,
// checked in kuberuntime's doBackOff against the exited container's FinishedAt): it is forgotten
// when the container finished more than 10 minutes (2 × the 5-minute maximum) after the restart
// that last updated it, so a container that ran that long restarts at once and its next back-off
// starts again at 10 s. Never, or OnFailure
// after success: the container stays terminated, and the pod ends Succeeded or Failed. A
// container whose machine lost power is reported `Unknown` (exit code 255) once the machine is
// back, and restarts at once in a new sandbox. A container killed because its image changed
// (spec-change.ts) starts again at once from the new image, whatever the policy. A container the
// runtime cannot start (start-error.ts) goes the same way: RunContainerError, then CrashLoopBackOff
// until its next attempt.
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import type { ContainerRecord } from '../../cluster/state.ts';
import { containerKey } from '../../containers/mounts.ts';
import { startContainer } from '../../containers/runtime.ts';
import { LOST_CONTAINER_REASON } from '../../cluster/power.ts';
import { imageIdOf, imagePullMessages, presentImageMessages, qualifiedImage } from './images.ts';
import { definitionChanged } from './spec-change.ts';
import { digestHex } from '../../runtime/ids.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import { updateStatus } from '../../cluster/controller-writes.ts';
import type { ControllerContext } from '../../runtime/controller.ts';
import { criStartError, failStart, RUN_CONTAINER_ERROR } from './start-error.ts';

type Pod = Stored<'Pod'>;

const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;

/** The back-off before restart number `restarts + 1` with no restart forgotten (none before the first restart). */
export function backoffMs(restarts: number): number {
  return restarts === 0 ? 0 : Math.min(BACKOFF_START_MS * 2 ** (restarts - 1), BACKOFF_MAX_MS);
}

type BackoffEntry = NonNullable<ContainerRecord['backoff']>;

/** hasExpired: the entry is stale once the event came more than twice the maximum after its last update. */
function expired(entry: BackoffEntry, eventTime: number): boolean {
  return eventTime - entry.lastUpdate > 2 * BACKOFF_MAX_MS;
}

/** IsInBackOffSince's window for a container that finished at `finishedAt`: 0 when there is no live entry. */
export function backoffAfter(entry: BackoffEntry | undefined, finishedAt: number): number {
  return entry && !expired(entry, finishedAt) ? entry.delayMs : 0;
}

/** Next: the entry after a restart decided at `now` for a container that finished at `finishedAt`. */
export function nextBackoff(entry: BackoffEntry | undefined, finishedAt: number, now: number): BackoffEntry {
  const delayMs = entry && !expired(entry, finishedAt) ? Math.min(entry.delayMs * 2, BACKOFF_MAX_MS) : BACKOFF_START_MS;
  return { delayMs, lastUpdate: now };
}

/** A whole number of seconds as Go's time.Duration prints it (`10s`, `1m20s`, `5m0s`), as the kubelet's message has it. */
export function goSeconds(ms: number): string {
  const total = Math.round(ms / 1000);
  const [h, m, sec] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return h > 0 ? `${h}h${m}m${sec}s` : m > 0 ? `${m}m${sec}s` : `${sec}s`;
}

export function handleExits(ctx: ControllerContext, pod: Pod, node: Stored<'Node'>): void {
  let current = pod;
  let changed = false;
  let sandboxRenewed = false;
  for (const c of pod.spec?.containers ?? []) {
    const key = containerKey(pod, c.name);
    const record = ctx.txn.state.containers[key];
    const status = current.status?.containerStatuses?.find((s) => s.name === c.name);
    if (!record || !status) continue;
    const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    if (status.state?.running && record.exitAt !== undefined && ctx.now >= record.exitAt) {
      const code = record.exitCode ?? 0;
      const reason = record.exitReason ?? (code === 0 ? 'Completed' : 'Error');
      const terminated = { exitCode: code, reason, startedAt: rfc3339(record.startedAt ?? ctx.now), finishedAt: rfc3339(record.exitAt) };
      const policy = pod.spec?.restartPolicy ?? 'Always';
      // Killed for a new image: restarted whatever the policy, with no back-off (spec-change.ts).
      const newSpec = definitionChanged(record, c);
      if (newSpec || policy === 'Always' || (policy === 'OnFailure' && code !== 0)) {
        // A container lost with its machine comes back at once: the restarted kubelet has no back-off memory.
        // A new image is a new container hash, so a new key with no entry either.
        const wait = newSpec || record.exitReason === LOST_CONTAINER_REASON ? 0 : backoffAfter(record.backoff, record.exitAt);
        ctx.txn.state.containers[key] = { ...record, restartAt: record.exitAt + wait };
        current = withStatus(current, c.name, { ready: false, started: false, lastState: { terminated }, state: wait === 0 ? { terminated } : { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goSeconds(wait)} restarting failed container=${c.name} pod=${podRef}` } } });
        if (wait > 0) ctx.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`);
        ctx.step(`container ${c.name} of pod ${pod.metadata.namespace}/${pod.metadata.name} exited with code ${code}; the kubelet on ${node.metadata.name} restarts it${wait ? ` after a ${wait / 1000}s back-off` : ''} ${newSpec ? `with its new image ${c.image}` : `(restartPolicy ${policy})`}`);
      } else {
        const { exitAt: _done, ...rest } = record;
        ctx.txn.state.containers[key] = rest;
        current = withStatus(current, c.name, { ready: false, started: false, state: { terminated } });
        ctx.step(`container ${c.name} of pod ${pod.metadata.namespace}/${pod.metadata.name} exited with code ${code}; restartPolicy ${policy} leaves it terminated`);
      }
      changed = true;
    }
    const after = current.status?.containerStatuses?.find((s) => s.name === c.name)!;
    const again = ctx.txn.state.containers[key];
    // A start that failed, then the back-off before the next attempt (start-error.ts).
    if (after.state?.waiting?.reason === RUN_CONTAINER_ERROR && again?.restartAt !== undefined && ctx.now < again.restartAt) {
      const wait = again.restartAt - (again.exitAt ?? ctx.now);
      current = withStatus(current, c.name, { state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goSeconds(wait)} restarting failed container=${c.name} pod=${podRef}` } } });
      ctx.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`);
      ctx.step(`container ${c.name} of pod ${pod.metadata.namespace}/${pod.metadata.name} could not start; the kubelet on ${node.metadata.name} tries again after a ${wait / 1000}s back-off`);
      changed = true;
      continue;
    }
    if (!after.state?.running && again?.restartAt !== undefined && ctx.now >= again.restartAt) {
      // After a power cut the pod's sandbox is gone too; the kubelet makes a new one first.
      if (again.exitReason === LOST_CONTAINER_REASON && !sandboxRenewed) {
        ctx.event(pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
        sandboxRenewed = true;
      }
      const newImage = definitionChanged(again, c);
      // A new image is pulled unless some container on the node already runs it.
      const pulls = newImage && !imageOnNode(ctx, node.metadata.name, c.image ?? '') ? imagePullMessages(c.image ?? '') : presentImageMessages(c.image ?? '', c.imagePullPolicy);
      // The restart is decided now (doBackOff's Next): a lost machine's or a new image's container has no entry to go on.
      const entry = again.exitReason === LOST_CONTAINER_REASON || newImage ? undefined : again.backoff;
      const backoff = nextBackoff(entry, again.exitAt ?? ctx.now, ctx.now);
      const started = startContainer(ctx.txn, current, c);
      // The new instance's record starts afresh; the kubelet's entry outlives it.
      ctx.txn.state.containers[key] = { ...ctx.txn.state.containers[key]!, backoff };
      for (const m of pulls) ctx.event(pod, 'Normal', m.reason, m.message);
      ctx.event(pod, 'Normal', 'Created', `Created container: ${c.name}`);
      const restartCount = (after.restartCount ?? 0) + 1;
      // From a new image: the image it runs, and a container id of its own. (Plain restarts keep
      // the id, so a crash loop stays periodic for the clock's cycle skipping.)
      const containerID = newImage ? `containerd://${digestHex(`${pod.metadata.uid}/${c.name}/${c.image}`)}` : (after.containerID ?? '');
      const identity = newImage ? { image: qualifiedImage(c.image ?? ''), imageID: imageIdOf(c.image ?? ''), containerID } : {};
      if (started.failure) {
        const message = criStartError(ctx, current, c, started.failure, containerID);
        current = withStatus(current, c.name, { ...identity, ...failStart(ctx, pod, c, message, restartCount, backoff.delayMs) });
        ctx.step(`kubelet on ${node.metadata.name} could not start container ${c.name} of pod ${pod.metadata.namespace}/${pod.metadata.name} again (restart ${restartCount}): ${started.failure.step === 'mount' ? 'a file cannot be mounted over a directory' : 'a directory cannot be mounted over a file'} at ${started.failure.mountPath}`);
        changed = true;
        continue;
      }
      ctx.event(pod, 'Normal', 'Started', `Started container ${c.name}`);
      current = withStatus(current, c.name, {
        ...identity,
        ready: true,
        started: true,
        restartCount,
        state: { running: { startedAt: rfc3339(started.record.startedAt ?? ctx.now) } },
      });
      ctx.step(`kubelet on ${node.metadata.name} restarted container ${c.name} of pod ${pod.metadata.namespace}/${pod.metadata.name} with a fresh writable layer (restart ${(after.restartCount ?? 0) + 1})`);
      changed = true;
    }
  }
  if (!changed) return;
  const pending = (pod.spec?.containers ?? []).some((c) => ctx.txn.state.containers[containerKey(pod, c.name)]?.restartAt !== undefined);
  updateStatus(ctx.txn, withPhase(current, ctx.now, !pending));
}

/** Whether a container on the node (of any pod) was started from this image, so the image is there. */
function imageOnNode(ctx: ControllerContext, node: string, image: string): boolean {
  return Object.values(ctx.txn.state.containers).some((r) => r.node === node && r.image === image);
}

function withStatus(pod: Pod, name: string, patch: Partial<ContainerStatus>): Pod {
  const statuses = (pod.status?.containerStatuses ?? []).map((s) => (s.name === name ? { ...s, ...patch } : s));
  return { ...pod, status: { ...pod.status, containerStatuses: statuses } };
}

/** Ready follows the containers; the phase ends when every container has terminated for good. */
export function withPhase(pod: Pod, now: number, noRestartPending: boolean): Pod {
  const statuses = pod.status?.containerStatuses ?? [];
  const ready = statuses.every((s) => s.ready);
  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
  const done = noRestartPending && statuses.every((s) => s.state?.terminated);
  const phase = done ? (statuses.every((s) => s.state?.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed') : 'Running';
  const at = rfc3339(now);
  const conditions = (pod.status?.conditions ?? []).map((c) =>
    c.type === 'Ready' || c.type === 'ContainersReady'
      ? ready
        ? { type: c.type, status: 'True', lastTransitionTime: c.status === 'True' ? c.lastTransitionTime : at }
        : { type: c.type, status: 'False', reason: done ? 'PodCompleted' : 'ContainersNotReady', ...(done ? {} : { message: `containers with unready status: [${notReady.join(' ')}]` }), lastTransitionTime: c.status === 'False' ? c.lastTransitionTime : at }
      : c,
  );
  return { ...pod, status: { ...pod.status, phase, conditions } };
}
