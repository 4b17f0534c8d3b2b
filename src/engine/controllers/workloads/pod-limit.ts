// The playground's stated limit: how many pods the simulated cluster holds. One number in a
// manifest (`replicas: 65536`) must not make the engine work for minutes, so the replicaset
// controller stops creating pods at this many and says why, the way a real one reports a
// creation the API server refused (a FailedCreate event and a ReplicaFailure condition).
// 5,000 pods settle in about 3 s on a laptop (npx kubesim; the engine is linear in pods).

export const MAX_PODS = 5000;

/** Why a pod for `generateName` was not created, in the API server's words for a refused create. */
export function podLimitMessage(generateName: string): string {
  return `pods "${generateName}" is forbidden: the playground simulates at most ${MAX_PODS} pods`;
}
