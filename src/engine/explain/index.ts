// `kubesim explain KIND/NAME`: the part no real cluster gives, why something is the way it is.
import { resolveResource } from '../api/kinds.ts';
import { objectKey } from '../cluster/keys.ts';
import type { ClusterView } from '../index.ts';
import { explainClaim } from './claim.ts';
import { explainPod } from './pod.ts';
import type { Explanation } from './types.ts';

export { formatExplanation, type Explanation } from './types.ts';
export { explainClaim } from './claim.ts';
export { explainPod } from './pod.ts';
export { zoneConflict, type ZoneConflict } from './zone.ts';

export type ExplainResult = { ok: true; explanation: Explanation } | { ok: false; error: string };

/** Explains `pvc/NAME` or `pod/NAME` (any spelling kubectl accepts for the kind). */
export function explainObject(view: ClusterView, target: string, namespace = 'default'): ExplainResult {
  const [type, name] = target.split('/', 2) as [string, string | undefined];
  const info = resolveResource(type);
  if (!info || !name) return { ok: false, error: `expected KIND/NAME, such as pvc/data or pod/web, not "${target}"` };
  if (info.kind !== 'PersistentVolumeClaim' && info.kind !== 'Pod') {
    return { ok: false, error: `explain knows claims and pods (pvc/NAME, pod/NAME), not ${info.plural}` };
  }
  const key = objectKey(info.kind, namespace, name);
  if (info.kind === 'PersistentVolumeClaim') {
    const claim = view.get('PersistentVolumeClaim', key);
    return claim ? { ok: true, explanation: explainClaim(view, claim) } : { ok: false, error: `persistentvolumeclaims "${name}" not found` };
  }
  const pod = view.get('Pod', key);
  return pod ? { ok: true, explanation: explainPod(view, pod) } : { ok: false, error: `pods "${name}" not found` };
}
