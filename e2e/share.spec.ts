import { expect, test, type Page } from '@playwright/test';
import { keep, open } from './helpers.ts';

// Share links and the header: a link reopens the same session in a fresh browser, a broken link
// says why and leaves the learner's work alone, and the examples menu fills the editor.

const editorText = (page: Page) => page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText);
/** Every card on the canvas by its accessible name ("PersistentVolumeClaim example-pvc Bound"), sorted. */
const canvasCards = (page: Page) => page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? '').sort());
const position = (page: Page) => page.getByLabel('Timeline position').getAttribute('aria-valuetext');

async function waitForMonaco(page: Page) {
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__playground?.editorReady)).toBe(true);
}

async function shot(page: Page, testInfo: { outputPath: (n: string) => string }, name: string, clip?: { x: number; y: number; width: number; height: number }) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, ...(clip ? { clip } : {}) });
  keep(path, name);
}

test('Share copies a link that reopens the same session in a fresh browser', async ({ page, browser }, testInfo) => {
  const errors = await open(page);
  const starter = await editorText(page);
  await page.evaluate(() => window.__playground!.apply());
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
  // Travel back one step, so the link must carry the timeline position too.
  await page.getByRole('button', { name: 'Step back' }).click();
  const cards = await canvasCards(page);
  const at = await position(page);
  expect(at).not.toMatch(/live/);
  // The claim selected, its describe text in front: the link opens on the same view.
  await page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' }).click();
  await page.getByRole('group', { name: 'Inspector view' }).getByRole('button', { name: 'Describe' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Inspector' })).toContainText('$ kubectl describe pvc example-pvc');

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link copied' });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByLabel('Share link').inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#s=v1\.[A-Za-z0-9_-]+$/);
  await expect(dialog).toContainText(`${link.length.toLocaleString('en')} characters`);
  await expect(dialog).not.toContainText('Longer than 2,000 characters');
  // The clipboard holds it, and so does the address bar (replaced in place, no reload).
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(page.url()).toBe(link);
  // The link is selected in its field, ready for Ctrl+C.
  expect(await dialog.getByLabel('Share link').evaluate((el: HTMLInputElement) => [document.activeElement === el, el.selectionStart, el.selectionEnd])).toEqual([true, 0, link.length]);
  await shot(page, testInfo, 'share-popover-1280x720-light.png');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();

  // A new browser context: no localStorage, nothing shared but the link.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await fresh.newPage();
  const otherErrors: string[] = [];
  other.on('pageerror', (e) => otherErrors.push(e.message));
  await other.goto(link);
  await expect(other.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' })).toBeVisible();
  await expect.poll(() => canvasCards(other)).toEqual(cards);
  expect(await position(other)).toBe(at);
  expect(await editorText(other)).toBe(starter);
  expect(await other.getByLabel('Cluster preset').inputValue()).toBe('bare');
  await expect(other.getByRole('tab', { name: /^Inspector/ })).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByRole('tabpanel', { name: 'Inspector' })).toContainText('$ kubectl describe pvc example-pvc');
  await expect(other.getByRole('tabpanel', { name: 'Inspector' })).toContainText('Status:        Bound');
  // The starter was not the learner's own work: no "replaced your text" banner.
  await expect(other.getByRole('status')).toHaveCount(0);
  expect(otherErrors).toEqual([]);

  // Changing anything takes the fragment out of the address bar (a reload would lose the change).
  await other.getByRole('button', { name: /Go live|What-if/ }).click();
  await expect.poll(() => new URL(other.url()).hash).toBe('');
  await fresh.close();
  expect(errors).toEqual([]);
});

test('when the clipboard is refused the link is still there to copy; a long link warns', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  const errors = await open(page);
  // Text that deflate cannot shrink much (a deterministic pseudo-random stream), so the link is long.
  await page.evaluate(() => {
    let x = 7;
    const words = Array.from({ length: 600 }, () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x.toString(36)));
    window.__playground!.setEditorText(`# notes\n# ${words.join(' ')}\n`);
  });
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy this link' });
  await expect(dialog).toContainText('The browser did not allow copying. The link is selected');
  const link = await dialog.getByLabel('Share link').inputValue();
  expect(link.length).toBeGreaterThan(2000);
  await expect(dialog).toContainText('Longer than 2,000 characters');
  await expect(dialog.getByLabel('Share link')).toBeFocused();
  await shot(page, testInfo, 'share-popover-long-no-clipboard-1280x720-light.png');
  expect(errors).toEqual([]);
});

