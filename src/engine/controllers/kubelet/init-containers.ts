// Init containers as the kubelet runs them (kuberuntime computeInitContainerActions): after the
// sandbox and the volumes, one at a time in spec order, each to completion (exit 0) before the
// next starts and before any app container does, with the pod's volumes mounted, so what one
// writes into an emptyDir or a claim is there for the next and for the app. Meanwhile the pod is
// Pending, Initialized=False (`containers with incomplete status: [install]`) and its app
// containers wait in PodInitializing; `kubectl get pods` prints `Init:0/1`, then `PodInitializing`.
// A failure is retried per the pod's restartPolicy (Always and OnFailure alike, with the crash
// loop's back-off: `Init:Error`, `Init:CrashLoopBackOff`); with Never the pod fails. A native
// sidecar (`restartPolicy: Always` on the init container) is only started, not awaited, and keeps
// running (restarted whatever its exit) beside the app containers.
// The status fields follow the kubelet's prober manager (UpdatePodStatus): a completed init
// container is ready and no longer started; a running one is started and not ready; a sidecar is
// ready while it runs (no probes yet).
import type { Container, ContainerStatus, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { containerKey } from '../../containers/mounts.ts';
import { followPodProcess, startContainer, stopsOnSigterm } from '../../containers/runtime.ts';
import { isSidecar } from '../../containers/pod-containers.ts';
import { updateStatus } from '../../cluster/controller-writes.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import { digestHex } from '../../runtime/ids.ts';
import type { ControllerContext } from '../../runtime/controller.ts';
import { imageIdOf, imagePullMessages, presentImageMessages, qualifiedImage } from './images.ts';
import { backoffAfter, goSeconds, nextBackoff } from './restarts.ts';
import { mainProcessWake } from './main-process-wakes.ts';

type Pod = Stored<'Pod'>;

/** The waiting reason of containers whose turn has not come (kubelet's defaultWaitingState with init containers). */
export const POD_INITIALIZING = 'PodInitializing';

/** What one pass did for one init container. */
type Outcome = 'done' | 'changed' | 'waiting';

/**
 * The pod's init containers, one pass: starts, follows or restarts the one whose turn it is.
 * True once every init container has completed and every sidecar runs, so the app containers
 * may start; the pod passed in is then current (no write was made in this pass).
 */
export function runInitContainers(ctx: ControllerContext, pod: Pod, nodeName: string): boolean {
  const inits = pod.spec?.initContainers ?? [];
  if (inits.length === 0) return true;
  for (const [i, c] of inits.entries()) {
    const outcome = syncOne(ctx, pod, c, i, nodeName);
    if (outcome === 'done') continue;
    return false;
  }
  return true;
}

/** Sidecars beside the running app containers: their wakes, exits and restarts. */
export function syncSidecars(ctx: ControllerContext, podKey: string, nodeName: string): void {
  const pod = ctx.txn.get('Pod', podKey);
  if (pod && (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')) return stopSidecars(ctx, pod, nodeName);
  if (!pod || pod.status?.phase !== 'Running') return;
  for (const [i, c] of (pod.spec?.initContainers ?? []).entries()) {
    if (!isSidecar(c)) continue;
    const live = ctx.txn.get('Pod', podKey)!;
    syncOne(ctx, live, c, i, nodeName);
  }
}

/**
 * The app containers have all ended for good (a Job's pod): the kubelet stops the sidecars, which
 * end as their PID 1 takes SIGTERM (exit 0), or SIGKILLed (137). Shown at once; nothing of theirs wakes again.
 */
function stopSidecars(ctx: ControllerContext, pod: Pod, nodeName: string): void {
  const stopped: string[] = [];
  for (const [i, c] of (pod.spec?.initContainers ?? []).entries()) {
    const live = ctx.txn.get('Pod', `${pod.metadata.namespace}/${pod.metadata.name}`)!;
    const status = live.status?.initContainerStatuses?.[i];
    const key = containerKey(pod, c.name);
    const record = ctx.txn.state.containers[key];
    if (!isSidecar(c) || !status?.state?.running || !record) continue;
    const code = stopsOnSigterm(pod, c.name) ? 0 : 137;
    const { wakeAt: _woke, restartAt: _restart, exitAt: _exit, ...rest } = record;
    ctx.txn.state.containers[key] = { ...rest, exitCode: code };
    const terminated = { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: status.state.running.startedAt ?? rfc3339(ctx.now), finishedAt: rfc3339(ctx.now) };
    ctx.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`);
    write(ctx, live, i, { ...status, ready: false, started: false, state: { terminated } });
    stopped.push(c.name);
  }
  if (stopped.length > 0) ctx.step(`kubelet on ${nodeName} stopped sidecar${stopped.length > 1 ? 's' : ''} ${stopped.join(', ')} of pod ${pod.metadata.namespace}/${pod.metadata.name}: its app containers have ended`);
}

/** The status the pod shows while it initializes (setWaiting's statuses, for a pod with init containers). */
export function initializingStatus(pod: Pod, status: PodStatus, now: string): PodStatus {
  const inits = pod.spec?.initContainers ?? [];
  if (inits.length === 0) return status;
  const initStatuses = inits.map((c, i) => pod.status?.initContainerStatuses?.[i] ?? notStarted(c));
  return {
    ...status,
    conditions: initConditions(status.conditions, pod, initStatuses, now),
    initContainerStatuses: initStatuses,
    containerStatuses: (status.containerStatuses ?? []).map((s) =>
      s.state?.waiting?.reason === 'ContainerCreating' ? { ...s, state: { waiting: { reason: POD_INITIALIZING } } } : s,
    ),
  };
}

function notStarted(c: Container): ContainerStatus {
  return { name: c.name, image: c.image ?? '', imageID: '', ready: false, started: false, restartCount: 0, state: { waiting: { reason: POD_INITIALIZING } } };
}

function syncOne(ctx: ControllerContext, pod: Pod, c: Container, index: number, nodeName: string): Outcome {
  const key = containerKey(pod, c.name);
  const podKey = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const status = pod.status?.initContainerStatuses?.[index] ?? notStarted(c);
  const sidecar = isSidecar(c);
  const record = ctx.txn.state.containers[key];
  if (!record) {
    // An image an earlier init container was started from is on the node already.
    const pulled = Object.values(ctx.txn.state.containers).some((r) => r.node === nodeName && r.image === c.image);
    start(ctx, pod, c, index, status, pulled ? presentImageMessages(c.image ?? '', c.imagePullPolicy) : imagePullMessages(c.image ?? ''), 0);
    ctx.step(`kubelet on ${nodeName} started ${sidecar ? 'sidecar' : 'init container'} ${c.name} of pod ${podKey}`);
    return 'changed';
  }
  if (status.state?.running) {
    // The process's sleep ended: it runs on to now (and may end).
    const wake = mainProcessWake(record);
    if (wake !== undefined && wake <= ctx.now) followPodProcess(ctx.txn, pod, c);
    const now = ctx.txn.state.containers[key]!;
    if (now.exitAt !== undefined && ctx.now >= now.exitAt) {
      exited(ctx, pod, c, index, status, nodeName);
      return 'changed';
    }
    return sidecar ? 'done' : 'waiting';
  }
  if (!sidecar && status.state?.terminated?.exitCode === 0) return 'done';
  if (record.restartAt !== undefined && ctx.now >= record.restartAt) {
    const backoff = nextBackoff(record.backoff, record.exitAt ?? ctx.now, ctx.now);
    start(ctx, pod, c, index, status, presentImageMessages(c.image ?? '', c.imagePullPolicy), (status.restartCount ?? 0) + 1);
    ctx.txn.state.containers[key] = { ...ctx.txn.state.containers[key]!, backoff };
    ctx.step(`kubelet on ${nodeName} restarted ${sidecar ? 'sidecar' : 'init container'} ${c.name} of pod ${podKey} (restart ${(status.restartCount ?? 0) + 1})`);
    return 'changed';
  }
  if (record.restartAt !== undefined && status.state?.terminated) {
    // The back-off before the next attempt has begun: CrashLoopBackOff until it ends.
    const wait = record.restartAt - (record.exitAt ?? ctx.now);
    const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    write(ctx, pod, index, { ...status, state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goSeconds(wait)} restarting failed container=${c.name} pod=${podRef}` } } });
    ctx.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`);
    ctx.step(`init container ${c.name} of pod ${podKey} failed; the kubelet on ${nodeName} tries again after a ${wait / 1000}s back-off`);
    return 'changed';
  }
  return 'waiting';
}

function start(ctx: ControllerContext, pod: Pod, c: Container, index: number, status: ContainerStatus, pulls: { reason: string; message: string }[], restartCount: number): void {
  const result = startContainer(ctx.txn, pod, c);
  for (const m of pulls) ctx.event(pod, 'Normal', m.reason, m.message);
  ctx.event(pod, 'Normal', 'Created', `Created container: ${c.name}`);
  ctx.event(pod, 'Normal', 'Started', `Started container ${c.name}`);
  write(ctx, pod, index, {
    name: c.name,
    image: qualifiedImage(c.image ?? ''),
    imageID: imageIdOf(c.image ?? ''),
    containerID: `containerd://${digestHex(`${pod.metadata.uid}/init/${c.name}`)}`,
    // A sidecar without a readiness probe is ready once started; an init container is ready only when it has completed.
    ready: isSidecar(c),
    started: true,
    restartCount,
    state: { running: { startedAt: rfc3339(result.record.startedAt ?? ctx.now) } },
    ...(status.lastState?.terminated ? { lastState: status.lastState } : {}),
    volumeMounts: (c.volumeMounts ?? []).map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true } : {}) })),
  });
}

