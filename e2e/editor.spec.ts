import { expect, test, type Page } from '@playwright/test';
import { keep, open, POD, PV_AND_PVC, PVC } from './helpers.ts';

// The editor's own features: per-document code lenses (Apply / Delete), the keyboard shortcut
// for the document under the cursor, markers from monaco-yaml's schema and from the engine, and
// the manifest templates (completions and the Insert menu). Ctrl/Cmd+Enter applying everything
// from the editor is covered in first-screen.spec.ts.

const PV = PV_AND_PVC.slice(0, PV_AND_PVC.indexOf('---\n'));
const THREE = [PV, PVC, POD].join('---\n');

async function waitForMonaco(page: Page) {
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__playground?.editorReady)).toBe(true);
}

const editorText = (page: Page) => page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText);

async function setText(page: Page, text: string) {
  await page.evaluate((t) => window.__playground!.setEditorText(t), text);
  // Monaco draws spaces as non-breaking ones.
  const shown = () => page.locator('.monaco-editor .view-lines').innerText().then((t) => t.replaceAll('\u00a0', ' '));
  await expect.poll(shown).toContain(text.split('\n')[1] ?? '');
}

/** The code lens drawn above the document whose label is `label` ("PersistentVolumeClaim example-pvc"). */
const lensOf = (page: Page, label: string) => page.locator('.codelens-decoration', { hasText: label });

const canvasNode = (page: Page, name: string | RegExp) => page.getByRole('group', { name });

async function startOnKind(page: Page) {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('kind');
  await expect(canvasNode(page, 'Node kind-control-plane Ready')).toBeVisible();
  await waitForMonaco(page);
  return errors;
}

test('a code lens applies one document of three, and another deletes it', async ({ page }, testInfo) => {
  const errors = await startOnKind(page);
  await setText(page, THREE);

  const claimLens = lensOf(page, 'PersistentVolumeClaim example-pvc');
  await expect(lensOf(page, 'PersistentVolume example-pv').getByRole('button', { name: '▶ Apply' })).toBeVisible();
  await expect(claimLens.getByRole('button', { name: '✕ Delete' })).toBeVisible();
  await expect(claimLens.getByRole('button', { name: '▶ Apply' })).toHaveAttribute('title', /Ctrl\+Shift\+Enter|⌘⇧↵/);

  await claimLens.getByRole('button', { name: '▶ Apply' }).click();
  // Only the claim: on kind it waits for a pod, and neither the volume nor the pod was created.
  await expect(canvasNode(page, 'PersistentVolumeClaim example-pvc Pending')).toBeVisible();
  await expect(canvasNode(page, /^PersistentVolume example-pv/)).toHaveCount(0);
  await expect(canvasNode(page, /^Pod /)).toHaveCount(0);
  await expect(page.getByTestId('apply-results')).toContainText('persistentvolumeclaim/example-pvc');
  await expect(page.getByTestId('apply-results')).not.toContainText('persistentvolume/example-pv');

  await page.waitForTimeout(300); // let Monaco lay the lenses out before the review shot
  const shot = testInfo.outputPath('lens.png');
  await page.screenshot({ path: shot });
  keep(shot, 'editor-lens-1280x720-light.png');

  await claimLens.getByRole('button', { name: '✕ Delete' }).click();
  await expect(canvasNode(page, /^PersistentVolumeClaim example-pvc/)).toHaveCount(0);
  await expect(page.getByTestId('apply-results')).toContainText('deleted');
  expect(await editorText(page)).toBe(THREE); // the lenses act on the cluster, never on the text
  expect(errors).toEqual([]);
});

test('lenses follow the text: a new document gets one, broken YAML gets a disabled one', async ({ page }) => {
  const errors = await open(page);
  await waitForMonaco(page);
  await setText(page, PVC);
  await expect(page.locator('.codelens-decoration')).toHaveCount(1);

  await setText(page, `${PVC}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: frontend-cm\n---\nkind: [oops\n`);
  await expect(lensOf(page, 'ConfigMap frontend-cm').getByRole('button', { name: '▶ Apply' })).toBeVisible();
  const broken = lensOf(page, 'fix the YAML first');
  await expect(broken).toBeVisible();
  await expect(broken.getByRole('button')).toHaveCount(0); // nothing to click
  expect(errors).toEqual([]);
});

