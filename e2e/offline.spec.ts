import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { keep, open, PV_AND_PVC } from './helpers.ts';

// Offline and installable: after one visit the service worker holds every file of the build, so
// with the network gone the playground loads, Monaco opens, Apply binds a claim, the terminal runs
// kubectl and a built-in lesson opens and completes. The web app manifest makes it installable.

/** Every file of the build (source maps, if a build makes them, are for devtools, not for offline use). */
function distFiles(dir = 'dist', prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? distFiles(`${dir}/${e.name}`, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

const TYPES: Record<string, string> = {
  html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', png: 'image/png',
  ttf: 'font/ttf', json: 'application/json', webmanifest: 'application/manifest+json',
};

/** dist/ on a port of its own, whose sw.js can be changed as a new deployment would change it. */
async function serveDist() {
  let swSuffix = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path === '/' ? 'index.html' : path.slice(1);
    if (file.includes('..') || !existsSync(`dist/${file}`)) {
      res.writeHead(404).end();
      return;
    }
    let body = readFileSync(`dist/${file}`);
    if (file === 'sw.js') body = Buffer.concat([body, Buffer.from(swSuffix)]);
    res.writeHead(200, { 'content-type': TYPES[file.split('.').pop()!] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    // localhost, not 127.0.0.1: a secure context, where service workers are allowed over http.
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    publishNewerBuild: () => (swSuffix = '\n// a newer build\n'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits for the service worker to finish precaching, then reloads so that it controls the page. */
async function installServiceWorker(page: Page) {
  // Registration waits for the page to be loaded and idle; `ready` resolves once it is activated,
  // which Workbox allows only after every precached file has been stored.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kubernetes Storage Playground' })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
}

/** Takes the network away: the browser is offline, and anything that still tries is recorded and refused. */
async function goOffline(context: BrowserContext): Promise<string[]> {
  const reached: string[] = [];
  await context.setOffline(true);
  await context.route('**/*', (route) => {
    reached.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return reached;
}

async function runInTerminal(page: Page, line: string) {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** A picture of the page, kept in reports/screenshots/ for review. */
async function shot(page: Page, name: string) {
  const path = test.info().outputPath(name);
  await page.screenshot({ path });
  keep(path, name);
}

test('after one visit, the playground, Monaco, Apply, the terminal and a lesson work with the network off', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = await open(page);
  await installServiceWorker(page);

  // Every file of the build is in the precache, the lazily loaded chunks and workers included.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname.slice(1));
    return urls;
  });
  // sw.js and Workbox's runtime are the worker itself, kept by the browser with its registration.
  const needed = distFiles().filter((f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f) && !f.endsWith('.map'));
  expect(needed.length).toBeGreaterThan(50);
  // Among them what only a later click loads: Monaco and its font, the workers, xterm, the lesson layer.
  for (const lazy of [/YamlEditor-.*\.js$/, /codicon-.*\.ttf$/, /editor\.worker-.*\.js$/, /yaml\.worker-.*\.js$/, /engine\.worker-.*\.js$/, /TerminalPane-.*\.js$/, /LessonLayer-.*\.js$/]) {
    expect(needed.filter((f) => lazy.test(f)), String(lazy)).toHaveLength(1);
  }
  expect(needed.filter((f) => !cached.includes(f))).toEqual([]);

  const reached = await goOffline(context);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kubernetes Storage Playground' })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  // Monaco (the largest chunk, with its workers) opens, and Apply from the editor binds the claim.
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__playground?.editorReady)).toBe(true);
  await page.evaluate((t) => window.__playground!.setEditorText(t), PV_AND_PVC);
  await page.locator('.monaco-editor .view-line').first().click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'PersistentVolume example-pv Bound' })).toBeVisible();

  // The terminal (xterm, loaded lazily) runs kubectl against the same cluster.
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await expect(page.locator('.xterm-rows')).toContainText('kubectl and docker against the simulated cluster');
  await runInTerminal(page, 'kubectl get pvc');
  await expect(page.locator('.xterm-rows')).toContainText(/example-pvc\s+Bound\s+example-pv\s+5Gi\s+RWO/);
  await page.waitForTimeout(300); // let the canvas finish its animations before the picture
  await shot(page, 'offline-playground.png');

  // A built-in lesson opened by its link in a new tab, still offline, and "Do it for me" completes it.
  const lesson = await context.newPage();
  lesson.on('pageerror', (e) => errors.push(e.message));
  await lesson.goto('/#lesson=static-binding&step=3');
  const pane = lesson.getByRole('complementary', { name: 'Lesson' });
  await expect(pane).toContainText('Step 3 of 3');
  await pane.getByRole('button', { name: 'Do it for me' }).click();
  await expect(pane.locator('[data-goal="pod-running"]')).toHaveAttribute('data-met', 'true', { timeout: 15_000 });
  await expect(pane).toContainText('Lesson complete');
  await lesson.waitForTimeout(300);
  await shot(lesson, 'offline-lesson.png');

  // Nothing came from the network. (The browser's own check for a newer sw.js is the only request
  // allowed to try, and it failed harmlessly.)
  expect(reached.filter((url) => !url.endsWith('/sw.js'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a new version waits for the Reload in its toast, and the session survives the reload', async ({ page }) => {
  test.setTimeout(90_000);
  // Its own server over dist/, so that the test can publish "a newer build" (the browser fetches
  // sw.js for its update check itself, where Playwright's routes do not reach).
  const server = await serveDist();
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await installServiceWorker(page);
    await page.evaluate((t) => {
      window.__playground!.setEditorText(t);
      return window.__playground!.apply();
    }, PV_AND_PVC);
    await expect(page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' })).toBeVisible();

    server.publishNewerBuild();
    await page.evaluate(() => {
      (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
      return navigator.serviceWorker.getRegistration().then((r) => r!.update());
    });
    const toast = page.getByRole('status').filter({ hasText: 'A new version is ready' });
    await expect(toast).toBeVisible({ timeout: 20_000 });
    // It waits: no reload behind the teacher's back.
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    await shot(page, 'offline-update-toast.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'offline-update-toast-dark.png');
    await page.emulateMedia({ colorScheme: 'light' });

    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    await toast.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { name: 'Kubernetes Storage Playground' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBeUndefined();
    // The new version controls the page, none is left waiting, and the cluster came back.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.waiting === null && r!.active !== null))).toBe(true);
    await expect(page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' })).toBeVisible();
    await expect(toast).toBeHidden();
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('the web app manifest is served, valid and installable', async ({ page, request }) => {
  test.setTimeout(60_000);
  const errors = await open(page);
  const link = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(link).toBe('/manifest.webmanifest');

  const response = await request.get(link!);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'Kubernetes Storage Playground', short_name: 'K8s Storage', display: 'standalone', start_url: '/', scope: '/' });
  expect(manifest.theme_color).toBe(await page.locator('meta[name="theme-color"]').getAttribute('content'));

  // Every icon is there, an image of the size it claims; 192 and 512, plain and maskable.
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  for (const want of ['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable']) {
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toContain(want);
  }
  for (const icon of icons) {
    const file = await request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()['content-type']).toContain(icon.type);
    if (icon.type === 'image/png') {
      const bytes = await file.body();
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    }
  }

  // Chromium's own verdict, once the service worker is in place: nothing about the app stops it
  // being installed. (Playwright's browser contexts are incognito, where Chromium installs nothing.)
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  const cdp = await page.context().newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

  // The title bar follows the theme the page shows.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0f172a');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#ffffff');
  expect(errors).toEqual([]);
});