test('opening a link over the learner\'s own text offers it back', async ({ page, browser }) => {
  await open(page);
  await page.evaluate(() => window.__playground!.apply());
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Share link').inputValue();

  const context = await browser.newContext();
  const other = await context.newPage();
  await open(other);
  await other.evaluate(() => window.__playground!.setEditorText('# my own notes\n'));
  // Pasted into the same tab: only the fragment changes (hashchange, no reload).
  await other.evaluate((hash) => (location.hash = hash), new URL(link).hash);
  const banner = other.getByRole('status').filter({ hasText: 'Opened a shared session' });
  await expect(banner).toBeVisible();
  await expect(other.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
  expect(await editorText(other)).not.toBe('# my own notes\n');
  await banner.getByRole('button', { name: 'Restore my text' }).click();
  expect(await editorText(other)).toBe('# my own notes\n');
  await expect(banner).toBeHidden();
  await expect(other.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
  await context.close();
});

test('a broken link says why, and the playground and the learner\'s text stay', async ({ page }, testInfo) => {
  const errors = await open(page);
  await page.evaluate(() => window.__playground!.setEditorText('# my own work\n'));
  await page.goto('/#s=v1.garbage');
  // (Monaco has role="alert" regions of its own.)
  const banner = page.getByRole('alert').filter({ hasText: 'This share link could not be opened' });
  await expect(banner).toContainText('This share link could not be opened: the compressed data is damaged (was the link cut off when it was copied?)');
  await expect(banner).toContainText('Your own editor text and cluster are unchanged.');
  await expect(page.getByRole('heading', { name: 'Kubernetes Storage Playground' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Node node-1 Ready' })).toBeVisible();
  expect(await editorText(page)).toBe('# my own work\n');
  await shot(page, testInfo, 'share-error-banner-1280x720-light.png', { x: 0, y: 0, width: 1280, height: 140 });

  // Dismissed, it is gone, and so is the broken fragment (a reload would only repeat the error).
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toBeHidden();
  expect(new URL(page.url()).hash).toBe('');

  // A link from a newer playground, pasted into the same tab.
  await page.evaluate(() => (location.hash = '#s=v2.AAAA'));
  await expect(banner).toContainText('This share link could not be opened: This link was made by a newer playground (format v2)');
  // A session whose actions cannot be read names the action ({"actions":[…, …, {"type":"frobnicate"}]}).
  await page.goto('/#s=v1.dYwxDsIwEAS_Ei3tFdD6HXRA4TgHWDi2db4kRJb_jgKU0K12drZihjkQsnBhhUFvhUEozMMb8OA1yZGfG9x1d3-OIFinPsUCc6rfDFOha2YY2JzDCoJ-JIvW6MfMpXG0cQAh-LgVj6lnp6G7sXZ5_mNdJfXRO6uM1i4EN0lJArMnzJ6X7TdMRVnQXg');
  await expect(banner).toContainText('This share link could not be opened: actions[2]: unknown action type "frobnicate"');
  expect(await editorText(page)).toBe('# my own work\n');
  expect(errors).toEqual([]);
});

test('the examples menu fills the editor and picks the cluster; it asks before replacing the learner\'s text', async ({ page }, testInfo) => {
  const errors = await open(page);
  await waitForMonaco(page);
  const examples = page.getByRole('button', { name: 'Examples' });
  await examples.click();
  const menu = page.getByRole('menu', { name: 'Examples' });
  await expect(menu.getByRole('menuitem').first()).toHaveAccessibleName(/^Static provisioning/);
  expect(await menu.getByRole('menuitem').count()).toBeGreaterThanOrEqual(9);
  await shot(page, testInfo, 'examples-menu-1280x720-light.png');
  await menu.getByRole('menuitem', { name: /^Dynamic provisioning/ }).click();
  await expect.poll(() => editorText(page)).toMatch(/^# Example: Dynamic provisioning \(examples\/dynamic-provisioning\), on the "kind" cluster\.\n/);
  expect(await editorText(page)).toContain('kind: PersistentVolumeClaim');
  await expect(page.getByLabel('Cluster preset')).toHaveValue('kind');
  // Not applied: the learner presses Apply.
  await expect(page.getByRole('group', { name: /^PersistentVolumeClaim/ })).toHaveCount(0);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Dynamic provisioning');

  // An untouched example is replaced without a question (keyboard this time).
  await examples.focus();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter'); // the third: Multi-zone
  await expect.poll(() => editorText(page)).toMatch(/^# Example: Multi-zone/);
  await expect(page.getByLabel('Cluster preset')).toHaveValue('multi-az');

  // The learner's own text: a confirmation first; Cancel keeps it.
  await page.evaluate(() => window.__playground!.setEditorText('# my own work\n'));
  await examples.click();
  await menu.getByRole('menuitem', { name: /^Static provisioning/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Replace the editor text?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shot(page, testInfo, 'examples-confirm-1280x720-light.png');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await editorText(page)).toBe('# my own work\n');
  await expect(page.getByLabel('Cluster preset')).toHaveValue('multi-az');

  await examples.click();
  await menu.getByRole('menuitem', { name: /^Static provisioning/ }).click();
  await confirm.getByRole('button', { name: 'Replace text' }).click();
  await expect.poll(() => editorText(page)).toMatch(/^# Example: Static provisioning/);
  await expect(page.getByLabel('Cluster preset')).toHaveValue('bare');
  // As the dialog promises, Undo in the editor brings the text back.
  // A text line, never the middle of the editor: a code lens there is a button (Apply, Delete).
  await page.locator('.monaco-editor .view-line').first().click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe('# my own work\n');
  expect(errors).toEqual([]);
});

for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the header fits on one line at ${width}x${height} (${scheme})`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await open(page);
      await page.evaluate(() => window.__playground!.apply());
      await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
      await page.getByRole('button', { name: 'Step back' }).click(); // the what-if badge is the widest state
      const header = page.locator('header');
      const box = (await header.boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(53);
      // No control overlaps its neighbour or leaves the window (controls in one row, left to right).
      // (The theme switch's segments touch by design: it counts as one control.)
      const rects = await header.locator('h1, button, select, input, [role=group][aria-label=Theme]').evaluateAll((els) =>
        els
          .filter((e) => !e.matches('[aria-label=Theme] button'))
          .map((e) => ({ name: e.getAttribute('aria-label') ?? e.textContent ?? '', ...e.getBoundingClientRect().toJSON() }))
          .filter((r) => r.width > 0),
      );
      rects.sort((a, b) => a.left - b.left);
      expect(rects.length).toBeGreaterThan(8);
      for (let i = 1; i < rects.length; i++) expect(rects[i]!.left, `${rects[i]!.name} overlaps ${rects[i - 1]!.name}`).toBeGreaterThanOrEqual(rects[i - 1]!.right + 3);
      expect(rects[0]!.left).toBeGreaterThanOrEqual(0);
      expect(rects.at(-1)!.right).toBeLessThanOrEqual(width);
      for (const r of rects) expect(r.bottom, r.name).toBeLessThanOrEqual(box.y + box.height);
      await page.waitForTimeout(300); // let the canvas finish painting
      await shot(page, testInfo, `header-${width}x${height}-${scheme}.png`);
      if (width === 1920 && scheme === 'dark') {
        await page.getByRole('button', { name: 'Share' }).click();
        await expect(page.getByRole('dialog', { name: 'Link copied' })).toBeVisible();
        await shot(page, testInfo, 'share-popover-1920x1080-dark.png');
      }
    });
  }
}
