// Where the documents of the editor text are (for the code lens, the toolbar's count, "apply the
// document under the cursor" and the templates' `---`), worked out by the engine's own parser in a
// worker of its own: a 5 MB paste or a YAML bomb costs the page nothing, and a parse that takes
// too long is abandoned (the lenses then wait for the next edit) instead of freezing the editor.
import { createLazyInlineRunner, createWorkerRunner, type EngineRunner } from '../../store/engine-client.ts';
import type { Analysis } from '../../store/engine-protocol.ts';
import { spawnEngineWorker } from '../../store/index.ts';

/** A parse that takes longer than this is given up (the worker is replaced). */
export const ANALYSIS_TIMEOUT_MS = 15_000;

let runner: EngineRunner | null = null;
let last: { text: string; analysis: Analysis | null } | null = null;
let running: Promise<void> | null = null;
// The newest text asked for while a parse ran, with everyone waiting for it; older asks get the newest answer.
let queued: { text: string; waiters: ((a: Analysis | null) => void)[] } | null = null;

/** Without an editor (it failed to load), analysis starts this long after it was first asked for. */
const START_WITHOUT_EDITOR_MS = 5_000;
let markStarted: () => void = () => {};
const started = new Promise<void>((resolve) => (markStarted = resolve));
let fallback: ReturnType<typeof setTimeout> | null = null;

/**
 * Called once Monaco is on the page. Until then no worker starts: its 120 kB chunk would be
 * fetched ahead of Monaco's and slow the first screen (`npm run bench:ui`).
 */
export function editorMounted(): void {
  markStarted();
}

function getRunner(): EngineRunner {
  runner ??= typeof Worker === 'function' ? createWorkerRunner(spawnEngineWorker) : createLazyInlineRunner();
  return runner;
}

/** The analysis of `text` as soon as it is known, or null when it could not be made in time. */
export function analyzeText(text: string): Promise<Analysis | null> {
  if (last?.text === text) return Promise.resolve(last.analysis);
  return new Promise((resolve) => {
    if (queued) {
      queued.text = text;
      queued.waiters.push(resolve);
    } else {
      queued = { text, waiters: [resolve] };
    }
    if (!running) running = drain();
  });
}

/** The last analysis, if it is of exactly this text (synchronous callers: templates). */
export function analysisIfCurrent(text: string): Analysis | null {
  return last?.text === text ? last.analysis : null;
}

async function drain(): Promise<void> {
  fallback ??= setTimeout(markStarted, START_WITHOUT_EDITOR_MS);
  await started;
  while (queued) {
    const { text, waiters } = queued;
    queued = null;
    const o = await getRunner().run({ type: 'analyze', text }, { timeoutMs: ANALYSIS_TIMEOUT_MS });
    last = { text, analysis: o.ok ? o.value : null };
    for (const w of waiters) w(last.analysis);
  }
  running = null;
}
