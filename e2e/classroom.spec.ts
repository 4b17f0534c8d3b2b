// In front of a class: presentation mode with every header control on screen at a 720p and a
// 1080p projector and at 150 % browser zoom; Reset that asks and can be undone; what-if branches
// to switch back to; a reload that brings the session back.
import { expect, test, type Page } from '@playwright/test';
import { keep, open, PV_AND_PVC, PVC, useHook } from './helpers.ts';

/** Every header control that is shown: its box, and whether it is the topmost thing at its centre. */
async function headerControls(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('header')!;
    const controls = [...header.querySelectorAll<HTMLElement>('button, select, input, a, [role="button"]')].filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
    return {
      width: window.innerWidth,
      height: window.innerHeight,
      headerOverflows: header.scrollWidth > header.clientWidth + 1,
      controls: controls.map((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {
          name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName,
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
          onTop: hit !== null && (el === hit || el.contains(hit)),
          clipped: el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT' && el.tagName !== 'INPUT',
        };
      }),
    };
  });
}

async function expectHeaderWhole(page: Page) {
  const h = await headerControls(page);
  expect(h.controls.length).toBeGreaterThan(8);
  const names = h.controls.map((c) => c.name);
  for (const wanted of ['Examples', 'Cluster preset', 'Reset cluster', 'Share', 'Step back', 'Timeline position']) {
    expect(names.some((n) => n.startsWith(wanted)), `${wanted} in ${names.join(' | ')}`).toBe(true);
  }
  for (const c of h.controls) {
    expect(c.left, `${c.name} left`).toBeGreaterThanOrEqual(0);
    expect(c.right, `${c.name} right`).toBeLessThanOrEqual(h.width + 0.5);
    expect(c.top, `${c.name} top`).toBeGreaterThanOrEqual(0);
    expect(c.bottom, `${c.name} bottom`).toBeLessThanOrEqual(h.height);
    expect(c.onTop, `${c.name} is covered`).toBe(true);
    expect(c.clipped, `${c.name} cut`).toBe(false);
  }
  expect(h.headerOverflows).toBe(false);
}

const SIZES = [
  { name: '1280x720', width: 1280, height: 720, scale: 1 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1 },
  // 150 % browser zoom on a 720p projector: the page lays out in 853×480 CSS pixels.
  { name: '1280x720-zoom150', width: 853, height: 480, scale: 1.5 },
  { name: '1024x768', width: 1024, height: 768, scale: 1 },
] as const;

for (const size of SIZES) {
  test(`presentation mode at ${size.name}: every header control is on screen and uncovered`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });
    const page = await context.newPage();
    const errors = await open(page);
    await page.getByLabel('Cluster preset').selectOption('multi-az');
    await expectHeaderWhole(page);
    await page.keyboard.press('f');
    await expect(page.getByRole('region', { name: 'Manifest editor' })).toBeHidden();
    await expectHeaderWhole(page);
    // In the past the playback group is at its widest (the what-if badge).
    await useHook(page, PV_AND_PVC);
    await page.getByRole('group', { name: 'Timeline playback' }).getByRole('button', { name: 'Step back' }).click();
    await expect(page.getByRole('button', { name: /What-if · go live/ })).toBeVisible();
    await expectHeaderWhole(page);
    await page.waitForTimeout(450);
    const path = test.info().outputPath('presentation.png');
    await page.screenshot({ path });
    keep(path, `presentation-header-${size.name}.png`);
    expect(errors).toEqual([]);
    await context.close();
  });
}

const claim = (page: Page, status: string) => page.getByRole('group', { name: `PersistentVolumeClaim example-pvc ${status}` });

test('Reset asks first (Enter confirms, Escape cancels) and can be undone', async ({ page }) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await useHook(page, PV_AND_PVC);
  await expect(claim(page, 'Bound')).toBeVisible();

  const reset = page.getByRole('button', { name: 'Reset cluster' });
  const dialog = page.getByRole('alertdialog', { name: 'Reset the cluster?' });
  await reset.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(claim(page, 'Bound')).toBeVisible();

  await reset.click();
  await expect(dialog).toContainText('the action on the timeline');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(claim(page, 'Bound')).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Cluster reset' });
  await expect(toast).toContainText('1 action on bare cleared');
  await page.waitForTimeout(450);
  const path = test.info().outputPath('reset-undo.png');
  await page.screenshot({ path });
  keep(path, 'reset-undo-1280x720-light.png');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toBeHidden();
  await expect(claim(page, 'Bound')).toBeVisible();
  expect((await page.evaluate(() => window.__playground!.timeline.position())).frames).toBeGreaterThan(2);
  expect(errors).toEqual([]);
});

