// PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread): spreading a workload's
// pods over zones and nodes.
//
// - A pod's own `topologySpreadConstraints` decide: `DoNotSchedule` ones filter nodes (a node may
//   not make its domain exceed the emptiest domain by more than maxSkew), `ScheduleAnyway` ones
//   only score.
// - A pod without constraints gets the cluster defaults (hostname maxSkew 3, zone maxSkew 5, both
//   ScheduleAnyway) over the pods its Services, ReplicaSets and StatefulSets select: that is why
//   a three-replica StatefulSet lands in three zones, each replica's volume in its own.
//
// Counting is done once per selector per scheduler pass and kept current as pods are placed, so
// placing n pods stays linear. Simplified: every node carrying the topology label is counted
// (the real plugin first drops nodes the pod's node affinity excludes), and the score is the sum
// of domain counts weighted by log(domains + 2) (its scoreForCount), lower being better.
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { selectorMatches } from '../../../api/labels.ts';
import { LABEL_ZONE } from '../../../api/storage.ts';
import { SUCCESS, unresolvable, unschedulable, type FilterPlugin, type Node, type Pod, type Reader } from '../framework.ts';

const LABEL_HOSTNAME = 'kubernetes.io/hostname';

/** The scheduler's system default constraints (pkg/scheduler/apis/config/v1 defaults). */
const SYSTEM_DEFAULTS: readonly { topologyKey: string; maxSkew: number }[] = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
];

export const REASON_SPREAD = "node(s) didn't match pod topology spread constraints";
export const REASON_SPREAD_MISSING_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";

interface Constraint {
  topologyKey: string;
  maxSkew: number;
  hard: boolean;
  minDomains?: number;
  selector: LabelSelector;
}

/** Per-pass counts of matching pods per node, by namespace and selector. */
export class SpreadCounts {
  private readonly bySelector = new Map<string, Map<string, number>>();
  constructor(private readonly view: Reader) {}

  /** Matching pods (bound, not terminating) per node name. */
  perNode(namespace: string, selector: LabelSelector): Map<string, number> {
    const key = `${namespace}\u0000${JSON.stringify(selector)}`;
    let counts = this.bySelector.get(key);
    if (!counts) {
      counts = new Map();
      for (const p of this.view.list('Pod')) {
        const node = p.spec?.nodeName;
        if (!node || p.metadata.namespace !== namespace || p.metadata.deletionTimestamp) continue;
        if (selectorMatches(selector, p.metadata.labels)) counts.set(node, (counts.get(node) ?? 0) + 1);
      }
      this.bySelector.set(key, counts);
    }
    return counts;
  }

  /** A pod was bound to `node` in this pass: every cached count it matches goes up. */
  placed(pod: Pod, node: string): void {
    for (const [key, counts] of this.bySelector) {
      const [namespace, selector] = [key.slice(0, key.indexOf('\u0000')), JSON.parse(key.slice(key.indexOf('\u0000') + 1)) as LabelSelector];
      if (namespace === pod.metadata.namespace && selectorMatches(selector, pod.metadata.labels)) counts.set(node, (counts.get(node) ?? 0) + 1);
    }
  }
}

/** The constraints that apply to `pod`: its own, or the defaults over what selects it. */
export function spreadConstraints(view: Reader, pod: Pod): Constraint[] {
  const own = pod.spec?.topologySpreadConstraints ?? [];
  if (own.length > 0) return own.map((c) => ownConstraint(pod, c));
  const selector = defaultSelector(view, pod);
  if (!selector) return [];
  return SYSTEM_DEFAULTS.map((d) => ({ ...d, hard: false, selector }));
}

function ownConstraint(pod: Pod, c: TopologySpreadConstraint): Constraint {
  // A constraint without a selector matches no pod (labels.Nothing()); matchLabelKeys add the
  // pod's own values for those keys.
  const base: LabelSelector = c.labelSelector ?? { matchExpressions: [{ key: LABEL_HOSTNAME, operator: 'In', values: [] }] };
  const extra = (c.matchLabelKeys ?? []).flatMap((k) => {
    const v = pod.metadata.labels?.[k];
    return v === undefined ? [] : [{ key: k, operator: 'In', values: [v] }];
  });
  const selector = extra.length ? { ...base, matchExpressions: [...(base.matchExpressions ?? []), ...extra] } : base;
  return { topologyKey: c.topologyKey, maxSkew: c.maxSkew, hard: c.whenUnsatisfiable === 'DoNotSchedule', ...(c.minDomains ? { minDomains: c.minDomains } : {}), selector };
}

