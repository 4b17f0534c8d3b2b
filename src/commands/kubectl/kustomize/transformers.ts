// The kustomization's own transformers, in kustomize's order (configureBuiltinTransformers):
// namespace, namePrefix, nameSuffix, labels, annotations. Each works on plain objects in place.
import { KINDS } from '../../../engine/index.ts';
import { getOwn, setOwn } from '../../../lib/own.ts';
import type { Kustomization } from './kustomization.ts';
import type { Resource } from './resource.ts';

type Obj = Record<string, unknown>;

/** Where a map of labels or annotations lives in a kind, and whether a missing map is made. */
interface FieldSpec {
  kinds?: readonly string[];
  path: readonly string[];
  create: boolean;
}

const POD_TEMPLATE_OWNERS = ['ReplicationController', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job'];

/** metadataLabelsFieldSpecs: the object's labels and its pod templates' (and a StatefulSet's claim templates'). */
const TEMPLATE_LABELS: FieldSpec[] = [
  { path: ['metadata', 'labels'], create: true },
  { kinds: POD_TEMPLATE_OWNERS, path: ['spec', 'template', 'metadata', 'labels'], create: true },
  { kinds: ['CronJob'], path: ['spec', 'jobTemplate', 'metadata', 'labels'], create: true },
  { kinds: ['CronJob'], path: ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'], create: true },
  { kinds: ['StatefulSet'], path: ['spec', 'volumeClaimTemplates', 'metadata', 'labels'], create: true },
];

const POD_AFFINITY_SELECTORS = [
  ['spec', 'template', 'spec', 'affinity', 'podAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', 'podAffinityTerm', 'labelSelector', 'matchLabels'],
  ['spec', 'template', 'spec', 'affinity', 'podAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'labelSelector', 'matchLabels'],
  ['spec', 'template', 'spec', 'affinity', 'podAntiAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', 'podAffinityTerm', 'labelSelector', 'matchLabels'],
  ['spec', 'template', 'spec', 'affinity', 'podAntiAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'labelSelector', 'matchLabels'],
  ['spec', 'template', 'spec', 'topologySpreadConstraints', 'labelSelector', 'matchLabels'],
];

/** commonLabelFieldSpecs: the above and the selectors, so that selectors still match the labelled pods. */
const SELECTOR_LABELS: FieldSpec[] = [
  { kinds: ['Service', 'ReplicationController'], path: ['spec', 'selector'], create: true },
  { kinds: ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'], path: ['spec', 'selector', 'matchLabels'], create: true },
  ...POD_AFFINITY_SELECTORS.map((path) => ({ kinds: ['Deployment', 'StatefulSet'], path, create: false })),
  { kinds: ['Job'], path: ['spec', 'selector', 'matchLabels'], create: false },
  { kinds: ['CronJob'], path: ['spec', 'jobTemplate', 'spec', 'selector', 'matchLabels'], create: false },
  { kinds: ['PodDisruptionBudget'], path: ['spec', 'selector', 'matchLabels'], create: false },
  { kinds: ['NetworkPolicy'], path: ['spec', 'podSelector', 'matchLabels'], create: false },
  { kinds: ['NetworkPolicy'], path: ['spec', 'ingress', 'from', 'podSelector', 'matchLabels'], create: false },
  { kinds: ['NetworkPolicy'], path: ['spec', 'egress', 'to', 'podSelector', 'matchLabels'], create: false },
  ...TEMPLATE_LABELS,
];

const ANNOTATIONS: FieldSpec[] = [
  { path: ['metadata', 'annotations'], create: true },
  { kinds: POD_TEMPLATE_OWNERS, path: ['spec', 'template', 'metadata', 'annotations'], create: true },
  { kinds: ['CronJob'], path: ['spec', 'jobTemplate', 'metadata', 'annotations'], create: true },
  { kinds: ['CronJob'], path: ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'annotations'], create: true },
];

/** Kinds whose name no prefix or suffix touches (prefixFieldSpecsToSkip). */
const NAME_KEPT = new Set(['CustomResourceDefinition', 'APIService', 'Namespace']);

export function transform(resources: readonly Resource[], k: Kustomization): void {
  for (const r of resources) {
    const kind = String(r.object['kind'] ?? '');
    const meta = metadataOf(r.object);
    // Kinds kustomize does not know are taken to be namespaced.
    if (k.namespace && getOwn(KINDS, kind)?.namespaced !== false) meta['namespace'] = k.namespace;
    // The namespace field specs include a v1 Namespace's own name: it becomes the namespace named.
    if (k.namespace && kind === 'Namespace' && r.object['apiVersion'] === 'v1' && meta['name'] !== k.namespace) {
      meta['name'] = k.namespace;
      r.names.push(k.namespace);
    }
    if ((k.namePrefix || k.nameSuffix) && !NAME_KEPT.has(kind)) {
      meta['name'] = `${k.namePrefix ?? ''}${String(meta['name'] ?? '')}${k.nameSuffix ?? ''}`;
      r.names.push(meta['name'] as string);
    }
    if (k.commonLabels) apply(r.object, kind, SELECTOR_LABELS, k.commonLabels);
    for (const l of k.labels) {
      if (!l.pairs) continue;
      const specs = l.includeSelectors ? SELECTOR_LABELS : l.includeTemplates ? TEMPLATE_LABELS : TEMPLATE_LABELS.slice(0, 1);
      apply(r.object, kind, specs, l.pairs);
    }
    if (k.commonAnnotations) apply(r.object, kind, ANNOTATIONS, k.commonAnnotations);
  }
}

function metadataOf(obj: Obj): Obj {
  const m = obj['metadata'];
  if (m && typeof m === 'object' && !Array.isArray(m)) return m as Obj;
  const made: Obj = {};
  obj['metadata'] = made;
  return made;
}

function apply(obj: Obj, kind: string, specs: readonly FieldSpec[], pairs: Record<string, string>): void {
  for (const spec of specs) if (!spec.kinds || spec.kinds.includes(kind)) setAt(obj, spec.path, spec.create, pairs);
}

/** Merges `pairs` into the map at `path`; a list on the way means every item of it. */
function setAt(node: unknown, path: readonly string[], create: boolean, pairs: Record<string, string>): void {
  if (Array.isArray(node)) {
    for (const item of node) setAt(item, path, create, pairs);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Obj;
  const [key, ...rest] = path as [string, ...string[]];
  let next = obj[key];
  if (next === undefined || next === null) {
    if (!create) return;
    next = {};
    obj[key] = next;
  }
  if (rest.length === 0) {
    // setOwn: a label called `__proto__` is a label like any other.
    if (typeof next === 'object' && !Array.isArray(next)) for (const [k, v] of Object.entries(pairs)) setOwn(next as Record<string, unknown>, k, v);
    return;
  }
  setAt(next, rest, create, pairs);
}
