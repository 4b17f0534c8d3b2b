import { expect, test, type Page } from '@playwright/test';
import { keep, open, POD, PV_AND_PVC, PVC, useHook } from './helpers.ts';

// The dock: its tabs (Terminal, Events, Inspector, Explain, Timeline), the inspector's YAML,
// `kubectl describe` and events for the selected card, the Explain tab's story of every Pending
// claim, the events filter, and presentation mode.

/** Three volumes that each fail the claim `data` (2Gi, RWO, no class) for a different reason, and a pod that waits on it. */
const NOTHING_FITS = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: small
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/small
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: shared
spec:
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteMany]
  hostPath:
    path: /mnt/shared
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: fast-pv
spec:
  storageClassName: fast
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/fast
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 2Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx
      volumeMounts: [{ name: data, mountPath: /data }]
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
`;

const FITTING_PV = `---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: roomy
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/roomy
`;

const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
const panel = (page: Page, name: string) => page.getByRole('tabpanel', { name });

async function bare(page: Page) {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await expect(page.getByRole('group', { name: 'Node node-1 Ready' })).toBeVisible();
  return errors;
}

async function shoot(page: Page, testName: string, file: string) {
  await page.waitForTimeout(450); // the canvas re-fit animation
  const path = test.info().outputPath(file);
  await page.screenshot({ path });
  keep(path, `${testName}.png`);
}

test('Explain lists every Pending claim and pod, each candidate volume with the rule it fails, and the fix', async ({ page }) => {
  const errors = await bare(page);
  await useHook(page, NOTHING_FITS);
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim data Pending' })).toBeVisible();

  // The badge counts what is Pending; with nothing selected, the tab explains all of it.
  await expect(tab(page, 'Explain')).toContainText('2');
  await tab(page, 'Explain').click();
  const explain = panel(page, 'Explain');
  const claim = explain.getByRole('article', { name: 'Why PersistentVolumeClaim data is Pending' });
  await expect(claim).toContainText('Why is it Pending?');
  await expect(claim).toContainText('No volume satisfies it (2Gi or more, RWO, Filesystem, class ""), and it names no StorageClass');
  const volumes = claim.getByRole('region', { name: 'Volumes' });
  await expect(volumes.getByRole('listitem')).toHaveText([
    /fast-pv.*storage class "fast", but the claim wants none \(""\)/,
    /shared.*access modes RWX do not include RWO/,
    /small.*too small: 1Gi < 2Gi requested/,
  ]);
  await expect(claim.getByRole('region', { name: 'Fixes' })).toContainText('create a PersistentVolume with 2Gi or more, RWO, Filesystem, class ""');
  const pod = explain.getByRole('article', { name: 'Why Pod web is Pending' });
  await expect(pod).toContainText('pod has unbound immediate PersistentVolumeClaims');
  await expect(pod).toContainText('VolumeBinding');

  // Selecting the claim on the canvas: Explain follows it (it covers claims), with the CLI line that prints the same.
  await page.getByRole('group', { name: 'PersistentVolumeClaim data Pending' }).click();
  await expect(tab(page, 'Explain')).toHaveAttribute('aria-selected', 'true');
  await expect(explain.getByRole('article')).toHaveCount(1);
  await expect(explain.getByText('$ kubesim explain pvc/data')).toBeVisible();
  await shoot(page, 'dock-explain-1280x720-light', 'explain.png');

  // A volume that fits: nothing is Pending any more, and the tab says so.
  await page.getByRole('button', { name: 'All Pending' }).click();
  await useHook(page, NOTHING_FITS + FITTING_PV);
  await expect(page.getByRole('group', { name: 'PersistentVolumeClaim data Bound' })).toBeVisible();
  await expect(explain).toContainText('Nothing is Pending');
  await expect(tab(page, 'Explain')).toHaveText(/^Explain$/);
  expect(errors).toEqual([]);
});

test('the Inspector shows the selected claim as YAML, as kubectl describe prints it, and its events', async ({ page }) => {
  const errors = await bare(page);
  await useHook(page, PV_AND_PVC);
  const claim = page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' });
  await expect(claim).toBeVisible();
  await expect(panel(page, 'Events')).toBeVisible(); // the default tab

  // Clicking a card brings the Inspector forward, on YAML with its status.
  await claim.click();
  await expect(tab(page, 'Inspector')).toHaveAttribute('aria-selected', 'true');
  const inspector = panel(page, 'Inspector');
  await expect(inspector).toContainText('$ kubectl get pvc example-pvc -o yaml');
  await expect(inspector).toContainText('volumeName: example-pv');

  // Describe: kubectl's own printer, loaded on demand, in kubectl's layout.
  await page.getByRole('button', { name: 'Describe', exact: true }).click();
  const describe = inspector.getByTestId('describe-text');
  await expect(describe).toBeVisible();
  const text = (await describe.innerText()).replace(/\u00a0/g, '');
  expect(text).toMatch(/^Name:\s+example-pvc\nNamespace:\s+default\nStorageClass:\s*\nStatus:\s+Bound\nVolume:\s+example-pv\nLabels:\s+<none>\n/);
  expect(text).toMatch(/\nCapacity:\s+5Gi\nAccess Modes:\s+RWO\nVolumeMode:\s+Filesystem\nUsed By:\s+<none>\n/);
  expect(text).toMatch(/\nEvents:\s+<none>/);
  await expect(inspector).toContainText('$ kubectl describe pvc example-pvc');

  // The same text as the terminal prints: a pod that mounts it shows under Used By.
  await useHook(page, `${PV_AND_PVC}---\n${POD}`);
  await expect(describe).toContainText(/Used By:\s+example-pod/);

  // Keyboard: a focused card selects with Enter; the view choice stays.
  await page.getByRole('group', { name: 'PersistentVolume example-pv Bound' }).focus();
  await page.keyboard.press('Enter');
  await expect(describe).toContainText(/Source:\s+Type:\s+HostPath/);
  await expect(describe).toContainText(/Path:\s+\/mnt\/data/);
  await shoot(page, 'dock-inspector-describe-1280x720-light', 'describe.png');

  // Events about the selected pod only; Escape lets go of the selection.
  await page.getByRole('group', { name: /^Pod example-pod/ }).click();
  await page.getByRole('button', { name: /^Events/ }).click();
  const podEvents = inspector.getByRole('region', { name: 'Events about Pod example-pod' });
  await expect(podEvents).toContainText('Scheduled');
  await expect(podEvents).not.toContainText('persistentvolumeclaim/');
  await page.keyboard.press('Escape');
  await expect(inspector).toContainText('Nothing selected');
  expect(errors).toEqual([]);
});

test('the events filter narrows by text, Warnings only and kind, and says how many it shows', async ({ page }) => {
  const errors = await bare(page);
  await useHook(page, `${PVC.replaceAll('example-pvc', 'data')}---\n${POD.replaceAll('example-pvc', 'missing')}`);
  const events = panel(page, 'Events');
  const rows = events.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const count = page.getByTestId('events-count');
  await expect(count).toBeHidden(); // the tab's badge counts them while nothing is filtered
  await expect(tab(page, 'Events')).toContainText('1 warnings');

  await page.getByRole('searchbox', { name: 'Filter events' }).fill('no storage class');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('FailedBinding');
  await expect(count).toHaveText('1 of 2');

  await page.getByRole('searchbox', { name: 'Filter events' }).fill('');
  await page.getByRole('button', { name: /Warnings/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-type', 'Warning');
  await expect(rows.first()).toContainText('FailedScheduling');

  await page.getByRole('button', { name: /Warnings/ }).click();
  await page.getByLabel('Kind of object').selectOption('PersistentVolumeClaim');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('persistentvolumeclaim/data');

  // Nothing matches: the panel says so and offers the way back.
  await page.getByRole('searchbox', { name: 'Filter events' }).fill('FailedScheduling');
  await expect(rows).toHaveCount(0);
  await expect(count).toHaveText('0 of 2');
  await expect(events).toContainText('No event matches “FailedScheduling”, kind PersistentVolumeClaim.');
  await events.getByRole('button', { name: 'Clear the filters to see all 2' }).click();
  await expect(rows).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('the dock tabs are a keyboard tablist, remembered across a reload, and the dock resizes by keyboard', async ({ page }) => {
  const errors = await bare(page);
  await tab(page, 'Events').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Inspector')).toBeFocused();
  await expect(tab(page, 'Inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, 'Inspector')).toContainText('Nothing selected');
  await page.keyboard.press('End');
  await expect(tab(page, 'Timeline')).toHaveAttribute('aria-selected', 'true');
  // Past the end it wraps to the terminal, which waits for Enter (it takes the keyboard when it opens).
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Terminal')).toBeFocused();
  await expect(tab(page, 'Timeline')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-rows')).toContainText('kubectl and docker');
  await page.keyboard.press('Control+`');
  await expect(tab(page, 'Timeline')).toHaveAttribute('aria-selected', 'true');

  const splitter = page.getByRole('separator', { name: 'Resize dock' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  const dockBox = async () => (await page.getByRole('tablist', { name: 'Dock' }).boundingBox())!.y;
  const top = await dockBox();
  await splitter.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 16 + 64));
  expect(await dockBox()).toBeLessThan(top - 70);

  await page.reload();
  await expect(tab(page, 'Timeline')).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});

