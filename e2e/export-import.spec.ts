import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  // A read-only line is recorded with the next line that changes the cluster, and replayed before it.
  await page.evaluate(async () => {
    await window.__playground!.run('kubectl get pvc example-pvc');
    await window.__playground!.run('kubectl label pvc example-pvc tier=gold');
  });
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
  // run.sh replays the session: the editor's Apply is kubectl apply -f - with the editor's text.
  const editorText = await page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText);
  expect(script).toContain(`# The editor's Apply:\nkubectl apply -f - <<'EOF'\n${editorText.replace(/\n$/, '')}\nEOF\nkubectl get pvc example-pvc\nkubectl label pvc example-pvc tier=gold\n`);
  // Unpacked, run.sh is a bash script that parses.
  const dir = mkdtempSync(join(tmpdir(), 'kind-export-e2e-'));
  writeFileSync(join(dir, 'kind-export.sh'), script);
  execFileSync('sh', ['kind-export.sh'], { cwd: dir });
  execFileSync('bash', ['-n', join(dir, 'kind-export/run.sh')]);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded kind-export.sh' })).toBeVisible();
  await shot(page, testInfo, 'export-downloaded.png');
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
