// Node selector terms (nodeAffinity, PV nodeAffinity, nodeSelector): OR across terms, AND within one.
import type { NodeSelector, NodeSelectorRequirement } from 'kubernetes-types/core/v1';
import { requirementMatches } from './labels.ts';

export function nodeSelectorMatches(selector: NodeSelector | undefined, node: { metadata: { name: string; labels?: Record<string, string> } }): boolean {
  if (!selector) return true;
  const terms = selector.nodeSelectorTerms ?? [];
  if (terms.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return terms.some(
    (t) =>
      (t.matchExpressions ?? []).every((e) => requirementMatches(asLabelRequirement(e), labels)) &&
      (t.matchFields ?? []).every((e) => requirementMatches(asLabelRequirement(e), { 'metadata.name': node.metadata.name })) &&
      ((t.matchExpressions ?? []).length > 0 || (t.matchFields ?? []).length > 0),
  );
}

function asLabelRequirement(e: NodeSelectorRequirement) {
  return { key: e.key, operator: e.operator, values: e.values ?? [] };
}
