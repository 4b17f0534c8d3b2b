// taint-eviction-controller (pkg/controller/tainteviction): deletes pods from nodes with
// NoExecute taints they do not tolerate, or tolerate only for a while.
//
// Design: for each pod on a node with NoExecute taints, a taint with no matching toleration
// evicts the pod at once; if every taint is tolerated, the pod is evicted when the shortest
// tolerationSeconds among the tolerations used has passed since the taint appeared (no
// tolerationSeconds: never). Every pod carries 300 s tolerations for not-ready and unreachable
// (DefaultTolerationSeconds admission), so a silent node's pods go five minutes after its taint.
// Eviction is an ordinary delete: the pod gets a deletionTimestamp, and with no kubelet to finish
// it, it stays Terminating, while its ReplicaSet already counts it gone and makes a replacement.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/objects.ts';
import { parseTimestamp, rfc3339 } from '../../runtime/clock.ts';
import { updateStatus, writtenOr } from '../../cluster/controller-writes.ts';
import type { Controller, ControllerContext } from '../../runtime/controller.ts';
import { tolerates } from '../scheduler/plugins/node-basics.ts';

type Pod = Stored<'Pod'>;

export const taintEviction: Controller = {
  name: 'taint-eviction-controller',
  source: 'taint-eviction-controller',
  sync(ctx) {
    for (const pod of ctx.txn.list('Pod')) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName || pod.metadata.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      const taints = (ctx.txn.get('Node', nodeName)?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
      if (taints.length === 0) continue;
      const due = evictionTime(pod, taints);
      if (due !== undefined && ctx.now >= due) evict(ctx, pod, nodeName, taints);
    }
  },
  // A tolerated taint's tolerationSeconds running out.
  wakeTimes(view) {
    const dues: (number | undefined)[] = [];
    for (const pod of view.list('Pod')) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName || pod.metadata.deletionTimestamp) continue;
      const taints = (view.get('Node', nodeName)?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
      if (taints.length > 0) dues.push(evictionTime(pod, taints));
    }
    return dues;
  },
};

/** When the pod must go (ms), or undefined if it tolerates every taint forever. */
export function evictionTime(pod: Pod, taints: readonly Taint[]): number | undefined {
  let due: number | undefined;
  for (const taint of taints) {
    const used = (pod.spec?.tolerations ?? []).filter((t: Toleration) => (!t.effect || t.effect === 'NoExecute') && tolerates(t, taint));
    const since = parseTimestamp(taint.timeAdded) ?? 0;
    if (used.length === 0) return since; // not tolerated: at once
    const limits = used.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined && s !== null);
    if (limits.length < used.length) continue; // one toleration without a limit tolerates it forever
    const at = since + Math.max(0, Math.min(...limits)) * 1000;
    due = due === undefined ? at : Math.min(due, at);
  }
  return due;
}

function evict(ctx: ControllerContext, pod: Pod, nodeName: string, taints: readonly Taint[]): void {
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  // addConditionAndDeletePod: the pod says why it is going before it is deleted.
  const condition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: rfc3339(ctx.now) };
  const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
  const updated = writtenOr(updateStatus(ctx.txn, { ...pod, status: { ...pod.status, conditions } }), pod);
  ctx.event(updated, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
  ctx.txn.delete('Pod', key);
  const names = (list: readonly Taint[]) => list.map((t) => `${t.key}:${t.effect}`).join(', ');
  const untolerated = taints.filter((taint) => !(pod.spec?.tolerations ?? []).some((t) => (!t.effect || t.effect === 'NoExecute') && tolerates(t, taint)));
  const why = untolerated.length > 0 ? `it does not tolerate ${names(untolerated)}` : `its toleration of ${names(taints)} ran out`;
  ctx.step(`taint-eviction-controller evicted pod ${key} from node ${nodeName}: ${why}`);
}
