import { expect, test, type Page } from '@playwright/test';
import { encodeSession } from '../src/store/share-link.ts';
import type { SessionV1 } from '../src/store/session.ts';
import { keep, open } from './helpers.ts';

// The page never freezes, whatever is pasted or opened: the engine runs in a worker, long work
// shows progress with a Cancel, a share link whose replay runs past its budget stops with a
// message, and the learner's saved work survives all of it. Each test measures the longest
// main-thread task (PerformanceObserver 'longtask') while it works.

/** The budget the issue sets for one main-thread task, on an unloaded machine. */
const TASK_BUDGET_MS = 100;
/**
 * The bound the tests hold every measured task to: the budget with room for a shared machine's
 * noise (250 ms unloaded). The figures against the 100 ms goal itself are `npm run bench:ui`'s.
 */
const NOISE_FACTOR = 2.5;
/** What the reference loop below takes on an unloaded 2-core CI machine's page thread. */
const REFERENCE_LOOP_MS = 40;
/**
 * The budget on this machine now: browser tests share 2 cores with the preview server (and, on a
 * developer's machine, with whatever else runs), which stretches every task alike. A fixed loop
 * timed in the page says by how much.
 */
let LONGEST_TASK_MS = TASK_BUDGET_MS;
async function calibrate(page: Page) {
  const runs = await page.evaluate(() => {
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      let x = 0;
      for (let i = 0; i < 30_000_000; i++) x += i % 7;
      times.push(performance.now() - t + (x < 0 ? 1 : 0));
    }
    return times;
  });
  // The slowest run: on a shared machine a long task is stretched by every other process at once.
  const slowdown = Math.max(1, Math.max(...runs) / REFERENCE_LOOP_MS);
  LONGEST_TASK_MS = Math.round(TASK_BUDGET_MS * slowdown);
  console.log(`reference loop ${runs.map(Math.round).join('/')} ms: task budget ${LONGEST_TASK_MS} ms`);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
});

/** Now, on the page's clock: tasks from here on count. */
const mark = (page: Page) => page.evaluate(() => performance.now());
/** The longest main-thread task since `from` (0 when there was none over 50 ms). */
const longestSince = (page: Page, from: number) =>
  page.evaluate((t) => Math.max(0, ...(window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((x) => x.start >= t).map((x) => x.duration)), from);

async function waitForMonaco(page: Page) {
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__playground?.editorReady)).toBe(true);
}

/** Puts `make()`'s text on the clipboard from inside the page (a 5 MB argument would cost a task of its own). */
async function clipboardFrom(page: Page, make: string) {
  await page.evaluate((src) => navigator.clipboard.writeText(new Function(`return (${src})()`)() as string), make);
}

