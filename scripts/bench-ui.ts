// npm run bench:ui: how fast the playground's first screen, Apply and canvas are in headless
// Chromium against the production build (`vite preview`). A benchmark, not a test: it prints a
// table of goals with figures and PASS/MISS, and exits 0 even on a MISS (non-zero only when the
// benchmark itself could not run).
//
// On a shared machine, hold the browser-test lock so no browser test runs alongside (and dist/ is
// not rebuilt under another run):
//   flock /tmp/e2e.lock npm run bench:ui            (builds first when dist/ is stale)
//   ... npm run bench:ui -- --build | --no-build    (always build / never build)
//   ... npm run bench:ui -- --runs 3                (fewer runs of each measure, for a quick look)
//   ... npm run bench:ui -- --screenshots DIR       (saves the canvases it measured, to check them)
//
// What is measured, exactly:
//  1. First screen: a fresh browser context (empty cache) opens the page. The starter manifest is
//     applied as the test hook appears, before React's first render (a first visit shows it
//     unapplied; the PV card needs it applied). "Interactive" = a PersistentVolume card is on screen and painted, and a real
//     click on it (CDP input) shows it selected. Figure = card painted + the click's own latency
//     (from the input's timestamp to the selection painted); the harness's delay between seeing the
//     card and clicking is left out (it is printed, with the raw time). All from navigation start.
//     The same is measured once more opening a share link (#s=…) of the starter applied, which is
//     how a page really arrives with a scenario today (info: it loads and replays the link first).
//  2. JS before Monaco: every .js file the page requested before the first request for a file
//     holding Monaco (found by content in dist/), gzip-compressed here with node:zlib at the level
//     `vite preview` uses, from the same dist/ files. The engine worker's file is counted apart:
//     it is needed before Monaco (the first screen's Apply, a share link's replay, run there) but
//     it is fetched, compiled and run on the worker's own thread, so it never holds up the page's;
//     the goal is the main thread's JS.
//  3. Apply: 20 objects on a reset cluster; from just before the store's apply() to the last card's
//     final status in the canvas DOM (MutationObserver in the page); the painted time is printed too.
//  5. Responsiveness (bench-ui-responsive.ts): the longest main-thread task while a 5 MB text is
//     pasted and applied, 10,000 documents are pasted, applied and drawn, and a share link
//     replays into 7,500 objects; the goal is none over 100 ms.
//  4. Frame rate: requestAnimationFrame callbacks over 3 s at 300 and 1,000 objects (a StorageClass,
//     PV+PVC pairs, pods), while the timeline replays the apply's last steps (the app's 1× speed),
//     while the pane is dragged with the mouse, and idle; in the view the app fits after the apply.
//     Each mode gives the mean rate and the median and 95th-percentile frame times (a mean hides
//     stutter). Panning at 300 objects has a goal of its own (60 fps, issue 12); for where a pan's
//     time goes, and a cards-level view, see scripts/bench-ui-pan.ts.
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { build, copyDist, staleReason, startPreview, type DistCopy, type PreviewServer } from './bench-ui-server.ts';
import { scenario } from './bench-ui-scenarios.ts';
import { createAppStore } from '../src/store/app-store.ts';
import { createInlineRunner } from '../src/store/engine-inline.ts';
import { encodeSession } from '../src/store/share-link.ts';
import { responsiveRun, type ResponsiveRun } from './bench-ui-responsive.ts';
import { dragFigureOfEight, percentile, type FrameCount } from './bench-ui-frames.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const IN_PAGE = fileURLToPath(new URL('./bench-ui-inpage.js', import.meta.url));
const VIEWPORT = { width: 1280, height: 720 };
const FPS_WINDOW_MS = 3_000;
/** Timeline steps replayed per playback run: the last ones of the apply, when every card is on the canvas. */
const REPLAY_STEPS = 8;

const GOALS = {
  interactiveMs: 1_000,
  firstScreenJsKb: 250,
  applyMs: 100,
  longestTaskMs: 100,
  fps300: 60,
  fps1000: 50,
};
/** "60 fps" is every frame of a 60 Hz display: allow for the timer's jitter, not for dropped frames. */
const SIXTY_FPS_FLOOR = 58;

// ---------------------------------------------------------------------------------------------
// Types of what the in-page script (bench-ui-inpage.js) returns.

