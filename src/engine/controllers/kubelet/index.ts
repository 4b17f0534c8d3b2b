// kubelet: one per node, modelled as one controller. For each pod bound to a node it sets up
// the sandbox and volumes (ContainerCreating), then starts the containers (Running); for a pod
// being deleted it stops the containers and lets the API server remove the pod.
import type { ContainerStatus, PodCondition } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { parseTimestamp, rfc3339 } from '../../runtime/clock.ts';
import { digestHex, draw } from '../../runtime/ids.ts';
import { updateStatus } from '../../cluster/controller-writes.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { envConfigError } from './env.ts';
import { MOUNT_TIMEOUT_MS, checkPodVolumes, hostPathVolumes, nodeFs } from './volumes.ts';
import { setUpHostPaths } from './host-path.ts';
import { attachableVolume } from '../attach-detach/index.ts';
import { imageIdOf, imagePullMessages, qualifiedImage } from './images.ts';
import { killChangedContainers } from './spec-change.ts';
import { attemptPulls, hadConfigError } from './config-error.ts';
import { forgetPod, startContainer } from '../../containers/runtime.ts';
import { backoffMs, handleExits, withPhase } from './restarts.ts';
import { criStartError, failStart } from './start-error.ts';
import { containerKey, emptyDirKey } from '../../containers/mounts.ts';
import { isPoweredOff } from '../../cluster/power.ts';
import { postNodeStatuses } from './node-status.ts';
import { graceEnd, signalTermination } from './termination.ts';
import { refreshPodVolumes } from './volume-refresh.ts';
import { mainProcessWake, printTails, wakeMainProcesses } from './main-process-wakes.ts';
import { initializingStatus, runInitContainers, syncSidecars } from './init-containers.ts';
import { probeWakes, readyAtStart, runProbes } from './probes.ts';
import { parseQuantity, quantityValue } from '../../api/quantity.ts';
import { layerBytes } from '../../fs/tree.ts';
import { setOwn } from '../../../lib/own.ts';
import { podVolumeClaimName } from '../../api/storage.ts';

type Pod = Stored<'Pod'>;

export const kubelet: Controller = {
  name: 'kubelet',
  source: 'kubelet',
  sync(ctx) {
    postNodeStatuses(ctx);
    for (const pod of ctx.txn.list('Pod')) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName) continue;
      const node = ctx.txn.get('Node', nodeName);
      if (!node) continue; // no kubelet there to act
      if (isPoweredOff(ctx.txn.state, nodeName)) continue; // its machine is off: nothing runs there
      if (pod.metadata.deletionTimestamp) terminate(ctx, pod);
      else if (pod.status?.phase === 'Pending') startPod(ctx, pod, node);
      else if (pod.status?.phase === 'Running') {
        evictIfOverLimit(ctx, pod, node);
        const live = ctx.txn.get('Pod', `${pod.metadata.namespace}/${pod.metadata.name}`);
        if (live?.status?.phase === 'Running') killChangedContainers(ctx, live);
        if (live?.status?.phase === 'Running') wakeMainProcesses(ctx, live);
        if (live?.status?.phase === 'Running') handleExits(ctx, live, node);
        const synced = ctx.txn.get('Pod', `${pod.metadata.namespace}/${pod.metadata.name}`);
        if (synced?.status?.phase === 'Running') refreshPodVolumes(ctx, synced);
        syncSidecars(ctx, `${pod.metadata.namespace}/${pod.metadata.name}`, node.metadata.name);
        runProbes(ctx, `${pod.metadata.namespace}/${pod.metadata.name}`);
      }
    }
    printTails(ctx);
    cleanUpOrphans(ctx);
  },
  // Container exits and restarts after their back-off, main processes waking from a sleep, the periodic sync that writes a ConfigMap or Secret update into a pod's volumes, grace periods ending, and the mount timeout of a pod whose volumes are not attached yet.
  wakeTimes(view) {
    const times: (number | undefined)[] = [];
    for (const record of Object.values(view.state.containers)) times.push(record.exitAt, record.restartAt, record.volumeSync?.dueAt, mainProcessWake(record), ...probeWakes(record));
    for (const pod of view.list('Pod')) {
      // A pod whose PID 1 ignores SIGTERM is killed when its grace period ends.
      if (pod.metadata.deletionTimestamp) times.push(graceEnd(pod));
      if (!pod.spec?.nodeName || pod.status?.phase !== 'Pending') continue;
      const scheduledAt = parseTimestamp(pod.status.conditions?.find((c) => c.type === 'PodScheduled')?.lastTransitionTime);
      if (scheduledAt !== undefined) times.push(scheduledAt + MOUNT_TIMEOUT_MS);
    }
    return times;
  },
};