async function pasteClipboard(page: Page) {
  await page.locator('.monaco-editor .view-line').first().click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

const editorTextLength = (page: Page) => page.evaluate(() => window.__playground!.editorTextLength());

async function shot(page: Page, testInfo: { outputPath: (n: string) => string }, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  keep(path, name);
}

/** The toolbar's Apply (a code lens reads "▶ Apply" too). */
const applyButton = (page: Page) => page.getByRole('button', { name: /^Apply/ }).and(page.getByTitle(/^kubectl apply -f manifest\.yaml/));
const busy = (page: Page) => page.getByTestId('busy-indicator');
const results = (page: Page) => page.getByTestId('apply-results');

// A 9-level YAML "billion laughs": 9^9 strings if its aliases were expanded.
const BOMB = `() => {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lol', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) lines.push('  ' + names[i] + ': &' + names[i] + ' [' + Array(9).fill('*' + names[i - 1]).join(',') + ']');
  return lines.join('\\n') + '\\n';
}`;

test('a billion-laughs document: the page answers, and the apply ends with a message or a Cancel', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const errors = await open(page);
  await waitForMonaco(page);
  await calibrate(page);
  await clipboardFrom(page, BOMB);
  const from = await mark(page);
  await pasteClipboard(page);
  await expect.poll(() => editorTextLength(page)).toBeGreaterThan(300);
  await applyButton(page).click();
  // Either the parser refuses the aliases quickly (an error in the report), or the work shows
  // progress and Escape cancels it. Both leave the page answering and the cluster as it was.
  const outcome = await Promise.race([
    results(page).getByText(/error/i).first().waitFor({ timeout: 60_000 }).then(() => 'reported' as const),
    busy(page).waitFor({ timeout: 60_000 }).then(() => 'busy' as const),
  ]);
  if (outcome === 'busy') {
    await expect(busy(page)).toContainText('Applying: kubectl apply -f manifest.yaml…');
    await shot(page, testInfo, 'responsive-bomb-busy-1280x720-light.png');
    await page.keyboard.press('Escape');
    await expect(results(page)).toContainText('Cancelled');
    await expect(busy(page)).toBeHidden();
  } else {
    await expect(results(page)).toContainText(/error/i);
  }
  await shot(page, testInfo, 'responsive-bomb-after-1280x720-light.png');
  // The page works on: the editor takes text, Apply applies.
  await page.evaluate(() => window.__playground!.setEditorText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n'));
  await page.evaluate(() => window.__playground!.apply());
  await expect(results(page)).toContainText('configmap/after');
  const longest = await longestSince(page, from);
  console.log(`billion laughs (${outcome}): longest main-thread task ${longest} ms`);
  expect(longest).toBeLessThan(LONGEST_TASK_MS);
  expect(errors).toEqual([]);
});

test('a 5 MB document pasted and applied: the page answers and the API server\'s error shows', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = await open(page);
  await waitForMonaco(page);
  await calibrate(page);
  // One ConfigMap of 5 MB: more than the 1 MiB the API server takes.
  await clipboardFrom(page, `() => {
    const rows = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: huge', 'data:'];
    for (let i = 0; i < 5000; i++) rows.push('  key-' + i + ': "' + 'x'.repeat(1000) + '"');
    return rows.join('\\n') + '\\n';
  }`);
  const from = await mark(page);
  await pasteClipboard(page);
  await expect.poll(() => editorTextLength(page), { timeout: 30_000 }).toBeGreaterThan(5_000_000);
  const pasted = await longestSince(page, from);
  const applyFrom = await mark(page);
  await applyButton(page).click();
  await expect(results(page)).toContainText(/error/i, { timeout: 60_000 });
  await shot(page, testInfo, 'responsive-5mb-1280x720-light.png');
  const applied = await longestSince(page, applyFrom);
  console.log(`5 MB document: longest task pasting ${pasted} ms, applying ${applied} ms`);
  expect(applied).toBeLessThan(NOISE_FACTOR * LONGEST_TASK_MS);
  // The paste goes to Monaco in slices (src/ui/editor/large-paste.ts), a task each.
  expect(pasted).toBeLessThan(NOISE_FACTOR * LONGEST_TASK_MS);
  // Still one paste: one undo step takes it all back.
  await page.locator('.monaco-editor textarea').focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorTextLength(page), { timeout: 30_000 }).toBeLessThan(5_000);
  expect(errors).toEqual([]);
});

