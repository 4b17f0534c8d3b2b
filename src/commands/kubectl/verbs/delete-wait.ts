// `kubectl delete` waits (--wait, true by default) until what it deleted is gone: it watches each
// object until the API server reports it deleted. A pod goes when its kubelet has stopped it,
// which for a PID 1 that ignores SIGTERM (`sleep`) is when its grace period ends, so the
// simulated clock moves on as the learner would wait. Only pods are waited for, and never past
// their grace period: an object held by a finalizer (a claim a pod still uses) would keep real
// kubectl waiting until the learner presses Ctrl+C, which a script cannot do.
import { getObject, readerOf, type ClusterState, type Step } from '../../../engine/index.ts';
import { waitOnClock } from '../clock-wait.ts';

export interface Deleted {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * The state once every deleted pod is gone, or its grace period has passed. `onGone` hears of each
 * pod as it goes, in the order they go (drain prints `pod/x evicted` then).
 */
export function waitForDeletedPods(state: ClusterState, deleted: readonly Deleted[], onGone?: (pod: Deleted) => void): { state: ClusterState; steps: Step[] } {
  const pods = deleted.filter((t) => t.kind === 'Pod');
  const live = (s: ClusterState) => {
    const reader = readerOf(s);
    return pods.flatMap((t) => {
      const r = getObject(reader, 'Pod', t.namespace, t.name);
      return r.ok ? [r.value] : [];
    });
  };
  const reported = new Set<Deleted>();
  const report = (s: ClusterState) => {
    if (!onGone) return;
    const left = new Set(live(s).map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
    for (const t of pods) {
      if (reported.has(t) || left.has(`${t.namespace}/${t.name}`)) continue;
      reported.add(t);
      onGone(t);
    }
  };
  report(state);
  // deletionTimestamp is when the grace period ends (RFC 3339, parsed as data, not the wall clock).
  const ends = live(state).map((p) => Date.parse(p.metadata.deletionTimestamp ?? '') || state.now);
  const last = Math.max(state.now, ...ends);
  if (last <= state.now) return { state, steps: [] };
  const r = waitOnClock(state, last - state.now, (s) => live(s).length === 0, report);
  return { state: r.state, steps: r.steps };
}
