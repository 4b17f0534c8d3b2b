// `kubectl delete` waits (--wait, true by default) until what it deleted is gone: it watches each
// object until the API server reports it deleted. A pod goes when its kubelet has stopped it,
// which for a PID 1 that ignores SIGTERM (`sleep`) is when its grace period ends, so the
// simulated clock moves on as the learner would wait. An owner deleted in the foreground goes
// when its dependents have gone, so it is waited for as long as the pods that are terminating.
// Without --timeout the wait never goes past the last of those grace periods: an object held by a
// finalizer (a claim a pod still uses) would keep real kubectl waiting a week, until the learner
// presses Ctrl+C, which a script cannot do; with --timeout it waits that long, as kubectl does,
// and says it timed out.
import { getObject, listObjects, readerOf, type ClusterState, type Kind, type Step } from '../../../engine/index.ts';
import { waitOnClock } from '../clock-wait.ts';

export interface Deleted {
  kind: string;
  namespace: string;
  name: string;
  /** The resource's plural, for the timeout's message (`deployments/web`). */
  plural?: string;
}

/** wait.ErrorInterrupted's text, extended with the resource kubectl was waiting on. */
const TIMED_OUT = 'timed out waiting for the condition';

/**
 * The state once everything deleted is gone: for as long as `timeoutMs` (kubectl's --timeout),
 * else until the terminating pods' grace periods have ended. `timedOut` names what was still
 * there when a --timeout ran out, as kubectl's error does.
 */
export function waitForDeleted(state: ClusterState, deleted: readonly Deleted[], timeoutMs: number): { state: ClusterState; steps: Step[]; timedOut?: string } {
  const live = (s: ClusterState) => {
    const reader = readerOf(s);
    return deleted.filter((t) => getObject(reader, t.kind as Kind, t.namespace === '' ? undefined : t.namespace, t.name).ok);
  };
  if (live(state).length === 0) return { state, steps: [] };
  let limit = timeoutMs;
  if (limit <= 0) {
    // deletionTimestamp is when a pod's grace period ends (RFC 3339, parsed as data, not the wall clock).
    const pods = listObjects(readerOf(state), 'Pod', {});
    const ends = (pods.ok ? pods.value : []).map((p) => Date.parse(p.metadata.deletionTimestamp ?? '') || state.now);
    limit = Math.max(state.now, ...ends) - state.now;
    if (limit <= 0) return { state, steps: [] };
  }
  const r = waitOnClock(state, limit, (s) => live(s).length === 0);
  if (r.met || timeoutMs <= 0) return { state: r.state, steps: r.steps };
  const left = live(r.state)[0]!;
  return { state: r.state, steps: r.steps, timedOut: `${TIMED_OUT} on ${left.plural ?? `${left.kind.toLowerCase()}s`}/${left.name}` };
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
