// Editor actions (apply or delete documents) on a state, keeping the state after every step
// for time travel. Shared by the store and by session replay.
import { captureStates, type ClusterState } from '../engine/index.ts';
import { applyManifest } from '../engine/write.ts';
import { FRAMES_PER_ACTION, type UserAction } from './timeline.ts';

export function runManifestAction(state: ClusterState, action: Extract<UserAction, { type: 'apply' | 'delete' }>) {
  const { result, states } = captureStates(() => applyManifest(state, action.text, { mode: action.type, ...(action.only ? { only: action.only } : {}) }), FRAMES_PER_ACTION);
  return { ...result, states };
}
