// Acting during a play-out (issue 12): with "Play out each action" on, the view steps from an
// action's first step to live. A terminal line, an Apply or a canvas action taken meanwhile goes
// live first and runs there: nothing forks from the step being shown, the terminal says nothing
// about "the past" or "back to live" (a play-out is not time travel), and a line's output follows
// it directly.
import { expect, test, type Page } from '@playwright/test';
import { open, POD, PVC, useHook } from './helpers.ts';

const CLAIM = '[data-testid^="card-"][data-testid$="example-pvc"]';
const position = (page: Page) => page.evaluate(() => window.__playground!.timeline.position());
const playback = (page: Page) => page.getByRole('group', { name: 'Timeline playback' });
const whatIf = (page: Page) => page.getByRole('button', { name: /What-if/ });

/** kind's cluster with play-out on at 0.5×, then an Apply of a claim and its pod: a play-out runs. */
async function startPlayOut(page: Page) {
  await page.getByLabel('Cluster preset').selectOption('kind');
  await playback(page).getByRole('button', { name: 'Play out each action' }).click();
  await playback(page).getByLabel('Playback speed').selectOption('0.5');
  await useHook(page, `${PVC}---\n${POD}`);
  const at = await position(page);
  expect(at.cursor).toBeLessThan(at.frames - 1);
  await expect(page.locator(CLAIM)).toHaveAttribute('data-status', /Pending/);
  await expect(playback(page).getByRole('button', { name: /Replaying · go live/ })).toBeVisible();
  return at;
}

/** The terminal's rows as text, blank ones left out. */
const rows = (page: Page) => page.locator('.xterm-rows > div').evaluateAll((rs) => rs.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim()).filter(Boolean));

async function typeLine(page: Page, line: string) {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('a terminal line during a play-out runs at live, its output right under it, with no note about the past', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = await open(page);
  await page.getByRole('tab', { name: /Terminal/ }).click();
  await expect(page.locator('.xterm-rows')).toContainText('kubectl and docker against the simulated cluster');
  const at = await startPlayOut(page);

  // The step shown has the claim Pending; the line reads the present, where it is Bound.
  const get = "kubectl get pvc example-pvc -o jsonpath='{.status.phase}'";
  await typeLine(page, get);
  await expect.poll(async () => (await rows(page)).slice(-3)).toEqual([`$ ${get}`, 'Bound', '$']);
  expect(await position(page)).toEqual({ cursor: at.frames - 1, frames: at.frames, playing: false });
  await expect(page.locator(CLAIM)).toHaveAttribute('data-status', /Bound/);

  // A line that changes the cluster, typed during the next play-out: recorded after the present,
  // then played out itself, to live.
  await useHook(page, POD.replace('example-pod', 'second'));
  const second = await position(page);
  expect(second.cursor).toBeLessThan(second.frames - 1);
  await page.screenshot({ path: test.info().outputPath('playout-terminal-before.png') });
  await typeLine(page, 'kubectl delete pod second');
  await expect.poll(async () => (await rows(page)).slice(-3)).toEqual(['$ kubectl delete pod second', 'pod "second" deleted from default namespace', '$']);
  expect((await position(page)).frames).toBeGreaterThan(second.frames);
  await expect(whatIf(page)).toHaveCount(0);
  await expect.poll(async () => { const p = await position(page); return p.cursor === p.frames - 1 && !p.playing; }, { timeout: 20_000 }).toBe(true);
  await page.screenshot({ path: test.info().outputPath('playout-terminal-after.png') });

  const text = (await rows(page)).join('\n');
  expect(text).not.toContain('back to live');
  expect(text).not.toContain('viewing frame');
  expect(errors).toEqual([]);
});

test('Apply during a play-out applies at live: no what-if fork', async ({ page }) => {
  const errors = await open(page);
  await page.getByLabel('Cluster preset').selectOption('kind');
  await page.evaluate((t) => window.__playground!.setEditorText(t), `${PVC}---\n${POD}`);
  await playback(page).getByRole('button', { name: 'Play out each action' }).click();
  await playback(page).getByLabel('Playback speed').selectOption('0.5');
  // The play-out comes from a terminal line; the editor's text is left as it is, so Apply goes straight.
  await page.evaluate(() => window.__playground!.run('kubectl apply -f manifest.yaml'));
  const at = await position(page);
  expect(at.cursor).toBeLessThan(at.frames - 1);
  await page.getByRole('button', { name: /^Apply/ }).click(); // the toolbar's (the lenses' say "▶ Apply")
  // A fork from the step shown would have cut the timeline there; this Apply follows the present.
  await expect.poll(async () => (await position(page)).frames).toBeGreaterThan(at.frames);
  await expect(whatIf(page)).toHaveCount(0);
  await expect(page.locator(CLAIM)).toHaveAttribute('data-status', /Bound/);
  expect(errors).toEqual([]);
});

test('a canvas action during a play-out runs at live: no what-if fork', async ({ page }) => {
  const errors = await open(page);
  const at = await startPlayOut(page);
  await page.getByTestId('node-kind-control-plane').click({ button: 'right', position: { x: 40, y: 12 } });
  await page.getByRole('menuitem', { name: /^Cordon/ }).click();
  await expect(page.getByTestId('command-toast')).toContainText('node/kind-control-plane cordoned');
  await expect(page.getByTestId('node-kind-control-plane')).toContainText('SchedulingDisabled');
  const p = await position(page);
  expect(p.frames).toBeGreaterThan(at.frames);
  expect(p.cursor).toBe(p.frames - 1);
  await expect(whatIf(page)).toHaveCount(0);
  await expect(page.locator(CLAIM)).toHaveAttribute('data-status', /Bound/);
  expect(errors).toEqual([]);
});