function startPod(ctx: ControllerContext, pod: Pod, node: Stored<'Node'>): void {
  const podKey = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const volumes = checkPodVolumes(ctx.txn, pod);
  if (!volumes.ready) {
    setWaiting(ctx, pod, node, 'ContainerCreating', undefined);
    // Waiting for an attach is silent until the kubelet's mount timeout expires.
    const scheduledAt = parseTimestamp(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.lastTransitionTime) ?? ctx.now;
    if (!volumes.unattached || ctx.now - scheduledAt >= MOUNT_TIMEOUT_MS) ctx.event(pod, 'Warning', 'FailedMount', volumes.message);
    ctx.step(`kubelet on ${node.metadata.name} cannot mount the volumes of pod ${podKey}${volumes.unattached ? ' yet: waiting for them to be attached' : ''}`);
    return;
  }
  const sandboxReady = pod.status?.conditions?.some((c) => c.type === 'PodReadyToStartContainers' && c.status === 'True');
  if (!sandboxReady) {
    // First the sandbox and the volumes; containers start on the next pass, so the timeline shows both.
    setWaiting(ctx, pod, node, 'ContainerCreating', undefined);
    // Directories and files that hostPath volumes create appear on the node now.
    const hostPaths = setUpHostPaths(nodeFs(ctx.txn, node.metadata.name), hostPathVolumes(ctx.txn, pod));
    const created = hostPaths.ok ? hostPaths.created : [];
    if (hostPaths.ok && created.length > 0) setOwn(ctx.txn.state.nodeFiles, node.metadata.name, hostPaths.tree);
    const mounted = (pod.spec?.volumes ?? []).map((v) => v.name);
    const csi = (pod.spec?.volumes ?? []).some((v) => attachableVolume(ctx.txn, pod.metadata.namespace!, podVolumeClaimName(pod, v)));
    ctx.step(
      mounted.length > 0
        ? `kubelet on ${node.metadata.name} mounted volume${mounted.length > 1 ? 's' : ''} ${mounted.join(', ')} for pod ${podKey}${csi ? ' (NodeStageVolume, NodePublishVolume)' : ''}${created.length ? `, creating ${created.join(', ')} on the node` : ''}`
        : `kubelet on ${node.metadata.name} created the sandbox for pod ${podKey}`,
    );
    return;
  }
  // Init containers first, each to completion; sidecars started (init-containers.ts).
  if (!runInitContainers(ctx, pod, node.metadata.name)) return;
  for (const c of pod.spec?.containers ?? []) {
    const error = envConfigError(ctx.txn, pod.metadata.namespace!, c);
    if (error) {
      const pulls = attemptPulls(ctx, pod, c, error);
      setWaiting(ctx, pod, node, 'CreateContainerConfigError', error);
      for (const m of pulls) ctx.event(pod, 'Normal', m.reason, m.message);
      ctx.event(pod, 'Warning', 'Failed', `Error: ${error}`);
      ctx.step(`kubelet on ${node.metadata.name} cannot start container ${c.name} of pod ${podKey}: ${error}`);
      return;
    }
  }
  const now = rfc3339(ctx.now);
  const started = ctx.txn.get('Pod', `${pod.metadata.namespace}/${pod.metadata.name}`) ?? pod;
  // After a config error the images were pulled by the failed attempts (config-error.ts).
  const retried = hadConfigError(pod);
  const containerID = (c: { name: string }, i: number) => `containerd://${digestHex(`${pod.metadata.uid}/${c.name}/${i}`)}`;
  // Every container is tried, whether or not another failed to start (SyncPod goes on).
  const failed = new Map<string, Partial<ContainerStatus>>();
  for (const [i, c] of (pod.spec?.containers ?? []).entries()) {
    const pulls = retried ? attemptPulls(ctx, pod, c) : imagePullMessages(c.image ?? '');
    const result = startContainer(ctx.txn, started, c);
    for (const m of pulls) ctx.event(pod, 'Normal', m.reason, m.message);
    ctx.event(pod, 'Normal', 'Created', `Created container: ${c.name}`);
    if (result.failure) failed.set(c.name, failStart(ctx, pod, c, criStartError(ctx, started, c, result.failure, containerID(c, i)), 0, backoffMs(0)));
    else ctx.event(pod, 'Normal', 'Started', `Started container ${c.name}`);
  }
  const statuses: ContainerStatus[] = (pod.spec?.containers ?? []).map((c, i) => ({
    name: c.name,
    image: qualifiedImage(c.image ?? ''),
    imageID: imageIdOf(c.image ?? ''),
    containerID: containerID(c, i),
    // A readiness probe holds the container back until it passes (probes.ts).
    ready: readyAtStart(c),
    started: true,
    restartCount: 0,
    state: { running: { startedAt: now } },
    ...failed.get(c.name),
    volumeMounts: (c.volumeMounts ?? []).map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true } : {}) })),
  }));
  const restartPending = (pod.spec?.containers ?? []).some((c) => ctx.txn.state.containers[containerKey(pod, c.name)]?.restartAt !== undefined);
  const running: Pod = {
    ...pod,
    status: {
      ...pod.status,
      phase: 'Running',
      startTime: pod.status?.startTime ?? now,
      conditions: mergeConditions(pod.status?.conditions, [
        { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: now },
        { type: 'Initialized', status: 'True', lastTransitionTime: now },
        // Not Ready while a container could not start: withPhase below says which.
        ...(failed.size > 0 || !(pod.spec?.containers ?? []).every(readyAtStart)
          ? []
          : [
              { type: 'Ready', status: 'True', lastTransitionTime: now },
              { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
            ]),
      ]),
      containerStatuses: statuses,
    },
  };
  // A container that could not start leaves the pod not Ready (or Failed, with restartPolicy Never).
  updateStatus(ctx.txn, failed.size > 0 ? withPhase(running, ctx.now, !restartPending) : running);
  ctx.step(
    failed.size > 0
      ? `kubelet on ${node.metadata.name} could not start container${failed.size > 1 ? 's' : ''} ${[...failed.keys()].join(', ')} of pod ${podKey}: a mount the runtime refuses (RunContainerError)`
      : `kubelet on ${node.metadata.name} started pod ${podKey}: Running`,
  );
}

