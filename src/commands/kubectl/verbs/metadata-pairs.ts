// The client-side checks of `kubectl label` and `kubectl annotate` arguments, in kubectl's words
// (cmdutil.GetResourcesAndPairs, label's parseLabels, cmdutil.ParsePairs for annotations). They
// run before any request, so a bad pair is reported even when the object does not exist.
import { labelValueErrors } from '../../../engine/manifest/validation/metadata.ts';
import { goQuote } from '../../../engine/api/go-strings.ts';

type Split = { ok: true; resources: string[]; pairs: string[] } | { ok: false; error: string };

/** Resources first, then `KEY=VALUE` / `KEY-` pairs; a resource after a pair is refused. */
export function resourcesAndPairs(args: readonly string[], pairType: 'label' | 'annotation'): Split {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) return { ok: false, error: `all resources must be specified before ${pairType} changes: ${s}` };
    else resources.push(s);
  }
  return { ok: true, resources, pairs };
}

/** parseLabels: exactly one `=`, a valid label value, and no key both set and removed. */
export function labelPairsError(pairs: readonly string[]): string | undefined {
  const set = new Set<string>();
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return `invalid label spec: ${spec}`;
      const errs = labelValueErrors(parts[1]!);
      if (errs.length > 0) return `invalid label value: ${goQuote(spec)}: ${errs.join(';')}`;
      set.add(parts[0]!);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      return `unknown label spec: ${spec}`;
    }
  }
  if (remove.some((k) => set.has(k))) return 'can not both modify and remove a label in the same command';
  return undefined;
}

/** ParsePairs for annotations: every malformed pair named at once. */
export function annotationPairsError(pairs: readonly string[]): string | undefined {
  const invalid = pairs.filter((p) => !(p.includes('=') && p[0] !== '=') && !(p.endsWith('-') && p !== '-'));
  return invalid.length > 0 ? `invalid annotation format: ${invalid.join(', ')}` : undefined;
}

/** validateAnnotations, which annotate runs after its resource and update checks. */
export function annotationConflictError(pairs: readonly string[]): string | undefined {
  const set = new Set(pairs.filter((p) => p.includes('=')).map((p) => p.slice(0, p.indexOf('='))));
  const both = pairs.filter((p) => !p.includes('=') && p.endsWith('-')).map((p) => p.slice(0, -1)).filter((k) => set.has(k));
  return both.length > 0 ? `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}` : undefined;
}
