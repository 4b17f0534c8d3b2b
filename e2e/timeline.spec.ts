// Time travel, playback and what-if forks; the canvas moving from the engine's steps; and
// WaitForFirstConsumer in the multi-az preset ending with the volume in the pod's zone.
import { expect, test, type Page } from '@playwright/test';
import { keep, open, POD, PV_AND_PVC, PVC, useHook } from './helpers.ts';

const frame = (page: Page) => page.evaluate(() => window.__playground!.timeline.position());
const claimIs = (page: Page, status: string) => page.getByRole('group', { name: `PersistentVolumeClaim example-pvc ${status}` });

test('stepping back in the timeline restores the earlier canvas; going live brings it back', async ({ page }, testInfo) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await useHook(page, `${PV_AND_PVC}---\n${POD}`);
  await expect(claimIs(page, 'Bound')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
  const live = await frame(page);
  expect(live.cursor).toBe(live.frames - 1);
  // The Timeline tab counts what the scrubber can reach.
  await expect(page.getByRole('tab', { name: `Timeline ${live.frames - 1} steps` })).toBeVisible();

  const playback = page.getByRole('group', { name: 'Timeline playback' });
  // Back, one controller step at a time, until the binder has not yet bound the claim.
  for (let i = 0; i < live.frames && !(await claimIs(page, 'Pending').isVisible()); i++) {
    await playback.getByRole('button', { name: 'Step back' }).click();
  }
  await expect(claimIs(page, 'Pending')).toBeVisible();
  await expect(page.locator('.react-flow__edge.edge-bound')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Pod example-pod Pending' })).toBeVisible();
  // The step on screen is captioned, and the timeline list marks where we are.
  await expect(page.getByTestId('step-caption')).toBeVisible();
  await expect(playback.getByRole('button', { name: /What-if · go live/ })).toBeVisible();
  const shot = testInfo.outputPath('time-travel.png');
  await page.screenshot({ path: shot });
  keep(shot, 'time-travel-1280x720-light.png');

  // The keyboard steps too (outside the editor): "." forward, "," back.
  await page.locator('.react-flow__pane').click();
  const before = (await frame(page)).cursor;
  await page.keyboard.press('.');
  expect((await frame(page)).cursor).toBe(before + 1);
  await page.keyboard.press(',');
  expect((await frame(page)).cursor).toBe(before);

  await playback.getByRole('button', { name: /What-if · go live/ }).click();
  await expect(claimIs(page, 'Bound')).toBeVisible();
  await expect(page.getByTestId('step-caption')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('play replays the last action step by step and stops live', async ({ page }) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await useHook(page, PV_AND_PVC);
  await expect(claimIs(page, 'Bound')).toBeVisible();
  const playback = page.getByRole('group', { name: 'Timeline playback' });
  await playback.getByLabel('Playback speed').selectOption('4');
  await playback.getByRole('button', { name: 'Replay the last action' }).click();
  // Replaying starts before the apply: nothing there yet, then the objects arrive and bind.
  await expect(page.getByRole('group', { name: /^PersistentVolumeClaim example-pvc/ })).toHaveCount(0);
  // Watching a replay forks nothing: the badge says "replaying", not "what-if".
  await expect(playback.getByRole('button', { name: /Replaying · go live/ })).toBeVisible();
  await expect(playback.getByRole('button', { name: /What-if/ })).toHaveCount(0);
  await expect(claimIs(page, 'Pending')).toBeVisible();
  await expect(claimIs(page, 'Bound')).toBeVisible();
  await expect.poll(async () => (await frame(page)).playing).toBe(false);
  const end = await frame(page);
  expect(end.cursor).toBe(end.frames - 1);
  expect(errors).toEqual([]);
});

test('a what-if fork: applying in the past starts a new future, and the old one is a branch to switch back to', async ({ page }) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await useHook(page, PV_AND_PVC);
  await expect(claimIs(page, 'Bound')).toBeVisible();
  const before = await frame(page);
  // Back to before anything existed, then apply only the claim: with no volume it stays Pending.
  await page.evaluate(() => window.__playground!.timeline.seek(0));
  await expect(page.getByRole('group', { name: /^PersistentVolumeClaim example-pvc/ })).toHaveCount(0);
  await useHook(page, PVC);
  await expect(claimIs(page, 'Pending')).toBeVisible();
  await expect(page.getByRole('group', { name: /^PersistentVolume example-pv/ })).toHaveCount(0);
  const after = await frame(page);
  expect(after.cursor).toBe(after.frames - 1);
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.getByRole('list', { name: 'Timeline steps' })).toContainText('what-if from frame 0');
  // The real future was kept: switch back to it, and to the what-if again.
  const branches = page.getByRole('region', { name: 'Branches' });
  await branches.getByRole('button', { name: /Switch to kubectl apply -f manifest.yaml from frame 0/ }).click();
  await expect(claimIs(page, 'Bound')).toBeVisible();
  await expect(page.getByRole('group', { name: /^PersistentVolume example-pv/ })).toBeVisible();
  expect((await frame(page)).frames).toBe(before.frames);
  await branches.getByRole('button', { name: /Switch to/ }).click();
  await expect(claimIs(page, 'Pending')).toBeVisible();
  await expect(page.getByRole('group', { name: /^PersistentVolume example-pv/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('multi-az: a WaitForFirstConsumer claim waits, then its volume appears in the pod\'s zone', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('multi-az');
  await useHook(page, PVC);
  await expect(claimIs(page, 'Pending')).toBeVisible();
  await expect(page.locator('.react-flow__edge.edge-waiting')).toHaveCount(1);

  await useHook(page, `${PVC}---\n${POD}`);
  await expect(claimIs(page, 'Bound')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Pod example-pod Running' })).toBeVisible();
  const pv = page.getByRole('group', { name: /^PersistentVolume pvc-[0-9a-f-]+ Bound$/ });
  await expect(pv).toBeVisible();
  await page.waitForTimeout(900); // the fly-in and the re-fit

  // Which zone did the scheduler pick? The engine's state says; the canvas must agree.
  const zone = await page.evaluate(() => {
    const s = window.__playground!.getState() as { cluster: { objects: { Pod: Record<string, { spec: { nodeName: string } }>; Node: Record<string, { metadata: { labels: Record<string, string> } }> } } };
    const node = s.cluster.objects.Pod['default/example-pod']!.spec.nodeName;
    return s.cluster.objects.Node[node]!.metadata.labels['topology.kubernetes.io/zone']!;
  });
  const lane = await page.getByTestId(`zone-${zone}`).boundingBox();
  const card = await pv.boundingBox();
  expect(lane && card).toBeTruthy();
  expect(card!.x).toBeGreaterThanOrEqual(lane!.x);
  expect(card!.y).toBeGreaterThanOrEqual(lane!.y);
  expect(card!.x + card!.width).toBeLessThanOrEqual(lane!.x + lane!.width);
  expect(card!.y + card!.height).toBeLessThanOrEqual(lane!.y + lane!.height);
  const shot = testInfo.outputPath('wffc.png');
  await page.screenshot({ path: shot });
  keep(shot, 'multi-az-wffc-1920x1080-light.png');
  expect(errors).toEqual([]);
});

test('the terminal follows time travel: it says when the view is in the past, and a command there forks', async ({ page }) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('bare');
  await useHook(page, PV_AND_PVC);
  await expect(claimIs(page, 'Bound')).toBeVisible();
  await page.getByRole('tab', { name: /Terminal/ }).click();
  const screen = page.locator('.xterm-rows');
  await expect(screen).toContainText('kubectl and docker against the simulated cluster');

  await page.evaluate(() => window.__playground!.timeline.seek(1));
  await expect(screen).toContainText('viewing frame 1 of the timeline (the past)');
  // In the past the claim is not bound yet, and kubectl says so: the terminal reads the frame shown.
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('kubectl get pvc');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText(/example-pvc\s+Pending/);
  await page.keyboard.type('kubectl delete pv example-pv');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText('persistentvolume "example-pv" deleted');
  await expect(screen).toContainText('back to live');
  // The fork replaced the future: the claim never binds on this branch.
  await expect(claimIs(page, 'Pending')).toBeVisible();
  await expect(page.getByRole('group', { name: /^PersistentVolume example-pv/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});
