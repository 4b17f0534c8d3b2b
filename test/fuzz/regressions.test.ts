// Replays the known bad inputs (regressions.ts) through the fuzzer's checks, one test each, in
// the fuzzer's worker so that a hang fails its test instead of stalling the run.
import { afterAll, describe, expect, it } from 'vitest';
import { formatFailure } from './harness.ts';
import { CaseRunner, HANG_MS } from './pool.ts';
import { REGRESSIONS } from './regressions.ts';

describe('fuzz regressions: known bad inputs pass every check', () => {
  const runner = new CaseRunner();
  afterAll(() => runner.close());
  for (const r of REGRESSIONS) {
    it(r.name, async () => {
      const failures = await runner.run(r.case);
      expect(failures.map(formatFailure)).toEqual([]);
    }, HANG_MS + 20_000);
  }
});
