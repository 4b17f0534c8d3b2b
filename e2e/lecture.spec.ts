// Lecture mode (issue 12): with "play out each action" on, one Apply of a claim and its pod on
// kind's WaitForFirstConsumer class is shown step by step: the claim card Pending first, then
// Bound, the caption naming each controller as it acts, ending live. With it off, the Apply
// lands on the end state. Screenshots mid play-out, light and dark, at 1280×720.
import { expect, test, type Page } from '@playwright/test';
import { keep, open, POD, PVC, useHook } from './helpers.ts';

const CLAIM = '[data-testid^="card-"][data-testid$="example-pvc"]';

/** Starts recording, every animation frame, the claim card's status and the caption's text. */
async function record(page: Page) {
  await page.evaluate((sel) => {
    const w = window as unknown as { seen: { status: string | null; caption: string | null }[]; stopSeen: boolean };
    w.seen = [];
    w.stopSeen = false;
    const look = () => {
      const status = document.querySelector(sel)?.getAttribute('data-status') ?? null;
      const caption = document.querySelector('[data-testid="step-caption"]')?.textContent ?? null;
      const last = w.seen.at(-1);
      if (!last || last.status !== status || last.caption !== caption) w.seen.push({ status, caption });
      if (!w.stopSeen) requestAnimationFrame(look);
    };
    look();
  }, CLAIM);
}
const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: { status: string | null; caption: string | null }[] }).seen);
const position = (page: Page) => page.evaluate(() => window.__playground!.timeline.position());
const toggle = (page: Page) => page.getByRole('group', { name: 'Timeline playback' }).getByRole('button', { name: 'Play out each action' });

test('play out each action: one Apply shows the claim Pending, then Bound, captioned step by step', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('kind');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('group', { name: 'Timeline playback' }).getByLabel('Playback speed').selectOption('2');

  await record(page);
  await useHook(page, `${PVC}---\n${POD}`);
  // The Apply has landed but the view is at its first step, playing forward.
  const at = await position(page);
  expect(at.cursor).toBeLessThan(at.frames - 1);
  await expect(page.getByRole('button', { name: /Replaying · go live/ })).toBeVisible();
  await expect(page.getByTestId('step-caption')).toBeVisible();
  await expect(page.locator(CLAIM)).toHaveAttribute('data-status', /Pending/);

  // Mid play-out, light and dark (the cards fade in first).
  await page.waitForTimeout(250);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const path = test.info().outputPath(`lecture-${scheme}.png`);
    await page.screenshot({ path });
    keep(path, `lecture-playout-1280x720-${scheme}.png`);
  }

  // It plays on by itself to live, where the caption goes.
  await expect(page.locator(CLAIM)).toHaveAttribute('data-status', /Bound/, { timeout: 20_000 });
  await expect.poll(async () => { const p = await position(page); return p.cursor === p.frames - 1; }, { timeout: 20_000 }).toBe(true);
  await expect(page.getByTestId('step-caption')).toHaveCount(0);
  const log = await seen(page);
  const firstPending = log.findIndex((s) => /Pending/.test(s.status ?? ''));
  const firstBound = log.findIndex((s) => /Bound/.test(s.status ?? ''));
  expect(firstPending).toBeGreaterThanOrEqual(0);
  expect(firstBound).toBeGreaterThan(firstPending);
  const captions = new Set(log.map((s) => s.caption).filter((c): c is string => !!c));
  expect(captions.size).toBeGreaterThanOrEqual(3);
  // The captions name the controllers that did the work.
  expect([...captions].join('\n')).toMatch(/scheduler/);
  expect([...captions].join('\n')).toMatch(/provision/);

  // The setting survives a reload (kept with the other UI prefs).
  await page.reload();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('End skips a play-out; with the setting off an Apply lands on its end state', async ({ page }) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('kind');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('p'); // the toggle's key
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await useHook(page, PVC);
  await useHook(page, POD.replace('example-pod', 'first'));
  expect((await position(page)).cursor).toBeLessThan((await position(page)).frames - 1);
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('End');
  const p = await position(page);
  expect(p.cursor).toBe(p.frames - 1);
  await expect(page.locator(CLAIM)).toHaveAttribute('data-status', /Bound/);

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await record(page);
  await useHook(page, POD.replace('example-pod', 'second'));
  const q = await position(page);
  expect(q.cursor).toBe(q.frames - 1);
  await expect(page.getByTestId('step-caption')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('presentation mode turns play-out on by default', async ({ page }) => {
  await open(page);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('f');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
});
