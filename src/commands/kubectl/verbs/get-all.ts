// `kubectl get all`: the "all" category, expanded as kubectl expands it from the server's
// discovery (categories: ["all"] on each resource), in discovery order: the core group, then
// apps, autoscaling and batch, each group's resources in alphabetical order.
import { resolveResource } from '../../../engine/index.ts';

/**
 * What a Kubernetes 1.34 API server puts in the "all" category, in the order kubectl lists them.
 * ReplicationControllers, DaemonSets, HorizontalPodAutoscalers and CronJobs are in the
 * category too, but the playground does not model them, so they never print (a real cluster
 * would add an empty table's worth of nothing for them as well).
 */
const ALL_CATEGORY = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
] as const;

/** The members of "all" that the playground models, as resource names `get` resolves. */
export const ALL_RESOURCES: readonly string[] = ALL_CATEGORY.filter((r) => resolveResource(r) !== undefined);

/**
 * Rewrites `all` in the TYPE argument (`all`, `all,pv`, `pvc,all`) into the category's resources,
 * leaving everything else (names, `type/name` arguments) as typed. A resource listed twice is
 * listed once, where it first appears, as kubectl's builder deduplicates its mappings.
 */
export function expandAllCategory(args: readonly string[]): string[] {
  const [types, ...rest] = args;
  if (types === undefined || types.includes('/')) return [...args];
  const parts = types.split(',');
  if (!parts.includes('all')) return [...args];
  const expanded: string[] = [];
  const seen = new Set<string>();
  for (const part of parts.flatMap((p) => (p === 'all' ? ALL_RESOURCES : [p]))) {
    const kind = resolveResource(part)?.kind ?? part;
    if (seen.has(kind)) continue;
    seen.add(kind);
    expanded.push(part);
  }
  return [expanded.join(','), ...rest];
}
