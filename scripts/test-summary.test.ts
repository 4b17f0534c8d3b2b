import { describe, expect, it } from 'vitest';
import { countPlaywright, countVitest, settle, summaryLine, total } from './test-summary.mjs';

// Samples trimmed from real reports: vitest 4.1.12 `--reporter=json` and @playwright/test 1.65.1 `--reporter=json`
// run on small throwaway suites (fields the counter does not read are dropped).

const vitestMixed = {
  numTotalTests: 4,
  numPassedTests: 1,
  numFailedTests: 1,
  numPendingTests: 1,
  numTodoTests: 1,
  success: false,
  testResults: [
    {
      assertionResults: [
        { ancestorTitles: ['grp'], fullName: 'grp passes', status: 'passed', title: 'passes', failureMessages: [] },
        {
          ancestorTitles: ['grp'],
          fullName: 'grp fails',
          status: 'failed',
          title: 'fails',
          failureMessages: ['AssertionError: expected 1 to be 2 // Object.is equality'],
        },
        { ancestorTitles: ['grp'], fullName: 'grp skipped', status: 'skipped', title: 'skipped', failureMessages: [] },
        { ancestorTitles: ['grp'], fullName: 'grp todo', status: 'todo', title: 'todo', failureMessages: [] },
      ],
      status: 'failed',
      message: '',
      name: '/tmp/shapes/tests/a.test.ts',
    },
    {
      // a file whose import throws: no tests at all, only the file's status and message
      assertionResults: [],
      status: 'failed',
      message: "Cannot find module './nonexistent-module' imported from /tmp/shapes/tests/b.test.ts",
      name: '/tmp/shapes/tests/b.test.ts',
    },
  ],
};

const vitestAfterAllThrows = {
  numTotalTests: 1,
  numPassedTests: 1,
  numFailedTests: 0,
  success: false,
  testResults: [
    {
      assertionResults: [{ ancestorTitles: [], fullName: 'passes c', status: 'passed', title: 'passes c', failureMessages: [] }],
      status: 'failed',
      message: 'afterAll boom',
      name: '/tmp/shapes/tests/c.test.ts',
    },
  ],
};

const vitestUnhandledError = {
  numTotalTests: 2,
  numPassedTests: 2,
  numFailedTests: 0,
  success: false, // "Vitest caught 1 unhandled error during the test run": nothing else in the JSON shows it
  testResults: [
    {
      assertionResults: [
        { ancestorTitles: [], fullName: 'unhandled', status: 'passed', title: 'unhandled', failureMessages: [] },
        { ancestorTitles: [], fullName: 'wait', status: 'passed', title: 'wait', failureMessages: [] },
      ],
      status: 'passed',
      message: '',
      name: '/tmp/shapes/tests/d.test.ts',
    },
  ],
};

const vitestNoFiles = { numTotalTests: 0, numPassedTests: 0, numFailedTests: 0, success: false, testResults: [] };

const vitestAllGreen = {
  numTotalTests: 2,
  numPassedTests: 2,
  success: true,
  testResults: [
    {
      assertionResults: [
        { ancestorTitles: [], fullName: 'a', status: 'passed', title: 'a', failureMessages: [] },
        { ancestorTitles: [], fullName: 'b', status: 'passed', title: 'b', failureMessages: [] },
      ],
      status: 'passed',
      message: '',
      name: '/repo/src/x.test.ts',
    },
  ],
};

const result = (status: string, retry = 0) => ({ workerIndex: 0, parallelIndex: 0, status, duration: 5, errors: [], retry });