test('Ctrl+Shift+Enter applies the document under the cursor; Ctrl+Enter still applies them all', async ({ page }) => {
  const errors = await startOnKind(page);
  await setText(page, THREE);

  await page.locator('.monaco-editor .view-line', { hasText: 'name: example-pvc' }).click();
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await expect(canvasNode(page, 'PersistentVolumeClaim example-pvc Pending')).toBeVisible();
  await expect(canvasNode(page, /^PersistentVolume example-pv/)).toHaveCount(0);
  expect(await editorText(page)).toBe(THREE); // Monaco's own Ctrl+Shift+Enter (insert line above) did not run

  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(canvasNode(page, 'Pod example-pod Running')).toBeVisible();
  await expect(canvasNode(page, 'PersistentVolume example-pv Available')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a schema problem is a monaco-yaml marker; an engine error is a marker on its document\'s line', async ({ page }) => {
  const errors = await startOnKind(page);
  const claim = PVC.replace('spec:\n', 'spec:\n  storageClass: standard\n');
  await setText(page, claim);
  // monaco-yaml (its own owner, Warning severity) flags the field the schema does not know.
  await expect
    .poll(() => page.evaluate(() => window.__playground!.getMarkers!().filter((m) => m.owner !== 'kubectl-apply')))
    .toEqual([expect.objectContaining({ line: 6, severity: 4, message: expect.stringContaining('storageClass') })]);
  await expect(page.locator('.monaco-editor .squiggly-warning').first()).toBeAttached();

  // An invalid claim (no storage request) as the second of three documents, applied on its own.
  const invalid = PVC.replace('example-pvc', 'broken-pvc').replace('    requests:\n      storage: 2Gi\n', '    requests: {}\n');
  const text = [PV, invalid, POD].join('---\n');
  await setText(page, text);
  const resourcesLine = text.split('\n').indexOf('  resources:') + 1;
  expect(resourcesLine).toBeGreaterThan(PV.split('\n').length); // it is in the second document
  await lensOf(page, 'PersistentVolumeClaim broken-pvc').getByRole('button', { name: '▶ Apply' }).click();

  await expect(page.getByTestId('apply-results')).toContainText(`Line ${resourcesLine}: The PersistentVolumeClaim "broken-pvc" is invalid: spec.resources[storage]: Required value`);
  const ours = await page.evaluate(() => window.__playground!.getMarkers!().filter((m) => m.owner === 'kubectl-apply'));
  expect(ours).toEqual([expect.objectContaining({ line: resourcesLine, severity: 8, message: expect.stringContaining('spec.resources[storage]: Required value') })]);
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
  await expect(canvasNode(page, /^PersistentVolume example-pv/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('typing pvc at the start of a line offers the template; inside a document it adds ---', async ({ page }) => {
  const errors = await startOnKind(page);
  await page.evaluate(() => window.__playground!.setEditorText(''));
  await expect(page.locator('.monaco-editor .view-line')).toHaveCount(1);
  // A text line, never the middle of the editor: a code lens there is a button (Apply, Delete).
  await page.locator('.monaco-editor .view-line').first().click({ position: { x: 4, y: 4 } });
  await page.keyboard.type('pvc');
  const suggest = page.locator('.monaco-editor .suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest.locator('.monaco-list-row.focused')).toContainText('PersistentVolumeClaim');
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toContain('kind: PersistentVolumeClaim\nmetadata:\n  name: example-pvc\n');

  // The cursor waits on the empty line after the claim: a class typed there is a new document.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('sc');
  await expect(suggest.locator('.monaco-list-row.focused')).toContainText('StorageClass');
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toMatch(/storage: 2Gi\n---\napiVersion: storage\.k8s\.io\/v1\nkind: StorageClass\n/);

  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(canvasNode(page, 'StorageClass example-sc WaitForFirstConsumer')).toBeVisible();
  await expect(canvasNode(page, 'PersistentVolumeClaim example-pvc Pending')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the Insert menu adds a template as a new document, and it applies', async ({ page }, testInfo) => {
  const errors = await startOnKind(page);
  await setText(page, PVC);

  const insert = page.getByRole('button', { name: 'Insert' });
  await insert.click();
  const menu = page.getByRole('menu', { name: 'Insert a manifest template' });
  await expect(menu.getByRole('menuitem')).toHaveCount(8);
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.waitForTimeout(200);
  const shot = testInfo.outputPath('insert.png');
  await page.screenshot({ path: shot });
  keep(shot, 'editor-insert-menu-1280x720-light.png');

  // Escape closes it and gives the focus back; the keyboard opens it again.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(insert).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();

  await menu.getByRole('menuitem', { name: /^Pod/ }).click();
  await expect(menu).toHaveCount(0);
  await expect.poll(() => editorText(page)).toMatch(/storage: 2Gi\n---\napiVersion: v1\nkind: Pod\n/);
  expect(await editorText(page)).toContain('claimName: example-pvc');

  await page.keyboard.press('Escape'); // leave the template's tab stops
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(canvasNode(page, 'Pod example-pod Running')).toBeVisible();
  await expect(canvasNode(page, 'PersistentVolumeClaim example-pvc Bound')).toBeVisible();
  await expect(page.getByTestId('apply-results')).toContainText('Applied');
  expect(errors).toEqual([]);
});

// Review shots of the lenses and the Insert menu, both themes and both projector sizes.
for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot editor ${width}x${height} ${scheme}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      const errors = await startOnKind(page);
      await setText(page, `${PVC}---\n${POD}---\nkind: [oops\n`);
      await lensOf(page, 'PersistentVolumeClaim example-pvc').getByRole('button', { name: '▶ Apply' }).click();
      await expect(canvasNode(page, 'PersistentVolumeClaim example-pvc Pending')).toBeVisible();
      await page.waitForTimeout(400);
      const lens = testInfo.outputPath('lens.png');
      await page.screenshot({ path: lens });
      keep(lens, `editor-lens-${width}x${height}-${scheme}.png`);

      await page.getByRole('button', { name: 'Insert' }).click();
      await expect(page.getByRole('menuitem')).toHaveCount(8);
      await page.waitForTimeout(200);
      const menu = testInfo.outputPath('menu.png');
      await page.screenshot({ path: menu });
      keep(menu, `editor-insert-menu-${width}x${height}-${scheme}.png`);
      expect(errors).toEqual([]);
    });
  }
}