test('presentation mode: F hides the editor and enlarges the rest, Escape leaves, and it survives a reload', async ({ page }) => {
  const errors = await bare(page);
  await useHook(page, PV_AND_PVC);
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await expect(editor).toBeVisible();
  const tabHeight = async () => (await tab(page, 'Events').boundingBox())!.height;
  const normal = await tabHeight();

  await page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' }).click();
  await page.keyboard.press('f');
  await expect(editor).toBeHidden();
  await expect(page.getByRole('button', { name: 'Presentation' })).toHaveAttribute('aria-pressed', 'true');
  expect(await tabHeight()).toBeGreaterThan(normal * 1.2);

  // Typing an F in a field is just a letter.
  await tab(page, 'Events').click();
  await page.getByRole('searchbox', { name: 'Filter events' }).fill('f');
  await expect(editor).toBeHidden();

  await page.keyboard.press('Escape'); // in the field: clears it, stays in presentation
  await expect(page.getByRole('searchbox', { name: 'Filter events' })).toHaveValue('');
  await tab(page, 'Events').focus();
  await page.keyboard.press('Escape');
  await expect(editor).toBeVisible();
  expect(await tabHeight()).toBeCloseTo(normal, 0);

  await page.keyboard.press('ControlOrMeta+Shift+P');
  await expect(editor).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kubernetes Storage Playground' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toBeHidden();
  await page.getByRole('button', { name: 'Presentation' }).click();
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toBeVisible();
  expect(errors).toEqual([]);
});