test('10,000 documents: progress with a Cancel while it works, then the result; the page answers throughout', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors = await open(page);
  await waitForMonaco(page);
  await calibrate(page);
  await clipboardFrom(page, `() => {
    const docs = [];
    for (let i = 0; i < 10000; i++) docs.push('apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: cm-' + i + '\\ndata:\\n  k: v\\n');
    return docs.join('---\\n');
  }`);
  const from = await mark(page);
  await pasteClipboard(page);
  await expect.poll(() => editorTextLength(page), { timeout: 30_000 }).toBeGreaterThan(500_000);
  await expect(page.getByText('10,000 documents')).toBeVisible({ timeout: 30_000 });
  const pasted = await longestSince(page, from);

  // First a Cancel: the cluster stays as it was.
  const applyFrom = await mark(page);
  await applyButton(page).click();
  await expect(busy(page)).toBeVisible();
  await expect(busy(page)).toContainText('Applying: kubectl apply -f manifest.yaml…');
  // Cancel at once: the apply takes about a second, less than two screenshots on a fast machine,
  // so the busy screenshots are taken during the whole apply below instead.
  await busy(page).getByRole('button', { name: /Cancel/ }).click({ timeout: 10_000 });
  await expect(results(page)).toContainText('Cancelled');
  // (Counted in the page: getState() would copy the whole state and text, a long task of the test's own.)
  expect(await page.evaluate(() => window.__playground!.countObjects('ConfigMap'))).toBeLessThan(5);

  // Then the whole apply. (No getState() from here on: it would serialize 10,000 objects in the page.)
  const wholeFrom = await mark(page);
  await applyButton(page).click();
  await expect(busy(page)).toBeVisible();
  // What the learner sees while it works (evidence only: on a fast machine it may already be done).
  await shot(page, testInfo, 'responsive-busy-1280x720-light.png');
  await expect(results(page)).toContainText('10,000 objects applied', { timeout: 200_000 });
  await expect(results(page)).toContainText('more objects');
  await expect(busy(page)).toBeHidden();
  await page.waitForTimeout(2_000); // let the canvas draw what came back
  await shot(page, testInfo, 'responsive-10000-1280x720-light.png');
  const ended = await page.evaluate(() => window.__playground!.actionsEnded.at(-1)!);
  const tasks = await page.evaluate((t) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((x) => x.start >= t), applyFrom);
  // While the engine worked (the Cancel included): the page answered at once.
  const working = tasks.filter((x) => x.start + x.duration <= ended && x.start >= applyFrom);
  // Taking the result in and drawing 10,000 objects on the canvas, after the engine answered.
  const drawing = tasks.filter((x) => x.start + x.duration > ended);
  const max = (xs: { duration: number }[]) => Math.max(0, ...xs.map((x) => x.duration));
  console.log(`10,000 documents: longest task pasting ${pasted} ms; while the engine worked ${max(working)} ms; drawing the result ${max(drawing)} ms (${JSON.stringify(drawing.map((x) => x.duration))}); whole apply from ${Math.round(wholeFrom)} to ${Math.round(ended)}`);
  expect(pasted).toBeLessThan(NOISE_FACTOR * LONGEST_TASK_MS);
  expect(max(working)).toBeLessThan(NOISE_FACTOR * LONGEST_TASK_MS);
  // Taking in the result and drawing 10,000 objects: the store takes the result in a task of its
  // own, the canvas builds its graph in a deferred render, and the overview paints its tiles on a
  // canvas (overview-paint.ts) instead of 10,000 SVG tiles (a second of style and layout).
  expect(max(drawing)).toBeLessThan(NOISE_FACTOR * LONGEST_TASK_MS);
  // The whole cluster is framed, every tile on the canvas; a click on one selects its object.
  const canvas = page.locator('canvas.overview-canvas');
  await expect(canvas).toHaveAttribute('aria-label', /^Cluster overview, 10,000 objects/);
  const box = (await canvas.boundingBox())!;
  const clickFrom = await mark(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => page.evaluate(() => (window.__playground!.selected?.() ?? null)?.kind ?? null)).toBe('ConfigMap');
  expect(await longestSince(page, clickFrom)).toBeLessThan(NOISE_FACTOR * LONGEST_TASK_MS);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, testInfo, 'responsive-10000-1280x720-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(errors).toEqual([]);
});

test('a share link whose replay would take minutes stops at its budget with a message; the saved session survives a reload', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const errors = await open(page);
  await calibrate(page);
  const mine = '# my own work\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mine\n';
  await page.evaluate((t) => window.__playground!.setEditorText(t), mine);
  await page.reload(); // saved on the way out
  await expect.poll(() => page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText)).toBe(mine);
  const saved = await page.evaluate(() => localStorage.getItem('k8s-storage-playground'));
  expect(saved).toContain('my own work');

  // 500 ConfigMaps, then twenty commands that each list them all in a loop, for as long as the
  // shell's step budget allows: real work in every turn (nothing a skip could jump over), minutes in all.
  const maps = Array.from({ length: 500 }, (_, i) => `{apiVersion: v1, kind: ConfigMap, metadata: {name: c${i}}, data: {k: v}}\n`).join('---\n');
  const loop = 'i=0; while [ $i -lt 1000000 ]; do kubectl get configmaps -A >/dev/null; i=$((i+1)); done';
  const session: SessionV1 = {
    v: 1,
    preset: 'kind',
    seed: 1,
    editorText: '# the shared text\n',
    actions: [{ action: { type: 'apply' as const, text: maps } }, ...Array.from({ length: 20 }, () => ({ action: { type: 'command' as const, line: loop } }))],
    cursor: 0,
    view: 'cluster',
  };
  const fragment = await encodeSession(session);
  await page.goto(`/${fragment}`);
  await expect(page.getByRole('status').filter({ hasText: 'Opening shared session' })).toBeVisible();
  await expect(busy(page)).toContainText('Replaying the shared session…');
  await expect(busy(page)).toContainText(/of 21 actions/);
  // From here on the page is loaded, Monaco included (the first screen's own tasks are the
  // first-screen bench's business): what counts is the replay.
  await waitForMonaco(page);
  await page.waitForTimeout(500);
  const replayFrom = await mark(page);
  await expect(busy(page)).toBeVisible();
  await shot(page, testInfo, 'responsive-replay-busy-1280x720-light.png');
  const alert = page.getByRole('alert').filter({ hasText: "This link's replay" });
  await expect(alert).toContainText("This link's replay stopped after 10 s: it was still running at action", { timeout: 20_000 });
  await expect(alert).toContainText('Your own editor text and cluster are unchanged.');
  await shot(page, testInfo, 'responsive-replay-stopped-1280x720-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, testInfo, 'responsive-replay-stopped-1280x720-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  const longest = await longestSince(page, replayFrom);
  const sinceLoad = await longestSince(page, 0);
  console.log(`share link replay: longest main-thread task ${longest} ms while replaying (${sinceLoad} ms since load, first screen included)`);
  // Nothing of the learner's was touched, on the page or in storage.
  expect(await page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText)).toBe(mine);
  expect(await page.evaluate(() => localStorage.getItem('k8s-storage-playground'))).toBe(saved);
  // Dismissed, the link leaves the address bar; a reload shows the saved session.
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  expect(page.url()).not.toContain('#s=');
  await page.reload();
  await expect.poll(() => page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText)).toBe(mine);
  expect(await page.evaluate(() => localStorage.getItem('k8s-storage-playground'))).toBe(saved);
  expect(longest).toBeLessThan(LONGEST_TASK_MS);
  expect(errors).toEqual([]);
});

