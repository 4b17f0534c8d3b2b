import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { keep } from './helpers.ts';

// Embed mode (issue 12): a course page on another origin (e2e/embed-host.html, served here by a
// small server on 127.0.0.1: Chromium lets a page on a loopback address, not a public one, frame
// localhost) embeds the playground (http://localhost:4173) in an iframe and talks to it with
// postMessage. The frame shows only the panes asked for; the host hears ready, loaded, each goal
// met, the step and the lesson complete, and an error for a bad message; "Open in full playground"
// carries the session; and an embed never touches the learner's saved full-playground work.

const HOST_HTML = readFileSync(new URL('./embed-host.html', import.meta.url), 'utf8');
const PLAYGROUND = 'http://localhost:4173';
let server: Server;
let host = '';

test.beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(HOST_HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function openHost(page: Page, query = '') {
  await page.goto(`${host}/embed-host.html${query}`);
  return page.frameLocator('#playground');
}

const logged = (page: Page, type: string) => page.locator(`#log li[data-type="${type}"]`);

test('a course page on another origin drives a lesson and hears each goal met, then the lesson complete', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  const frame = await openHost(page);

  // ready first (to any origin), then the fragment's lesson, started at once without asking.
  await expect(logged(page, 'kubesim:ready')).toHaveCount(1);
  await expect(logged(page, 'kubesim:loaded')).toContainText('{"lesson":"static-binding","step":1}');
  const pane = frame.getByRole('complementary', { name: 'Lesson' });
  await expect(pane).toContainText('Step 1 of 3');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(/Static provisioning/);
  // Only the panes asked for: lesson and canvas; no editor, no terminal, no dock.
  await expect(frame.getByRole('region', { name: 'Cluster' })).toBeVisible();
  await expect(frame.locator('section[aria-label="Manifest editor"]')).toHaveCount(0);
  await expect(frame.locator('.monaco-editor, .xterm, [role="tablist"]')).toHaveCount(0);
  const bar = frame.getByRole('banner');
  await expect(bar.getByRole('button', { name: 'Apply' })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Reset step' })).toBeVisible();
  await expect(bar.getByRole('group', { name: 'Timeline playback' })).toBeVisible();

  // The host loads the lesson's last step; the learner does it in the frame's own UI.
  await page.getByRole('button', { name: 'Load lesson, step 3' }).click();
  await expect(logged(page, 'kubesim:loaded').last()).toContainText('{"lesson":"static-binding","step":3}');
  await expect(pane).toContainText('Step 3 of 3');
  // No lecture mode and no lesson browser inside a frame: the topic is a plain label.
  await expect(pane.getByRole('button', { name: 'Lecture' })).toHaveCount(0);
  await expect(pane.getByRole('button', { name: 'PersistentVolumes and claims' })).toHaveCount(0);
  await expect(logged(page, 'kubesim:goal-met')).toHaveCount(0);
  const goals = await pane.locator('[data-goal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-goal')));
  expect(goals.length).toBeGreaterThan(0);
  await pane.getByRole('button', { name: 'Do it for me' }).click();
  await expect(logged(page, 'kubesim:lesson-complete')).toHaveCount(1);
  await expect(logged(page, 'kubesim:goal-met')).toHaveCount(goals.length);
  for (const g of goals) await expect(logged(page, 'kubesim:goal-met').filter({ hasText: `"goal":"${g}"` })).toHaveCount(1);
  await expect(logged(page, 'kubesim:goal-met').first()).toContainText('"lesson":"static-binding","step":3');
  await expect(logged(page, 'kubesim:step-complete')).toContainText('"step":3');
  await expect(logged(page, 'kubesim:lesson-complete')).toContainText('"lesson":"static-binding"');
  await expect(pane.getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();

  // A bad message gets a kubesim:error saying what is wrong, and the frame goes on.
  await page.getByRole('button', { name: 'Send a bad message' }).click();
  await expect(logged(page, 'kubesim:error')).toContainText('"message":"\\"step\\" must be a whole number from 1 (got 0)","request":"kubesim:load"');
  await expect(pane).toContainText('Step 3 of 3');

  // The full playground, at the learner's lesson and step, without `embed`, in a new tab.
  const full = frame.getByRole('link', { name: /full playground/ });
  await expect(full).toHaveAttribute('href', `${PLAYGROUND}/#lesson=static-binding&step=3`);
  await expect(full).toHaveAttribute('target', '_blank');

  await shootHost(page, 'embed-host-light-1280.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(frame.locator('html.dark')).toHaveCount(1);
  await shootHost(page, 'embed-host-dark-1280.png');
  expect(errors).toEqual([]);
});

test('?embed=canvas shows the canvas alone; a scenario sent by the host opens in the full playground', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const frame = await openHost(page, '?panes=canvas&open=');
  await expect(logged(page, 'kubesim:ready')).toHaveCount(1);
  await expect(frame.getByRole('region', { name: 'Cluster' })).toBeVisible();
  await expect(frame.locator('section[aria-label="Manifest editor"], .monaco-editor, .xterm, aside[aria-label="Lesson"]')).toHaveCount(0);

  const full = frame.getByRole('link', { name: /full playground/ });
  // The starter session's link first; the link follows the session a moment after it changes.
  await expect(full).toHaveAttribute('href', new RegExp(`^${PLAYGROUND}/#s=v1\\.`));
  const before = await full.getAttribute('href');
  await page.getByRole('button', { name: 'Load a scenario' }).click();
  await expect(logged(page, 'kubesim:loaded')).toContainText('{"scenario":true,"errors":[]}');
  await expect(frame.getByRole('region', { name: 'Cluster' })).toContainText('data');
  await expect(full).not.toHaveAttribute('href', before!);
  await expect(full).toHaveAttribute('href', new RegExp(`^${PLAYGROUND}/#s=v1\\.`));
  const [tab] = await Promise.all([context.waitForEvent('page'), full.click()]);
  await expect(tab.getByRole('heading', { name: 'Kubernetes Storage Playground' })).toBeVisible();
  await expect.poll(() => tab.evaluate(() => (window.__playground?.getState() as { editorText?: string } | undefined)?.editorText ?? '')).toContain('name: data');
  expect(await tab.evaluate(() => location.search)).toBe('');
  await expect.poll(() => tab.evaluate(() => (window.__playground!.getState() as { preset: string }).preset)).toBe('kind');
  await expect.poll(() => tab.evaluate(() => window.__playground!.countObjects('PersistentVolumeClaim'))).toBe(1);
});

