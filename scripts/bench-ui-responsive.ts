// bench:ui's responsiveness figures: the longest main-thread task (PerformanceObserver 'longtask',
// which bench-ui-inpage.js records from the page's start) while the page takes the heaviest
// inputs of e2e/responsive.spec.ts: a 5 MB paste and its Apply, 10,000 documents pasted, applied
// and drawn, and a share link replaying into 7,500 objects. The goal: no task over 100 ms.
import type { Browser, Page } from '@playwright/test';
import { encodeSession } from '../src/store/share-link.ts';
import type { SessionV1 } from '../src/store/session.ts';

export interface ResponsiveRun {
  paste5mb: number;
  apply5mb: number;
  paste10k: number;
  /** While the engine worked on the 10,000 documents. */
  working10k: number;
  /** From the engine's answer until the canvas has drawn the 10,000 objects. */
  drawing10k: number;
  replay7500: number;
}

type Tasks = { start: number; duration: number }[];
const tasksOf = (page: Page) => page.evaluate(() => (window as unknown as { __bench: { marks: { longTasks: Tasks } } }).__bench.marks.longTasks);
const longest = (tasks: Tasks, from: number, to = Infinity) => Math.round(Math.max(0, ...tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration)));
const now = (page: Page) => page.evaluate(() => performance.now());

async function paste(page: Page, make: string, atLeast: number) {
  await page.evaluate((src) => navigator.clipboard.writeText(new Function(`return (${src})()`)() as string), make);
  await page.locator('.monaco-editor .view-line').first().click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction((n) => (window as unknown as { __playground: { editorTextLength(): number } }).__playground.editorTextLength() > n, atLeast, { timeout: 60_000 });
}

const applyButton = (page: Page) => page.getByRole('button', { name: /^Apply/ }).and(page.getByTitle(/^kubectl apply -f manifest\.yaml/));

/** One run of every case, each in a fresh context (`open` gives a page with the bench's in-page script). */
export async function responsiveRun(browser: Browser, url: string, open: (browser: Browser) => Promise<{ page: Page; close: () => Promise<void> }>): Promise<ResponsiveRun> {
  const run = {} as ResponsiveRun;
  {
    const { page, close } = await open(browser);
    try {
      await page.goto(url);
      await page.waitForFunction(() => window.__playground?.editorReady === true, undefined, { timeout: 60_000 });
      await page.waitForTimeout(1_000);
      const from = await now(page);
      await paste(page, `() => { const rows = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: huge', 'data:']; for (let i = 0; i < 5000; i++) rows.push('  key-' + i + ': "' + 'x'.repeat(1000) + '"'); return rows.join('\\n') + '\\n'; }`, 5_000_000);
      await page.waitForTimeout(1_000);
      const applyFrom = await now(page);
      run.paste5mb = longest(await tasksOf(page), from, applyFrom);
      await applyButton(page).click();
      await page.getByTestId('apply-results').getByText(/error/i).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1_000);
      run.apply5mb = longest(await tasksOf(page), applyFrom);
    } finally {
      await close();
    }
  }
  {
    const { page, close } = await open(browser);
    try {
      await page.goto(url);
      await page.waitForFunction(() => window.__playground?.editorReady === true, undefined, { timeout: 60_000 });
      await page.waitForTimeout(1_000);
      const from = await now(page);
      await paste(page, `() => { const docs = []; for (let i = 0; i < 10000; i++) docs.push('apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: cm-' + i + '\\ndata:\\n  k: v\\n'); return docs.join('---\\n'); }`, 500_000);
      await page.getByText('10,000 documents').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1_000);
      const applyFrom = await now(page);
      run.paste10k = longest(await tasksOf(page), from, applyFrom);
      await applyButton(page).click();
      await page.getByTestId('apply-results').getByText('10,000 objects applied').waitFor({ timeout: 200_000 });
      await page.waitForTimeout(2_000);
      const ended = await page.evaluate(() => window.__playground!.actionsEnded.at(-1)!);
      const tasks = await tasksOf(page);
      run.working10k = Math.round(Math.max(0, ...tasks.filter((t) => t.start >= applyFrom && t.start + t.duration <= ended).map((t) => t.duration)));
      run.drawing10k = Math.round(Math.max(0, ...tasks.filter((t) => t.start >= applyFrom && t.start + t.duration > ended).map((t) => t.duration)));
    } finally {
      await close();
    }
  }
  {
    const { page, close } = await open(browser);
    try {
      await page.goto(url);
      await page.waitForFunction(() => window.__playground?.editorReady === true, undefined, { timeout: 60_000 });
      await page.waitForTimeout(1_000);
      const apply = (from: number) => ({ action: { type: 'apply' as const, text: Array.from({ length: 2_500 }, (_, i) => `{apiVersion: v1, kind: ConfigMap, metadata: {name: c${from + i}}}\n`).join('---\n') } });
      const session: SessionV1 = { v: 1, preset: 'kind', seed: 1, editorText: '# shared\n', actions: [apply(0), apply(2_500), apply(5_000)], cursor: 3, view: 'cluster' };
      const from = await now(page);
      await page.goto(url + (await encodeSession(session))); // the same tab: a hash change, the page stays loaded
      await page.getByText('Overview · 7,501 objects').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(2_000);
      run.replay7500 = longest(await tasksOf(page), from);
    } finally {
      await close();
    }
  }
  return run;
}