function setWaiting(ctx: ControllerContext, pod: Pod, node: Stored<'Node'>, reason: string, message: string | undefined): void {
  const now = rfc3339(ctx.now);
  const sandbox = reason !== 'ContainerCreating' || checkPodVolumes(ctx.txn, pod).ready;
  const podIP = sandbox ? (pod.status?.podIP ?? podIPFor(ctx, node)) : undefined;
  const statuses: ContainerStatus[] = (pod.spec?.containers ?? []).map((c) => ({
    name: c.name,
    image: c.image ?? '',
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason, ...(message ? { message } : {}) } },
  }));
  const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const status = {
    ...pod.status,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(podIP ? { podIP, podIPs: [{ ip: podIP }] } : {}),
    startTime: pod.status?.startTime ?? now,
    conditions: mergeConditions(pod.status?.conditions, [
      { type: 'PodReadyToStartContainers', status: sandbox ? 'True' : 'False', lastTransitionTime: now },
      { type: 'Initialized', status: 'True', lastTransitionTime: now },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${statuses.map((s) => s.name).join(' ')}]`, lastTransitionTime: now },
      { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${statuses.map((s) => s.name).join(' ')}]`, lastTransitionTime: now },
    ]),
    containerStatuses: statuses,
  };
  // With init containers the pod shows Init:0/N from the start (init-containers.ts).
  const shown = initializingStatus(pod, status, now);
  if (sameIgnoringTimes(shown, pod.status)) return;
  updateStatus(ctx.txn, { ...pod, status: shown });
}

function terminate(ctx: ControllerContext, pod: Pod): void {
  // Only live processes are stopped: after a power cut there is nothing left to kill.
  const running = pod.status?.containerStatuses?.filter((s) => s.state?.running && isProcessAlive(ctx, pod, s.name)) ?? [];
  if (!signalTermination(ctx, pod, running.map((s) => s.name))) {
    ctx.step(`kubelet on ${pod.spec?.nodeName} sent SIGTERM to pod ${pod.metadata.namespace}/${pod.metadata.name}; PID 1 ignores it, so the pod runs until its grace period ends`);
    return;
  }
  const csi = (pod.spec?.volumes ?? []).some((v) => attachableVolume(ctx.txn, pod.metadata.namespace!, podVolumeClaimName(pod, v)));
  forgetPod(ctx.txn, pod);
  ctx.txn.remove('Pod', `${pod.metadata.namespace}/${pod.metadata.name}`);
  ctx.step(`kubelet on ${pod.spec?.nodeName} stopped pod ${pod.metadata.namespace}/${pod.metadata.name}${csi ? ', unmounted its volumes (NodeUnpublishVolume, NodeUnstageVolume)' : ''} and removed it`);
}

