// Label selectors: matching (`matchLabels`, `matchExpressions`) and kubectl's `-l` syntax.
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { getOwn, hasOwn } from '../../lib/own.ts';
import { parseInt64, parseLabelSelectorSyntax, type SyntaxRequirement } from './label-selector-syntax.ts';

type Labels = Readonly<Record<string, string>>;

export function selectorMatches(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return true;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (getOwn(l, k) !== v) return false;
  return (selector.matchExpressions ?? []).every((e) => requirementMatches(e, l));
}

export function requirementMatches(req: LabelSelectorRequirement, labels: Labels): boolean {
  const has = hasOwn(labels, req.key);
  const value = getOwn(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(value!);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      // Requirement.Matches: both sides must read as int64, and there must be one bound.
      if (!has || req.values?.length !== 1) return false;
      const n = parseInt64(value!);
      const bound = parseInt64(req.values[0]!);
      if (n === undefined || bound === undefined) return false;
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
}

export type ParsedSelector = { ok: true; requirements: LabelSelectorRequirement[] } | { ok: false; error: string };

/**
 * Parses the `-l` / `?labelSelector=` syntax exactly as labels.Parse does (see
 * label-selector-syntax.ts): `app=web`, `app!=web`, `tier in (a,b)`, `tier notin (a)`, `!canary`,
 * `env`, `replicas>1`. An error is the API server's BadRequest text. The requirements, sorted by
 * key, use the matchExpressions operators: `=`/`==` become In and `!=` NotIn with one value
 * (the same match), `>`/`<` become Gt/Lt, which requirementMatches handles.
 */
export function parseSelector(text: string): ParsedSelector {
  const parsed = parseLabelSelectorSyntax(text);
  if (!parsed.ok) return parsed;
  return { ok: true, requirements: parsed.requirements.map(toExpression) };
}

const OPERATORS: Record<SyntaxRequirement['operator'], string> = {
  '=': 'In', '==': 'In', in: 'In', '!=': 'NotIn', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist', gt: 'Gt', lt: 'Lt',
};

function toExpression(r: SyntaxRequirement): LabelSelectorRequirement {
  const operator = OPERATORS[r.operator];
  return operator === 'Exists' || operator === 'DoesNotExist' ? { key: r.key, operator } : { key: r.key, operator, values: r.values };
}
