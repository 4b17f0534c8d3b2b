// The node-level filters, in the default order: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { nodeSelectorMatches } from '../../../api/node-affinity.ts';
import { SUCCESS, unresolvable, type FilterPlugin } from '../framework.ts';

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(_view, pod, node) {
    if (!node.spec?.unschedulable) return SUCCESS;
    const tolerated = (pod.spec?.tolerations ?? []).some(
      (t) => (t.key === 'node.kubernetes.io/unschedulable' || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoSchedule'),
    );
    return tolerated ? SUCCESS : unresolvable('node(s) were unschedulable');
  },
};

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(_view, pod, node) {
    const wanted = pod.spec?.nodeName;
    return !wanted || wanted === node.metadata.name ? SUCCESS : unresolvable("node(s) didn't match the requested node name");
  },
};

export const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(_view, pod, node) {
    const taint = (node.spec?.taints ?? []).find(
      (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !(pod.spec?.tolerations ?? []).some((tol) => tolerates(tol, t)),
    );
    return taint ? unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : SUCCESS;
  },
};

export function tolerates(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.operator === 'Exists') return !tol.key || tol.key === taint.key;
  return tol.key === taint.key && (tol.value ?? '') === (taint.value ?? '');
}

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(_view, pod, node) {
    const labels = node.metadata.labels ?? {};
    const selectorOk = Object.entries(pod.spec?.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    return selectorOk && nodeSelectorMatches(required, node) ? SUCCESS : unresolvable("node(s) didn't match Pod's node affinity/selector");
  },
};
