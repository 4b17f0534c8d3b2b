// The zone a pod runs in (its node's `topology.kubernetes.io/zone` label), or a volume lives in
// (its node affinity: a zone key such as `topology.ebs.csi.aws.com/zone`, or a node name, whose
// zone is that node's), or a claim's (its bound volume's).
import { getObject, LABEL_ZONE, readerOf, type AnyStored, type Stored } from '../../engine/index.ts';
import type { Matcher, Target } from '../types.ts';
import type { CheckContext } from './context.ts';
import { matchValue, type Outcome } from './matcher.ts';
import { describeObject, findObjects } from './target.ts';

export function zone(ctx: CheckContext, arg: Omit<Target, 'ever'> & Matcher): Outcome {
  const { equals, in: inList, matches, contains, exists, atLeast, atMost, ...target } = arg;
  const m: Matcher = { equals, in: inList, matches, contains, exists, atLeast, atMost };
  const found = findObjects(ctx, target);
  if (found.objects.length === 0) return { ok: false, why: found.why };
  let why = '';
  for (const o of found.objects) {
    const z = zoneOf(ctx, o);
    const r = matchValue(z === undefined ? { found: false } : { found: true, value: z }, m);
    if (r.ok) return r;
    why ||= `${describeObject(o)}: its zone ${r.why}`;
  }
  return { ok: false, why };
}

export function zoneOf(ctx: CheckContext, o: AnyStored): string | undefined {
  const reader = readerOf(ctx.state);
  const nodeZone = (name: string | undefined) => {
    if (!name) return undefined;
    const node = getObject(reader, 'Node', undefined, name);
    return node.ok ? node.value.metadata.labels?.[LABEL_ZONE] : undefined;
  };
  if (o.kind === 'Pod') return nodeZone((o as Stored<'Pod'>).spec?.nodeName);
  if (o.kind === 'PersistentVolumeClaim') {
    const volume = (o as Stored<'PersistentVolumeClaim'>).spec?.volumeName;
    const pv = volume ? getObject(reader, 'PersistentVolume', undefined, volume) : undefined;
    return pv?.ok ? zoneOf(ctx, pv.value as AnyStored) : undefined;
  }
  if (o.kind === 'PersistentVolume') {
    const terms = (o as Stored<'PersistentVolume'>).spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
    for (const term of terms) {
      for (const e of term.matchExpressions ?? []) {
        if (e.operator !== 'In' || e.values?.length !== 1) continue;
        if (e.key === LABEL_ZONE || e.key.endsWith('/zone')) return e.values[0];
        if (e.key === 'kubernetes.io/hostname') return nodeZone(e.values[0]);
      }
    }
  }
  return undefined;
}
