import { expect, test } from '@playwright/test';
import { open, PV_AND_PVC, useHook } from './helpers.ts';

// A command run while the view is in the past forks a what-if timeline and brings the view back
// to the live end: the terminal says "back to live" after the command's output, not inside it.

test('after a fork from the terminal, "back to live" follows the output', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await useHook(page, PV_AND_PVC);
  await page.getByRole('tab', { name: /Terminal/ }).click();
  const screen = page.locator('.xterm-rows');
  await expect(screen).toContainText('kubectl and docker against the simulated cluster');
  await page.evaluate(() => window.__playground!.timeline.seek(1));
  await expect(screen).toContainText('viewing frame 1 of the timeline (the past)');
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('kubectl delete pv example-pv');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText('back to live');
  const rows = await page.locator('.xterm-rows > div').evaluateAll((rs) => rs.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim()).filter(Boolean));
  const command = rows.indexOf('$ kubectl delete pv example-pv');
  expect(rows.slice(command)).toEqual(['$ kubectl delete pv example-pv', 'persistentvolume "example-pv" deleted', '── back to live ──', '$']);
  expect(errors).toEqual([]);
});
