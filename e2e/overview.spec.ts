// The overview: zoomed out on a large cluster the cards become tiles (src/ui/canvas/overview.ts),
// which keep their accessible names, select like cards, mark the step that changed them, and
// open into the full card on a double-click.
import { expect, test, type Page } from '@playwright/test';
import { scenario } from '../scripts/bench-ui-scenarios.ts';
import { keep, open, useHook } from './helpers.ts';

const BIG = scenario(300);
const tile = (page: Page, name: string) => page.locator('.overview-tile').and(page.getByRole('button', { name, exact: true }));

async function openBig(page: Page) {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await useHook(page, BIG.text);
  // The canvas re-frames to the new cards: zoomed out that far, they are drawn as tiles.
  // (Applying 300 objects takes a moment on a busy two-core machine.)
  await expect(tile(page, BIG.lastCard)).toBeVisible({ timeout: 15_000 });
  return errors;
}

test('zoomed out on 300 objects the cards are tiles, with the same names; a click selects, Enter too, a double-click opens the card', async ({ page }) => {
  const errors = await openBig(page);
  await expect(page.locator('.overview-tile')).toHaveCount(300);
  await expect(page.getByText('Overview · 300 objects')).toBeVisible();
  // React Flow keeps only the frame: no card nodes, no edge SVGs; the edges are paths of the overview.
  await expect(page.locator('.react-flow__node-object')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(page.locator('.overview-edge.edge-bound')).toHaveCount(BIG.pairs);

  await tile(page, 'PersistentVolumeClaim data-0007 Bound').click();
  await expect(tile(page, 'PersistentVolumeClaim data-0007 Bound')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Inspector' })).toContainText('$ kubectl get pvc data-0007 -o yaml');

  await tile(page, 'PersistentVolume pv-0003 Bound').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tabpanel', { name: 'Inspector' })).toContainText('$ kubectl get pv pv-0003 -o yaml');

  // Right-click (or Shift+F10) on a tile opens the same chaos menu as on a card.
  await tile(page, 'Pod app-0011 Running').click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: /^Delete pod/ })).toContainText('kubectl delete pod app-0011');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await tile(page, 'Pod app-0012 Running').focus();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menuitem', { name: /^Delete pod/ })).toContainText('kubectl delete pod app-0012');
  await page.keyboard.press('Escape');

  // A double-click zooms to the card: past the threshold the full cards come back.
  await tile(page, 'Pod app-0042 Running').dblclick();
  await expect(page.getByRole('group', { name: 'Pod app-0042 Running' })).toBeVisible();
  await expect(page.locator('.overview-tile')).toHaveCount(0);
  // And the fit button frames everything again, as tiles.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect(page.locator('.overview-tile')).toHaveCount(300);
  expect(errors).toEqual([]);
});

test('stepping through the timeline in the overview rings the tile the step changed', async ({ page }) => {
  const errors = await openBig(page);
  const playback = page.getByRole('group', { name: 'Timeline playback' });
  for (let i = 0; i < 3; i++) {
    await playback.getByRole('button', { name: 'Step back' }).click();
    // One ring, on the tile of the object the captioned step changed.
    await expect(page.locator('.overview-ring')).toHaveCount(1);
    // The view may still be gliding to the step (slow on a loaded machine): ask until it rests.
    const ringedTile = () =>
      page.locator('.overview-ring').evaluate((ring) => {
        const r = ring.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('.overview-tile')?.getAttribute('aria-label') ?? '';
      });
    await expect.poll(ringedTile, { message: 'the ring sits on a tile' }).not.toBe('');
    const label = await ringedTile();
    const name = label.split(' ')[1];
    expect(name, `the ring sits on a tile (${label})`).toBeTruthy();
    await expect(page.getByTestId('step-caption')).toContainText(name!);
  }
  expect(errors).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot: the overview of 300 objects, 1280x720 ${scheme}`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    const errors = await openBig(page);
    await tile(page, 'PersistentVolumeClaim data-0007 Bound').click();
    await expect(page.getByRole('tabpanel', { name: 'Inspector' })).toContainText('kind: PersistentVolumeClaim');
    await page.mouse.move(0, 0);
    const shot = testInfo.outputPath(`overview-${scheme}.png`);
    await page.screenshot({ path: shot });
    keep(shot, `overview-300-1280x720-${scheme}.png`);
    expect(errors).toEqual([]);
  });
}
