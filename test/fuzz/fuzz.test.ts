// The fuzzer's bounded run in `npm test`: a fixed seed and a fixed number of cases per family, so
// the run is the same every time and short; `npm run fuzz -- --minutes N` runs the same
// properties for longer. A failure prints the shrunk case and the seed/path that replay it.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import type { Family } from './cases.ts';
import { propertyFor } from './harness.ts';
import { CaseRunner } from './pool.ts';

const SEED = 20261206;
const CASES: Record<Family, number> = { manifests: 60, commands: 150, sequences: 80 };
// A family that has not finished by then fails rather than stretching `npm test`; shrinking stops
// after SHRINK_MS with the smallest case found so far (shrinking a hang costs a watchdog period per try).
const FAMILY_LIMIT_MS = 60_000;
const SHRINK_MS = 10_000;

describe('fuzz (seeded): no exception escapes, calls are bounded, invariants hold, same seed same result', () => {
  const runner = new CaseRunner();
  afterAll(() => runner.close());

  for (const family of Object.keys(CASES) as Family[]) {
    it(
      family,
      async () => {
        await fc.assert(propertyFor(family, runner, new Set(), SHRINK_MS), { seed: SEED, numRuns: CASES[family], interruptAfterTimeLimit: FAMILY_LIMIT_MS, markInterruptAsFailure: true });
      },
      FAMILY_LIMIT_MS + 30_000,
    );
  }
});