const playwrightMixed = {
  config: { rootDir: '/tmp/shapes/e2e' },
  suites: [
    {
      title: 'a.spec.ts',
      file: 'a.spec.ts',
      line: 0,
      column: 0,
      specs: [
        {
          title: 'passes',
          ok: true,
          tags: [],
          id: '1',
          file: 'a.spec.ts',
          line: 3,
          column: 1,
          tests: [{ timeout: 30000, annotations: [], expectedStatus: 'passed', projectId: '', projectName: '', results: [result('passed')], status: 'expected' }],
        },
        {
          title: 'flaky',
          ok: true,
          tags: [],
          id: '2',
          file: 'a.spec.ts',
          line: 4,
          column: 1,
          tests: [
            {
              timeout: 30000,
              annotations: [],
              expectedStatus: 'passed',
              projectId: '',
              projectName: '',
              results: [result('failed'), result('passed', 1)],
              status: 'flaky',
            },
          ],
        },
        {
          title: 'expected to fail',
          ok: true,
          tags: [],
          id: '3',
          file: 'a.spec.ts',
          line: 5,
          column: 1,
          tests: [{ timeout: 30000, annotations: [], expectedStatus: 'failed', projectId: '', projectName: '', results: [result('failed')], status: 'expected' }],
        },
        {
          title: 'fails',
          ok: false,
          tags: [],
          id: '4',
          file: 'a.spec.ts',
          line: 6,
          column: 1,
          tests: [
            {
              timeout: 30000,
              annotations: [],
              expectedStatus: 'passed',
              projectId: '',
              projectName: '',
              results: [result('failed'), result('failed', 1)],
              status: 'unexpected',
            },
          ],
        },
        {
          title: 'fixme',
          ok: true,
          tags: [],
          id: '5',
          file: 'a.spec.ts',
          line: 7,
          column: 1,
          tests: [{ timeout: 30000, annotations: [{ type: 'fixme' }], expectedStatus: 'skipped', projectId: '', projectName: '', results: [result('skipped')], status: 'skipped' }],
        },
      ],
      suites: [
        {
          title: 'after a failing beforeAll',
          file: 'a.spec.ts',
          line: 8,
          column: 6,
          specs: [
            {
              title: 'one',
              ok: false,
              tags: [],
              id: '6',
              file: 'a.spec.ts',
              line: 10,
              column: 3,
              tests: [{ timeout: 30000, annotations: [], expectedStatus: 'passed', projectId: '', projectName: '', results: [result('failed')], status: 'unexpected' }],
            },
            {
              // "did not run": skipped although expected to pass
              title: 'two',
              ok: true,
              tags: [],
              id: '7',
              file: 'a.spec.ts',
              line: 11,
              column: 3,
              tests: [{ timeout: 30000, annotations: [], expectedStatus: 'passed', projectId: '', projectName: '', results: [result('skipped')], status: 'skipped' }],
            },
          ],
        },
      ],
    },
  ],
  errors: [],
  stats: { startTime: '2026-11-25T12:16:26.483Z', duration: 4443.674, expected: 2, skipped: 2, unexpected: 2, flaky: 1 },
};

const playwrightTwoProjects = {
  config: {},
  suites: [
    {
      title: 'x.spec.ts',
      file: 'x.spec.ts',
      line: 0,
      column: 0,
      specs: [
        {
          title: 'runs twice',
          ok: true,
          tags: [],
          id: '1',
          file: 'x.spec.ts',
          line: 2,
          column: 1,
          tests: [
            { timeout: 30000, annotations: [], expectedStatus: 'passed', projectId: 'a', projectName: 'a', results: [result('passed')], status: 'expected' },
            { timeout: 30000, annotations: [], expectedStatus: 'passed', projectId: 'b', projectName: 'b', results: [result('passed')], status: 'expected' },
          ],
        },
      ],
    },
  ],
  errors: [],
  stats: { expected: 2, skipped: 0, unexpected: 0, flaky: 0 },
};

const playwrightLoadError = {
  config: {},
  suites: [],
  errors: [
    {
      message: "Error: load boom\n\n   at broken.spec.ts:2",
      stack: 'Error: load boom\n    at /tmp/shapes/e2e/broken.spec.ts:2:7',
      location: { file: '/tmp/shapes/e2e/broken.spec.ts', column: 7, line: 2 },
      snippet: "> 2 | throw new Error('load boom');",
    },
  ],
  stats: { startTime: '2026-11-25T12:16:03.997Z', duration: 69.8, expected: 0, skipped: 0, unexpected: 0, flaky: 0 },
};