test('a share link that replays into 7,500 objects: the result is taken in and drawn without a long task', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = await open(page);
  await waitForMonaco(page);
  await calibrate(page);
  // Three applies of 2,500 ConfigMaps each (a link's text holds 200,000 characters at most).
  const apply = (from: number) => ({ action: { type: 'apply' as const, text: Array.from({ length: 2_500 }, (_, i) => `{apiVersion: v1, kind: ConfigMap, metadata: {name: c${from + i}}}\n`).join('---\n') } });
  const session: SessionV1 = { v: 1, preset: 'kind', seed: 1, editorText: '# shared\n', actions: [apply(0), apply(2_500), apply(5_000)], cursor: 3, view: 'cluster' };
  const fragment = await encodeSession(session);
  // Opened in the same tab (a hash change): the page, Monaco included, is loaded; what counts is the replay.
  const from = await mark(page);
  await page.goto(`/${fragment}`);
  // 7,500 ConfigMaps and the kind preset's StorageClass.
  await expect(page.getByText('Overview · 7,501 objects')).toBeVisible({ timeout: 60_000 });
  await expect(busy(page)).toBeHidden();
  await page.waitForTimeout(2_000); // let the canvas draw what came back
  await shot(page, testInfo, 'responsive-replay-7500-1280x720-light.png');
  const longest = await longestSince(page, from);
  console.log(`share link replaying into 7,500 objects: longest main-thread task ${longest} ms`);
  expect(longest).toBeLessThan(NOISE_FACTOR * LONGEST_TASK_MS);
  expect(errors).toEqual([]);
});

test('a replay can be cancelled with Escape: the link says so and nothing changes', async ({ page }) => {
  test.setTimeout(60_000);
  await open(page);
  const session: SessionV1 = {
    v: 1,
    preset: 'kind',
    seed: 1,
    editorText: '# shared\n',
    actions: Array.from({ length: 50 }, (_, i) => ({ action: { type: 'command' as const, line: `kubectl create deployment web-${i} --image=busybox --replicas=300` } })),
    cursor: 0,
    view: 'cluster',
  };
  // A line kubectl may not know still runs (and fails) in the worker; the budget and Cancel are the point.
  session.actions = Array.from({ length: 50 }, (_, i) => ({ action: { type: 'apply' as const, text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w-${i}\nspec:\n  replicas: 300\n  selector:\n    matchLabels: { app: w-${i} }\n  template:\n    metadata:\n      labels: { app: w-${i} }\n    spec:\n      containers:\n        - name: c\n          image: busybox\n` } }));
  const before = await page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText);
  await page.goto(`/${await encodeSession(session)}`);
  await expect(busy(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert').filter({ hasText: "This link's replay" })).toContainText(/^This link's replay stopped after [\d.]+ s: you cancelled it at action \d+ of 50/);
  expect(await page.evaluate(() => (window.__playground!.getState() as { editorText: string }).editorText)).toBe(before);
});