// Review shots: every dock tab and presentation mode, both projector sizes, both themes.
for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots of the dock and presentation mode, ${width}x${height} ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      const errors = await open(page);
      await page.getByLabel('Cluster preset').selectOption('kind');
      await useHook(page, `${PVC}---\n${POD}---\n${PVC.replaceAll('example-pvc', 'fast-data').replace('spec:\n', 'spec:\n  storageClassName: fast\n')}`);
      await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
      const size = `${width}x${height}-${scheme}`;

      await shoot(page, `dock-events-${size}`, 'events.png');
      await page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' }).click();
      await shoot(page, `dock-inspector-${size}`, 'inspector.png');
      await page.getByRole('button', { name: 'Describe', exact: true }).click();
      await expect(page.getByTestId('describe-text')).toBeVisible();
      await shoot(page, `dock-describe-${size}`, 'describe.png');
      await page.getByRole('group', { name: 'PersistentVolumeClaim fast-data Pending' }).click();
      await shoot(page, `dock-inspector-pending-${size}`, 'inspector-pending.png');
      await tab(page, 'Explain').click();
      await shoot(page, `dock-explain-${size}`, 'explain.png');
      await tab(page, 'Timeline').click();
      await shoot(page, `dock-timeline-${size}`, 'timeline.png');

      await page.keyboard.press('Escape');
      await tab(page, 'Events').click();
      await page.keyboard.press('f');
      await expect(page.getByRole('region', { name: 'Manifest editor' })).toBeHidden();
      await shoot(page, `presentation-${size}`, 'presentation.png');
      await tab(page, 'Explain').click();
      await shoot(page, `presentation-explain-${size}`, 'presentation-explain.png');
      expect(errors).toEqual([]);
    });
  }
}

test("a pod's Layers: its writable layer over the image's read-only layers, and the volume mounted over them", async ({ page }, testInfo) => {
  const errors = await bare(page);
  await useHook(page, `${PV_AND_PVC}---\n${POD}`);
  const pod = page.getByRole('group', { name: 'Pod example-pod Running' });
  await expect(pod).toBeVisible();
  await page.evaluate(() => window.__playground!.run("kubectl exec example-pod -- sh -c 'echo hello > /tmp/note'"));
  await pod.click();
  await expect(tab(page, 'Inspector')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Layers', exact: true }).click();
  const layers = panel(page, 'Inspector').getByTestId('pod-layers');
  await expect(layers).toContainText('Writable layer');
  await expect(layers).toContainText('+ /tmp/note');
  await expect(layers).toContainText('volume data → /usr/share/nginx/html');
  await expect(layers.getByText('read-only').first()).toBeVisible();
  const shot = testInfo.outputPath('layers.png');
  await page.screenshot({ path: shot });
  keep(shot, 'dock-pod-layers-1280x720-light.png');
  // A claim has no Layers view: the switch offers YAML, Describe and Events only.
  await page.getByRole('group', { name: 'PersistentVolumeClaim example-pvc Bound' }).click();
  await expect(page.getByRole('button', { name: 'Layers', exact: true })).toHaveCount(0);
  await expect(panel(page, 'Inspector')).toContainText('volumeName: example-pv');
  expect(errors).toEqual([]);
});
