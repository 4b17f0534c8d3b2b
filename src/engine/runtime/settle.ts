// Run controllers until nothing changes, like a cluster left alone for a moment.
//
// Controllers run one after another in a fixed order (the registry's), pass after pass, until a
// whole pass writes no object. Fixed order plus seeded ids make the outcome deterministic;
// the pass limit catches a controller that never settles (the K8s TestMultiSync guard).
import type { Step } from '../cluster/state.ts';
import type { Txn } from '../cluster/store.ts';
import { StepRecorder, type Controller, type ControllerContext } from './controller.ts';

export const MAX_SETTLE_PASSES = 50;

export interface SettleResult {
  passes: number;
  settled: boolean;
}

export function runUntilSettled(txn: Txn, controllers: readonly Controller[], steps: Step[]): SettleResult {
  for (let pass = 1; pass <= MAX_SETTLE_PASSES; pass++) {
    let changed = false;
    for (const controller of controllers) {
      changed = runOnce(txn, controller, steps) || changed;
    }
    if (!changed) return { passes: pass, settled: true };
  }
  return { passes: MAX_SETTLE_PASSES, settled: false };
}

/** One sync of one controller; returns whether it changed any object. */
export function runOnce(txn: Txn, controller: Controller, steps: Step[]): boolean {
  const recorder = new StepRecorder(txn, steps);
  let changed = false;
  const ctx: ControllerContext = {
    txn,
    now: txn.state.now,
    event: (obj, type, reason, message, source) => recorder.event(obj, type, reason, message, source ?? controller.source),
    step: (summary) => {
      changed = recorder.close(controller.name, summary) || changed;
    },
  };
  controller.sync(ctx);
  changed = recorder.close(controller.name, `${controller.name} sync`) || changed;
  return changed;
}
