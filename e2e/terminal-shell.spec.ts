import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers.ts';

// The terminal is one shell: a variable or function set on one line is there on the next, a loop
// typed over several lines waits at bash's `> ` prompt, and Reset starts a fresh shell.

const lastLine = (page: Page) => page.locator('.xterm-rows > div').evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim()).filter(Boolean).pop() ?? '');
const screen = (page: Page) => page.locator('.xterm-rows');

async function enter(page: Page, line: string, prompt: '$' | '>') {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => lastLine(page)).toBe(prompt);
}

test('the terminal keeps its shell from line to line and reads a loop over several lines', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = await open(page);
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await expect(screen(page)).toContainText('kubectl and docker against the simulated cluster');

  await enter(page, 'NS=team-a', '$');
  await enter(page, 'for n in 1 2; do', '>');
  await enter(page, '  kubectl create namespace $NS-$n', '>');
  await enter(page, 'done', '$');
  await expect(screen(page)).toContainText('namespace/team-a-1 created');
  await expect(screen(page)).toContainText('namespace/team-a-2 created');

  await page.getByRole('button', { name: 'Reset cluster' }).click();
  // There is work to lose, so Reset asks first.
  await page.getByRole('alertdialog', { name: 'Reset the cluster?' }).getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByTestId('terminal').click();
  await enter(page, 'echo "[$NS]"', '$');
  await expect(screen(page)).toContainText('[]');
  expect(errors).toEqual([]);
});