/** The container's process has ended: completed, retried per the restart policy, or the pod fails. */
function exited(ctx: ControllerContext, pod: Pod, c: Container, index: number, status: ContainerStatus, nodeName: string): void {
  const key = containerKey(pod, c.name);
  const record = ctx.txn.state.containers[key]!;
  const code = record.exitCode ?? 0;
  const exitAt = record.exitAt ?? ctx.now;
  const terminated = { exitCode: code, reason: record.exitReason ?? (code === 0 ? 'Completed' : 'Error'), startedAt: rfc3339(record.startedAt ?? ctx.now), finishedAt: rfc3339(exitAt) };
  const podKey = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const { exitAt: _ended, wakeAt: _woke, ...rest } = record;
  if (!isSidecar(c) && code === 0) {
    ctx.txn.state.containers[key] = rest;
    write(ctx, pod, index, { ...status, ready: true, started: false, state: { terminated } });
    ctx.step(`init container ${c.name} of pod ${podKey} completed`);
    return;
  }
  if (!isSidecar(c) && policy === 'Never') {
    ctx.txn.state.containers[key] = rest;
    write(ctx, pod, index, { ...status, ready: false, started: false, state: { terminated } }, 'Failed');
    ctx.step(`init container ${c.name} of pod ${podKey} exited with code ${code}; restartPolicy Never: the pod fails`);
    return;
  }
  const wait = backoffAfter(record.backoff, exitAt);
  ctx.txn.state.containers[key] = { ...record, restartAt: exitAt + wait };
  write(ctx, pod, index, { ...status, ready: false, started: false, lastState: { terminated }, state: { terminated } });
  ctx.step(`${isSidecar(c) ? 'sidecar' : 'init container'} ${c.name} of pod ${podKey} exited with code ${code}; the kubelet on ${nodeName} restarts it${wait ? ` after a ${wait / 1000}s back-off` : ''}`);
}

