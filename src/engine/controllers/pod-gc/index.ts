// pod-garbage-collector (pkg/controller/podgc), the part that matters after a node failure:
// gcTerminating. A pod stuck Terminating on a node that is not Ready is force-deleted once an
// administrator has tainted the node node.kubernetes.io/out-of-service (non-graceful node
// shutdown, GA in v1.28): that taint is their word that the machine is really off, so nothing can
// still be running there. Without it, such pods wait for their kubelet forever.
import type { Stored } from '../../api/objects.ts';
import { updateStatus } from '../../cluster/controller-writes.ts';
import { rfc3339 } from '../../runtime/clock.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';

export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

export function isOutOfService(node: Stored<'Node'> | undefined): boolean {
  return (node?.spec?.taints ?? []).some((t) => t.key === TAINT_OUT_OF_SERVICE);
}

export const podGarbageCollector: Controller = {
  name: 'pod-garbage-collector',
  source: 'pod-garbage-collector',
  sync(ctx) {
    gcOrphaned(ctx);
    for (const pod of ctx.txn.list('Pod')) {
      const nodeName = pod.spec?.nodeName;
      if (!pod.metadata.deletionTimestamp || !nodeName) continue;
      const node = ctx.txn.get('Node', nodeName);
      const ready = node?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      if (!node || ready || !isOutOfService(node)) continue;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      // markFailedAndDeletePod: the pod is marked Failed, then deleted without waiting for the kubelet.
      updateStatus(ctx.txn, { ...pod, status: { ...pod.status, phase: 'Failed' } });
      ctx.txn.remove('Pod', key);
      ctx.step(`pod-garbage-collector force-deleted pod ${key}: it was Terminating on node ${nodeName}, which is not Ready and is tainted ${TAINT_OUT_OF_SERVICE}`);
    }
  },
};

/**
 * gcOrphaned: a pod bound to a node that no longer exists (`kubectl delete node`) has no kubelet
 * to stop or remove it. It is marked Failed with a DisruptionTarget condition and force-deleted
 * (grace 0). The real controller looks every 20 s (gcCheckPeriod); here it acts at the next settle.
 */
function gcOrphaned(ctx: ControllerContext): void {
  for (const pod of ctx.txn.list('Pod')) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || ctx.txn.get('Node', nodeName)) continue;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const phase = pod.status?.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') {
      const condition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now), reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' };
      const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
      updateStatus(ctx.txn, { ...pod, status: { ...pod.status, phase: 'Failed', conditions } } as Stored<'Pod'>);
    }
    ctx.txn.remove('Pod', key);
    ctx.step(`pod-garbage-collector force-deleted pod ${key}: its node ${nodeName} no longer exists`);
  }
}
