// The playground's stated limit: how many pods the simulated cluster holds. One number in a
// manifest (`replicas: 65536`) must not make the engine work for minutes, so the replicaset
// controller stops creating pods at this many and says why, the way a real one reports a
// creation the API server refused (a FailedCreate event and a ReplicaFailure condition).
// The engine is linear in pods: starting one costs the replicaset controller, the scheduler and
// the kubelet a few status writes and five events, and a third of the time goes to garbage
// collection. `replicas: 2147483647` (test/bad-inputs), first run / later runs in one process, on
// a 2-core machine shared with other work: 5,000 pods 1.4-1.6 s / 0.8-0.9 s, 2,000 pods 0.7 s /
// 0.3-0.46 s, 1,000 pods 0.66 s / 0.17-0.28 s. A command must answer within 2 s even when the
// machine is busy (a test run doubles these), so the limit is 1,000: a teacher's demo needs
// tens, and a real node takes at most 110.

export const MAX_PODS = 1000;

/** Why a pod for `generateName` was not created, in the API server's words for a refused create. */
export function podLimitMessage(generateName: string): string {
  return `pods "${generateName}" is forbidden: the playground simulates at most ${MAX_PODS} pods`;
}
