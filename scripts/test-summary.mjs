// Pure counting for scripts/test-all.mjs: turns the runners' JSON reports into {passed, failed}.
// No I/O here, so scripts/test-summary.test.ts can feed it hand-written reports.
//
// Shapes (checked against vitest 4.1 `--reporter=json` and @playwright/test 1.65 `--reporter=json`):
//   vitest:     { success, testResults: [{ name, status, message, assertionResults: [{ fullName, status }] }] }
//   playwright: { suites: [{ specs: [{ title, tests: [{ status }] }], suites: [...] }], errors: [{ message }] }

/**
 * @typedef {{ passed: number, failed: number, skipped: number, notes: string[] }} Counts
 */

const VITEST_NOT_RUN = new Set(['skipped', 'pending', 'todo', 'disabled']);

/** @param {unknown} text */
function firstLine(text) {
  const line = String(text ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/**
 * Counts a Vitest JSON report.
 * - every test with status "passed" is passed; "failed" is failed; skipped/todo are neither;
 * - a test file that failed with no failed test in it (an import error, a throwing afterAll) counts 1 failed;
 * - `success: false` with nothing failed (an unhandled error, "No test files found") counts 1 failed.
 * @param {any} report parsed JSON
 * @returns {Counts | null} null when the value is not a Vitest report
 */
export function countVitest(report) {
  if (!report || typeof report !== 'object' || !Array.isArray(report.testResults)) return null;
  /** @type {Counts} */
  const counts = { passed: 0, failed: 0, skipped: 0, notes: [] };
  for (const file of report.testResults) {
    let failedHere = 0;
    for (const test of Array.isArray(file?.assertionResults) ? file.assertionResults : []) {
      if (test?.status === 'passed') counts.passed += 1;
      else if (VITEST_NOT_RUN.has(test?.status)) counts.skipped += 1;
      else {
        failedHere += 1;
        if (test?.status !== 'failed') {
          counts.notes.push(`unit: unknown status "${test?.status}" for "${test?.fullName}", counted as failed`);
        }
      }
    }
    counts.failed += failedHere;
    if (file?.status === 'failed' && failedHere === 0) {
      counts.failed += 1;
      counts.notes.push(`unit: ${file.name}: the file failed outside its tests: ${firstLine(file.message) || '(no message)'}`);
    }
  }
  if (report.success === false && counts.failed === 0) {
    counts.failed += 1;
    counts.notes.push(
      counts.passed === 0
        ? 'unit: Vitest reported failure and ran no test (no test files found?)'
        : 'unit: Vitest reported failure outside any test (an unhandled error?)',
    );
  }
  return counts;
}

/**
 * Counts a Playwright JSON report.
 * - a test whose status is "expected" (including test.fail() that failed) or "flaky" (passed on retry) is passed;
 *   "unexpected" is failed; "skipped" (skip, fixme, did not run) is neither; one entry per project per spec;
 * - each top-level error (a spec file that does not load, a webServer that does not start, a global
 *   timeout) counts 1 failed.
 * @param {any} report parsed JSON
 * @returns {Counts | null} null when the value is not a Playwright report
 */
export function countPlaywright(report) {
  if (!report || typeof report !== 'object' || !Array.isArray(report.suites)) return null;
  /** @type {Counts} */
  const counts = { passed: 0, failed: 0, skipped: 0, notes: [] };
  /** @param {any} suite */
  const walk = (suite) => {
    for (const spec of Array.isArray(suite?.specs) ? suite.specs : []) {
      for (const test of Array.isArray(spec?.tests) ? spec.tests : []) {
        if (test?.status === 'expected' || test?.status === 'flaky') counts.passed += 1;
        else if (test?.status === 'skipped') counts.skipped += 1;
        else {
          counts.failed += 1;
          if (test?.status !== 'unexpected') {
            counts.notes.push(`browser: unknown status "${test?.status}" for "${spec?.title}", counted as failed`);
          }
        }
      }
    }
    for (const child of Array.isArray(suite?.suites) ? suite.suites : []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  for (const error of Array.isArray(report.errors) ? report.errors : []) {
    counts.failed += 1;
    counts.notes.push(`browser: error outside any test: ${firstLine(error?.message) || '(no message)'}`);
  }
  return counts;
}

/**
 * Reconciles a runner's report with its exit code, so that a crash is never read as "0 failed".
 * @param {string} label e.g. "unit" or "browser"
 * @param {Counts | null} counts from countVitest/countPlaywright, or null when there was no usable report
 * @param {number | null} exitCode the runner's exit code (null when it was killed by a signal)
 * @returns {Counts}
 */
export function settle(label, counts, exitCode) {
  if (!counts) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      notes: [`${label}: the runner exited with ${exitCode ?? 'a signal'} and wrote no readable JSON report; counted as 1 failed`],
    };
  }
  if (exitCode !== 0 && counts.failed === 0) {
    return {
      ...counts,
      failed: 1,
      notes: [...counts.notes, `${label}: the runner exited with ${exitCode ?? 'a signal'} but its report shows no failure; counted as 1 failed`],
    };
  }
  return counts;
}

/**
 * Adds counts up.
 * @param {Array<{ passed: number, failed: number, skipped?: number }>} parts
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function total(parts) {
  return parts.reduce(
    (sum, part) => ({
      passed: sum.passed + part.passed,
      failed: sum.failed + part.failed,
      skipped: sum.skipped + (part.skipped ?? 0),
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/**
 * The closing line CI reads.
 * @param {{ passed: number, failed: number }} counts
 */
export function summaryLine(counts) {
  return `${counts.passed} passed, ${counts.failed} failed`;
}
