// Panning a 300-object scene, on its own (issue 12): a quick, repeatable measure of one thing,
// where `npm run bench:ui` measures everything. Same production build, same headless Chromium,
// same drag; it reports each frame's time (median and p95, from requestAnimationFrame) and, with
// --profile, where the main thread's time went during one drag (a Chrome trace, summed by event).
//
//   node --import tsx scripts/bench-ui-pan.ts [--dist DIR] [--runs N] [--objects N] [--only fit|cards]
//                                            [--profile] [--screenshots DIR] [--css 'rules to try']
//
// --dist serves a build already made (e.g. `npx vite build --outDir /tmp/x`), so a before and an
// after can be compared on the same machine minutes apart; without it dist/ is built when stale
// (hold the browser-test lock then, as for bench:ui). On a busy machine, compare the two builds
// in alternation and read --profile's CPU times, which a loaded machine inflates far less.
// Views measured: "fit" is the view the app chooses after the apply (at 300 objects the overview's
// tiles), "cards" is zoomed in just past the overview's threshold, where the most cards are drawn.
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { build, copyDist, staleReason, startPreview } from './bench-ui-server.ts';
import { scenario } from './bench-ui-scenarios.ts';
import { dragFigureOfEight, frameStats, percentile, type FrameCount } from './bench-ui-frames.ts';
import { summariseTrace, topEntries, type TraceEvent } from './bench-ui-trace.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const IN_PAGE = fileURLToPath(new URL('./bench-ui-inpage.js', import.meta.url));
const VIEWPORT = { width: 1280, height: 720 };
const WINDOW_MS = 3_000;

interface PanePoint {
  x: number;
  y: number;
}
// window.__bench (bench-ui-inpage.js) is typed where bench-ui.ts declares it for every script.

function parseArgs(argv: string[]) {
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  return {
    dist: value('--dist'),
    runs: Number(value('--runs') ?? 3),
    objects: Number(value('--objects') ?? 300),
    profile: argv.includes('--profile'),
    screenshots: value('--screenshots'),
    /** Extra CSS for the page, to try a change before making it (e.g. --css '.react-flow__viewport{will-change:transform}'). */
    css: value('--css'),
    /** One view only: fit or cards. */
    only: value('--only') as 'fit' | 'cards' | undefined,
  };
}

/**
 * CPU time during one drag, per frame: each thread of the browser (main, compositor, raster
 * workers, the display compositor), and on the page's main thread each kind of work.
 */
async function traceDrag(page: Page, cdp: CDPSession, from: PanePoint): Promise<string> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz', 'gpu', 'v8', '__metadata'], enableSampling: false }, transferMode: 'ReportEvents' });
  const counting = page.evaluate((ms) => window.__bench.countFrames(ms, 'pan'), 2_000);
  await dragFigureOfEight(page, from, 2_100);
  const frames = await counting;
  await cdp.send('Tracing.end');
  await done;
  const { threads, mainSelf } = summariseTrace(events);
  // Per frame in which the view moved: a page that falls behind gets fewer, larger moves, so
  // dividing by every frame would flatter it.
  const moved = Math.max(1, frames.changed);
  const total = [...threads.values()].reduce((a, b) => a + b, 0);
  return `traced drag: ${frameStats(frames)}; CPU ${total.toFixed(0)} ms in all, ${(total / moved).toFixed(1)} ms per frame that moved\n  CPU per moved frame by thread: ${topEntries(threads, 6, moved)}\n  main thread per moved frame: ${topEntries(mainSelf, 12, moved)}`;
}