function isProcessAlive(ctx: ControllerContext, pod: Pod, container: string): boolean {
  const record = ctx.txn.state.containers[containerKey(pod, container)];
  return !!record && (record.exitAt === undefined || record.exitAt > ctx.now);
}

/**
 * HandlePodCleanups: containers and emptyDirs of pods that are gone from the API (a forced
 * delete does not wait for the kubelet) are removed once their node's kubelet runs.
 */
function cleanUpOrphans(ctx: ControllerContext): void {
  const live = new Set(ctx.txn.list('Pod').map((p) => p.metadata.uid));
  const state = ctx.txn.state;
  for (const [key, record] of Object.entries(state.containers)) {
    if (!live.has(key.slice(0, key.indexOf('/'))) && !isPoweredOff(state, record.node)) delete state.containers[key];
  }
  for (const key of Object.keys(state.volumeData)) {
    if (key.startsWith('emptydir/') && !live.has(key.split('/')[1])) delete state.volumeData[key];
  }
}

function podIPFor(ctx: ControllerContext, node: Stored<'Node'>): string {
  const index = ctx.txn.list('Node').findIndex((n) => n.metadata.name === node.metadata.name);
  return `10.244.${Math.max(index, 0)}.${2 + (draw(ctx.txn.state) % 250)}`;
}

/** The order the kubelet's status manager writes pod conditions in. */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

function mergeConditions(existing: PodCondition[] | undefined, updates: PodCondition[]): PodCondition[] {
  const out = [...(existing ?? [])];
  for (const u of updates) {
    const i = out.findIndex((c) => c.type === u.type);
    if (i < 0) out.push(u);
    else if (out[i]!.status !== u.status || out[i]!.message !== u.message) out[i] = u;
  }
  return out.sort((a, b) => CONDITION_ORDER.indexOf(a.type) - CONDITION_ORDER.indexOf(b.type));
}

function sameIgnoringTimes(a: unknown, b: unknown): boolean {
  const strip = (v: unknown) => JSON.stringify(v, (k, x: unknown) => (k === 'lastTransitionTime' || k === 'startTime' ? undefined : x));
  return strip(a) === strip(b);
}

/**
 * The eviction manager (semantics reference §12.1): a disk-backed emptyDir over its sizeLimit
 * gets its pod evicted. It runs with the kubelet's sync, not at the moment of the write.
 */
function evictIfOverLimit(ctx: ControllerContext, pod: Pod, node: Stored<'Node'>): void {
  for (const v of pod.spec?.volumes ?? []) {
    if (!v.emptyDir?.sizeLimit || v.emptyDir.medium === 'Memory') continue;
    const limit = parseQuantity(v.emptyDir.sizeLimit);
    const data = ctx.txn.state.volumeData[emptyDirKey(pod, v.name)];
    if (!limit.ok || !data) continue;
    const used = layerBytes(data);
    if (BigInt(used) <= quantityValue(limit.quantity)) continue;
    const message = `Usage of EmptyDir volume "${v.name}" exceeds the limit "${v.emptyDir.sizeLimit}". `;
    const now = rfc3339(ctx.now);
    updateStatus(ctx.txn, {
      ...pod,
      status: {
        ...pod.status,
        phase: 'Failed',
        reason: 'Evicted',
        message,
        conditions: mergeConditions(pod.status?.conditions, [
          { type: 'Ready', status: 'False', reason: 'PodFailed', lastTransitionTime: now },
          { type: 'ContainersReady', status: 'False', reason: 'PodFailed', lastTransitionTime: now },
        ]),
        containerStatuses: (pod.status?.containerStatuses ?? []).map((s) => ({
          ...s,
          ready: false,
          started: false,
          state: { terminated: { exitCode: 137, reason: 'Error', startedAt: s.state?.running?.startedAt ?? now, finishedAt: now } },
        })),
      },
    });
    ctx.event(pod, 'Warning', 'Evicted', message);
    forgetPod(ctx.txn, pod);
    ctx.step(`kubelet on ${node.metadata.name} evicted pod ${pod.metadata.namespace}/${pod.metadata.name}: emptyDir ${v.name} is over its sizeLimit ${v.emptyDir.sizeLimit}`);
    return;
  }
}
