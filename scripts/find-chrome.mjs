// Finds the Chromium that the browser tests drive.
// Used by scripts/test-all.mjs (to fail at once when there is none) and by playwright.config.ts.
//
// Order: $CHROME_PATH, then Debian's /usr/bin/chromium, then Playwright's own bundled Chromium
// (only if `npx playwright install chromium` has put one on this machine; it cannot download here).
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Command-line switches for headless Chromium on our machines (2 cores, no GPU, no network). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const HOW_TO_GET_CHROME = [
  'No Chromium found for the browser tests. Get one of these:',
  '  - Debian/Ubuntu: apt-get update && apt-get install -y chromium   (gives /usr/bin/chromium)',
  '  - any Chromium/Chrome already installed: export CHROME_PATH=/path/to/chromium',
  "  - or Playwright's own build, where downloads work: npx playwright install chromium",
].join('\n');

/** @param {string} file */
function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path Playwright would use for its bundled Chromium, or null when @playwright/test cannot tell. */
function bundledChromiumPath() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('@playwright/test');
    const file = chromium.executablePath();
    return typeof file === 'string' && file ? file : null;
  } catch {
    return null;
  }
}

/**
 * @param {{ env?: Record<string, string | undefined>, isExecutable?: (file: string) => boolean, bundledPath?: () => string | null }} [options]
 *   (the options exist for tests; callers normally pass nothing)
 * @returns {{ path: string, source: 'CHROME_PATH' | 'debian' | 'playwright' } | { path: null, error: string }}
 */
export function findChrome(options = {}) {
  const env = options.env ?? process.env;
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const bundledPath = options.bundledPath ?? bundledChromiumPath;

  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROME_PATH' };
    // Set but wrong: say so instead of silently testing with another browser.
    return {
      path: null,
      error: `CHROME_PATH is set to "${fromEnv}", which is not an executable file.\n${HOW_TO_GET_CHROME}`,
    };
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  const bundled = bundledPath();
  if (bundled && isExecutable(bundled)) return { path: bundled, source: 'playwright' };
  return { path: null, error: HOW_TO_GET_CHROME };
}

// `node scripts/find-chrome.mjs` prints the path (exit 0) or the help (exit 1).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = findChrome();
  if (found.path) {
    console.log(`${found.path} (${found.source})`);
  } else {
    console.error(found.error);
    process.exitCode = 1;
  }
}
