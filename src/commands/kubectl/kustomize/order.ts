// The order kubectl's kustomize emits objects in (ReorderOptionLegacy, SortOrderTransformer's
// legacy sort): kinds that others depend on first, webhooks last, the rest by group, version and
// kind between; within a kind by namespace, then name.
import type { Resource } from './resource.ts';
import { kindOf, nameOf, namespaceOf } from './resource.ts';

const FIRST = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role', 'ClusterRole',
  'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange', 'PriorityClass', 'PersistentVolume',
  'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget',
];
const LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function rank(kind: string): number {
  const first = FIRST.indexOf(kind);
  if (first >= 0) return first - FIRST.length;
  const last = LAST.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
}

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

function gvkOf(r: Resource): Gvk {
  const apiVersion = String(r.object['apiVersion'] ?? '');
  const slash = apiVersion.indexOf('/');
  return { group: slash < 0 ? '' : apiVersion.slice(0, slash), version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1), kind: kindOf(r) };
}

/** legacyGVKSortString: group_version_kind with `~G`, `~V`, `~K` for empty parts. */
function gvkSortString(g: Gvk): string {
  return `${g.group || '~G'}_${g.version || '~V'}_${g.kind || '~K'}`;
}

/** legacyResIDSortString: the GVK as Gvk.String() (kind.version.group) | namespace | name. */
function idSortString(r: Resource, g: Gvk): string {
  return `${g.kind || '[noKind]'}.${g.version || '[noVer]'}.${g.group || '[noGrp]'}|${namespaceOf(r) || '~X'}|${nameOf(r) || '~N'}`;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function legacyOrder(resources: readonly Resource[]): Resource[] {
  const keyed = resources.map((r) => ({ r, g: gvkOf(r) }));
  keyed.sort((a, b) => {
    const same = a.g.group === b.g.group && a.g.version === b.g.version && a.g.kind === b.g.kind;
    if (!same) {
      const ra = rank(a.g.kind);
      const rb = rank(b.g.kind);
      if (ra !== rb) return ra - rb;
      // Two Namespace kinds, one of them in the core group, sort backwards (gvkLessThan).
      if (a.g.kind === 'Namespace' && b.g.kind === 'Namespace' && (a.g.group === '' || b.g.group === '')) return -cmp(gvkSortString(a.g), gvkSortString(b.g));
      return cmp(gvkSortString(a.g), gvkSortString(b.g));
    }
    return cmp(idSortString(a.r, a.g), idSortString(b.r, b.g));
  });
  return keyed.map((k) => k.r);
}
