import { expect, test, type Page } from '@playwright/test';
import { keep, open, POD, PV_AND_PVC, PVC, useHook } from './helpers.ts';

// The first screen, end to end: type into Monaco (a real clipboard paste), apply, and read the
// canvas through its accessible names, the way a learner (or a screen reader) would.

async function waitForMonaco(page: Page) {
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__playground?.editorReady)).toBe(true);
}

async function pasteIntoEditor(page: Page, text: string) {
  await waitForMonaco(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  // A text line, never the middle of the editor: a code lens there is a button (Apply, Delete).
  await page.locator('.monaco-editor .view-line').first().click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText)).toBe(text);
}

test('a PV and a PVC typed into the editor end Bound on the canvas', async ({ page }, testInfo) => {
  const errors = await open(page);
  await pasteIntoEditor(page, PV_AND_PVC);
  await page.keyboard.press('ControlOrMeta+Enter');

  const claim = page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' });
  await expect(claim).toBeVisible();
  await expect(page.getByRole('group', { name: 'PersistentVolume example-pv Bound' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Node node-1 Ready' })).toBeVisible();
  await expect(page.getByTestId('apply-results')).toContainText('persistentvolumeclaim/example-pvc');
  await expect(page.getByTestId('narration')).toContainText('bound claim default/example-pvc to volume example-pv');

  // Selecting the claim shows its YAML, status included, in the dock's Inspector tab.
  await claim.click();
  const inspector = page.getByRole('tabpanel', { name: 'Inspector' });
  await expect(inspector).toContainText('volumeName: example-pv');
  await expect(inspector).toContainText('phase: Bound');

  // Keyboard too: a focused card selects with Enter.
  await page.getByRole('group', { name: 'PersistentVolume example-pv Bound' }).focus();
  await page.keyboard.press('Enter');
  await expect(inspector).toContainText('path: /mnt/data');

  await page.waitForTimeout(300); // let Monaco and the canvas finish painting
  const shot = testInfo.outputPath('first-screen.png');
  await page.screenshot({ path: shot });
  keep(shot, 'first-screen.png');
  expect(errors).toEqual([]);
});

test('a manifest error becomes a marker and a message with its line, and the page keeps working', async ({ page }, testInfo) => {
  const errors = await open(page);
  await waitForMonaco(page);
  const broken = `# a claim without access modes\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n---\nkind: [oops\n`;
  await useHook(page, broken);

  const results = page.getByTestId('apply-results');
  await expect(results).toContainText('Line 6: The PersistentVolumeClaim "data" is invalid: spec.accessModes: Required value');
  await expect(results).toContainText(/Line 1[12]: /);
  await expect(results).toContainText('2 errors');

  const markers = await page.evaluate(() => window.__playground!.getMarkers!().filter((m) => m.owner === 'kubectl-apply'));
  expect(markers).toEqual(
    expect.arrayContaining([expect.objectContaining({ line: 6, severity: 8, message: expect.stringContaining('spec.accessModes: Required value') })]),
  );
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();

  // Clicking the message puts the cursor in the editor, on that line.
  await results.getByRole('button', { name: /^Line 6:/ }).click();
  await expect(page.locator('.monaco-editor textarea')).toBeFocused();

  await page.waitForTimeout(300);
  const shot = testInfo.outputPath('errors.png');
  await page.screenshot({ path: shot });
  keep(shot, 'errors-1280x720-light.png');

  // Still alive: the canvas answers and a good manifest applies.
  await useHook(page, PV_AND_PVC);
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('on kind, a claim waits for its first consumer, then binds when a pod uses it', async ({ page }) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('kind');
  await expect(page.getByRole('group', { name: 'Node kind-control-plane Ready' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'StorageClass standard WaitForFirstConsumer' })).toBeVisible();

  await useHook(page, PVC);
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Pending' })).toBeVisible();
  await expect(page.locator('.react-flow__edge.edge-waiting')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('WaitForFirstConsumer');

  await useHook(page, `${PVC}---\n${POD}`);
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^PersistentVolume pvc-[0-9a-f-]+ Bound$/ })).toBeVisible();
  await expect(page.locator('.react-flow__edge.edge-waiting')).toHaveCount(0);

  // The preset and the text survive a reload.
  await page.reload();
  await expect(page.getByLabel('Cluster preset')).toHaveValue('kind');
  await expect.poll(() => page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText)).toContain('claimName: example-pvc');
  expect(errors).toEqual([]);
});

test('the inspector says why a claim is Pending, in the engine\'s words', async ({ page }, testInfo) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await useHook(page, PVC);
  const claim = page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Pending' });
  await claim.click();
  // The inspector's one-line "why" leads to the Explain tab, which has the whole story.
  await page.getByRole('button', { name: 'Why? Explain →' }).click();
  const why = page.getByTestId('why-panel');
  await expect(why).toContainText('Why is it Pending?');
  await expect(why).toContainText('No volume satisfies it (2Gi or more, RWO, Filesystem, class ""), and it names no StorageClass');
  await expect(why).toContainText('create a PersistentVolume with 2Gi or more, RWO, Filesystem, class ""');
  const shot = testInfo.outputPath('why-pending.png');
  await page.screenshot({ path: shot });
  keep(shot, 'why-pending-1280x720-light.png');
  expect(errors).toEqual([]);
});

// Review shots for both projector sizes and both themes (not assertions about pixels).
for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot ${width}x${height} ${scheme}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      const errors = await open(page);
      await waitForMonaco(page);
      await page.getByLabel('Cluster preset').selectOption('kind');
      await useHook(page, `${PVC}---\n${POD}`);
      await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
      await page.waitForTimeout(600); // the re-fit animation
      const shot = testInfo.outputPath('shot.png');
      await page.screenshot({ path: shot });
      keep(shot, `kind-${width}x${height}-${scheme}.png`);
      expect(errors).toEqual([]);
    });
  }
}

test('screenshot multi-az 1920x1080 light', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: 'light' });
  const errors = await open(page);
  await waitForMonaco(page);
  await page.getByLabel('Cluster preset').selectOption('multi-az');
  const claimB = PVC.replaceAll('example-pvc', 'logs');
  const podB = POD.replaceAll('example-pod', 'collector').replaceAll('example-pvc', 'logs');
  await useHook(page, [PVC, claimB, POD, podB].join('---\n'));
  await expect(page.getByRole('group', { name: 'Pod collector Running' })).toBeVisible();
  await page.waitForTimeout(600);
  const shot = testInfo.outputPath('shot.png');
  await page.screenshot({ path: shot });
  keep(shot, 'multi-az-1920x1080-light.png');
  expect(errors).toEqual([]);
});