test('a reload brings back the cluster, the timeline position, the view and the terminal history', async ({ page }) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await useHook(page, PV_AND_PVC);
  await page.evaluate(() => window.__playground!.run('kubectl delete pvc example-pvc'));
  await expect(claim(page, 'Bound')).toHaveCount(0);
  await page.evaluate(() => window.__playground!.timeline.stepBack());
  const before = await page.evaluate(() => window.__playground!.timeline.position());
  // Typed in the terminal, so it is in its history.
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await page.getByTestId('terminal').click();
  await page.keyboard.type('kubectl get pv');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('terminal')).toContainText('example-pv');
  await page.waitForTimeout(400); // past the storage's 250 ms debounce (it also flushes on pagehide)

  await page.reload();
  await expect.poll(() => page.evaluate(() => window.__playground!.timeline.position())).toEqual(before);
  await expect(page.getByLabel('Cluster preset')).toHaveValue('bare');
  await page.evaluate(() => window.__playground!.timeline.goLive());
  await expect(page.getByRole('group', { name: /^PersistentVolume example-pv/ })).toBeVisible();
  await expect(claim(page, 'Bound')).toHaveCount(0);
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await page.getByTestId('terminal').click();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('terminal')).toContainText('kubectl get pv');
  expect(errors).toEqual([]);
});

test("the Docker view: writable-layer bars on one scale, and the pods' containers below an empty host's hints", async ({ page }) => {
  const errors = await open(page);
  await page.getByRole('radio', { name: 'Docker' }).click();
  await page.getByLabel("Show the pods' containers and their layers").check();
  await expect(page.getByText('No pods running yet: their containers appear here')).toBeVisible();
  // No heading sits over a hint.
  const overlaps = await page.evaluate(() => {
    const boxes = (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect());
    const hints = boxes('.react-flow__node-placeholder');
    const headings = boxes('.react-flow__node-heading');
    return headings.filter((h) => hints.some((p) => h.left < p.right && p.left < h.right && h.top < p.bottom && p.top < h.bottom)).length;
  });
  expect(overlaps).toBe(0);
  const shot = test.info().outputPath('docker-empty.png');
  await page.screenshot({ path: shot });
  keep(shot, 'docker-empty-pods-1280x720-light.png');

  const width = async (name: string) => (await page.getByTestId(`docker-container-${name}`).locator('.bg-violet-500').boundingBox())!.width;
  await page.evaluate(() => window.__playground!.run("docker run -d --name ten busybox sh -c 'dd if=/dev/zero of=/d bs=1000000 count=10; sleep 3600'"));
  await expect(page.getByTestId('docker-container-ten')).toContainText('writable 10MB');
  const ten = await width('ten');
  await page.evaluate(() => window.__playground!.run('docker rm -f ten'));
  await page.evaluate(() => window.__playground!.run("docker run -d --name big busybox sh -c 'dd if=/dev/zero of=/d bs=1000000 count=31; sleep 3600'"));
  await expect(page.getByTestId('docker-container-big')).toContainText('writable 31MB');
  await page.waitForTimeout(600); // the bar's width transition
  expect(await width('big')).toBeGreaterThan(ten * 2.5);
  expect(errors).toEqual([]);
});

test('presentation mode keeps a multi-zone scene readable: text size, and zoom to selection', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('multi-az');
  await useHook(page, `${PVC}---\n${PVC.replaceAll('example-pvc', 'logs')}---\n${PVC.replaceAll('example-pvc', 'cache')}`);
  await page.keyboard.press('f');
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toBeHidden();
  const zoom = () => page.evaluate(() => Number(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform.split(',')[3] ?? '1'));
  await expect.poll(zoom).toBeGreaterThanOrEqual(0.89);

  const size = page.getByRole('group', { name: 'Text size' });
  await size.getByRole('button', { name: 'Larger text' }).click();
  await expect(size.getByRole('status')).toHaveText('125%');
  await expect.poll(zoom).toBeGreaterThanOrEqual(1.12);
  const path = test.info().outputPath('presentation-text.png');
  await page.waitForTimeout(450);
  await page.screenshot({ path });
  keep(path, 'presentation-text-125-1920x1080-light.png');

  // Zoom to selection frames the selected claim and its class at a readable zoom.
  await claim(page, 'Pending').click();
  await page.getByRole('button', { name: 'Zoom to selection' }).click();
  await page.waitForTimeout(500);
  const box = (await claim(page, 'Pending').boundingBox())!;
  expect(box.x).toBeGreaterThan(0);
  expect(box.x + box.width).toBeLessThan(1920);
  expect(await zoom()).toBeGreaterThanOrEqual(1.12);
  await size.getByRole('button', { name: 'Smaller text' }).click();
  await expect(size.getByRole('status')).toHaveText('100%');
  expect(errors).toEqual([]);
});

test('presentation mode draws every preset at a readable zoom (1920×1080)', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const errors = await open(page);
  await page.keyboard.press('f');
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toBeHidden();
  const zoom = () => page.evaluate(() => Number(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform.split(',')[3] ?? '1'));
  for (const preset of ['kind', 'kind-multinode', 'bare', 'multi-az', 'empty']) {
    await page.getByLabel('Cluster preset').selectOption(preset);
    await page.waitForTimeout(500);
    // The readable zoom (readable-fit.ts), whatever the preset's size: card text about 10 px or more.
    expect(await zoom(), preset).toBeGreaterThanOrEqual(0.89);
  }
  expect(errors).toEqual([]);
});
