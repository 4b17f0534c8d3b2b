// VolumeBinding (pkg/scheduler/framework/plugins/volumebinding): PreFilter rejects pods whose
// claims are missing, being deleted or unbound with Immediate binding; Filter checks, per node,
// that bound volumes can be reached from it and that every WaitForFirstConsumer claim can get a
// volume there (a matching static one, or provisioning). Reserve picks what to bind.
import type { Stored } from '../../../api/objects.ts';
import { nodeSelectorMatches } from '../../../api/node-affinity.ts';
import { compareQuantities } from '../../../api/quantity.ts';
import { ANN_BIND_COMPLETED, ANN_SELECTED_NODE, LABEL_ZONE, claimClass, podVolumeClaimName } from '../../../api/storage.ts';
import { capacityOf, checkBinding, requestOf } from '../../../api/volume-binding.ts';
import { isDelayBinding } from '../../queries.ts';
import {
  REASON_NO_PV_TO_BIND,
  REASON_PV_NODE_AFFINITY,
  SUCCESS,
  unresolvable,
  type CycleState,
  type FilterPlugin,
  type Node,
  type Pod,
  type Reader,
} from '../framework.ts';

type PVC = Stored<'PersistentVolumeClaim'>;
type PV = Stored<'PersistentVolume'>;

/** PreFilter: gathers the pod's claims, or says why no node can help. */
export function volumeBindingPreFilter(view: Reader, pod: Pod): CycleState {
  const claims: PVC[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const name = podVolumeClaimName(pod, v);
    if (!name) continue;
    const claim = view.get('PersistentVolumeClaim', `${pod.metadata.namespace}/${name}`);
    if (!claim) {
      const reason = v.ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"` : `persistentvolumeclaim "${name}" not found`;
      return { claims, preFilterReason: reason };
    }
    if (v.ephemeral && !claim.metadata.ownerReferences?.some((r) => r.controller && r.uid === pod.metadata.uid)) {
      return { claims, preFilterReason: `PVC ${pod.metadata.namespace}/${name} was not created for pod ${pod.metadata.namespace}/${pod.metadata.name} (pod is not owner)` };
    }
    if (claim.metadata.deletionTimestamp) return { claims, preFilterReason: `persistentvolumeclaim "${name}" is being deleted` };
    if (claim.status?.phase === 'Lost') {
      return { claims, preFilterReason: `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${claim.spec?.volumeName ?? ''}"` };
    }
    claims.push(claim);
  }
  const unboundImmediate = claims.some((c) => !isFullyBound(c) && (c.spec?.volumeName || !isDelayBinding(view, claimClass(c))));
  return unboundImmediate ? { claims, preFilterReason: 'pod has unbound immediate PersistentVolumeClaims' } : { claims };
}

export const volumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  filter(view, _pod, node, cycle) {
    const taken = new Set<string>();
    for (const claim of cycle.claims) {
      if (isFullyBound(claim)) {
        const pv = view.get('PersistentVolume', claim.spec!.volumeName!);
        if (!pv) return unresolvable('node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)');
        if (!nodeSelectorMatches(pv.spec?.nodeAffinity?.required, node)) return unresolvable(REASON_PV_NODE_AFFINITY);
        continue;
      }
      const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
      if (selected && selected !== node.metadata.name) return unresolvable(REASON_NO_PV_TO_BIND);
      const pv = findVolumeOnNode(view, claim, node, taken);
      if (pv) {
        taken.add(pv.metadata.name);
        continue;
      }
      if (!canProvisionOn(view, claim, node)) return unresolvable(REASON_NO_PV_TO_BIND);
    }
    return SUCCESS;
  },
};

/** VolumeZone: a volume labelled with a zone can only be used from nodes in that zone. */
export const volumeZone: FilterPlugin = {
  name: 'VolumeZone',
  filter(view, _pod, node, cycle) {
    const nodeZone = node.metadata.labels?.[LABEL_ZONE];
    for (const claim of cycle.claims) {
      if (!claim.spec?.volumeName) continue;
      const pv = view.get('PersistentVolume', claim.spec.volumeName);
      const zone = pv?.metadata.labels?.[LABEL_ZONE];
      if (zone && nodeZone !== undefined && !zone.split('__').includes(nodeZone)) return unresolvable('node(s) had no available volume zone');
    }
    return SUCCESS;
  },
};

export type VolumeDecision = { claim: PVC; action: 'bind'; volume: PV } | { claim: PVC; action: 'provision' };

/** Reserve: for the chosen node, which claims get a static volume and which get provisioned. */
export function decideVolumes(view: Reader, cycle: CycleState, node: Node): VolumeDecision[] {
  const taken = new Set<string>();
  const decisions: VolumeDecision[] = [];
  // Smallest requests first, like the real binder, so a small claim does not take a big volume from a big claim.
  const unbound = cycle.claims.filter((c) => !isFullyBound(c)).sort((a, b) => compareQuantities(requestOf(a), requestOf(b)));
  for (const claim of unbound) {
    if (claim.metadata.annotations?.[ANN_SELECTED_NODE]) continue; // already handed to a provisioner
    const pv = findVolumeOnNode(view, claim, node, taken);
    if (pv) {
      taken.add(pv.metadata.name);
      if (!pv.spec?.claimRef) decisions.push({ claim, action: 'bind', volume: pv });
    } else {
      decisions.push({ claim, action: 'provision' });
    }
  }
  return decisions;
}

export function isFullyBound(claim: PVC): boolean {
  return !!claim.spec?.volumeName && claim.metadata.annotations?.[ANN_BIND_COMPLETED] === 'yes';
}

/** FindMatchingVolume, scheduler path: the binding rule with the node; a pre-bound volume wins, else the smallest that fits. */
function findVolumeOnNode(view: Reader, claim: PVC, node: Node, taken: ReadonlySet<string>): PV | undefined {
  let best: PV | undefined;
  for (const pv of view.list('PersistentVolume')) {
    if (taken.has(pv.metadata.name)) continue;
    const verdict = checkBinding(pv, claim, node);
    if (!verdict.ok) continue;
    if (verdict.preBound) return pv;
    if (!best || compareQuantities(capacityOf(pv), capacityOf(best)) < 0) best = pv;
  }
  return best;
}

/** checkVolumeProvisions: a provisioner is named and the class's allowedTopologies admit the node. */
function canProvisionOn(view: Reader, claim: PVC, node: Node): boolean {
  const sc = view.get('StorageClass', claimClass(claim));
  if (!sc || !sc.provisioner || sc.provisioner === 'kubernetes.io/no-provisioner') return false;
  const topologies = sc.allowedTopologies ?? [];
  if (topologies.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return topologies.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key] ?? '')));
}
