import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { keep, open } from './helpers.ts';

// The way out to a real cluster and the way in: Export to kind downloads one self-extracting
// script; Import from a cluster previews a pasted `kubectl get -A -o yaml` and rebuilds the
// canvas from it, status and zones included.

const KIND_LIST = readFileSync(new URL('../src/commands/import/testdata/kind-cluster.yaml', import.meta.url), 'utf8');

async function shot(page: Page, testInfo: { outputPath: (n: string) => string }, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  keep(path, name);
}

test('Export to kind downloads kind-export.sh with the four files', async ({ page }, testInfo) => {
  const errors = await open(page);
  await page.evaluate(() => window.__playground!.apply());
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' })).toBeVisible();
  await page.getByRole('button', { name: 'Real cluster' }).click();
  await shot(page, testInfo, 'export-menu.png');
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Export to kind/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('kind-export.sh');
  const script = readFileSync((await download.path())!, 'utf8');
  for (const f of ['manifests.yaml', 'kind-config.yaml', 'run.sh', 'README.md']) expect(script).toContain(`cat > kind-export/${f} <<'KUBESIM_EOF'`);
  expect(script).toContain('kind create cluster --config kind-config.yaml');
  expect(script).toContain("kubectl wait --for=jsonpath='{.status.phase}'=Bound pvc/example-pvc -n default --timeout=120s");
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded kind-export.sh' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Import from a cluster previews the paste, then shows the cluster it describes', async ({ page }, testInfo) => {
  const errors = await open(page);
  await page.getByRole('button', { name: 'Real cluster' }).click();
  await page.getByRole('menuitem', { name: /Import from a cluster/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from a cluster' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('kubectl get -A -o yaml output').fill(KIND_LIST);
  await expect(dialog).toContainText('12 objects to import');
  await expect(dialog).toContainText('skipped 2 objects of kinds the playground does not model: DaemonSet (1), Lease (1)');
  await shot(page, testInfo, 'import-dialog.png');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim data Bound' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Pod web Running/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Node kind-worker2/ })).toBeVisible();
  await shot(page, testInfo, 'import-canvas.png');
  // The import is one command of the session: a reload replays it.
  await page.reload();
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim data Bound' })).toBeVisible();
  expect(errors).toEqual([]);
});