/** Writes one init container's status, the pod's conditions that follow from it, and its phase. */
function write(ctx: ControllerContext, pod: Pod, index: number, next: ContainerStatus, phase?: 'Failed'): void {
  const live = ctx.txn.get('Pod', `${pod.metadata.namespace}/${pod.metadata.name}`) ?? pod;
  const inits = live.spec?.initContainers ?? [];
  const initStatuses = inits.map((c, i) => (i === index ? next : (live.status?.initContainerStatuses?.[i] ?? notStarted(c))));
  const initializing = live.status?.phase === 'Pending' || live.status?.phase === undefined;
  const status: PodStatus = {
    ...live.status,
    ...(phase ? { phase } : {}),
    conditions: initializing ? initConditions(live.status?.conditions, live, initStatuses, rfc3339(ctx.now)) : live.status?.conditions,
    initContainerStatuses: initStatuses,
  };
  updateStatus(ctx.txn, { ...live, status });
}

/** The order the kubelet's status manager writes pod conditions in. */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/**
 * GeneratePodInitializedCondition and GenerateContainersReadyCondition while the pod initializes:
 * incomplete are the init containers not completed and the sidecars not started; unready are the
 * sidecars not ready, then the app containers (none has started yet).
 */
function initConditions(existing: PodCondition[] | undefined, pod: Pod, initStatuses: ContainerStatus[], at: string): PodCondition[] {
  const inits = pod.spec?.initContainers ?? [];
  const incomplete = inits.filter((c, i) => {
    const s = initStatuses[i];
    return isSidecar(c) ? !s?.started : s?.state?.terminated?.exitCode !== 0;
  });
  const unready = [...inits.filter((c, i) => isSidecar(c) && !initStatuses[i]?.ready), ...(pod.spec?.containers ?? [])].map((c) => c.name);
  const notReady = (type: string): PodCondition => ({ type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]`, lastTransitionTime: at });
  const updates: PodCondition[] = [
    incomplete.length > 0
      ? { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.map((c) => c.name).join(' ')}]`, lastTransitionTime: at }
      : { type: 'Initialized', status: 'True', lastTransitionTime: at },
    notReady('Ready'),
    notReady('ContainersReady'),
  ];
  const out = [...(existing ?? [])];
  for (const u of updates) {
    const i = out.findIndex((c) => c.type === u.type);
    // A condition keeps its transition time while its status stays.
    if (i < 0) out.push(u);
    else if (out[i]!.status !== u.status) out[i] = u;
    else if (out[i]!.message !== u.message) out[i] = { ...u, lastTransitionTime: out[i]!.lastTransitionTime };
  }
  return out.sort((a, b) => CONDITION_ORDER.indexOf(a.type) - CONDITION_ORDER.indexOf(b.type));
}