interface Marks {
  cardDom: number | null;
  cardPainted: number | null;
  input: number | null;
  inputOnCard: boolean | null;
  selectedDom: number | null;
  selectedPainted: number | null;
  editorReady: number | null;
  appliedStarter: boolean;
  longTasks: { start: number; duration: number }[];
}
interface PanePoint {
  x: number;
  y: number;
}
interface BenchInPage {
  marks: Marks;
  cardPoint(): PanePoint | null;
  measureApply(label: string, timeoutMs: number): Promise<{ dom: number; painted: number }>;
  countFrames(ms: number, mode: 'idle' | 'pan' | 'play', replayFrom?: number): Promise<FrameCount>;
  emptyPanePoint(): PanePoint | null;
  nodesOnScreen(): { total: number; onScreen: number };
}
interface HookState {
  selected: { kind: string; name: string } | null;
  lastApply: { results: { error?: { message: string } }[] } | null;
}
interface BenchOptions {
  firstScreen: boolean;
  applyStarter: boolean;
}
declare global {
  interface Window {
    __bench: BenchInPage;
    __benchOptions?: BenchOptions;
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

/** A mistake in the command line: said in one line, without a stack trace. */
class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : undefined;
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) throw new UsageError(`--runs needs a whole number ≥ 1, got "${argv[runsAt + 1]}"`);
  const shotsAt = argv.indexOf('--screenshots');
  const screenshots = shotsAt >= 0 ? argv[shotsAt + 1] : undefined;
  if (shotsAt >= 0 && !screenshots) throw new UsageError('--screenshots needs a folder');
  const known = new Set(['--build', '--no-build', '--runs', '--screenshots']);
  const unknown = argv.filter((a, i) => !known.has(a) && argv[i - 1] !== '--runs' && argv[i - 1] !== '--screenshots');
  if (unknown.length > 0) throw new UsageError(`unknown argument ${unknown.join(' ')} (options: --build, --no-build, --runs N, --screenshots DIR)`);
  if (argv.includes('--build') && argv.includes('--no-build')) throw new UsageError('--build and --no-build contradict each other');
  return { build: argv.includes('--build'), noBuild: argv.includes('--no-build'), runs, screenshots };
}

interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}
function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s.at(-1)!, n: s.length };
}

