import { expect, test, type Page } from '@playwright/test';
import { open, PVC } from './helpers.ts';

// The editor's tab says manifest.yaml: in the terminal that is a file in the working directory,
// holding the editor's text; a line that writes it changes what the editor shows.

const lastLine = (page: Page) => page.locator('.xterm-rows > div').evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim()).filter(Boolean).pop() ?? '');
const screen = (page: Page) => page.locator('.xterm-rows');

async function run(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => lastLine(page)).toBe('$');
}

test("kubectl apply -f manifest.yaml in the terminal applies the editor's text, and writing it changes the editor", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = await open(page);
  await page.evaluate((t) => window.__playground!.setEditorText(t), PVC);
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await expect(screen(page)).toContainText('kubectl and docker against the simulated cluster');

  await run(page, 'kubectl apply -f manifest.yaml');
  await expect(screen(page)).toContainText('persistentvolumeclaim/example-pvc created');
  await expect(page.getByRole('group', { name: /PersistentVolumeClaim example-pvc|Claim example-pvc|example-pvc/ }).first()).toBeVisible();

  await run(page, "echo '# written by the terminal' >> manifest.yaml");
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('# written by the terminal');
  const text = await page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText);
  expect(text).toBe(`${PVC}# written by the terminal\n`);
  expect(errors).toEqual([]);
});
