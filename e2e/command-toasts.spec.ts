import { expect, test, type Page } from '@playwright/test';
import { keep, open } from './helpers.ts';

// Notes of canvas commands do not pile up over the canvas: the newest shows, earlier ones fold
// behind an "N earlier" button, and at most three are kept.

async function nodeAction(page: Page, item: RegExp) {
  const box = await page.getByTestId('node-node-1').boundingBox();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + 12, { button: 'right' });
  await page.getByRole('menuitem', { name: item }).click();
}

test('command notes fold: the newest shows, the others behind "N earlier"', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = await open(page);
  await expect(page.getByRole('group', { name: 'Node node-1 Ready' })).toBeVisible();
  const toasts = page.getByTestId('command-toast');

  await nodeAction(page, /^Cordon/);
  await expect(toasts).toHaveCount(1);
  await expect(toasts).toContainText('node/node-1 cordoned');
  await expect(page.getByRole('button', { name: /earlier/ })).toHaveCount(0);

  await nodeAction(page, /^Uncordon/);
  await nodeAction(page, /^Cordon/);
  await nodeAction(page, /^Uncordon/);
  // Four commands: one note shown, two folded (three kept).
  await expect(toasts).toHaveCount(1);
  await expect(toasts).toContainText('node/node-1 uncordoned');
  const more = page.getByRole('button', { name: '2 earlier' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(toasts).toHaveCount(3);
  await expect(toasts.nth(0)).toContainText('node/node-1 uncordoned');
  await expect(toasts.nth(1)).toContainText('node/node-1 cordoned');
  await expect(toasts.nth(2)).toContainText('node/node-1 uncordoned');
  const shot = testInfo.outputPath('command-toasts.png');
  await page.screenshot({ path: shot });
  keep(shot, 'command-toasts-unfolded-1280x720.png');
  await page.getByRole('button', { name: 'Hide earlier' }).click();
  await expect(toasts).toHaveCount(1);
  // Dismissing the newest shows the one before it.
  await toasts.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toasts).toHaveCount(1);
  await expect(toasts).toContainText('node/node-1 cordoned');
  await expect(page.getByRole('button', { name: '1 earlier' })).toBeVisible();
  expect(errors).toEqual([]);
});
