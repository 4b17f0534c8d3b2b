import { expect, test, type Page } from '@playwright/test';
import { keep, open } from './helpers.ts';

// `kubectl edit` in the terminal opens the object in the editor pane under kubectl's header;
// Ctrl+S (or Apply edit) applies it and the terminal prints kubectl's result; Escape (or Cancel)
// abandons it. Either way the learner's own manifest comes back.

const screen = (page: Page) => page.locator('.xterm-rows');
const editorText = (page: Page) => page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText);
const lastLine = (page: Page) => page.locator('.xterm-rows > div').evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim()).filter(Boolean).pop() ?? '');

async function enter(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('kubectl edit opens the object in the editor; saving applies it, Escape abandons it', async ({ page }, testInfo) => {
  const errors = await open(page);
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
  const mine = await editorText(page);
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await expect(screen(page)).toContainText('kubectl and docker against the simulated cluster');
  await enter(page, 'kubectl create deployment web --image=nginx:1.27');
  await expect(screen(page)).toContainText('deployment.apps/web created');
  await expect.poll(() => lastLine(page)).toBe('$');

  await enter(page, 'kubectl edit deployment/web');
  const bar = page.getByTestId('edit-bar');
  await expect(bar).toContainText('kubectl edit deployments.apps/web');
  await expect(screen(page)).toContainText('Editing deployments.apps/web in the editor');
  const opened = await editorText(page);
  expect(opened.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(true);
  expect(opened).toContain('\n  replicas: 1\n');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Please edit the object below');
  // The object is saved with the bar, not applied document by document: no Apply/Delete lenses.
  await expect(page.locator('.codelens-decoration', { hasText: 'Apply' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('edit-open.png') });
  keep(testInfo.outputPath('edit-open.png'), 'kubectl-edit-open.png');

  // Change replicas (further down than the pane shows), then Ctrl+S in the editor.
  await page.evaluate((t) => window.__playground!.setEditorText(t), opened.replace('\n  replicas: 1\n', '\n  replicas: 3\n'));
  await page.locator('.monaco-editor .view-line', { hasText: 'kind: Deployment' }).click();
  await page.keyboard.press('Control+s');
  await expect(screen(page)).toContainText('deployment.apps/web edited');
  await expect(bar).toBeHidden();
  expect(await editorText(page)).toBe(mine);
  await expect.poll(() => lastLine(page)).toBe('$');

  await page.getByTestId('terminal').click();
  await enter(page, 'kubectl get deployment web -o jsonpath={.spec.replicas}');
  await expect(screen(page)).toContainText('3$');

  // Abandoned with Escape: nothing changes, the manifest comes back.
  await enter(page, 'kubectl edit deploy web');
  await expect(bar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(screen(page)).toContainText('Edit cancelled, no changes made.');
  expect(await editorText(page)).toBe(mine);
  expect(errors).toEqual([]);

  // A reload while an edit is open keeps the learner's manifest, not the borrowed object.
  await enter(page, 'kubectl edit deploy web');
  await expect(bar).toBeVisible();
  await page.waitForTimeout(500); // past the storage's 250 ms debounce (it also flushes on pagehide)
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
  await expect(bar).toBeHidden();
  expect(await editorText(page)).toBe(mine);
});