test("an embed keeps nothing in localStorage: the learner's full-playground work stays; unknown panes only warn", async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => window.__playground!.setEditorText('# my own work\n'));
  const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('k8s-storage-playground') ?? '{}').editorText as string | undefined);
  await expect.poll(saved).toBe('# my own work\n');
  const keysBefore = await page.evaluate(() => Object.keys(localStorage).sort());

  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto('/?embed=editor,canvas,bogus#lesson=static-binding');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Static provisioning/);
  expect(warnings).toContain('kubesim embed: ignoring unknown pane "bogus" (known panes: editor, canvas, terminal, dock, lesson)');
  await expect(page.locator('section[aria-label="Manifest editor"]')).toBeVisible();
  await expect(page.locator('aside[aria-label="Lesson"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__playground!.countObjects('PersistentVolume'))).toBe(1);
  await page.waitForTimeout(400); // past the debounced storage's 250 ms
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));

  expect(await saved()).toBe('# my own work\n');
  expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(keysBefore);
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText)).toBe('# my own work\n');
});

async function shootHost(page: Page, name: string) {
  await page.waitForTimeout(400); // let the canvas' fade-ins finish
  const path = test.info().outputPath(name);
  await page.screenshot({ path });
  keep(path, name);
  await page.screenshot({ path: `/tmp/h4/shots/${name}` });
}

test('?embed=canvas,terminal: a command typed in the terminal shows on the canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const frame = await openHost(page, '?panes=canvas,terminal&open=');
  await expect(logged(page, 'kubesim:ready')).toHaveCount(1);
  await expect(frame.locator('section[aria-label="Manifest editor"], aside[aria-label="Lesson"], [role="tablist"]')).toHaveCount(0);
  const terminal = frame.getByTestId('embed-terminal');
  await expect(terminal.locator('.xterm')).toBeVisible();
  await terminal.locator('.xterm').click();
  await page.keyboard.type('kubectl create configmap notes --from-literal=a=1');
  await page.keyboard.press('Enter');
  await expect(terminal).toContainText('configmap/notes created');
  await expect(frame.getByRole('region', { name: 'Cluster' })).toContainText('notes');
  await shootHost(page, 'embed-host-terminal-1280.png');
});