/**
 * helper.DefaultSelector: the selectors of the Services, ReplicaSets and StatefulSets in the pod's
 * namespace that select it, merged; none → no default spreading.
 */
function defaultSelector(view: Reader, pod: Pod): LabelSelector | undefined {
  const labels = pod.metadata.labels;
  if (!labels || Object.keys(labels).length === 0) return undefined;
  const ns = pod.metadata.namespace;
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  let found = false;
  for (const svc of view.list('Service')) {
    const sel = svc.spec?.selector;
    if (svc.metadata.namespace !== ns || !sel || Object.keys(sel).length === 0) continue;
    if (!selectorMatches({ matchLabels: sel }, labels)) continue;
    Object.assign(matchLabels, sel);
    found = true;
  }
  for (const kind of ['ReplicaSet', 'StatefulSet'] as const) {
    for (const owner of view.list(kind)) {
      const sel = owner.spec?.selector;
      if (owner.metadata.namespace !== ns || !sel || !selectorMatches(sel, labels)) continue;
      Object.assign(matchLabels, sel.matchLabels ?? {});
      matchExpressions.push(...(sel.matchExpressions ?? []));
      found = true;
    }
  }
  return found ? { matchLabels, ...(matchExpressions.length ? { matchExpressions } : {}) } : undefined;
}

/** Matching pods per domain of `key` (only nodes carrying the label are domains). */
function domainCounts(nodes: readonly Node[], perNode: Map<string, number>, key: string): Map<string, number> {
  const domains = new Map<string, number>();
  for (const n of nodes) {
    const value = n.metadata.labels?.[key];
    if (value === undefined) continue;
    domains.set(value, (domains.get(value) ?? 0) + (perNode.get(n.metadata.name) ?? 0));
  }
  return domains;
}

/** Filter for DoNotSchedule constraints, over the pass's counts (the cycle carries them). */
export const podTopologySpread: FilterPlugin = {
  name: 'PodTopologySpread',
  filter(_view, pod, node, cycle) {
    // Only a pod's own constraints can be DoNotSchedule (the defaults are ScheduleAnyway).
    const own = pod.spec?.topologySpreadConstraints;
    if (!cycle.spread || !own?.length) return SUCCESS;
    const { counts, nodes } = cycle.spread;
    for (const c of own.map((x) => ownConstraint(pod, x))) {
      if (!c.hard) continue;
      const value = node.metadata.labels?.[c.topologyKey];
      if (value === undefined) return unresolvable(REASON_SPREAD_MISSING_LABEL);
      const domains = domainCounts(nodes, counts.perNode(pod.metadata.namespace!, c.selector), c.topologyKey);
      // With fewer domains than minDomains, the global minimum is taken as 0.
      const min = c.minDomains !== undefined && domains.size < c.minDomains ? 0 : Math.min(...domains.values());
      const self = selectorMatches(c.selector, pod.metadata.labels) ? 1 : 0;
      if ((domains.get(value) ?? 0) + self - min > c.maxSkew) return unschedulable(REASON_SPREAD);
    }
    return SUCCESS;
  },
};

/** The spreading part of a node's score for `pod`: lower is better; undefined when it does not apply. */
export function spreadPenalty(view: Reader, counts: SpreadCounts, nodes: readonly Node[], pod: Pod): ((node: Node) => number) | undefined {
  const soft = spreadConstraints(view, pod).filter((c) => !c.hard);
  if (soft.length === 0) return undefined;
  const tables = soft.map((c) => {
    const domains = domainCounts(nodes, counts.perNode(pod.metadata.namespace!, c.selector), c.topologyKey);
    return { key: c.topologyKey, domains, weight: Math.log(domains.size + 2) };
  });
  return (node) => tables.reduce((sum, t) => {
    const value = node.metadata.labels?.[t.key];
    return value === undefined ? sum : sum + (t.domains.get(value) ?? 0) * t.weight;
  }, 0);
}
