// The kubelet's remount of a running pod's ConfigMap, Secret, downward API and projected volumes
// (they RequiresRemount, so every sync of the pod rewrites them from the kubelet's watch-based
// cache). A ConfigMap or Secret update does not sync the pod: it shows at the pod's next periodic
// sync (syncFrequency, 1 minute), so `kubectl exec … cat` right after `kubectl apply` still shows
// the old content and `sleep 60` the new. A pod update (labels, annotations) syncs it at once;
// so does a container restart. Environment variables and subPath files are not volumes and never
// change here (they are taken when a container starts).
import type { Stored } from '../../api/objects.ts';
import type { ContainerRecord } from '../../cluster/state.ts';
import { containerKey } from '../../containers/mounts.ts';
import { changedSince, nextPodSync, readVolumeSync } from '../../containers/volume-sync.ts';
import { parseTimestamp } from '../../runtime/clock.ts';
import { setUpError } from './volumes.ts';
import type { ControllerContext } from '../../runtime/controller.ts';

type Pod = Stored<'Pod'>;

export function refreshPodVolumes(ctx: ControllerContext, pod: Pod): void {
  const state = ctx.txn.state;
  const keys = (pod.spec?.containers ?? []).map((c) => containerKey(pod, c.name)).filter((k) => state.containers[k]?.volumeSync);
  if (keys.length === 0) return;
  // The volumes are the pod's: a container restarted since the last sync brought them up to date for all.
  const newest = keys.map((k) => state.containers[k]!.volumeSync!).reduce((a, b) => (b.at > a.at ? b : a));
  const change = changedSince(ctx.txn, pod, newest);
  let next = newest;
  if (change === 'pod' || (change === 'objects' && newest.dueAt !== undefined && ctx.now >= newest.dueAt)) {
    // A volume whose ConfigMap or Secret is gone (or lacks a listed key) fails SetUp: its files stay as they were.
    const failed = (pod.spec?.volumes ?? []).some((v) => setUpError(ctx.txn, pod.metadata.namespace!, v));
    if (!failed) next = readVolumeSync(ctx.txn, pod, ctx.now);
  } else if (change === 'objects' && newest.dueAt === undefined) {
    const anchor = parseTimestamp(pod.status?.startTime) ?? newest.at;
    next = { ...newest, dueAt: nextPodSync(anchor, ctx.now) };
  }
  // No object changes: the files are not API objects, and no event says so (the kubelet logs nothing either).
  for (const k of keys) {
    const record = state.containers[k]!;
    if (record.volumeSync !== next) state.containers[k] = { ...record, volumeSync: next } satisfies ContainerRecord;
  }
}

