import { expect, test, type Page } from '@playwright/test';
import { keep, open, POD, PVC, useHook } from './helpers.ts';

// The canvas's context menu: right-click (or Shift+F10 on a focused card) an object, pick what
// should happen to it, and the exact command runs through the terminal's command layer; a note
// with its first line of output follows on the canvas.

const menu = (page: Page) => page.getByRole('menu');

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: nginx
      image: nginx
`;

/** Right-click a node box on its header, away from the pod cards inside it. */
async function rightClickNode(page: Page, name: string) {
  await page.getByTestId(`node-${name}`).click({ button: 'right', position: { x: 40, y: 12 } });
}

test('right-click a pod, Delete pod: the command runs and the pod leaves the canvas', async ({ page }) => {
  const errors = await open(page);
  await useHook(page, WEB);
  const pod = page.getByRole('group', { name: 'Pod web Running' });
  await expect(pod).toBeVisible();

  await pod.click({ button: 'right' });
  await expect(menu(page)).toHaveAccessibleName('Actions for Pod web');
  await expect(page.getByRole('menuitem', { name: /^Restart container nginx/ })).toContainText('kubectl exec web -c nginx -- kill 1');
  const del = page.getByRole('menuitem', { name: /^Delete pod/ });
  await expect(del).toContainText('kubectl delete pod web');
  await expect(page.getByRole('menuitem').first()).toBeFocused();

  await del.click();
  await expect(menu(page)).toHaveCount(0);
  await expect(page.getByRole('group', { name: /^Pod web / })).toHaveCount(0);
  const toast = page.getByTestId('command-toast');
  await expect(toast).toContainText('$ kubectl delete pod web');
  await expect(toast).toContainText('pod "web" deleted');
  await expect(toast).toHaveAttribute('data-failed', 'false');
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('right-click a node, Cordon: SchedulingDisabled; then the keyboard menu uncordons it', async ({ page }) => {
  const errors = await open(page);
  await expect(page.getByRole('group', { name: 'Node node-1 Ready' })).toBeVisible();

  await rightClickNode(page, 'node-1');
  await expect(menu(page)).toHaveAccessibleName('Actions for Node node-1');
  await expect(page.getByRole('menuitem', { name: /^Drain/ })).toContainText('kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data');
  await page.getByRole('menuitem', { name: /^Cordon/ }).click();
  await expect(page.getByRole('group', { name: 'Node node-1 Ready,SchedulingDisabled' })).toBeVisible();
  await expect(page.getByTestId('node-node-1')).toContainText('Ready,SchedulingDisabled');
  await expect(page.getByTestId('command-toast')).toContainText('node/node-1 cordoned');

  // Keyboard: Shift+F10 on the focused node opens its menu; Escape closes it and gives focus back.
  const node = page.getByRole('group', { name: 'Node node-1 Ready,SchedulingDisabled' });
  await node.focus();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menuitem', { name: /^Uncordon/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: /^Drain/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu(page)).toHaveCount(0);
  await expect(node).toBeFocused();

  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Node node-1 Ready' })).toBeVisible();

  // A click elsewhere closes an open menu without running anything.
  await rightClickNode(page, 'node-1');
  await expect(menu(page)).toBeVisible();
  await page.getByRole('heading', { name: 'Kubernetes Storage Playground' }).click();
  await expect(menu(page)).toHaveCount(0);

  // Opened in the canvas's bottom-right corner, the menu still fits in the window.
  const canvas = (await page.getByLabel('Cluster canvas').boundingBox())!;
  await page.mouse.click(canvas.x + canvas.width - 70, canvas.y + canvas.height - 24, { button: 'right' });
  await expect(menu(page)).toHaveAccessibleName('Actions for Cluster');
  const box = (await menu(page).boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.y).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('multi-az: fail a node, let a minute pass: NotReady; a zone lane takes its zone down', async ({ page }) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('multi-az');
  await expect(page.getByRole('group', { name: 'Node worker-a1 Ready' })).toBeVisible();

  await rightClickNode(page, 'worker-a1');
  await page.getByRole('menuitem', { name: /^Fail node/ }).click();
  await expect(page.getByTestId('node-outage-worker-a1')).toHaveText('kubelet not responding');
  await expect(page.getByTestId('command-toast')).toContainText('node/worker-a1 failed');
  // The API only learns of it when the kubelet's status stops arriving, 50 s later.
  await expect(page.getByRole('group', { name: 'Node worker-a1 Ready' })).toBeVisible();

  await rightClickNode(page, 'worker-a1');
  await expect(page.getByRole('menuitem', { name: /^Recover node/ })).toContainText('kubesim node recover worker-a1');
  await page.getByRole('menuitem', { name: /^Wait 1 minute/ }).click();
  await expect(page.getByRole('group', { name: 'Node worker-a1 NotReady' })).toBeVisible();
  await expect(page.getByTestId('command-toast').last()).toContainText('1 minute of simulated time passed');
  await expect(page.getByTestId('node-worker-a1')).toContainText('NotReady');

  // The zone lane (not a card: right-click its header) offers the whole zone.
  const lane = await page.getByTestId('zone-us-east-1b').boundingBox();
  await page.mouse.click(lane!.x + 200, lane!.y + 14, { button: 'right' });
  await expect(menu(page)).toHaveAccessibleName('Actions for Zone us-east-1b');
  await page.getByRole('menuitem', { name: /^Take zone down/ }).click();
  await expect(page.getByTestId('node-outage-worker-b1')).toBeVisible();
  await expect(page.getByTestId('node-outage-worker-b2')).toBeVisible();
  await expect(page.getByTestId('node-outage-worker-c1')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a failing command: the note is red and says why', async ({ page }) => {
  const errors = await open(page);
  await useHook(page, POD.replace('claimName: example-pvc', 'claimName: missing').replace('example-pod', 'stuck'));
  await expect(page.getByRole('group', { name: /^Pod stuck / })).toBeVisible();
  await page.getByRole('group', { name: /^Pod stuck / }).click({ button: 'right' });
  // Not running yet (its claim does not exist): kill 1 cannot reach a process.
  await page.getByRole('menuitem', { name: /^Restart container nginx/ }).click();
  const toast = page.getByTestId('command-toast');
  await expect(toast).toHaveAttribute('data-failed', 'true');
  await expect(toast).toContainText('error: unable to upgrade connection: container not found ("nginx")');
  expect(errors).toEqual([]);
});

// Review shots of the open menu over a failed node: both themes, 1280x720 and 1920x1080.
for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot: the menu on a failed node, ${width}x${height} ${scheme}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      const errors = await open(page);
      await page.getByLabel('Cluster preset').selectOption('multi-az');
      await useHook(page, `${PVC}---\n${POD}`);
      await expect(page.getByRole('group', { name: /^Pod example-pod Running/ })).toBeVisible();
      const where = await page.evaluate(() => {
        const s = window.__playground!.getState() as { cluster: { objects: { Pod: Record<string, { spec: { nodeName: string } }> } } };
        return s.cluster.objects.Pod['default/example-pod']!.spec.nodeName;
      });
      await rightClickNode(page, where);
      await page.getByRole('menuitem', { name: /^Fail node/ }).click();
      await expect(page.getByTestId(`node-outage-${where}`)).toBeVisible(); // the command has run
      await page.evaluate(() => window.__playground!.run('sleep 60'));
      await expect(page.getByRole('group', { name: `Node ${where} NotReady` })).toBeVisible();
      await page.waitForTimeout(700); // the re-fit animation
      const canvas = testInfo.outputPath('failed.png');
      await page.screenshot({ path: canvas });
      keep(canvas, `chaos-failed-node-${width}x${height}-${scheme}.png`);

      await rightClickNode(page, where);
      await expect(menu(page)).toBeVisible();
      await page.waitForTimeout(150);
      const shot = testInfo.outputPath('menu.png');
      await page.screenshot({ path: shot });
      keep(shot, `chaos-menu-${width}x${height}-${scheme}.png`);
      await page.keyboard.press('Escape');
      await expect(menu(page)).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }
}
