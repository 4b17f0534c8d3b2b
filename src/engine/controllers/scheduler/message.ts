// FitError.Error() (pkg/scheduler/framework/types.go): the FailedScheduling message.
import type { Status } from './framework.ts';

export const NO_NODES = 'no nodes available to schedule pods';

export function failureMessage(nodeCount: number, preFilterReason: string | undefined, statuses: readonly Status[]): string {
  if (nodeCount === 0) return NO_NODES;
  const head = `0/${nodeCount} nodes are available: `;
  const body = preFilterReason ? `${preFilterReason}.` : `${histogram(statuses.map((s) => s.reason ?? ''))}.`;
  return `${head}${body} preemption: ${preemption(nodeCount, preFilterReason, statuses)}`;
}

/** `1 node(s) had untolerated taint {…}, 2 node(s) didn't match …`: counts per reason, sorted as strings. */
function histogram(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ');
}

/** Unresolvable nodes are not helped by preemption; resolvable ones had no victims to evict. */
function preemption(nodeCount: number, preFilterReason: string | undefined, statuses: readonly Status[]): string {
  const head = `0/${nodeCount} nodes are available: `;
  if (preFilterReason) return `${head}${nodeCount} Preemption is not helpful for scheduling.`;
  const notHelpful = statuses.filter((s) => s.code === 'UnschedulableAndUnresolvable').length;
  const noVictims = statuses.length - notHelpful;
  const parts = [
    ...(noVictims > 0 ? [`${noVictims} No preemption victims found for incoming pod`] : []),
    ...(notHelpful > 0 ? [`${notHelpful} Preemption is not helpful for scheduling`] : []),
  ].sort();
  return `${head}${parts.join(', ')}.`;
}
