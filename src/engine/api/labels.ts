// Label selectors: matching (`matchLabels`, `matchExpressions`) and kubectl's `-l` syntax.
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';

type Labels = Readonly<Record<string, string>>;

export function selectorMatches(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return true;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  return (selector.matchExpressions ?? []).every((e) => requirementMatches(e, l));
}

export function requirementMatches(req: LabelSelectorRequirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
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
      if (!has) return false;
      const n = Number(value);
      const bound = Number(req.values?.[0]);
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
}

export type ParsedSelector = { ok: true; requirements: LabelSelectorRequirement[] } | { ok: false; error: string };

/** Parses kubectl's `-l` syntax: `app=web`, `app!=web`, `tier in (a,b)`, `!canary`, `env`. */
export function parseSelector(text: string): ParsedSelector {
  const requirements: LabelSelectorRequirement[] = [];
  const parts = splitTopLevel(text);
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    let m: RegExpExecArray | null;
    if ((m = /^([A-Za-z0-9_./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
      requirements.push({ key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values: m[3]!.split(',').map((s) => s.trim()).filter(Boolean) });
    } else if ((m = /^([A-Za-z0-9_./-]+)\s*(==|=|!=)\s*([A-Za-z0-9_.-]*)$/.exec(part))) {
      requirements.push({ key: m[1]!, operator: m[2] === '!=' ? 'NotIn' : 'In', values: [m[3]!] });
    } else if ((m = /^!([A-Za-z0-9_./-]+)$/.exec(part))) {
      requirements.push({ key: m[1]!, operator: 'DoesNotExist' });
    } else if ((m = /^([A-Za-z0-9_./-]+)$/.exec(part))) {
      requirements.push({ key: m[1]!, operator: 'Exists' });
    } else {
      return { ok: false, error: `unable to parse requirement: found '${part}', expected: identifier` };
    }
  }
  return { ok: true, requirements };
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