const ms = (x: number) => `${Math.round(x)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const fps = (x: number) => x.toFixed(1);
const range = (s: Spread, f: (x: number) => string) => `${f(s.min)} – ${f(s.max)}`;

/**
 * A fixed CPU job (5·10^7 steps of a random-number generator, median of five), timed at the start
 * and the end: on a machine shared with other work it shows how much of a core this run got.
 */
function cpuCheck(): number {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    let seed = round + 1;
    for (let i = 0; i < 50_000_000; i++) seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
    times.push(performance.now() - t0);
    if (seed === -1) console.log(''); // keeps the loop from being optimised away
  }
  return spread(times).median;
}

function table(header: string[], rows: string[][], alignRight: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (alignRight[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

let screenshotDir: string | undefined;

/** With --screenshots: the page as measured, to check the benchmark saw what it claims. */
async function shot(page: Page, name: string): Promise<void> {
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `bench-ui-${name}.png`) });
}

async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__playground?.editorReady === true, undefined, { timeout: 60_000 });
}

async function openPage(browser: Browser, url: string, options: BenchOptions) {
  // The service worker's precache (10 MB, fetched 3 s after load) would compete with what is measured.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript({ content: `window.__benchOptions = ${JSON.stringify(options)};` });
  await context.addInitScript({ path: IN_PAGE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

function failOnPageErrors(errors: string[], where: string): void {
  if (errors.length > 0) throw new Error(`the page threw during ${where}:\n  ${errors.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// 1 + 2. First screen: time to an interactive canvas, and the JS shipped before Monaco.

/** The build being measured: a private copy of dist/ (see copyDist). */
let DIST = join(ROOT, 'dist');

/** The engine worker's file (Vite bundles a worker on its own: its whole code is this one file). */
const isWorkerFile = (path: string) => /\/engine\.worker-[^/]*\.js$/.test(path);

/** dist/assets JS files that hold Monaco itself (its global MonacoEnvironment hook is in no other). */
function monacoFiles(): Set<string> {
  const dir = join(DIST, 'assets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  return new Set(files.filter((f) => readFileSync(join(dir, f), 'utf8').includes('MonacoEnvironment')).map((f) => `/assets/${f}`));
}

interface Chunk {
  path: string;
  start: number;
  raw: number;
  gzip: number;
  transferred: number;
}
interface FirstScreen {
  interactive: number;
  cardPainted: number;
  inputLatency: number;
  clickDelay: number;
  selectedRaw: number;
  editorReady: number;
  domContentLoaded: number;
  firstContentfulPaint: number;
  /** Long tasks (> 50 ms) that started before the card was painted: how many, and their total. */
  longTasksBeforeCard: { count: number; total: number; longest: number };
  appliedStarter: boolean;
  /** The first click missed (the card moved) and a second one selected it. */
  retried: boolean;
  monacoStart: number;
  monacoFile: string;
  beforeMonaco: Chunk[];
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();
function sizesOf(path: string): { raw: number; gzip: number } {
  let sizes = gzipCache.get(path);
  if (!sizes) {
    const file = join(DIST, path === '/' ? 'index.html' : path);
    const bytes = readFileSync(file);
    // Level 6, zlib's default: what `vite preview` (and most servers) send.
    sizes = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
    gzipCache.set(path, sizes);
  }
  return sizes;
}

/** A share link of the starter manifest applied on the default cluster, made by the app's own store code. */
async function starterShareFragment(): Promise<string> {
  // The in-process runner answers Apply synchronously, so the session holds the starter's apply.
  const store = createAppStore({ engine: createInlineRunner() });
  store.getState().applyEditor();
  return encodeSession(store.getState().exportSession());
}

interface FirstScreenVariant {
  /** A share link to open; without one the bench applies the starter as the page boots. */
  fragment?: string;
  /** Hold Monaco's download until the card is selected: what deferring the editor would give. */
  holdMonaco?: boolean;
}

async function firstScreenRun(browser: Browser, url: string, monaco: Set<string>, variant: FirstScreenVariant = {}): Promise<FirstScreen> {
  const fragment = variant.fragment ?? '';
  const { context, page, errors } = await openPage(browser, url, { firstScreen: true, applyStarter: fragment === '' });
  let release = () => {};
  const selectionShown = new Promise<void>((resolve) => (release = resolve));
  try {
    if (variant.holdMonaco) {
      for (const path of monaco) {
        await context.route(new URL(path, url).href, async (route) => {
          await selectionShown;
          await route.continue().catch(() => undefined); // the context may be closing
        });
      }
    }
    await page.goto(url + fragment, { waitUntil: 'commit' });
    // Click the card as soon as it is painted: the page itself says where it is (polling every
    // frame), so the click arrives while the rest of the page may still be loading. If the card
    // moved before the press landed (the canvas re-framed), click it again where it is now.
    let clicks = 0;
    for (;;) {
      const where = await page.waitForFunction(() => window.__bench.marks.cardPainted !== null && window.__bench.cardPoint(), undefined, { polling: 'raf', timeout: 30_000 });
      const point = (await where.jsonValue()) as PanePoint;
      await page.mouse.click(point.x, point.y);
      clicks++;
      const outcome = await page.waitForFunction(
        () => (window.__bench.marks.selectedPainted !== null ? 'selected' : window.__bench.marks.inputOnCard === false ? 'missed' : false),
        undefined,
        { timeout: 30_000 },
      );
      if ((await outcome.jsonValue()) === 'selected') break;
      // (a missed click: try again)
      if (clicks === 5) throw new Error('five clicks on the volume card missed it (it kept moving)');
    }
    const retried = clicks > 1;
    release();
    const selected = await page.evaluate(() => (window.__playground!.getState() as HookState).selected);
    if (selected?.kind !== 'PersistentVolume') throw new Error(`clicking the volume card selected ${JSON.stringify(selected)}, not the volume`);
    await waitForEditor(page);
    await shot(page, 'first-screen');
    const marks = await page.evaluate(() => window.__bench.marks);
    const nav = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        return { url: r.name, start: r.startTime, transferred: r.transferSize };
      }),
    );
    failOnPageErrors(errors, 'the first screen');
    const { cardPainted, input, selectedPainted, editorReady } = marks;
    if (cardPainted === null || input === null || selectedPainted === null || editorReady === null) throw new Error(`incomplete first-screen marks: ${JSON.stringify(marks)}`);

    const local = resources.map((r) => ({ ...r, path: new URL(r.url).pathname })).filter((r) => new URL(r.url).origin === new URL(url).origin);
    const monacoRequests = local.filter((r) => monaco.has(r.path)).sort((a, b) => a.start - b.start);
    const first = monacoRequests[0];
    if (!first) throw new Error(`the page never requested a Monaco chunk (${[...monaco].join(', ') || 'none found in dist/'})`);
    const seen = new Set<string>();
    const beforeMonaco = local
      .filter((r) => r.start < first.start)
      .sort((a, b) => a.start - b.start)
      .filter((r) => !seen.has(r.path) && seen.add(r.path))
      .map((r) => ({ path: r.path, start: r.start, transferred: r.transferred, ...sizesOf(r.path) }));

    const early = marks.longTasks.filter((t) => t.start < cardPainted);
    return {
      interactive: cardPainted + (selectedPainted - input),
      cardPainted,
      inputLatency: selectedPainted - input,
      clickDelay: input - cardPainted,
      selectedRaw: selectedPainted,
      editorReady,
      domContentLoaded: nav,
      firstContentfulPaint: fcp,
      longTasksBeforeCard: { count: early.length, total: early.reduce((n, t) => n + t.duration, 0), longest: Math.max(0, ...early.map((t) => t.duration)) },
      appliedStarter: marks.appliedStarter,
      retried,
      monacoStart: first.start,
      monacoFile: first.path,
      beforeMonaco,
    };
  } finally {
    release();
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Apply → canvas for 20 objects.

async function applyRuns(browser: Browser, url: string, runs: number) {
  const { context, page, errors } = await openPage(browser, url, { firstScreen: false, applyStarter: false });
  try {
    await page.goto(url);
    await waitForEditor(page);
    const s = scenario(20);
    await page.evaluate((text) => window.__playground!.setEditorText(text), s.text);
    await page.waitForTimeout(1_500); // Monaco takes the new text and monaco-yaml validates it
    const reset = page.getByRole('button', { name: /^Reset\b/ });
    const samples: { dom: number; painted: number }[] = [];
    for (let i = 0; i <= runs; i++) {
      await reset.click();
      // After the first Apply there is work to lose, so Reset asks first (ResetButton.tsx).
      if (i > 0) await page.getByRole('alertdialog', { name: 'Reset the cluster?' }).getByRole('button', { name: 'Reset', exact: true }).click();
      await page.waitForFunction((label) => !document.querySelector(`.react-flow__node[aria-label=${JSON.stringify(label)}]`), s.lastCard);
      await page.waitForTimeout(800); // the canvas re-frames (300 ms) after the reset
      const sample = await page.evaluate(([label, timeout]) => window.__bench.measureApply(label, timeout), [s.lastCard, 30_000] as const);
      if (i > 0) samples.push(sample); // run 0 warms the JIT up and is not counted
      if (i === 0) await shot(page, 'apply-20');
      const failed = await page.evaluate(() => ((window.__playground!.getState() as HookState).lastApply?.results ?? []).filter((r) => r.error).map((r) => r.error!.message));
      if (failed.length > 0) throw new Error(`the 20-object manifest did not apply cleanly:\n  ${failed.join('\n  ')}`);
    }
    failOnPageErrors(errors, 'the apply runs');
    return { scenario: s, dom: spread(samples.map((x) => x.dom)), painted: spread(samples.map((x) => x.painted)) };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Frame rate at 300 and 1,000 objects: idle, panning, playing.

interface FpsSet {
  idle: FrameCount[];
  pan: FrameCount[];
  play: FrameCount[];
  applyDom: number;
  frames: number;
  /** Cards in the DOM (React Flow nodes, or overview tiles), and on screen, as the app leaves the view after the apply. */
  nodes: { total: number; onScreen: number };
  panMoves: number[];
}

async function fpsRuns(browser: Browser, url: string, objects: number, runs: number): Promise<FpsSet> {
  const { context, page, errors } = await openPage(browser, url, { firstScreen: false, applyStarter: false });
  try {
    await page.goto(url);
    await waitForEditor(page);
    const s = scenario(objects);
    await page.evaluate((text) => window.__playground!.setEditorText(text), s.text);
    await page.waitForTimeout(2_000);
    const applied = await page.evaluate(([label, timeout]) => window.__bench.measureApply(label, timeout), [s.lastCard, 120_000] as const);
    await page.waitForTimeout(2_000); // the canvas re-frames to the new cards
    const nodes = await page.evaluate(() => window.__bench.nodesOnScreen());
    await shot(page, `canvas-${objects}`);
    const { frames } = await page.evaluate(() => window.__playground!.timeline.position());
    const replayFrom = Math.max(0, frames - 1 - REPLAY_STEPS);
    const set: FpsSet = { idle: [], pan: [], play: [], applyDom: applied.dom, frames, nodes, panMoves: [] };
    for (let i = 0; i < runs; i++) {
      set.idle.push(await page.evaluate((window_) => window.__bench.countFrames(window_, 'idle'), FPS_WINDOW_MS));

      const point = await page.evaluate(() => window.__bench.emptyPanePoint());
      if (!point) throw new Error(`no empty spot on the canvas to drag at ${objects} objects`);
      const counting = page.evaluate((window_) => window.__bench.countFrames(window_, 'pan'), FPS_WINDOW_MS);
      set.panMoves.push(await dragFigureOfEight(page, point, FPS_WINDOW_MS + 300));
      set.pan.push(await counting);
      await page.locator('.react-flow__controls-fitview').click(); // back to the whole graph
      await page.waitForTimeout(800);

      await page.evaluate((from) => {
        window.__playground!.timeline.seek(from);
        window.__playground!.timeline.play();
      }, replayFrom);
      set.play.push(await page.evaluate(([window_, from]) => window.__bench.countFrames(window_, 'play', from), [FPS_WINDOW_MS, replayFrom] as const));
      if (i === 0) await shot(page, `playing-${objects}`);
      await page.evaluate(() => window.__playground!.timeline.goLive());
      await page.waitForTimeout(1_000);
    }
    failOnPageErrors(errors, `the frame-rate runs at ${objects} objects`);
    return set;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The report.

type Verdict = 'PASS' | 'MISS' | 'info';
interface Row {
  goal: string;
  figure: string;
  spread: string;
  budget: string;
  verdict: Verdict;
}

/** The longest main-thread task of each heavy case, median of the runs, against 100 ms. */
function responsiveRows(runs: ResponsiveRun[]): Row[] {
  const cases: [keyof ResponsiveRun, string][] = [
    ['paste5mb', 'Longest task: pasting 5 MB'],
    ['apply5mb', '… applying the 5 MB document'],
    ['paste10k', '… pasting 10,000 documents'],
    ['working10k', '… while the engine applies them'],
    ['drawing10k', '… taking in and drawing the result'],
    ['replay7500', '… a share link replaying into 7,500 objects'],
  ];
  return cases.map(([key, goal]) => {
    const s = spread(runs.map((r) => r[key]));
    // The browser reports only tasks over 50 ms: 0 is "none that long".
    const task = (x: number) => (x === 0 ? '< 50 ms' : ms(x));
    return { goal, figure: task(s.median), spread: range(s, task), budget: `≤ ${ms(GOALS.longestTaskMs)}`, verdict: s.median <= GOALS.longestTaskMs ? 'PASS' : 'MISS' };
  });
}

function fpsRows(label: string, set: FpsSet, floor: number, goalText: string): Row[] {
  const row = (what: string, xs: FrameCount[], verdictOf: (median: number) => Verdict): Row => {
    const f = spread(xs.map((x) => x.fps));
    const worst = Math.max(...xs.map((x) => x.worstGap));
    // Frame times over every run's frames: the median says how fast it usually is, p95 how bad the stutters are.
    const gaps = xs.flatMap((x) => x.gaps);
    const times = `frame ${percentile(gaps, 0.5).toFixed(1)} ms median, ${percentile(gaps, 0.95).toFixed(1)} ms p95`;
    return { goal: `${what}, ${label}`, figure: `${fps(f.median)} fps`, spread: `${range(f, fps)}; ${times}; worst gap ${ms(worst)}`, budget: goalText, verdict: verdictOf(f.median) };
  };
  const pass = (median: number): Verdict => (median >= floor ? 'PASS' : 'MISS');
  // Panning at 300 objects is a goal of its own (issue 12: 60 fps); at 1,000 it is for information.
  const panVerdict = label.startsWith('300 ') ? pass : (): Verdict => 'info';
  return [row('Playback', set.play, pass), row('Panning', set.pan, panVerdict), row('Idle', set.idle, () => 'info')];
}

function printFpsDetail(objects: number, set: FpsSet): void {
  console.log(
    `\n${objects} objects: ${set.nodes.total} cards and frame nodes in the DOM (${set.nodes.onScreen} on screen after the apply's fit), apply → last card ${ms(set.applyDom)}, ${set.frames} timeline frames (replaying the last ${REPLAY_STEPS}).`,
  );
  if (set.nodes.onScreen === 0) console.log('  Note: no card is on screen in the view the app chose (zoomed out to its limit on a tall layout): these figures are for a canvas showing edges only.');
  const rows = (['play', 'pan', 'idle'] as const).flatMap((mode) =>
    set[mode].map((x, i) => [mode, String(i + 1), fps(x.fps), String(x.frames), `${percentile(x.gaps, 0.5).toFixed(1)} ms`, `${percentile(x.gaps, 0.95).toFixed(1)} ms`, ms(x.worstGap), String(x.dropped), mode === 'idle' ? '' : String(x.changed), mode === 'play' ? String(x.restarts) : mode === 'pan' ? `${set.panMoves[i]} moves` : '']),
  );
  console.log(table(['mode', 'run', 'fps', 'frames', 'median frame', 'p95 frame', 'worst gap', 'dropped', 'moved', 'notes'], rows, [false, true, true, true, true, true, true, true, true, false]));
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  screenshotDir = opts.screenshots;
  const runs = { firstScreen: opts.runs ?? 5, apply: opts.runs ?? 7, fps: opts.runs ?? 3, responsive: opts.runs ?? 3 };
  const chrome = findChrome();
  if (chrome.path === null) throw new Error(chrome.error);

  const stale = staleReason(ROOT);
  if (opts.build || (stale && !opts.noBuild)) {
    console.log(`Building (${opts.build ? '--build' : stale}) …`);
    const t0 = performance.now();
    build(ROOT);
    console.log(`Built in ${ms(performance.now() - t0)}.`);
  } else {
    console.log(stale ? `dist/ is stale (${stale}) but --no-build was given: measuring it as it is.` : 'dist/ is up to date with its sources: not rebuilding.');
  }
  let copy: DistCopy | undefined;
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  const stopServer = () => {
    server?.stop();
    copy?.remove();
    server = undefined;
    copy = undefined;
  };
  // Whatever ends this process (Ctrl+C, a crash in a callback) also ends the server it started.
  process.once('exit', stopServer);
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  try {
    copy = copyDist(ROOT);
    DIST = copy.dir;
    const monaco = monacoFiles();
    const loadBefore = loadavg();
    const cpuBefore = cpuCheck();
    server = await startPreview(ROOT, copy.dir);
    browser = await chromium.launch({ executablePath: chrome.path, args: CHROME_ARGS, headless: true });
    console.log(`vite preview at ${server.url}; Chromium ${browser.version()} (${chrome.path}), ${VIEWPORT.width}x${VIEWPORT.height}, headless.`);
    console.log(`Load average before: ${loadBefore.map((x) => x.toFixed(2)).join(' ')}; CPU check ${ms(cpuBefore)} (a fixed job: higher = busier machine, figures noisier).\n`);

    let phase = performance.now();
    const done = () => {
      const took = performance.now() - phase;
      phase = performance.now();
      return `  (${(took / 1000).toFixed(1)} s)`;
    };
    console.log(`First screen: ${runs.firstScreen} runs (plus one uncounted warm-up), each in a fresh context (empty cache) …`);
    await firstScreenRun(browser, server.url, monaco);
    const screens: FirstScreen[] = [];
    for (let i = 0; i < runs.firstScreen; i++) screens.push(await firstScreenRun(browser, server.url, monaco));
    console.log(done());
    const fragment = await starterShareFragment();
    console.log(`First screen through a share link (${fragment.length} characters): ${runs.firstScreen} runs …`);
    const linked: FirstScreen[] = [];
    for (let i = 0; i < runs.firstScreen; i++) linked.push(await firstScreenRun(browser, server.url, monaco, { fragment }));
    console.log(done());
    console.log(`First screen with Monaco's download held until the card is selected: ${runs.firstScreen} runs …`);
    const held: FirstScreen[] = [];
    for (let i = 0; i < runs.firstScreen; i++) held.push(await firstScreenRun(browser, server.url, monaco, { holdMonaco: true }));

    console.log(done());
    console.log(`Apply: ${runs.apply} runs (plus one warm-up) …`);
    const apply = await applyRuns(browser, server.url, runs.apply);

    console.log(done());
    console.log(`Frame rate: ${runs.fps} runs of ${FPS_WINDOW_MS / 1000} s per mode, at 300 objects …`);
    const fps300 = await fpsRuns(browser, server.url, 300, runs.fps);
    console.log(done());
    console.log(`Frame rate at 1,000 objects …`);
    const fps1000 = await fpsRuns(browser, server.url, 1_000, runs.fps);
    console.log(done());
    console.log(`Responsiveness: ${runs.responsive} runs of a 5 MB paste and Apply, 10,000 documents, a share link of 7,500 objects …`);
    const responsive: ResponsiveRun[] = [];
    const openForResponsive = async (b: Browser) => {
      const { context, page } = await openPage(b, server!.url, { firstScreen: false, applyStarter: false });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      return { page, close: () => context.close() };
    };
    for (let i = 0; i < runs.responsive; i++) responsive.push(await responsiveRun(browser, server.url, openForResponsive));
    console.log(done());

    // -- Report ---------------------------------------------------------------------------
    const interactive = spread(screens.map((s) => s.interactive));
    const interactiveLinked = spread(linked.map((s) => s.interactive));
    const interactiveHeld = spread(held.map((s) => s.interactive));
    // Every file requested before Monaco in any run, with how many runs requested it that early.
    const chunkRuns = new Map<string, { chunk: Chunk; runs: number }>();
    for (const s of screens) {
      for (const c of s.beforeMonaco) chunkRuns.set(c.path, { chunk: chunkRuns.get(c.path)?.chunk ?? c, runs: (chunkRuns.get(c.path)?.runs ?? 0) + 1 });
    }
    const chunks = [...chunkRuns.values()].sort((a, b) => a.chunk.start - b.chunk.start);
    const jsOf = (s: FirstScreen) => s.beforeMonaco.filter((c) => c.path.endsWith('.js') && !isWorkerFile(c.path));
    const workerJs = spread(screens.map((s) => s.beforeMonaco.filter((c) => isWorkerFile(c.path)).reduce((n, c) => n + c.gzip, 0)));
    const jsGzipRuns = spread(screens.map((s) => jsOf(s).reduce((n, c) => n + c.gzip, 0)));
    const jsRawRuns = spread(screens.map((s) => jsOf(s).reduce((n, c) => n + c.raw, 0)));
    const jsFiles = spread(screens.map((s) => jsOf(s).length));
    const jsGzip = jsGzipRuns.max; // the budget is judged on the heaviest run

    const rows: Row[] = [
      {
        goal: 'Navigation → interactive canvas (starter scenario)',
        figure: ms(interactive.median),
        spread: range(interactive, ms),
        budget: `≤ ${ms(GOALS.interactiveMs)}`,
        verdict: interactive.median <= GOALS.interactiveMs ? 'PASS' : 'MISS',
      },
      {
        goal: '… the same through a share link (#s=)',
        figure: ms(interactiveLinked.median),
        spread: range(interactiveLinked, ms),
        budget: `≤ ${ms(GOALS.interactiveMs)}`,
        verdict: 'info',
      },
      {
        goal: '… the same with Monaco held back (diagnostic)',
        figure: ms(interactiveHeld.median),
        spread: range(interactiveHeld, ms),
        budget: `≤ ${ms(GOALS.interactiveMs)}`,
        verdict: 'info',
      },
      {
        goal: 'JavaScript before Monaco, main thread (gzip, heaviest run)',
        figure: kb(jsGzip),
        spread: jsGzipRuns.min === jsGzipRuns.max ? `${jsFiles.max} files, ${kb(jsRawRuns.max)} raw` : `${kb(jsGzipRuns.min)} – ${kb(jsGzipRuns.max)} over runs`,
        budget: `≤ ${GOALS.firstScreenJsKb} kB`,
        verdict: jsGzip <= GOALS.firstScreenJsKb * 1000 ? 'PASS' : 'MISS',
      },
      {
        goal: '… and the engine worker\'s, on its own thread (gzip)',
        figure: kb(workerJs.max),
        spread: 'the first Apply and a link\'s replay run there; it never blocks the page',
        budget: '(not the page\'s)',
        verdict: 'info',
      },
      ...responsiveRows(responsive),
      {
        goal: `Apply → canvas, ${apply.scenario.objects} objects (DOM)`,
        figure: ms(apply.dom.median),
        spread: `${range(apply.dom, ms)}; painted ${ms(apply.painted.median)}`,
        budget: `≤ ${ms(GOALS.applyMs)}`,
        verdict: apply.dom.median <= GOALS.applyMs ? 'PASS' : 'MISS',
      },
      ...fpsRows('300 objects', fps300, SIXTY_FPS_FLOOR, `≥ ${GOALS.fps300} fps`),
      ...fpsRows('1,000 objects', fps1000, GOALS.fps1000, `≥ ${GOALS.fps1000} fps`),
    ];

    console.log('\nFirst screen, per run (ms from navigation start); "link" rows open the share link, "held" rows hold Monaco back:');
    console.log(
      table(
        ['run', 'interactive', 'card painted', 'click latency', 'harness delay', 'selected (raw)', 'DCL', 'FCP', 'Monaco request', 'editor ready', 'long tasks before card'],
        [...screens.map((s, i) => [s, String(i + 1)] as const), ...linked.map((s, i) => [s, `link ${i + 1}`] as const), ...held.map((s, i) => [s, `held ${i + 1}`] as const)].map(([s, name]) => [
          name + (s.retried ? ' *' : ''),
          ms(s.interactive),
          ms(s.cardPainted),
          ms(s.inputLatency),
          ms(s.clickDelay),
          ms(s.selectedRaw),
          ms(s.domContentLoaded),
          ms(s.firstContentfulPaint),
          ms(s.monacoStart),
          ms(s.editorReady),
          `${s.longTasksBeforeCard.count}, ${ms(s.longTasksBeforeCard.total)} (longest ${ms(s.longTasksBeforeCard.longest)})`,
        ]),
        [true, true, true, true, true, true, true, true, true, true, true],
      ),
    );
    console.log('interactive = card painted + click latency (input timestamp → selection painted); harness delay = card painted → click received, left out.');
    if ([...screens, ...linked, ...held].some((s) => s.retried)) console.log('* the first click missed (the card moved) and a second click selected it.');
    console.log(screens.every((s) => s.appliedStarter) ? 'Numbered runs: the starter manifest was applied by the benchmark as the page booted (a first visit shows it unapplied).' : 'Numbered runs: the page showed volumes without the benchmark applying anything.');

    const monacoStart = spread(screens.map((s) => s.monacoStart));
    console.log(`\nFirst-screen requests before the first Monaco request (${screens[0]!.monacoFile}, requested at ${ms(monacoStart.median)}, median):`);
    console.log(
      table(
        ['file', 'requested at', 'raw', 'gzip', 'transferred', 'runs'],
        chunks.map(({ chunk: c, runs: n }) => [c.path, ms(c.start), kb(c.raw), kb(c.gzip), c.transferred > 0 ? kb(c.transferred) : '(cache/none)', `${n}/${screens.length}`]),
        [false, true, true, true, true, true],
      ),
    );
    console.log(
      `JS before Monaco on the main thread: ${kb(jsGzipRuns.median)} gzip (level 6), ${kb(jsRawRuns.median)} raw, ${jsFiles.median} files (median of ${screens.length} runs; heaviest ${kb(jsGzipRuns.max)}).` +
        (jsGzipRuns.min !== jsGzipRuns.max ? ' Files requested in only some runs raced Monaco\'s request.' : ''),
    );

    console.log(`\nApply → canvas, ${apply.scenario.objects} objects (1 StorageClass, ${apply.scenario.pairs + apply.scenario.spare} PVs, ${apply.scenario.pairs} PVCs, ${apply.scenario.pods} pods), until "${apply.scenario.lastCard}": DOM ${ms(apply.dom.median)} (${range(apply.dom, ms)}), painted ${ms(apply.painted.median)} (${range(apply.painted, ms)}), ${apply.dom.n} runs.`);
    printFpsDetail(300, fps300);
    printFpsDetail(1_000, fps1000);

    const loadAfter = loadavg();
    console.log(`\nLoad average after: ${loadAfter.map((x) => x.toFixed(2)).join(' ')}; CPU check ${ms(cpuCheck())} (${ms(cpuBefore)} before).`);
    console.log('\nGoals (medians; "info" rows have no stated goal; 60 fps passes at ≥ 58 measured, timer jitter):');
    console.log(table(['goal', 'figure', 'min – max / detail', 'budget', 'result'], rows.map((r) => [r.goal, r.figure, r.spread, r.budget, r.verdict]), [false, true, false, false, false]));
  } finally {
    await browser?.close().catch(() => undefined);
    stopServer();
  }
}

main().catch((err: unknown) => {
  const detail = err instanceof UsageError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error(`\nbench:ui failed: ${detail}`);
  process.exitCode = 1;
});
