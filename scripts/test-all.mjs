#!/usr/bin/env node
// `npm test`: type check, unit tests (Vitest), production build, browser tests (Playwright),
// then ONE closing line of its own, "N passed, N failed", counting unit and browser tests together
// from the runners' JSON reports (CI reads that line, not Vitest's or Playwright's summaries).
// A failed type check or build counts as 1 failed. Exit code 1 when anything failed.
//
// Reports: reports/vitest.json, reports/playwright.json (test-results/ is emptied by Playwright on every run).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome.mjs';
import { countPlaywright, countVitest, settle, summaryLine, total } from './test-summary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = join(root, 'reports');
const vitestReport = join(reportsDir, 'vitest.json');
const playwrightReport = join(reportsDir, 'playwright.json');

/** @param {string} name */
function bin(name) {
  return join(root, 'node_modules', '.bin', name);
}

/**
 * Runs a command with the console inherited; never rejects.
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [extraEnv]
 * @returns {Promise<{ code: number | null, error?: string }>}
 */
function run(command, args, extraEnv = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    child.on('error', (error) => done({ code: null, error: error.message }));
    child.on('close', (code, signal) => done(signal ? { code: null, error: `killed by ${signal}` } : { code }));
  });
}

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** @param {number} since */
function seconds(since) {
  return (performance.now() - since) / 1000;
}

/** @param {string} title @param {string} commandLine */
function header(title, commandLine) {
  console.log(`\n=== ${title}: ${commandLine}`);
}

/**
 * @typedef {{ name: string, outcome: string, seconds: number | null, counts: { passed: number, failed: number, skipped: number }, notes: string[] }} Phase
 */

async function main() {
  const started = performance.now();

  // 1. A Chromium, or stop before doing anything else.
  const chrome = findChrome();
  if (chrome.path === null) {
    console.error(chrome.error);
    console.log('\ntest-all: stopped before running anything: no Chromium for the browser tests (counted as 1 failed)');
    console.log(summaryLine({ passed: 0, failed: 1 }));
    return 1;
  }
  console.log(`test-all: browser tests will use ${chrome.path} (${chrome.source})`);

  mkdirSync(reportsDir, { recursive: true });
  /** @type {Phase[]} */
  const phases = [];

  // 2. Type check: pass or 1 failed.
  header('type check', 'tsc --noEmit -p .');
  let t = performance.now();
  const tsc = await run(bin('tsc'), ['--noEmit', '-p', '.']);
  phases.push(
    tsc.code === 0
      ? { name: 'type check', outcome: 'ok', seconds: seconds(t), counts: { passed: 0, failed: 0, skipped: 0 }, notes: [] }
      : {
          name: 'type check',
          outcome: 'FAILED (counted as 1 failed)',
          seconds: seconds(t),
          counts: { passed: 0, failed: 1, skipped: 0 },
          notes: [`type check: tsc ${tsc.error ?? `exited with ${tsc.code}`}; its errors are printed above`],
        },
  );

  // 3. Unit tests, counted from Vitest's JSON report.
  header('unit tests', 'vitest run');
  rmSync(vitestReport, { force: true });
  t = performance.now();
  const vitest = await run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
  ]);
  if (vitest.error) console.log(`test-all: vitest: ${vitest.error}`);
  const unit = settle('unit', countVitest(readJson(vitestReport)), vitest.code);
  phases.push({
    name: 'unit tests',
    outcome: `${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`,
    seconds: seconds(t),
    counts: unit,
    notes: unit.notes,
  });

  // 4. Production build: pass or 1 failed.
  header('build', 'vite build');
  t = performance.now();
  const build = await run(bin('vite'), ['build']);
  const built = build.code === 0 && existsSync(join(root, 'dist', 'index.html'));
  phases.push(
    built
      ? { name: 'build', outcome: 'ok', seconds: seconds(t), counts: { passed: 0, failed: 0, skipped: 0 }, notes: [] }
      : {
          name: 'build',
          outcome: 'FAILED (counted as 1 failed)',
          seconds: seconds(t),
          counts: { passed: 0, failed: 1, skipped: 0 },
          notes: [
            build.code === 0
              ? 'build: vite build exited with 0 but wrote no dist/index.html'
              : `build: vite build ${build.error ?? `exited with ${build.code}`}; its errors are printed above`,
          ],
        },
  );

  // 5. Browser tests against the fresh build, counted from Playwright's JSON report.
  rmSync(playwrightReport, { force: true });
  if (!built) {
    phases.push({
      name: 'browser tests',
      outcome: 'not run: the build failed (a stale dist/ must not be tested)',
      seconds: null,
      counts: { passed: 0, failed: 0, skipped: 0 },
      notes: [],
    });
  } else {
    header('browser tests', 'playwright test');
    t = performance.now();
    const pw = await run(bin('playwright'), ['test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
      CHROME_PATH: chrome.path, // the config then uses the very browser found above
    });
    if (pw.error) console.log(`test-all: playwright: ${pw.error}`);
    const browser = settle('browser', countPlaywright(readJson(playwrightReport)), pw.code);
    phases.push({
      name: 'browser tests',
      outcome: `${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped`,
      seconds: seconds(t),
      counts: browser,
      notes: browser.notes,
    });
  }

  // 6. The breakdown, then the one closing line.
  const sum = total(phases.map((phase) => phase.counts));
  console.log('\n=== summary');
  for (const phase of phases) {
    const time = phase.seconds === null ? '' : `${phase.seconds.toFixed(1)} s`;
    console.log(`  ${phase.name.padEnd(14)} ${phase.outcome.padEnd(44)} ${time}`);
  }
  const notes = phases.flatMap((phase) => phase.notes);
  for (const note of notes) console.log(`  ! ${note}`);
  console.log(`  reports in ${relative(process.cwd(), reportsDir) || '.'}/; total ${seconds(started).toFixed(1)} s`);
  if (sum.skipped > 0) console.log(`  (${sum.skipped} skipped, not counted as passed)`);
  console.log(summaryLine(sum));
  return sum.failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    console.log(summaryLine({ passed: 0, failed: 1 }));
    process.exitCode = 1;
  },
);