describe('countVitest', () => {
  it('counts passed and failed tests, not skipped or todo, and a file that failed to load as 1 failed', () => {
    const counts = countVitest(vitestMixed);
    expect(counts).toMatchObject({ passed: 1, failed: 2, skipped: 2 });
    expect(counts?.notes.join('\n')).toContain('b.test.ts');
  });

  it('counts a file that failed outside its tests (afterAll) as 1 failed', () => {
    expect(countVitest(vitestAfterAllThrows)).toMatchObject({ passed: 1, failed: 1 });
  });

  it('counts success:false with no failed test (unhandled error) as 1 failed', () => {
    const counts = countVitest(vitestUnhandledError);
    expect(counts).toMatchObject({ passed: 2, failed: 1 });
    expect(counts?.notes[0]).toMatch(/unhandled/);
  });

  it('counts a run that found no test files as 1 failed', () => {
    expect(countVitest(vitestNoFiles)).toMatchObject({ passed: 0, failed: 1 });
  });

  it('counts an all-green run', () => {
    expect(countVitest(vitestAllGreen)).toEqual({ passed: 2, failed: 0, skipped: 0, notes: [] });
  });

  it('returns null for anything that is not a Vitest report', () => {
    expect(countVitest(null)).toBeNull();
    expect(countVitest('oops')).toBeNull();
    expect(countVitest(playwrightMixed)).toBeNull();
  });
});

describe('countPlaywright', () => {
  it('counts expected and flaky as passed, unexpected as failed, skipped as neither, in nested suites', () => {
    expect(countPlaywright(playwrightMixed)).toEqual({ passed: 3, failed: 2, skipped: 2, notes: [] });
  });

  it('counts one test per project', () => {
    expect(countPlaywright(playwrightTwoProjects)).toMatchObject({ passed: 2, failed: 0 });
  });

  it('counts each top-level error (a spec that does not load, a webServer that does not start) as 1 failed', () => {
    const counts = countPlaywright(playwrightLoadError);
    expect(counts).toMatchObject({ passed: 0, failed: 1 });
    expect(counts?.notes[0]).toContain('load boom');
  });

  it('returns null for anything that is not a Playwright report', () => {
    expect(countPlaywright(undefined)).toBeNull();
    expect(countPlaywright(vitestMixed)).toBeNull();
  });
});

describe('settle', () => {
  it('counts a runner that left no report as 1 failed, never 0', () => {
    expect(settle('unit', null, 1)).toMatchObject({ passed: 0, failed: 1 });
    expect(settle('browser', null, null).notes[0]).toContain('signal');
    expect(settle('unit', null, 0).failed).toBe(1);
  });

  it('counts a non-zero exit whose report shows no failure as 1 failed', () => {
    const counts = settle('browser', { passed: 3, failed: 0, skipped: 0, notes: [] }, 1);
    expect(counts).toMatchObject({ passed: 3, failed: 1 });
    expect(counts.notes).toHaveLength(1);
  });

  it('keeps the report when it already shows the failures, and when all is well', () => {
    const failing = { passed: 3, failed: 2, skipped: 1, notes: [] };
    expect(settle('unit', failing, 1)).toBe(failing);
    const green = { passed: 3, failed: 0, skipped: 0, notes: [] };
    expect(settle('unit', green, 0)).toBe(green);
  });
});

describe('total and summaryLine', () => {
  it('adds the phases and prints the closing line CI reads', () => {
    const sum = total([
      { passed: 5, failed: 0, skipped: 1 },
      { passed: 0, failed: 1 }, // a failed type check
      { passed: 2, failed: 1, skipped: 0 },
    ]);
    expect(sum).toEqual({ passed: 7, failed: 2, skipped: 1 });
    expect(summaryLine(sum)).toBe('7 passed, 2 failed');
    expect(summaryLine(total([]))).toBe('0 passed, 0 failed');
  });
});
