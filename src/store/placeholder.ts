// The cluster the page shows until the engine's first one arrives. The engine builds clusters
// where it runs (the worker), so the first screen imports none of it; this stand-in is made from
// plain values: the preset's name and seed, no objects.
import { CLUSTER_EPOCH, EMPTY_DOCKER_HOST, countObjects, type ClusterState, type PresetName } from '../engine/index.ts';

export function placeholderCluster(preset: PresetName, seed: number): ClusterState {
  return { schemaVersion: 1, preset, seed, now: CLUSTER_EPOCH, rng: 0, nextUid: 0, resourceVersion: 0, stepCount: 0, objects: {}, eventIndex: {}, addons: [], scheduling: {}, nodeFiles: {}, volumeData: {}, containers: {}, docker: EMPTY_DOCKER_HOST };
}

/**
 * True for the stand-in: every cluster the engine makes has written objects (the default
 * Namespace at least), so its API server's resourceVersion is past 0.
 */
export function isPlaceholderCluster(state: ClusterState): boolean {
  return state.resourceVersion === 0 && countObjects(state) === 0;
}
