// Time travel needs the cluster as it was after every step, not only after a whole command.
// `captureStates` runs a synchronous engine call and collects a frozen state at each step it
// records (copy-on-write, so unchanged kinds are shared between snapshots). Outside a capture,
// steps cost nothing extra: the CLI and the tests never pay for it.
import type { ClusterState, Step } from '../cluster/state.ts';
import type { Txn } from '../cluster/store.ts';

let active: { states: Map<Step, ClusterState>; limit: number } | null = null;

export interface Captured<T> {
  result: T;
  /** The state right after each step recorded during the call. */
  states: Map<Step, ClusterState>;
}

/**
 * `limit` caps the snapshots kept: each one copies the kinds written next, so thousands of steps
 * over large tables grow quadratically. Steps past the limit are recorded without a state.
 */
export function captureStates<T>(fn: () => T, limit = Infinity): Captured<T> {
  const outer = active;
  const states = new Map<Step, ClusterState>();
  active = { states, limit };
  try {
    return { result: fn(), states };
  } finally {
    active = outer;
  }
}

/** Called by the step recorder after it closes a step. */
export function noteStepState(step: Step, txn: Txn): void {
  if (active && active.states.size < active.limit) active.states.set(step, txn.snapshot());
}