/** JavaScript during one drag: the functions with the most self time (V8's sampling profiler). */
async function profileDrag(page: Page, cdp: CDPSession, from: PanePoint): Promise<string> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await dragFigureOfEight(page, from, 2_000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const top = [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 15);
  return `JS self time over 2 s: ${top.map(([k, us]) => `${k} ${(us / 1000).toFixed(0)} ms`).join('; ')}`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const chrome = findChrome();
  if (chrome.path === null) throw new Error(chrome.error);
  let distDir = opts.dist ? resolve(opts.dist) : undefined;
  let copy: ReturnType<typeof copyDist> | undefined;
  if (!distDir) {
    const stale = staleReason(ROOT);
    if (stale) build(ROOT);
    copy = copyDist(ROOT);
    distDir = copy.dir;
  }
  const server = await startPreview(ROOT, distDir);
  const browser = await chromium.launch({ executablePath: chrome.path, args: CHROME_ARGS, headless: true });
  try {
    console.log(`${distDir}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    await context.addInitScript({ content: 'window.__benchOptions = {"firstScreen":false,"applyStarter":false};' });
    await context.addInitScript({ path: IN_PAGE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => window.__playground?.editorReady === true, undefined, { timeout: 60_000 });
    if (opts.css) await page.addStyleTag({ content: opts.css });
    const s = scenario(opts.objects);
    await page.evaluate((text) => window.__playground!.setEditorText(text), s.text);
    await page.waitForTimeout(2_000);
    await page.evaluate(([label, timeout]) => window.__bench.measureApply(label, timeout), [s.lastCard, 120_000] as const);
    await page.waitForTimeout(2_000);
    const cdp = await context.newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession(); // tracing sees every process
    const views = opts.only ? [opts.only] : (['fit', 'cards'] as const);
    for (const view of views) {
      if (view === 'cards') {
        // Zoom in around the canvas's centre to just above the overview's threshold (0.45): the
        // most cards React Flow ever draws at once in this scene.
        await page.locator('.react-flow__controls-fitview').click(); // from the whole graph again, wherever the drags left it
        await page.waitForTimeout(800);
        const pane = (await page.locator('.react-flow__pane').boundingBox())!;
        await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
        for (let i = 0; i < 40; i++) {
          const zoom = await page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1]));
          if (zoom >= 0.5) break;
          await page.mouse.wheel(0, -100);
          await page.waitForTimeout(120);
        }
        await page.waitForTimeout(1_000);
      }
      const nodes = await page.evaluate(() => window.__bench.nodesOnScreen());
      if (opts.screenshots) {
        mkdirSync(opts.screenshots, { recursive: true });
        await page.screenshot({ path: join(opts.screenshots, `pan-${opts.objects}-${view}.png`) });
      }
      // A drag must start on the empty pane (on a card it would move the card, not the view):
      // the spot is found again before every drag, as the last one left the view elsewhere.
      const emptySpot = async () => {
        const point = await page.evaluate(() => window.__bench.emptyPanePoint());
        if (!point) throw new Error(`no empty spot to drag in the ${view} view`);
        return point;
      };
      await dragFigureOfEight(page, await emptySpot(), 1_000); // warm-up: JIT, layers
      const runs: FrameCount[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const point = await emptySpot();
        const counting = page.evaluate((ms) => window.__bench.countFrames(ms, 'pan'), WINDOW_MS);
        const moves = await dragFigureOfEight(page, point, WINDOW_MS + 300);
        const r = await counting;
        if (r.changed === 0) throw new Error(`${view} run ${i + 1}: the view never moved during the drag`);
        runs.push(r);
        console.log(`${view} run ${i + 1}: ${frameStats(r)}, ${moves} moves`);
      }
      const all = runs.flatMap((r) => r.gaps);
      const total = all.reduce((a, b) => a + b, 0);
      console.log(
        `${view}: ${nodes.total} cards/tiles (${nodes.onScreen} on screen); all runs: ${all.length} frames, median ${percentile(all, 0.5).toFixed(1)} ms, p95 ${percentile(all, 0.95).toFixed(1)} ms, ${((all.length / total) * 1000).toFixed(1)} fps`,
      );
      if (opts.profile) {
        console.log(`  ${await traceDrag(page, browserCdp, await emptySpot())}`);
        console.log(`  ${await profileDrag(page, cdp, await emptySpot())}`);
      }
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    console.log(`load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    await browser.close();
    server.stop();
    copy?.remove();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
