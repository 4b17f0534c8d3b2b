// Table-driven controller tests in the style of kube-controller-manager's framework_test.go:
// every case runs twice.
//   single: the objects are written, every *other* controller runs until nothing changes, then
//           the controller under test syncs exactly once (TestSync);
//   settled: every controller runs until nothing changes (TestMultiSync).
// A case's expectations must hold in both modes, so they name what that one sync decides.
// After the settled run, one more pass of every controller must change nothing (idempotence).
import { expect } from 'vitest';
import { beginTxn, type Txn } from '../cluster/store.ts';
import type { ClusterState, PresetName, Step } from '../cluster/state.ts';
import { CONTROLLERS } from '../controllers/registry.ts';
import { applyDocuments } from '../manifest/apply-documents.ts';
import { parseManifestText } from '../manifest/parse.ts';
import type { Controller } from '../runtime/controller.ts';
import { runOnce, runUntilSettled } from '../runtime/settle.ts';
import { createCluster } from '../runtime/simulation.ts';
import { yaml } from './builders.ts';
import { TestCluster } from './harness.ts';

export interface ControllerCase {
  name: string;
  /** The rule of shared/reference/k8s-storage-semantics.md the case checks (`§2.1 step 14`). */
  rule: string;
  preset?: PresetName;
  /** Objects that exist before the case (settled first, in both modes). */
  given?: unknown[];
  /** A user action after `given` has settled (a delete, a patch), before `objects` are written. */
  prepare?: (txn: Txn) => void;
  /** Objects written just before the controller runs. */
  objects: unknown[];
  /** Runs in both modes; `mode` lets a case say what only the settled run reaches. */
  check: (tc: TestCluster, mode: Mode) => void;
}

export type Mode = 'single' | 'settled';

export function runCase(controller: Controller, c: ControllerCase, mode: Mode): TestCluster {
  let state: ClusterState = createCluster({ preset: c.preset ?? 'bare' });
  if (c.given?.length) {
    const txn = beginTxn(state);
    applyDocuments(txn, parseManifestText(yaml(...c.given)), { mode: 'create' });
    runUntilSettled(txn, CONTROLLERS, []);
    state = txn.state;
  }
  const txn = beginTxn(state);
  c.prepare?.(txn);
  const results = applyDocuments(txn, parseManifestText(yaml(...c.objects)), { mode: 'apply' });
  for (const r of results) if (r.error) throw new Error(`case "${c.name}": document ${r.index} failed: ${r.error.message}`);
  if (mode === 'single') {
    runUntilSettled(
      txn,
      CONTROLLERS.filter((x) => x !== controller),
      [],
    );
    runOnce(txn, controller, []);
  } else {
    runUntilSettled(txn, CONTROLLERS, []);
  }
  const tc = new TestCluster(txn.state);
  c.check(tc, mode);
  if (mode === 'settled') {
    const again = beginTxn(tc.state);
    const steps: Step[] = [];
    for (const x of CONTROLLERS) runOnce(again, x, steps);
    expect(steps.flatMap((s) => s.changes), `case "${c.name}" is not idempotent`).toEqual([]);
  }
  return tc;
}
