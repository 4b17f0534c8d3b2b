import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';

// Browser tests run against the production build served by `vite preview`.
// `npm test` (scripts/test-all.mjs) builds first; `npm run test:e2e` alone needs an existing dist/
// (run `npm run build` first).
const chrome = findChrome();
if (chrome.path === null) throw new Error(chrome.error);
// Without a build, `vite preview` serves 404s and Playwright would wait for it until its timeout.
if (!existsSync(fileURLToPath(new URL('./dist/index.html', import.meta.url)))) {
  throw new Error('dist/index.html is missing: run `npm run build` first (`npm test` builds before the browser tests).');
}

const PORT = 4173;
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties this folder at the start of every run; tests put their own screenshots here
  // with testInfo.outputPath(). Reports worth keeping go to reports/ instead.
  outputDir: 'test-results',
  workers: 1, // 2 cores: the preview server and Chromium need the other one
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // scripts/test-all.mjs passes --reporter=list,json itself; this is for `npm run test:e2e`.
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 720 },
    permissions: ['clipboard-read', 'clipboard-write'],
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chrome.path, args: CHROME_ARGS },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: baseURL,
    // Never test whatever else may be on the port (an old build): fail instead, saying the port is in use.
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
